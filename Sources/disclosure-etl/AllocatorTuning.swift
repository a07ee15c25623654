#if canImport(Glibc)
import CMalloc
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#endif

/// How the process asks glibc's malloc to hand memory back.
///
/// glibc serves a large block from `mmap` only until one is freed; then it raises its threshold to
/// that size (up to 32 MiB), so the megabyte-sized buffers that load makes and frees by the
/// thousand (page bodies, compressed pages, the columns of each slice) are carved from the heap
/// afterwards and their freed space stays resident. A fixed threshold of 512 KiB keeps them
/// mapped and returned when freed: at 100,000 reports the peak resident memory of a full run fell
/// from 101–114 MB to 83 MB, for about 0.5 s more system time (docs/performance.md).
/// A threshold set in the environment (`MALLOC_MMAP_THRESHOLD_`) is left as it is.
///
/// glibc also gives threads arenas of their own, up to eight per core, each keeping the space
/// freed in it; the workers of one stage, the appender of load and the threads the Parquet writer
/// borrows each end up with one. As many arenas as jobs (at least two) keep each worker on its
/// own lock and took 5 MB off the peak of a 100,000-report run (87–88 → 82 MB) at the same speed
/// (docs/performance.md). A limit set in the environment (`MALLOC_ARENA_MAX`) is left as it is.
enum AllocatorTuning {
    static let mmapThreshold: Int32 = 512 * 1024

    static func apply() {
        #if canImport(Glibc)
        guard getenv("MALLOC_MMAP_THRESHOLD_") == nil else { return }
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        #endif
    }

    /// Limits malloc's arenas for a run of `jobs` workers; call before the workers start.
    static func limitArenas(jobs: Int) {
        #if canImport(Glibc)
        guard getenv("MALLOC_ARENA_MAX") == nil else { return }
        _ = mallopt(M_ARENA_MAX, Int32(clamping: max(2, jobs)))
        #endif
    }
}

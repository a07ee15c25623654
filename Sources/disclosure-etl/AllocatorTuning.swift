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
enum AllocatorTuning {
    static let mmapThreshold: Int32 = 512 * 1024

    static func apply() {
        #if canImport(Glibc)
        guard getenv("MALLOC_MMAP_THRESHOLD_") == nil else { return }
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        #endif
    }
}

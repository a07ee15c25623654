import CZstd
import Synchronization

/// ZSTD compression contexts shared by every writer in the process.
///
/// A context keeps up to about 1.3 MB of match tables, sized by the largest page it has
/// compressed. One per column, as the writers had, cost tens of MB for a few wide files
/// open at once; only as many are needed as pages are compressed at the same moment (about
/// one per core), so idle contexts wait here for the next page. Creating a context per page
/// would cost more than compressing a small page. Reuse does not change the output:
/// `ZSTD_compressCCtx` starts every frame from scratch.
final class ZstdContextPool: Sendable {
    static let shared = ZstdContextPool()

    private let idle = Mutex<[ZstdContext]>([])

    /// Runs `body` with a context no other thread uses meanwhile.
    func withContext<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        let context = try idle.withLock { $0.popLast() } ?? ZstdContext()
        defer { idle.withLock { $0.append(context) } }
        return try body(context.pointer)
    }
}

/// Owns one `ZSTD_CCtx`. Sendable because the pool hands it to one thread at a time.
private final class ZstdContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init() throws {
        guard let pointer = ZSTD_createCCtx() else { throw ParquetError.compression("ZSTD_createCCtx failed") }
        self.pointer = pointer
    }

    deinit { ZSTD_freeCCtx(pointer) }
}

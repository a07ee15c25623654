import CZstd

/// Compresses page bodies. Each page becomes one self-contained ZSTD frame that records
/// its content size (ZSTD_compress does both), as Parquet readers expect.
///
/// One compression context and one output buffer are reused for every page: creating a
/// context per page costs more than compressing a small page.
final class PageCompressor {
    let compression: Compression
    private var context: OpaquePointer?
    private var scratch: UnsafeMutableRawBufferPointer

    init(_ compression: Compression) throws {
        self.compression = compression
        scratch = .allocate(byteCount: 1 << 16, alignment: 16)
        if case .zstd = compression {
            guard let context = ZSTD_createCCtx() else {
                scratch.deallocate()
                throw ParquetError.compression("ZSTD_createCCtx failed")
            }
            self.context = context
        }
    }

    deinit {
        if let context { ZSTD_freeCCtx(context) }
        scratch.deallocate()
    }

    var codec: CompressionCodec {
        switch compression {
        case .uncompressed: .uncompressed
        case .zstd: .zstd
        }
    }

    /// Compresses `input` and passes the result to `body`; the buffer is only valid inside `body`.
    func compress<R>(_ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        switch compression {
        case .uncompressed:
            return try body(input)
        case let .zstd(level):
            let bound = ZSTD_compressBound(input.count)
            if scratch.count < bound {
                scratch.deallocate()
                scratch = .allocate(byteCount: bound, alignment: 16)
            }
            let written = ZSTD_compressCCtx(context, scratch.baseAddress, scratch.count, input.baseAddress, input.count, level)
            if ZSTD_isError(written) != 0 {
                throw ParquetError.compression(String(cString: ZSTD_getErrorName(written)))
            }
            return try body(UnsafeRawBufferPointer(rebasing: scratch[0 ..< written]))
        }
    }
}

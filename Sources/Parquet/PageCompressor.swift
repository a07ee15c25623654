import CZstd

/// Compresses page bodies. Each page becomes one self-contained ZSTD frame that records
/// its content size (ZSTD_compressCCtx does both), as Parquet readers expect.
///
/// Contexts come from `ZstdContextPool`. The output buffer lives for one page only: a
/// buffer kept per column would stay as large as the largest page or dictionary it ever
/// held, and allocating it costs little next to compressing the page.
struct PageCompressor: Sendable {
    let compression: Compression

    init(_ compression: Compression) {
        self.compression = compression
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
            let output = UnsafeMutableRawBufferPointer.allocate(byteCount: ZSTD_compressBound(input.count), alignment: 16)
            defer { output.deallocate() }
            let written = try ZstdContextPool.shared.withContext {
                ZSTD_compressCCtx($0, output.baseAddress, output.count, input.baseAddress, input.count, level)
            }
            if ZSTD_isError(written) != 0 {
                throw ParquetError.compression(String(cString: ZSTD_getErrorName(written)))
            }
            return try body(UnsafeRawBufferPointer(rebasing: output[0 ..< written]))
        }
    }
}

import CZstd
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a dataset as `csv/<dataset>.csv.zst`: the same CSV, compressed with zstd as one stream
/// (`zstd -d`, DuckDB's `read_csv` and polars read it directly).
public struct CompressedCSVWriter: DatasetWriter {
    public let level: Int32
    /// Starts the CSV with a UTF-8 byte-order mark, as `CSVWriter.bom`.
    public let bom: Bool
    public var format: String { "csv.zst" }

    public init(level: Int32 = 3, bom: Bool = false) {
        self.level = level
        self.bom = bom
    }

    public func encode(_ chunk: DatasetTable) -> EncodedChunk { .bytes(CSVWriter.rows(chunk)) }

    public func open(_ schema: DatasetSchema, outputRoot: String, part: PartName) throws -> any DatasetSink {
        let relative = "csv/\(schema.name)\(part.csvSuffix).csv.zst"
        return try CompressedCSVSink(schema: schema, level: level, bom: bom, finalPath: outputRoot + "/" + relative, relativePath: relative)
    }
}

/// One `.csv.zst` file being written through a zstd stream.
final class CompressedCSVSink: DatasetSink {
    let file: OutputFile
    let finalPath: String
    let relativePath: String
    private let stream: OpaquePointer

    init(schema: DatasetSchema, level: Int32, bom: Bool, finalPath: String, relativePath: String) throws {
        self.finalPath = finalPath
        self.relativePath = relativePath
        guard let stream = ZSTD_createCStream() else { throw LoadError("\(finalPath): cannot start a zstd stream") }
        self.stream = stream
        ZSTD_initCStream(stream, level)
        file = try OutputFile(path: AtomicFile.temporaryPath(for: finalPath))
        try compress(CSVWriter.header(schema, bom: bom), end: false)
    }

    deinit { ZSTD_freeCStream(stream) }

    func append(encoded: EncodedChunk) throws {
        switch encoded {
        case .bytes(let bytes): try compress(bytes, end: false)
        case .table(let table): try compress(CSVWriter.rows(table), end: false)
        }
    }

    func finish() throws -> [StagedFile] {
        try compress([], end: true)
        try file.close()
        return [StagedFile(temporaryPath: file.path, finalPath: finalPath, relativePath: relativePath)]
    }

    func abandon() {
        try? file.close()
        unlink(file.path)
    }

    private func compress(_ bytes: [UInt8], end: Bool) throws {
        var output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        try bytes.withUnsafeBytes { source in
            var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                let (remaining, produced) = try output.withUnsafeMutableBytes { target -> (Int, Int) in
                    var out = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let result = ZSTD_compressStream2(stream, &out, &input, end ? ZSTD_e_end : ZSTD_e_continue)
                    if ZSTD_isError(result) != 0 {
                        throw LoadError("\(finalPath): zstd failed: \(String(cString: ZSTD_getErrorName(result)))")
                    }
                    return (result, out.pos)
                }
                if produced > 0 { try file.write(Array(output[0..<produced])) }
                if end ? remaining == 0 : input.pos == input.size { break }
            }
        }
    }
}

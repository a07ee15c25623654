import CZstd
import Foundation

/// Reads back files this module writes: flat schemas, version-1 data pages, PLAIN and
/// RLE_DICTIONARY values, RLE definition levels, ZSTD or no compression. Anything else
/// (nested columns, data page v2, other codecs or encodings) is refused with `ParquetError.corrupt`
/// naming it. Columns are read one at a time, whole or one row group at a time, so a caller reads
/// only those it needs.
public struct ParquetReader: Sendable {
    public struct LeafColumn: Sendable {
        public let name: String
        /// Physical type: 1 INT32, 2 INT64, 5 DOUBLE, 6 BYTE_ARRAY (others are not read).
        public let physicalType: Int
        public let nullable: Bool
    }

    private let source: ParquetSource
    public let columns: [LeafColumn]
    public let rowCount: Int
    public let keyValueMetadata: [(key: String, value: String)]
    public let createdBy: String?
    /// Per row group, the order its rows declare (`sorting_columns`; empty when none).
    public let sortingColumns: [[SortingColumn]]
    /// Per row group, its number of rows.
    public let rowGroupRowCounts: [Int]
    /// Per row group, per leaf column, its column-chunk metadata.
    private let chunks: [[ThriftValue]]

    public var rowGroupCount: Int { chunks.count }

    /// Reads the footer only; column chunks are read from the file when asked for, so the reader
    /// holds no more of the file than the chunk it decodes.
    public init(path: String) throws {
        do { try self.init(source: .file(try OpenFile(path: path))) } catch let ParquetError.corrupt(message) { throw ParquetError.corrupt("\(path): \(message)") }
    }

    public init(bytes: [UInt8]) throws {
        try self.init(source: .memory(bytes))
    }

    private init(source: ParquetSource) throws {
        self.source = source
        let magic = Array("PAR1".utf8)
        let size = source.count
        guard size >= 12, Array(try source.bytes(0..<4)) == magic else { throw ParquetError.corrupt("no PAR1 magic at both ends") }
        let tail = Array(try source.bytes((size - 8)..<size))
        guard Array(tail.suffix(4)) == magic else { throw ParquetError.corrupt("no PAR1 magic at both ends") }
        let footerLength = Int(tail[0]) | Int(tail[1]) << 8 | Int(tail[2]) << 16 | Int(tail[3]) << 24
        guard footerLength + 12 <= size else { throw ParquetError.corrupt("footer length \(footerLength) past the start") }
        var reader = CompactReader(try source.bytes((size - 8 - footerLength)..<(size - 8)))
        let metadata = try reader.readStruct()
        let schema = metadata[2]?.list ?? []
        guard let root = schema.first, (root[5]?.int ?? 0) == Int64(schema.count - 1) else {
            throw ParquetError.corrupt("only flat schemas are read")
        }
        columns = try schema.dropFirst().map { element in
            guard element[5] == nil, let type = element[1]?.int, let name = element[4]?.string else {
                throw ParquetError.corrupt("only flat schemas of primitive columns are read")
            }
            return LeafColumn(name: name, physicalType: Int(type), nullable: element[3]?.int == 1)
        }
        rowCount = Int(metadata[3]?.int ?? 0)
        keyValueMetadata = (metadata[5]?.list ?? []).map { ($0[1]?.string ?? "", $0[2]?.string ?? "") }
        createdBy = metadata[6]?.string
        chunks = (metadata[4]?.list ?? []).map { group in (group[1]?.list ?? []).map { $0[3] ?? .fields([:]) } }
        rowGroupRowCounts = (metadata[4]?.list ?? []).map { Int($0[3]?.int ?? 0) }
        sortingColumns = (metadata[4]?.list ?? []).map { group in
            (group[4]?.list ?? []).map { key in
                SortingColumn(columnIndex: Int32(truncatingIfNeeded: key[1]?.int ?? -1), descending: key[2]?.int == 1, nullsFirst: key[3]?.int == 1)
            }
        }
    }

    /// Reads one column of every row group, by name (a reader that needs a few rows of a long text
    /// column reads it a row group at a time, with `keep`).
    public func read(_ name: String) throws -> ReadColumn {
        let index = try columnIndex(name)
        var decoder = ColumnDecoder(column: columns[index])
        for group in chunks.indices { try readChunk(group: group, column: index, into: &decoder) }
        return decoder.result
    }

    /// Reads one column of row group `rowGroup` only (`keep` has one flag per row of the group): a
    /// reader going through a file group by group holds one group's rows at a time. With
    /// `keepValue`, a text column holds only the values it accepts (the others read as null).
    public func read(_ name: String, rowGroup: Int, keep: [Bool]? = nil, keepValue: ((ArraySlice<UInt8>) -> Bool)? = nil) throws -> ReadColumn {
        let index = try columnIndex(name)
        guard chunks.indices.contains(rowGroup) else { throw ParquetError.corrupt("no row group \(rowGroup) (the file has \(chunks.count))") }
        var decoder = ColumnDecoder(column: columns[index], keep: keep, keepValue: keepValue)
        try readChunk(group: rowGroup, column: index, into: &decoder)
        return decoder.result
    }

    private func columnIndex(_ name: String) throws -> Int {
        guard let index = columns.firstIndex(where: { $0.name == name }) else { throw ParquetError.corrupt("no column \"\(name)\"") }
        return index
    }

    private func readChunk(group: Int, column: Int, into decoder: inout ColumnDecoder) throws {
        guard column < chunks[group].count else { throw ParquetError.corrupt("row group without column \(decoder.column.name)") }
        let chunk = chunks[group][column]
        let codec = chunk[4]?.int ?? 0
        guard codec == 0 || codec == 6 else { throw ParquetError.corrupt("column \(decoder.column.name): codec \(codec) not read (only ZSTD and none)") }
        guard let first = chunk[11]?.int ?? chunk[9]?.int, let size = chunk[7]?.int,
              first >= 0, size >= 0, Int(first) + Int(size) <= source.count else {
            throw ParquetError.corrupt("column \(decoder.column.name): chunk outside the file")
        }
        // Page by page: a reader from the file holds one page's bytes, not the chunk's.
        var position = Int(first)
        let end = position + Int(size)
        decoder.startChunk()
        while position < end {
            let (header, headerSize) = try pageHeader(at: position, end: end)
            position += headerSize
            guard let type = header[1]?.int, let rawSize = header[2]?.int, let storedSize = header[3]?.int,
                  storedSize >= 0, position + Int(storedSize) <= end else {
                throw ParquetError.corrupt("column \(decoder.column.name): damaged page header")
            }
            let stored = try source.bytes(position..<(position + Int(storedSize)))
            position += Int(storedSize)
            let body = codec == 6 ? try Self.decompress(stored, size: Int(rawSize)) : Array(stored)
            switch type {
            case 2: try decoder.readDictionary(body, count: Int(header[7]?[1]?.int ?? 0))
            case 0:
                guard let page = header[5], let count = page[1]?.int, let encoding = page[2]?.int else {
                    throw ParquetError.corrupt("column \(decoder.column.name): data page without its header")
                }
                try decoder.readDataPage(body, count: Int(count), encoding: Int(encoding))
            default: throw ParquetError.corrupt("column \(decoder.column.name): page type \(type) not read (only v1 data and dictionary pages)")
            }
        }
    }

    /// The page header at `position` and its size in bytes: read from a few kilobytes after
    /// `position`, more when the header runs past them (statistics can be long).
    private func pageHeader(at position: Int, end: Int) throws -> (ThriftValue, Int) {
        var window = min(end - position, 4096)
        while true {
            let bytes = try source.bytes(position..<(position + window))
            var reader = CompactReader(bytes)
            do {
                return (try reader.readStruct(), reader.position - bytes.startIndex)
            } catch ParquetError.corrupt where window < end - position {
                window = min(end - position, window * 8)
            }
        }
    }

    static func decompress(_ stored: ArraySlice<UInt8>, size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { out in
            stored.withUnsafeBytes { ZSTD_decompress(out.baseAddress, size, $0.baseAddress, $0.count) }
        }
        guard ZSTD_isError(written) == 0, written == size else { throw ParquetError.corrupt("a ZSTD page does not decompress to its size") }
        return output
    }
}

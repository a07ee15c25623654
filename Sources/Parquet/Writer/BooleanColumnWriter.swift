/// Writes a boolean column as PLAIN (one bit per value). A dictionary cannot beat one bit,
/// so none is tried.
final class BooleanColumnWriter: ColumnChunkWriter {
    private var state: State

    init(column: Column, options: WriterOptions) {
        state = State(common: ChunkState(column: column, physicalType: .boolean, options: options))
    }

    func append(_ values: ColumnValues, range: Range<Int>) throws {
        guard case let .boolean(booleans) = values else {
            throw ParquetError.typeMismatch(column: state.common.column.name, expected: .boolean, actual: values.type)
        }
        try state.append(booleans, range: range)
    }

    func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
        try state.writeChunk(to: output)
    }

    var bufferedBytes: Int { state.common.pages.bufferedBytes }

    struct State {
        var common: ChunkState
        var packed: [UInt8] = []
        var packer = BooleanBitPacker()
        var sawFalse = false
        var sawTrue = false

        init(common: ChunkState) {
            self.common = common
        }

        mutating func append(_ values: [Bool?], range: Range<Int>) throws {
            try values.withUnsafeBufferPointer { buffer in
                for i in range {
                    if let value = buffer[i] {
                        common.recordPresent()
                        packer.append(value, to: &packed)
                        if value { sawTrue = true } else { sawFalse = true }
                    } else {
                        common.recordNull()
                    }
                    if common.isPageCheckDue, common.isPageFull(estimatedBytes: common.levelBytesEstimate &+ packed.count) {
                        try writePage()
                    }
                }
            }
        }

        mutating func writePage() throws {
            guard common.pageValueCount > 0 else { return }
            packer.finish(to: &packed)
            var page = common.beginPage(valueBytes: packed.count)
            page.append(contentsOf: packed)
            try common.endPage(page, encoding: .plain)
            packed.removeAll(keepingCapacity: true)
        }

        mutating func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
            try writePage()
            var statistics = Statistics(nullCount: common.nullCount)
            if sawFalse || sawTrue {
                // Booleans order false < true; each bound is one byte, 0 or 1.
                statistics.minValue = [sawFalse ? 0 : 1]
                statistics.maxValue = [sawTrue ? 1 : 0]
            }
            let chunk = try common.writeChunk(to: output, statistics: statistics)
            sawFalse = false
            sawTrue = false
            return chunk
        }
    }
}

import Dispatch

/// Accumulates the rows of the current row group across its column writers, and writes
/// the column chunks one after another when the group is complete.
///
/// Columns are independent until they are written out, so large appends encode and
/// compress them on several threads; the bytes do not depend on the scheduling.
final class RowGroupWriter {
    private let writers: [any ColumnChunkWriter]
    private let concurrent: Bool
    private let sortingColumns: [SortingColumn]
    /// Rows appended since the last `write`.
    private(set) var rowCount = 0

    /// Bytes the group holds until it is written (see `ColumnChunkWriter.bufferedBytes`).
    var bufferedBytes: Int { writers.reduce(0) { $0 &+ $1.bufferedBytes } }

    /// Appends smaller than this stay on the calling thread: not worth a thread hop.
    static let concurrentAppendRows = 8_192

    init(schema: Schema, options: WriterOptions) {
        writers = schema.columns.map { makeColumnChunkWriter(for: $0, options: options) }
        concurrent = options.concurrentColumns && writers.count > 1
        sortingColumns = options.sortingColumns
    }

    /// Encodes rows `range` of every column of `batch`.
    func append(_ batch: RecordBatch, range: Range<Int>) throws {
        if concurrent, range.count >= RowGroupWriter.concurrentAppendRows {
            try appendConcurrently(batch, range: range)
        } else {
            for (writer, values) in zip(writers, batch.columns) {
                try writer.append(values, range: range)
            }
        }
        rowCount += range.count
    }

    private func appendConcurrently(_ batch: RecordBatch, range: Range<Int>) throws {
        let failures = UnsafeMutableBufferPointer<(any Error)?>.allocate(capacity: writers.count)
        failures.initialize(repeating: nil)
        defer { failures.deinitialize().deallocate() }
        let jobs = ColumnJobs(writers: writers, failures: failures)
        DispatchQueue.concurrentPerform(iterations: writers.count) { column in
            do {
                try jobs.writers[column].append(batch.columns[column], range: range)
            } catch {
                jobs.failures[column] = error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Writes the column chunks in schema order and returns the row group's metadata.
    func write(to output: CountingOutput, ordinal: Int16) throws -> RowGroup {
        let start = output.offset
        var chunks: [ColumnChunk] = []
        chunks.reserveCapacity(writers.count)
        for writer in writers {
            chunks.append(try writer.writeChunk(to: output))
        }
        let compressed = chunks.reduce(Int64(0)) { $0 + $1.metaData.totalCompressedSize }
        let uncompressed = chunks.reduce(Int64(0)) { $0 + $1.metaData.totalUncompressedSize }
        assert(output.offset - start == compressed, "chunk sizes must add up to the bytes written")
        let group = RowGroup(
            columns: chunks,
            totalByteSize: uncompressed,
            numRows: Int64(rowCount),
            fileOffset: start,
            totalCompressedSize: compressed,
            ordinal: ordinal,
            sortingColumns: sortingColumns
        )
        rowCount = 0
        return group
    }
}

/// Hands the column writers to `concurrentPerform`'s workers. This is safe although the
/// writers are not `Sendable`: iteration `i` touches only `writers[i]` (which shares no
/// mutable state with the others) and `failures[i]`, and `concurrentPerform` returns only
/// after every iteration has finished.
private struct ColumnJobs: @unchecked Sendable {
    let writers: [any ColumnChunkWriter]
    let failures: UnsafeMutableBufferPointer<(any Error)?>
}

/// Decides when a column chunk gives up its dictionary and writes PLAIN pages instead.
///
/// Past `dictionaryPageSizeLimit` (the soft limit) the dictionary is kept only while it still
/// pays: while at most 3/4 of the values seen so far were new, and up to 8× the soft limit.
/// Unique-per-row values (ids, free text) therefore fall back at the soft limit, while a
/// column with many repeats of a few tens of thousands of values (report ids in any order)
/// keeps its dictionary, which can be many times smaller than PLAIN.
struct DictionaryPolicy {
    let softLimit: Int
    let hardLimit: Int
    /// Non-null values that went through the dictionary in this chunk.
    private(set) var valueCount = 0

    init(options: WriterOptions) {
        softLimit = options.dictionaryPageSizeLimit
        hardLimit = min(max(softLimit, softLimit &* 8), 1 << 30)
    }

    @inline(__always)
    mutating func countValue() {
        valueCount &+= 1
    }

    @inline(__always)
    mutating func countValues(_ count: Int) {
        valueCount &+= count
    }

    mutating func reset() {
        valueCount = 0
    }

    /// Whether a chunk's dictionary of `bytes` (PLAIN size) keeps its storage for the next
    /// chunk. Past the soft limit it may have grown to 8× that, which later chunks rarely
    /// need; below it, keeping the storage saves regrowing it.
    func keepsStorage(bytes: Int) -> Bool {
        bytes <= softLimit
    }

    /// Whether a dictionary of `bytes` (PLAIN size) and `entries` entries should be abandoned.
    @inline(__always)
    func shouldFallBack(bytes: Int, entries: Int) -> Bool {
        guard bytes > softLimit else { return false }
        return bytes > hardLimit || entries &* 4 > valueCount &* 3
    }
}

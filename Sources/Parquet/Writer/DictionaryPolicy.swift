/// Decides when a column chunk gives up its dictionary and writes PLAIN pages instead.
///
/// Past `dictionaryPageSizeLimit` (the soft limit) the dictionary is kept only while it still
/// pays: while at most 3/4 of the values seen so far were new, and up to 8× the soft limit.
/// The same test is made when the chunk's first data page is cut, so unique-per-row values
/// (ids, paths, free text) fall back after one page rather than hold a dictionary (and its
/// hash index, several times the text's size) up to the soft limit; a column with many
/// repeats of a few tens of thousands of values (report ids in any order) keeps its
/// dictionary, which can be many times smaller than PLAIN.
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

    /// Whether a dictionary of `entries` entries should be abandoned when its chunk's first data
    /// page has just been cut: more than 3/4 of the values so far were new.
    func shouldFallBackAfterFirstPage(entries: Int) -> Bool {
        entries &* 4 > valueCount &* 3
    }

    /// Whether a dictionary of `bytes` (PLAIN size) and `entries` entries should be abandoned.
    @inline(__always)
    func shouldFallBack(bytes: Int, entries: Int) -> Bool {
        guard bytes > softLimit else { return false }
        return bytes > hardLimit || entries &* 4 > valueCount &* 3
    }
}

/// The inputs of a run, in byte order of their paths, with the paths' bytes in one buffer: a
/// million inputs as a String each (and their full paths) took about 100 MB while extract ran.
/// Reading an element builds its `InputScanner.Input`.
public struct InputList: RandomAccessCollection, Sendable {
    private var roots: [(path: String, prefixLength: Int)] = []
    private var paths: [UInt8] = []
    /// Where each input's relative path ends in `paths`; it starts where the previous one ends.
    private var ends: [Int] = []
    private var rootOf: [UInt32] = []
    private var kinds: [InputScanner.Kind] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> InputScanner.Input {
        let root = roots[Int(rootOf[position])]
        return InputScanner.Input(relativePath: withPath(at: position) { String(decoding: $0, as: UTF8.self) },
                                  root: root.path, prefixLength: root.prefixLength, kind: kinds[position])
    }

    /// Calls `body` with the relative path's UTF-8 bytes (the folder's name first, with several folders).
    func withPath<T>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : ends[index - 1]
        return try paths.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// Adds an input folder; its inputs' relative paths start with `prefix`.
    mutating func addRoot(_ path: String, prefix: String) -> Int {
        roots.append((path, prefix.utf8.count))
        return roots.count - 1
    }

    mutating func append(relativePath: some Collection<UInt8>, root: Int, kind: InputScanner.Kind = .file) {
        paths += relativePath
        ends.append(paths.count)
        rootOf.append(UInt32(root))
        kinds.append(kind)
    }

    /// The first relative path listed twice, in a list sorted by path.
    func firstRepeatedPath() -> String? {
        for index in indices.dropFirst() where withPath(at: index - 1, { a in withPath(at: index) { b in a.elementsEqual(b) } }) {
            return self[index].relativePath
        }
        return nil
    }

    /// The same inputs in byte order of their relative paths, so runs are reproducible.
    func sortedByPath() -> InputList {
        let order = indices.sorted { i, j in withPath(at: i) { a in withPath(at: j) { b in a.lexicographicallyPrecedes(b) } } }
        var sorted = InputList()
        sorted.roots = roots
        sorted.paths.reserveCapacity(paths.count)
        sorted.ends.reserveCapacity(count)
        sorted.rootOf.reserveCapacity(count)
        sorted.kinds.reserveCapacity(count)
        for index in order {
            withPath(at: index) { sorted.append(relativePath: $0, root: Int(rootOf[index]), kind: kinds[index]) }
        }
        return sorted
    }
}

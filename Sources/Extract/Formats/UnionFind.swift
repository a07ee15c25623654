/// Disjoint sets over `0..<count`: which rules touch, which grid slots form one cell.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    /// The representative of `index`'s set.
    mutating func root(_ index: Int) -> Int {
        var index = index
        while parent[index] != index {
            parent[index] = parent[parent[index]]
            index = parent[index]
        }
        return index
    }

    mutating func join(_ a: Int, _ b: Int) {
        parent[root(a)] = root(b)
    }
}

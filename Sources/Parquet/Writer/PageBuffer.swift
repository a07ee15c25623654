extension Array {
    /// Empties a buffer of the page just written for the next page. Its storage is kept, but
    /// not beyond about `limit` elements (a page's most values): growth by doubling leaves up to
    /// twice that, and every column of a wide file would keep the excess for the writer's life.
    @inline(__always)
    mutating func clearForNextPage(limit: Int) {
        if capacity > limit &+ limit >> 2 &+ 16 {
            self = []
            reserveCapacity(limit)
        } else {
            removeAll(keepingCapacity: true)
        }
    }
}

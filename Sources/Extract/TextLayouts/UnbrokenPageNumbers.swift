/// Bare page numbers in PDF text without form feeds (PyMuPDF's `get_text()`, pdfplumber's
/// `extract_text()`, pages joined by a line break): between two cells they would read as a value.
///
/// The pages are numbered 1, 2, 3 … in order through the text, the last number among its last
/// lines. When one of the text's last three filled lines is a lone number n ≥ 2, lone numbers from
/// 1 to n are taken for page numbers where they close a page: followed by an empty line (PyMuPDF
/// ends each page's text so), or in the chain 1, 2 … n (or 2 … n, under an unnumbered title page)
/// that runs through the text to that last line, with any other lone line of a chain number between
/// its neighbours in the chain (which of them is the page's cannot be told). A cell taken for a
/// page number is only missing. Text without page numbers has chains of cells too, but they end in
/// its tables, not on its last lines.
enum UnbrokenPageNumbers {
    /// The lines taken for page numbers. `number(i)`: line i's lone number (one to three ASCII
    /// digits, no leading zero), else nil; `isBlank(i)`: line i holds nothing.
    static func find(lineCount: Int, number: (Int) -> Int?, isBlank: (Int) -> Bool) -> [Int] {
        let lone = (0..<lineCount).filter { number($0) != nil }
        let filled = (0..<lineCount).filter { !isBlank($0) }
        guard let closing = filled.suffix(3).first, let last = lone.last(where: { $0 >= closing }),
              let pages = number(last), pages >= 2 else { return [] }
        let candidates = lone.filter { number($0)! <= pages }
        var found = candidates.filter { $0 == last || ($0 + 1 < lineCount && isBlank($0 + 1)) }
        for start in 1...2 {
            var chain: [Int] = []
            for index in candidates where number(index) == start + chain.count { chain.append(index) }
            guard chain.last == last else { continue }
            // Each candidate against its own number's place in the chain: one pass, however long the text.
            for index in candidates {
                let position = number(index)! - start
                guard chain.indices.contains(position) else { continue }
                let from = position > 0 ? chain[position - 1] + 1 : 0
                let to = position + 1 < chain.count ? chain[position + 1] : lineCount
                if index >= from && index < to { found.append(index) }
            }
            break
        }
        return Array(Set(found)).sorted()
    }

    /// A bare page number as printed: one to three ASCII digits, not starting with 0.
    static func number(_ text: String) -> Int? {
        guard (1...3).contains(text.utf8.count), text.utf8.first != 0x30, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}

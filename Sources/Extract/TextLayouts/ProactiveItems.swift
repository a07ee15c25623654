/// Table 2's items as converted text prints them, for the readers that find them by their labels'
/// first words: the 第二十条 section each stands in and its cells in each template (nil: not an
/// item of that template).
enum ProactiveItems {
    struct Item {
        /// The label as the template prints it, written for the text path.
        let label: String
        /// Words the printed label starts with (spaces dropped).
        let prefixes: [String]
        let section: Character
        let cells2021: Int?
        let cells2019: Int?

        func cells(template2019: Bool) -> Int? { template2019 ? cells2019 : cells2021 }
    }

    static let all: [Item] = [
        Item(label: "规章", prefixes: ["规章"], section: "一", cells2021: 3, cells2019: 3),
        Item(label: "行政规范性文件", prefixes: ["行政规范性", "规范性文件"], section: "一", cells2021: 3, cells2019: 3),
        Item(label: "行政许可", prefixes: ["行政许可"], section: "五", cells2021: 1, cells2019: 3),
        Item(label: "其他对外管理服务事项", prefixes: ["其他对外"], section: "五", cells2021: nil, cells2019: 3),
        Item(label: "行政处罚", prefixes: ["行政处罚"], section: "六", cells2021: 1, cells2019: 3),
        Item(label: "行政强制", prefixes: ["行政强制"], section: "六", cells2021: 1, cells2019: 3),
        Item(label: "行政事业性收费", prefixes: ["行政事业性"], section: "八", cells2021: 1, cells2019: 2),
        Item(label: "政府集中采购", prefixes: ["政府集中"], section: "九", cells2021: nil, cells2019: 2),
    ]

    /// A section's items in a template, in printed order.
    static func items(in section: Character, template2019: Bool) -> [Item] {
        all.filter { $0.section == section && $0.cells(template2019: template2019) != nil }
    }

    /// The item a printed label (spaces dropped) names by its first words.
    static func item(startingWith key: String) -> Item? {
        all.first { $0.prefixes.contains(where: key.hasPrefix) }
    }
}

import DisclosureModel
import Testing
@testable import Transform

/// The dictionary is data; its mistakes are reported with the file and key.
@Suite struct LabelDictionaryTests {
    let shipped: String

    init() throws {
        shipped = String(decoding: try Repository.bytes("pipelines/labels.toml"), as: UTF8.self)
    }

    @Test func labelsMatchWhateverTheirSpacingWidthAndNumbering() throws {
        let dictionary = try Repository.dictionary()
        #expect(dictionary.lookup("1. 属于国家秘密", in: .applicationsBody)?.code == "denied.state_secret")
        #expect(dictionary.lookup("(七) 总计", in: .applicationsBody)?.code == "total")
        #expect(dictionary.lookup("总计", in: .applicationsHeader)?.code == "total")
        #expect(dictionary.lookup("其他", in: .applicationsHeader)?.code == "other_org")
        #expect(dictionary.lookup("3.其他", in: .applicationsBody)?.code == "other.other")
        #expect(dictionary.lookup("**本年收费金额(单位:万元)**", in: .proactive)?.code == "amount_10k_yuan")
        #expect(dictionary.lookup("合计", in: .appeals)?.isVariant == true)
    }

    /// Labels are compared by bytes, but canonically equivalent text still matches: a PDF that
    /// prints 行 as the compatibility ideograph U+FA08 (which NFC maps to U+884C).
    @Test func canonicallyEquivalentLabelsMatch() throws {
        let dictionary = try Repository.dictionary()
        #expect(dictionary.lookup("\u{FA08}政复议", in: .appeals)?.code == "review")
        #expect(dictionary.lookup("（一）\u{FA08}政复议", in: .appeals)?.code == "review")
        #expect(!UTF8Key.isNormalizationStable("\u{FA08}政复议"))
        #expect(UTF8Key.isNormalizationStable("（一）行政复议 1,234 “其他”"))
    }

    @Test func aVariantAddedToTheFileIsUsedWithoutRebuilding() throws {
        let edited = shipped.replacingOccurrences(of: "regulations = [\"规章\"]", with: "regulations = [\"规章\", \"部门规章\"]")
        let dictionary = try LabelDictionary(toml: edited, source: "edited.toml")
        #expect(dictionary.lookup("部门规章", in: .proactive)?.code == "regulations")
        #expect(try Repository.dictionary().lookup("部门规章", in: .proactive) == nil)
    }

    /// A later file in `labels` lists only what it adds: its labels are variants of the template
    /// wording of the files before it, and it may still not contradict them.
    @Test func anOverlayFileListsOnlyWhatItAdds() throws {
        let base = try Repository.dictionary()
        let overlay = try LabelDictionary(toml: "[proactive.items]\nregulations = [\"部门规章\"]\n", source: "overlay.toml", over: base)
        let merged = try base.merging(overlay, source: "overlay.toml")
        let entry = try #require(merged.lookup("部门规章", in: .proactive))
        #expect(entry.code == "regulations" && entry.canonical == "规章" && entry.isVariant)
        #expect(merged.lookup("行政许可", in: .proactive)?.code == "licensing")
        let contradicting = try LabelDictionary(toml: "[proactive.items]\nlicensing = [\"规章\"]\n", source: "bad.toml", over: base)
        #expect(throws: LabelDictionary.LoadError.self) { try base.merging(contradicting, source: "bad.toml") }
        // Alone (the first file), the same overlay lacks the codes it leaves out.
        #expect(throws: LabelDictionary.LoadError.self) { try LabelDictionary(toml: "[proactive.items]\nregulations = [\"部门规章\"]\n", source: "alone.toml") }
    }

    @Test func anUnknownCodeNamesTheFileAndTheSection() {
        let edited = shipped.replacingOccurrences(of: "penalty = [", with: "penalties = [")
        #expect {
            try LabelDictionary(toml: edited, source: "bad.toml")
        } throws: { error in
            let text = String(describing: error)
            return text.contains("bad.toml") && text.contains("[proactive.items]") && text.contains("penalties")
        }
    }

    @Test func aSyntaxErrorNamesTheLine() {
        #expect {
            try LabelDictionary(toml: "[proactive\nheader = 1", source: "broken.toml")
        } throws: { error in
            String(describing: error).hasPrefix("broken.toml:1:")
        }
    }

    @Test func aLabelGivenToTwoCodesIsRefused() {
        let edited = shipped.replacingOccurrences(of: "coercion = [\"行政强制\"]", with: "coercion = [\"行政强制\", \"行政处罚\"]")
        #expect {
            try LabelDictionary(toml: edited, source: "dup.toml")
        } throws: { error in
            String(describing: error).contains("penalty")
        }
    }
}

extension LabelDictionaryTests {
    /// In table 3's body a bare 其他 or 总计 is a row, even though the header knows the same words
    /// as applicant columns; in the header it is the column.
    @Test func bareWordsMeanRowsInTheBodyAndColumnsInTheHeader() throws {
        let dictionary = try Repository.dictionary()
        #expect(dictionary.lookup("其他", in: [.applicationsBody, .applicationsHeader])?.code == "other.other")
        #expect(dictionary.lookup("总计", in: [.applicationsBody, .applicationsHeader])?.code == "total")
        #expect(dictionary.lookup("总计", in: [.applicationsBody, .applicationsHeader])?.role == .row)
        #expect(dictionary.lookup("其他", in: [.applicationsHeader, .applicationsBody])?.code == "other_org")
    }
}

/// The key labels are compared by: folds, removals and enumerators, worked out by hand.
@Suite struct LabelKeyTests {
    @Test(arguments: [
        ("1. 属于国家秘密", "属于国家秘密"),
        ("（一）　法律法规", "法律法规"),
        ("(七) 总计", "总计"),
        ("（十二）总计", "总计"),
        ("**本年收费金额(单位:万元)**", "本年收费金额(单位:万元)"),
        ("一、二、三", "三"),
        ("一、二、", "二、"),
        ("1.", "1."),
        ("1234.5", "1234.5"),
        ("“其他”\u{00A0}", "\"其他\""),
        ("ａｂｃ１（", "abc1("),
        ("‘维持’\t\r\n", "'维持'"),
        ("１、本机关", "本机关"),
    ])
    func keys(_ text: String, _ key: String) {
        #expect(LabelKey.make(text) == key)
    }
}

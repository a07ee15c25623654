import DisclosureModel
import Extract
import Testing

/// The work store's binary records give back exactly what was stored.
@Suite struct StoredRecordTests {
    @Test(arguments: ["samples/001_596f64b8fe124db2.txt", "samples/003_4d0dc32836f03b08.txt", "samples/format-anyang-2023.pdf"])
    func reportsRoundTripThroughTheirBinaryForm(_ file: String) throws {
        guard case .report(let extracted) = Extractor.extract(bytes: try Repository.bytes(file), sourcePath: file) else {
            Issue.record("\(file) was rejected")
            return
        }
        #expect(try ExtractedReport(encoded: extracted.encoded()) == extracted)
        #expect(extracted.encoded(tag: 0) == [0] + extracted.encoded())
        #expect(try ExtractedReport(encoded: extracted.encoded(tag: 0), from: 1) == extracted)
        let transformed = try Repository.transform(file)
        #expect(try TransformedReport(encoded: transformed.encoded()) == transformed)
    }

    @Test func aCutRecordIsReportedAsDamaged() throws {
        let transformed = try Repository.transform("samples/002_d3cf8b1128643171.txt")
        let bytes = transformed.encoded()
        #expect(throws: BinaryReader.Damaged.self) { try TransformedReport(encoded: Array(bytes.prefix(bytes.count / 2))) }
    }

    /// A count or length bigger than the record (a damaged work file) is an error, not a crash
    /// while reserving room for it.
    @Test func anImpossibleCountIsReportedAsDamaged() throws {
        let empty = TransformedReport(
            reportId: "id", sourcePath: "a.txt", sourceFormat: "text", encoding: "utf-8",
            identity: ReportIdentity(agency: "某局", reportYear: 2023, reportDate: nil, postedDate: nil),
            proactive: [], applications: [], appeals: [], checkFailures: [], diagnostics: [])
        let bytes = empty.encoded()
        #expect(Array(bytes.suffix(5)) == [0, 0, 0, 0, 0])  // the five section counts
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]  // UInt64.max
        for section in 0..<5 {
            let damaged = Array(bytes.dropLast(5 - section)) + huge + [UInt8](repeating: 0, count: 4 - section)
            #expect(throws: BinaryReader.Damaged.self) { try TransformedReport(encoded: damaged) }
        }
        var reader = BinaryReader(huge)
        #expect(throws: BinaryReader.Damaged.self) { try reader.readStringRange() }
        reader = BinaryReader(huge)
        #expect(throws: BinaryReader.Damaged.self) { try reader.readIndex(below: 3, what: "row") }
    }

    /// Numbers at their longest and strings from both sides of the small-string limit fill records
    /// to the bound their writer reserves up front.
    @Test func extremeRecordsRoundTrip() throws {
        let long = String(repeating: "公开", count: 40), identity = ReportIdentity(agency: long, reportYear: Int.min, reportDate: nil, postedDate: nil)
        let cells = [TextCell("", line: Int.min), TextCell("fifteen bytes!!", line: Int.max), TextCell(long, line: -1)]
        let extracted = ExtractedReport(
            reportId: "", sourcePath: long, sourceFormat: "txt", encoding: "utf-8", identity: identity,
            tables: [.appeals: [RawRow(labels: cells, values: [])], .proactive: [RawRow(labels: [], values: cells)]],
            diagnostics: [Diagnostic(.extract, .cellEmpty, long)], lineOrigins: ["", long])
        #expect(try ExtractedReport(encoded: extracted.encoded()) == extracted)
        let transformed = TransformedReport(
            reportId: long, sourcePath: "", sourceFormat: "pdf", encoding: long, identity: identity,
            proactive: [ProactiveCell(item: "fees", measure: "amount_10k_yuan", value: -.greatestFiniteMagnitude)],
            applications: [ApplicationCell(row: "total", applicant: "total", value: .min)],
            appeals: [AppealCell(proceeding: "review", outcome: "upheld", value: .max)],
            checkFailures: [CheckFailure(rule: long, subject: "", expected: .min, actual: .max)],
            diagnostics: [Diagnostic(.transform, .labelNormalized, long, at: .init(table: .appeals, line: .max, page: .min, label: long)),
                          Diagnostic(.extract, .cellMissing, "", at: .init(table: .proactive, label: "")), Diagnostic(.load, .textRepaired, long)])
        #expect(try TransformedReport(encoded: transformed.encoded()) == transformed)
    }

    /// The numbers the work store keeps for enums are pinned: every case once, in this order. A new
    /// case is appended (at the end of its `storedOrder`, and here); moving one would remap every
    /// stored record.
    @Test func storedEnumNumbersArePinned() {
        func pinned<E: StoredEnum & RawRepresentable>(_ type: E.Type, _ names: [String]) where E.RawValue == String {
            #expect(E.storedOrder.map(\.rawValue) == names)
            #expect(Set(E.storedOrder.map(\.rawValue)) == Set(E.allCases.map(\.rawValue)), "\(E.self): a case is missing from storedOrder")
        }
        pinned(Diagnostic.Code.self, ["label_normalized", "label_unrecognized", "cell_empty", "cell_missing", "table_missing",
                                      "extra_values", "value_normalized", "value_invalid", "year_inferred", "agency_inferred",
                                      "agency_missing", "check_skipped", "page_artifact_skipped", "group_row_zero",
                                      "text_overprinted", "text_repaired", "template_mixed", "placed_by_sums"])
        pinned(Diagnostic.Stage.self, ["extract", "transform", "load"])
        pinned(Reject.Reason.self, ["empty", "binary", "undecodable", "not_a_report", "no_report_year", "unreadable", "duplicate",
                                    "legacy_doc", "pdf_encrypted", "pdf_damaged", "pdf_no_text", "docx_damaged",
                                    "unsupported_format", "tool_missing", "not_a_file", "broken_link", "too_large"])
        pinned(TableKind.self, ["proactive", "applications", "appeals"])
    }

    /// Codes equal to the template's but not its strings are stored as the same positions.
    @Test func codesAreStoredByValue() throws {
        let transformed = try Repository.transform("samples/001_596f64b8fe124db2.txt")
        var copied = transformed
        copied.applications = transformed.applications.reversed().map {
            ApplicationCell(row: String(decoding: Array($0.row.utf8), as: UTF8.self), applicant: String($0.applicant.reversed().reversed()), value: $0.value)
        }
        var reversed = transformed
        reversed.applications.reverse()
        #expect(copied.encoded() == reversed.encoded())
        #expect(try TransformedReport(encoded: copied.encoded()) == reversed)
    }

    @Test func rejectsRoundTrip() throws {
        let reject = Reject(sourcePath: "a/b.doc", reason: .legacyDoc, detail: "convert it")
        #expect(try Reject(encoded: reject.encoded()) == reject)
        #expect(try Reject(encoded: reject.encoded(tag: 1), from: 1) == reject)
    }

    /// Work folders of earlier runs are read again: the stored bytes keep their layout, and a tag
    /// is one byte in front of the same record.
    @Test func rejectBytesKeepTheirLayout() {
        let reject = Reject(sourcePath: "a", reason: .binary, detail: "xy")
        #expect(reject.encoded() == [1, 0x61, 1, 2, 0x78, 0x79])  // "a", reason #1, "xy"
        #expect(reject.encoded(tag: 7) == [7, 1, 0x61, 1, 2, 0x78, 0x79])
    }
}

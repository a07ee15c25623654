import DisclosureModel
import Testing
import WorkStore

/// The work store's binary records give back exactly what was stored, by both of their readers,
/// and a record that is not what its format writes is an error, never a crash.
@Suite struct StoredRecordTests {
    @Test(arguments: ["samples/001_596f64b8fe124db2.txt", "samples/003_4d0dc32836f03b08.txt", "samples/format-anyang-2023.pdf"])
    func reportsRoundTripThroughTheirBinaryForm(_ file: String) throws {
        let extracted = try Fixtures.extract(file)
        #expect(try ExtractedReport(encoded: extracted.encoded()) == extracted)
        #expect(extracted.encoded(tag: 0) == [0] + extracted.encoded())
        #expect(try ExtractedReport(encoded: extracted.encoded(tag: 0), from: 1) == extracted)
        let transformed = try Fixtures.transform(file)
        #expect(try TransformedReport(encoded: transformed.encoded()) == transformed)
        #expect(try ReportAssembler.read(transformed.encoded()) == transformed)
    }

    /// The numbers stored for the continuity check are those of the cells, read without the cells.
    @Test(arguments: ["samples/001_596f64b8fe124db2.txt", "samples/format-anyang-2023.pdf"])
    func continuityNumbersAreReadBeforeTheCells(_ file: String) throws {
        let report = try Fixtures.transform(file)
        var numbers = NumbersOnly()
        try TransformedReport.read(encoded: report.encoded(), into: &numbers)
        #expect(numbers.values == ContinuityNumbers(cellsOf: report).values)
        #expect(numbers.values.count == ContinuityNumbers.Slot.count)
        #expect(numbers.values[ContinuityNumbers.Slot.carriedOver] != nil && numbers.values[ContinuityNumbers.Slot.chain(0, 2)] != nil)
        #expect(!numbers.sawCells)
        let carriedForward = report.applications.first { $0.row == "carried_forward" && $0.applicant == StoredCodes.applicants[0] }
        #expect(numbers.values[ContinuityNumbers.Slot.carriedForward] == carriedForward?.value)
    }

    /// The fixtures leave no field blank, at any depth: a field added to a model type fails here
    /// until the fixture sets it, and then the round trips below prove that every reader reads it.
    @Test func theFullFixturesSetEveryField() {
        #expect(blankFields(Fixtures.extracted) == [])
        #expect(blankFields(Fixtures.transformed) == [])
        #expect(blankFields(Fixtures.reject) == [])
        #expect(Fixtures.transformed.template != TransformedReport.blank.template)
    }

    /// With every optional present, and with every optional absent.
    @Test func extractedReportsRoundTrip() throws {
        for report in [Fixtures.extracted, Fixtures.emptyExtracted] {
            #expect(try ExtractedReport(encoded: report.encoded()) == report)
            #expect(try ExtractedReport(encoded: report.encoded(tag: 9), from: 1) == report)
        }
    }

    /// Load reads transform results field by field (`TransformedReport.read(encoded:into:)`), not by
    /// the declaration: both readers give back the report that was written.
    @Test func transformedReportsRoundTripThroughBothReaders() throws {
        for report in [Fixtures.transformed, Fixtures.emptyTransformed] {
            #expect(try TransformedReport(encoded: report.encoded()) == report)
            #expect(try ReportAssembler.read(report.encoded()) == report)
        }
    }

    @Test func rejectsRoundTrip() throws {
        #expect(try Reject(encoded: Fixtures.reject.encoded()) == Fixtures.reject)
        #expect(try Reject(encoded: Fixtures.reject.encoded(tag: 1), from: 1) == Fixtures.reject)
    }

    /// Hundreds of reports of every shape: each fits the bound its writer reserved (the writer
    /// would stop the run otherwise) and reads back the same through every reader.
    @Test func randomReportsFitTheirBoundAndRoundTrip() throws {
        var reports = RandomReports()
        for _ in 0..<500 {
            let extracted = reports.extracted(), transformed = reports.transformed()
            #expect(try ExtractedReport(encoded: extracted.encoded()) == extracted)
            #expect(try TransformedReport(encoded: transformed.encoded()) == transformed)
            #expect(try ReportAssembler.read(transformed.encoded()) == transformed)
            #expect(extracted.encoded().count <= bound(extracted) && transformed.encoded().count <= bound(transformed))
        }
    }

    /// The leading version byte: a record of another version is refused with both versions named,
    /// by every reader, before load's reader hands on any of its fields.
    @Test func aRecordOfAnotherVersionIsRefused() throws {
        var bytes = Fixtures.transformed.encoded()
        #expect(bytes[0] == TransformedReport.formatVersion)
        bytes[0] = TransformedReport.formatVersion + 1
        let refused = try #require(throws: RecordReader.OtherVersion.self) { try TransformedReport(encoded: bytes) }
        #expect(refused.description == "is in format version \(TransformedReport.formatVersion + 1) of TransformedReport records, and this build reads version \(TransformedReport.formatVersion)")
        var assembler = ReportAssembler()
        #expect(throws: RecordReader.OtherVersion.self) { try TransformedReport.read(encoded: bytes, into: &assembler) }
        #expect(assembler.report == TransformedReport.blank)

        var tagged = Fixtures.extracted.encoded(tag: 0)
        tagged[1] = 0
        #expect(throws: RecordReader.OtherVersion.self) { try ExtractedReport(encoded: tagged, from: 1) }
        var reject = Fixtures.reject.encoded()
        reject[0] = 200
        #expect(throws: RecordReader.OtherVersion.self) { try Reject(encoded: reject) }
    }

    /// Every cut of a record, down to nothing, is reported as damage by every reader.
    @Test func aCutRecordIsReportedAsDamaged() throws {
        let extracted = Fixtures.extracted.encoded(), transformed = Fixtures.transformed.encoded()
        for length in 1..<extracted.count {
            #expect(throws: RecordReader.Damaged.self) { try ExtractedReport(encoded: Array(extracted.prefix(length))) }
        }
        for length in 1..<transformed.count {
            let cut = Array(transformed.prefix(length))
            #expect(throws: RecordReader.Damaged.self) { try TransformedReport(encoded: cut) }
            #expect(throws: RecordReader.Damaged.self) { try ReportAssembler.read(cut) }
        }
        #expect(throws: RecordReader.Damaged.self) { try Reject(encoded: []) }
    }

    /// Bytes past a record's last field mean it is not of this format.
    @Test func bytesPastTheLastFieldAreReportedAsDamaged() throws {
        #expect(throws: RecordReader.Damaged.self) { try ExtractedReport(encoded: Fixtures.extracted.encoded() + [0]) }
        #expect(throws: RecordReader.Damaged.self) { try TransformedReport(encoded: Fixtures.transformed.encoded() + [0]) }
        #expect(throws: RecordReader.Damaged.self) { try ReportAssembler.read(Fixtures.transformed.encoded() + [0]) }
    }

    /// Any byte of a record changed to any of a few telling values (a flag out of range, a varint
    /// that never ends, a code past its list) gives an error or some report: never a trap, which
    /// would end this test process.
    @Test func aChangedByteNeverTraps() throws {
        let extracted = Fixtures.extracted.encoded(), transformed = Fixtures.transformed.encoded()
        for value: UInt8 in [0, 2, 0x7F, 0x80, 0xFF] {
            for index in extracted.indices {
                var changed = extracted
                changed[index] = value
                _ = try? ExtractedReport(encoded: changed)
            }
            for index in transformed.indices {
                var changed = transformed
                changed[index] = value
                _ = try? TransformedReport(encoded: changed)
                _ = try? ReportAssembler.read(changed)
            }
        }
    }

    /// A count or length bigger than the record (a damaged work file) is an error, not a crash
    /// while reserving room for it.
    @Test func anImpossibleCountIsReportedAsDamaged() throws {
        var empty = Fixtures.emptyTransformed
        empty.diagnostics = []
        let bytes = empty.encoded()
        let sections = bytes.count - 5
        #expect(Array(bytes[sections...]) == [0, 0, 0, 0, 0])  // the five section counts
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]  // UInt64.max
        for section in 0..<5 {
            var damaged = bytes
            damaged.replaceSubrange((sections + section)...(sections + section), with: huge)
            #expect(throws: RecordReader.Damaged.self) { try TransformedReport(encoded: damaged) }
            #expect(throws: RecordReader.Damaged.self) { try ReportAssembler.read(damaged) }
        }
        var reader = RecordReader(huge)
        #expect(throws: RecordReader.Damaged.self) { try reader.readStringRange() }
        reader = RecordReader(huge)
        #expect(throws: RecordReader.Damaged.self) { try reader.readIndex(below: 3, what: "row") }
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
                                      "text_overprinted", "text_repaired", "template_mixed", "placed_by_sums",
                                      "label_pieces_skipped"])
        pinned(Diagnostic.Stage.self, ["extract", "transform", "load"])
        pinned(Reject.Reason.self, ["empty", "binary", "undecodable", "not_a_report", "no_report_year", "unreadable", "duplicate",
                                    "legacy_doc", "pdf_encrypted", "pdf_damaged", "pdf_no_text", "docx_damaged",
                                    "unsupported_format", "tool_missing", "not_a_file", "broken_link", "too_large"])
        pinned(TableKind.self, ["proactive", "applications", "appeals"])
    }

    /// Codes equal to the template's but not its strings are stored as the same positions.
    @Test func codesAreStoredByValue() throws {
        let transformed = try Fixtures.transform("samples/001_596f64b8fe124db2.txt")
        var copied = transformed
        copied.applications = transformed.applications.reversed().map {
            ApplicationCell(row: String(decoding: Array($0.row.utf8), as: UTF8.self), applicant: String($0.applicant.reversed().reversed()), value: $0.value)
        }
        var reversed = transformed
        reversed.applications.reverse()
        #expect(copied.encoded() == reversed.encoded())
        #expect(try TransformedReport(encoded: copied.encoded()) == reversed)
    }

    /// The bytes of a record, pinned: the version, then the fields in declared order.
    @Test func rejectBytesKeepTheirLayout() {
        let reject = Reject(sourcePath: "a", reason: .binary, detail: "xy")
        #expect(reject.encoded() == [Reject.formatVersion, 1, 0x61, 1, 2, 0x78, 0x79])  // "a", reason #1, "xy"
        #expect(reject.encoded(tag: 7) == [7] + reject.encoded())
    }

    /// The bound the writer reserves for `record`, as `encoded()` computes it.
    func bound<Record: StoredRecord>(_ record: Record) -> Int {
        var sizer = RecordSizer(), copy = record
        try! copy.fields(&sizer)
        return 1 + sizer.bound
    }
}

/// Paths of the fields of `value`, at every depth, left blank: 0, "", false, nil or empty.
func blankFields(_ value: Any, at path: String = "") -> [String] {
    if value is Template { return [] }  // a position in `Template.all`, checked on its own
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
        guard let wrapped = mirror.children.first else { return [path] }
        return blankFields(wrapped.value, at: path)
    case .collection, .dictionary, .set:
        if mirror.children.isEmpty { return [path] }
        return mirror.children.enumerated().flatMap { blankFields($1.value, at: "\(path)[\($0)]") }
    case .struct, .tuple, .class:
        return mirror.children.flatMap { blankFields($0.value, at: "\(path).\($0.label ?? "?")") }
    case .enum:
        return []
    default:
        switch value {
        case let string as String: return string.isEmpty ? [path] : []
        case let number as Int: return number == 0 ? [path] : []
        case let number as Int64: return number == 0 ? [path] : []
        case let number as Double: return number == 0 ? [path] : []
        case let flag as Bool: return flag ? [] : [path]
        default: return []
        }
    }
}

/// Takes a stored report's continuity numbers and stops.
private struct NumbersOnly: TransformedRecordVisitor {
    var values = [Int64?](repeating: nil, count: ContinuityNumbers.Slot.count)
    var sawCells = false
    var wantsMore: Bool { false }
    mutating func header(_ header: StoredReportHeader) {}
    mutating func continuityNumber(slot: Int, value: Int64?) { values[slot] = value }
    mutating func begin(_ section: StoredReportSection, count: Int) { sawCells = true }
    mutating func proactive(_ cells: StoredCells<Double>) { sawCells = true }
    mutating func applications(_ cells: StoredCells<Int64>) { sawCells = true }
    mutating func appeals(_ cells: StoredCells<Int64>) { sawCells = true }
    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) { sawCells = true }
    mutating func diagnostic(_ diagnostic: StoredDiagnostic) { sawCells = true }
}

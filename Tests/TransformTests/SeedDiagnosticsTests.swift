import DisclosureModel
import Testing

/// What the seeds' quirks must leave in the diagnostics and checks.
@Suite struct SeedDiagnosticsTests {
    func diagnostics(_ file: String, _ code: Diagnostic.Code) throws -> [String] {
        try Repository.transform("samples/" + file).diagnostics.filter { $0.code == code }.map(\.detail)
    }

    @Test func seed003FailsIdentityAndTotalOfOutcomesForNaturalPersonAndTotal() throws {
        let report = try Repository.transform("samples/003_4d0dc32836f03b08.txt")
        #expect(report.checkFailures == [
            CheckFailure(rule: "identity", subject: "natural_person", expected: 1, actual: 0),
            CheckFailure(rule: "identity", subject: "total", expected: 1, actual: 0),
            CheckFailure(rule: "total_of_outcomes", subject: "natural_person", expected: 1, actual: 0),
            CheckFailure(rule: "total_of_outcomes", subject: "total", expected: 1, actual: 0),
        ])
        // The printed numbers are kept, not "fixed".
        #expect(report.applications.first { $0.row == "total" && $0.applicant == "total" }?.value == 0)
    }

    @Test func theOtherSeedsPassEveryCheck() throws {
        for file in ["000_a4d9d5453e5df20b.txt", "001_596f64b8fe124db2.txt", "002_d3cf8b1128643171.txt", "004_d92da6674a0d90b8.txt"] {
            #expect(try Repository.transform("samples/" + file).checkFailures.isEmpty, "\(file)")
        }
    }

    @Test func seed001RecordsItsLabelVariantsAndInferredYear() throws {
        let normalized = try diagnostics("001_596f64b8fe124db2.txt", .labelNormalized)
        #expect(normalized.contains { $0.contains("\"规范性文件\" → item normative_documents") && $0.contains("line 18") })
        #expect(normalized.contains { $0.contains("\"(七)总计\" → row total") })
        let inferred = try diagnostics("001_596f64b8fe124db2.txt", .yearInferred)
        #expect(inferred.count == 1)
        #expect(inferred.first?.contains("2022-01-06") == true)
        #expect(try diagnostics("001_596f64b8fe124db2.txt", .agencyInferred).count == 1)
    }

    @Test func seed002RecordsItsLabelVariants() throws {
        let normalized = try diagnostics("002_d3cf8b1128643171.txt", .labelNormalized)
        for (printed, code) in [
            ("本年新制发件数", "measure issued"), ("规范性文件", "item normative_documents"),
            ("半年收费金额（单位：万元）", "measure amount_10k_yuan"), ("社会组织", "applicant public_interest_org"),
            ("2. 其他法律法规禁止公开", "row denied.prohibited_by_law"), ("(四) 无法提供", "group unavailable"),
            ("结果 维持", "outcome upheld"),
        ] {
            #expect(normalized.contains { $0.contains("\"\(printed)\" → \(code)") }, "\(printed)")
        }
        // The PDF text printed an eighth value in two rows: reported, not used.
        #expect(try diagnostics("002_d3cf8b1128643171.txt", .extraValues).count == 2)
    }

    @Test func seed003RecordsItsLabelVariant() throws {
        let normalized = try diagnostics("003_4d0dc32836f03b08.txt", .labelNormalized)
        #expect(normalized.contains { $0.contains("\"本年度止件数\" → measure repealed") && $0.contains("line 36") })
    }

    @Test func wordExportsRecordLabelsSplitOverLines() throws {
        let normalized = try diagnostics("000_a4d9d5453e5df20b.txt", .labelNormalized)
        #expect(normalized.contains { $0.contains("\"商业 / 企业\" → applicant commercial_enterprise") && $0.contains("split over lines") })
        let split004 = try diagnostics("004_d92da6674a0d90b8.txt", .labelNormalized)
        #expect(split004.contains { $0.contains("\"结果 / 纠正\" → outcome corrected") })
    }

    @Test func nothingInTheSeedsIsMissing() throws {
        for seed in SeedReport.all {
            #expect(try diagnostics(seed.file, .cellMissing).isEmpty, "\(seed.file)")
        }
    }
}

// parquet-bench: benchmark and interoperability data for the Parquet module.
//
//   parquet-bench bench   --rows N --out PATH [--csv PATH] [--level L] [--row-group-rows N] [--utf8]
//                         [--serial] [--repeat N] [--random-order]
//   parquet-bench large   --rows N --out PATH [--row-group-rows N]
//   parquet-bench fixture --out DIR
//
// All data comes from a seeded SplitMix64 generator, so every run writes the same table.

import Parquet

#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: tiny, fast, and identical on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func hex64(_ words: [UInt64]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(words.count * 16)
    for word in words {
        for shift in stride(from: 60, through: 0, by: -4) {
            out.append(digits[Int((word >> UInt64(shift)) & 0xF)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}

func fail(_ message: String) -> Never {
    let text = Array("parquet-bench: \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

struct Arguments {
    var command: String
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ argv: [String]) {
        guard argv.count >= 2 else {
            fail("usage: parquet-bench bench|large|fixture [options]")
        }
        command = argv[1]
        var i = 2
        while i < argv.count {
            let key = argv[i]
            guard key.hasPrefix("--") else { fail("unexpected argument \(key)") }
            if i + 1 < argv.count, !argv[i + 1].hasPrefix("--") {
                values[key] = argv[i + 1]
                i += 2
            } else {
                flags.insert(key)
                i += 1
            }
        }
    }

    func int(_ key: String, default value: Int) -> Int {
        guard let text = values[key] else { return value }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")) else { fail("\(key) needs an integer") }
        return number
    }

    func string(_ key: String) -> String? { values[key] }
    func required(_ key: String) -> String {
        guard let value = values[key] else { fail("\(command) needs \(key)") }
        return value
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : -1
}

/// CPU time of the process (all threads, user + system).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// Buffered text output for CSV files.
final class TextFile {
    private let sink: FileSink
    private var buffer: [UInt8] = []

    init(path: String) throws {
        sink = try FileSink(path: path)
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try sink.close()
    }
}

/// RFC 4180 field: quoted only when needed; nil becomes an empty field.
func csvField(_ value: String?) -> String {
    guard let value else { return "" }
    if value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
    return value
}

func isoDate(_ days: Int32) -> String {
    // Civil-from-days (proleptic Gregorian).
    let z = Int(days) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, w - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
}

/// Shortest text that parses back to the same double.
func doubleText(_ value: Double) -> String { "\(value)" }

// MARK: - bench

func runBench(_ args: Arguments) throws {
    let rows = args.int("--rows", default: 5_000_000)
    let out = args.required("--out")
    let level = Int32(args.int("--level", default: 3))
    let rowGroupRows = args.int("--row-group-rows", default: 1_000_000)

    var rng = SplitMix64(seed: 20_240_101)
    let reportIDs = (0 ..< 20_000).map { _ in hex64([rng.next(), rng.next(), rng.next(), rng.next()]) }
    let rowCodes = (1 ... 25).map { "R" + ($0 < 10 ? "0" : "") + String($0) }
    let applicantCodes = ["individual", "company", "law_firm", "media", "ngo", "government", "other"]

    var reportColumn: [String?] = []
    var rowColumn: [String?] = []
    var applicantColumn: [String?] = []
    var valueColumn: [Int64?] = []
    reportColumn.reserveCapacity(rows)
    rowColumn.reserveCapacity(rows)
    applicantColumn.reserveCapacity(rows)
    valueColumn.reserveCapacity(rows)
    // One report = 25 rows x 7 applicants, in table order; reports drawn at random.
    // --random-order instead draws a report for every row (a worst case for compression).
    let randomOrder = args.flags.contains("--random-order")
    var report = reportIDs[0]
    for i in 0 ..< rows {
        let cell = i % 175
        if cell == 0 || randomOrder { report = reportIDs[rng.below(reportIDs.count)] }
        reportColumn.append(report)
        rowColumn.append(rowCodes[cell / 7])
        applicantColumn.append(applicantCodes[cell % 7])
        let draw = rng.next()
        // ~85% zeros; otherwise small counts, occasionally larger ones.
        let value: Int64 = draw % 100 < 85 ? 0 : (draw >> 32) % 100 < 90 ? Int64((draw >> 40) % 20) + 1 : Int64((draw >> 40) % 5000)
        valueColumn.append(value)
    }

    if let csvPath = args.string("--csv") {
        let csv = try TextFile(path: csvPath)
        try csv.write("report_id,row,applicant,value\n")
        for i in 0 ..< rows {
            try csv.write("\(reportColumn[i]!),\(rowColumn[i]!),\(applicantColumn[i]!),\(valueColumn[i]!)\n")
        }
        try csv.close()
    }

    let schema = Schema(
        Column(name: "report_id", type: .string),
        Column(name: "row", type: .string),
        Column(name: "applicant", type: .string),
        Column(name: "value", type: .int64)
    )
    let options = WriterOptions(
        compression: level == 0 ? .uncompressed : .zstd(level: level),
        rowGroupRows: rowGroupRows,
        concurrentColumns: !args.flags.contains("--serial")
    )

    var prepared: [ColumnValues] = [.string(reportColumn), .string(rowColumn), .string(applicantColumn), .int64(valueColumn)]
    if args.flags.contains("--utf8") {
        // Pre-encoded text columns: measures the writer without String -> UTF-8 conversion.
        prepared = [.utf8(UTF8StringColumn(reportColumn)), .utf8(UTF8StringColumn(rowColumn)),
                    .utf8(UTF8StringColumn(applicantColumn)), .int64(valueColumn)]
    }
    let columns = prepared
    let clock = ContinuousClock()
    // --repeat N writes the table N times and reports the fastest (useful under a profiler).
    var elapsed = Duration.seconds(1_000_000)
    var cpu = Double.infinity
    for _ in 0 ..< max(1, args.int("--repeat", default: 1)) {
        let cpuStart = cpuSeconds()
        let once = try clock.measure {
            let batch = try RecordBatch(schema: schema, columns: columns)
            let writer = try ParquetWriter(path: out, schema: schema, options: options)
            try writer.write(batch)
            try writer.close()
        }
        cpu = min(cpu, cpuSeconds() - cpuStart)
        elapsed = min(elapsed, once)
    }
    let size = fileSize(out)
    print("{\"writer\": \"parquet-swift\", \"rows\": \(rows), \"seconds\": \(seconds(elapsed)), \"cpu_seconds\": \(cpu), \"bytes\": \(size), \"path\": \"\(out)\"}")
}

// MARK: - large

func runLarge(_ args: Arguments) throws {
    let rows = args.int("--rows", default: 1_000_000)
    let out = args.required("--out")
    let rowGroupRows = args.int("--row-group-rows", default: 250_000)
    let cities = ["北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆", "天津", "苏州"]

    var ids: [Int64?] = [], names: [String?] = [], cityColumn: [String?] = [], notes: [String?] = []
    var amounts: [Double?] = [], quantities: [Int32?] = [], flags: [Bool?] = [], days: [Int32?] = []
    var idSum: Int64 = 0, quantitySum: Int64 = 0, amountSum = 0.0, trueCount = 0, nameChars = 0, nonASCIINames = 0
    var nulls = [String: Int]()
    var minDay = Int32.max, maxDay = Int32.min
    var rng = SplitMix64(seed: 42)

    for i in 0 ..< rows {
        ids.append(Int64(i))
        idSum += Int64(i)
        if i % 11 == 3 {
            names.append(nil)
            nulls["name", default: 0] += 1
        } else {
            let name = i % 3 == 0 ? "report-\(i % 5000)" : "报告第\(i % 5000)号（\(cities[i % cities.count])）"
            names.append(name)
            nameChars += name.unicodeScalars.count
            if name.utf8.count != name.unicodeScalars.count { nonASCIINames += 1 }
        }
        cityColumn.append(cities[(i / 7) % cities.count])
        if i % 17 == 0 {
            notes.append(nil)
            nulls["note", default: 0] += 1
        } else {
            notes.append("备注-" + hex64([rng.next()]))
        }
        if i % 13 == 5 {
            amounts.append(nil)
            nulls["amount", default: 0] += 1
        } else {
            let amount = Double(i % 1000) * 0.25 - 100.0
            amounts.append(amount)
            amountSum += amount
        }
        if i % 7 == 2 {
            quantities.append(nil)
            nulls["quantity", default: 0] += 1
        } else {
            let quantity = Int32(i % 100_000) - 50_000
            quantities.append(quantity)
            quantitySum += Int64(quantity)
        }
        if i % 5 == 4 {
            flags.append(nil)
            nulls["flag", default: 0] += 1
        } else {
            let flag = i % 3 == 0
            flags.append(flag)
            if flag { trueCount += 1 }
        }
        if i % 19 == 7 {
            days.append(nil)
            nulls["day", default: 0] += 1
        } else {
            let day = Int32(18_000 + i % 3_000)
            days.append(day)
            minDay = min(minDay, day)
            maxDay = max(maxDay, day)
        }
    }

    let schema = Schema(
        Column(name: "id", type: .int64),
        Column(name: "name", type: .string, nullable: true),
        Column(name: "city", type: .string),
        Column(name: "note", type: .string, nullable: true),
        Column(name: "amount", type: .double, nullable: true),
        Column(name: "quantity", type: .int32, nullable: true),
        Column(name: "flag", type: .boolean, nullable: true),
        Column(name: "day", type: .date, nullable: true)
    )
    let batch = try RecordBatch(schema: schema, columns: [
        .int64(ids), .string(names), .string(cityColumn), .string(notes),
        .double(amounts), .int32(quantities), .boolean(flags), .date(days),
    ])
    let options = WriterOptions(rowGroupRows: rowGroupRows, keyValueMetadata: [("generator", "parquet-bench large")])
    let writer = try ParquetWriter(path: out, schema: schema, options: options)
    // Several batches, so batch boundaries fall inside row groups too.
    let step = 300_000
    var start = 0
    while start < rows {
        let end = min(rows, start + step)
        func slice<T>(_ values: [T]) -> [T] { Array(values[start ..< end]) }
        try writer.write(RecordBatch(schema: schema, columns: [
            .int64(slice(ids)), .string(slice(names)), .string(slice(cityColumn)), .string(slice(notes)),
            .double(slice(amounts)), .int32(slice(quantities)), .boolean(slice(flags)), .date(slice(days)),
        ]))
        start = end
    }
    _ = batch
    try writer.close()

    func json(_ value: String?) -> String {
        guard let value else { return "null" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
    func sample(_ i: Int) -> String {
        let amount = amounts[i].map { doubleText($0) } ?? "null"
        let quantity = quantities[i].map { String($0) } ?? "null"
        let flag = flags[i].map { $0 ? "true" : "false" } ?? "null"
        let day = json(days[i].map(isoDate))
        return "{\"id\": \(i), \"name\": \(json(names[i])), \"city\": \(json(cityColumn[i])), \"note\": \(json(notes[i])), "
            + "\"amount\": \(amount), \"quantity\": \(quantity), \"flag\": \(flag), \"day\": \(day)}"
    }
    let expectedGroups = (rows + rowGroupRows - 1) / rowGroupRows
    let samples = [0, 1, 3, 5, 17, rows / 2 + 7, rows - 1].filter { $0 < rows }.map(sample).joined(separator: ", ")
    print("""
    {"path": \(json(out)), "rows": \(rows), "row_groups": \(expectedGroups), "bytes": \(fileSize(out)),
     "columns": {"id": "int64", "name": "string", "city": "string", "note": "string", "amount": "double", "quantity": "int32", "flag": "bool", "day": "date32"},
     "nulls": {"id": 0, "name": \(nulls["name"] ?? 0), "city": 0, "note": \(nulls["note"] ?? 0), "amount": \(nulls["amount"] ?? 0), "quantity": \(nulls["quantity"] ?? 0), "flag": \(nulls["flag"] ?? 0), "day": \(nulls["day"] ?? 0)},
     "id_sum": \(idSum), "quantity_sum": \(quantitySum), "amount_sum": \(doubleText(amountSum)), "flag_true": \(trueCount),
     "name_chars": \(nameChars), "name_non_ascii": \(nonASCIINames), "city_distinct": \(cities.count),
     "day_min": \(json(isoDate(minDay))), "day_max": \(json(isoDate(maxDay))),
     "samples": [\(samples)]}
    """)
}

// MARK: - fixture

/// A small OUTDIR shaped like the pipeline's output (parquet/<dataset>/..., csv/<dataset>.csv),
/// so scripts/interop_check.py can be exercised without the pipeline.
func runFixture(_ args: Arguments) throws {
    let root = args.required("--out")
    var rng = SplitMix64(seed: 7)
    func mkdirs(_ path: String) {
        var current = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            current += (current.isEmpty && path.hasPrefix("/") ? "" : (current.isEmpty ? "" : "/")) + part
            if current.isEmpty { current = "/"; continue }
            mkdir(current, 0o755)
        }
    }
    mkdirs(root + "/csv")

    // reports: Hive-partitioned by report_year (the column is absent from the files).
    let reportSchema = Schema(
        Column(name: "report_id", type: .string),
        Column(name: "source_path", type: .string),
        Column(name: "source_format", type: .string),
        Column(name: "encoding", type: .string),
        Column(name: "agency", type: .string),
        Column(name: "report_date", type: .date, nullable: true),
        Column(name: "posted_date", type: .date, nullable: true),
        Column(name: "status", type: .string),
        Column(name: "checks_failed", type: .int32),
        Column(name: "diagnostics", type: .int32)
    )
    let agencies = ["国家统计局", "北京市人民政府办公厅", "上海市司法局", "Ministry \"Quoted\", Inc."]
    let csv = try TextFile(path: root + "/csv/reports.csv")
    try csv.write("report_id,source_path,source_format,encoding,agency,report_year,report_date,posted_date,status,checks_failed,diagnostics\n")
    var reportIDs: [String] = []
    for year in [2022, 2023] {
        let dir = root + "/parquet/reports/report_year=\(year)"
        mkdirs(dir)
        var columns: [[String?]] = Array(repeating: [], count: 5)
        var reportDates: [Int32?] = [], postedDates: [Int32?] = [], statuses: [String?] = []
        var failed: [Int32?] = [], diagnostics: [Int32?] = []
        for i in 0 ..< 40 {
            let id = hex64([rng.next(), rng.next(), rng.next(), rng.next()])
            reportIDs.append(id)
            let values: [String?] = [id, "samples/\(year)/报告-\(i).html", i % 3 == 0 ? "pdf" : "html", "utf-8", agencies[i % agencies.count]]
            for (k, v) in values.enumerated() { columns[k].append(v) }
            let reportDate: Int32? = i % 5 == 0 ? nil : Int32((year - 1970) * 365 + 12 + i)
            let postedDate: Int32? = i % 4 == 1 ? nil : Int32((year - 1970) * 365 + 40 + i)
            reportDates.append(reportDate)
            postedDates.append(postedDate)
            statuses.append(i % 6 == 0 ? "rejected" : "ok")
            failed.append(Int32(i % 3))
            diagnostics.append(Int32(i % 4))
            let line = (values.map(csvField) + [String(year), reportDate.map(isoDate) ?? "", postedDate.map(isoDate) ?? "",
                                                statuses.last!!, String(i % 3), String(i % 4)]).joined(separator: ",")
            try csv.write(line + "\n")
        }
        let batch = try RecordBatch(schema: reportSchema, columns: [
            .string(columns[0]), .string(columns[1]), .string(columns[2]), .string(columns[3]), .string(columns[4]),
            .date(reportDates), .date(postedDates), .string(statuses), .int32(failed), .int32(diagnostics),
        ])
        let writer = try ParquetWriter(path: dir + "/part-00000.parquet", schema: reportSchema)
        try writer.write(batch)
        try writer.close()
    }
    try csv.close()

    // applications: not partitioned; two part files, one of them empty.
    let appSchema = Schema(
        Column(name: "report_id", type: .string),
        Column(name: "report_year", type: .int32),
        Column(name: "agency", type: .string),
        Column(name: "row", type: .string),
        Column(name: "applicant", type: .string),
        Column(name: "value", type: .int64)
    )
    mkdirs(root + "/parquet/applications")
    let appCSV = try TextFile(path: root + "/csv/applications.csv")
    try appCSV.write("report_id,report_year,agency,row,applicant,value\n")
    var cols: (ids: [String?], years: [Int32?], agencies: [String?], rows: [String?], applicants: [String?], values: [Int64?]) = ([], [], [], [], [], [])
    let applicantNames = ["自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for (k, id) in reportIDs.prefix(30).enumerated() {
        for row in 1 ... 25 {
            for applicant in applicantNames {
                let value: Int64 = rng.below(10) < 8 ? 0 : Int64(rng.below(50))
                cols.ids.append(id); cols.years.append(Int32(2022 + k % 2)); cols.agencies.append(agencies[k % agencies.count])
                cols.rows.append("row_\(row)"); cols.applicants.append(applicant); cols.values.append(value)
                try appCSV.write([csvField(id), String(2022 + k % 2), csvField(agencies[k % agencies.count]), "row_\(row)", applicant, String(value)].joined(separator: ",") + "\n")
            }
        }
    }
    try appCSV.close()
    let appWriter = try ParquetWriter(path: root + "/parquet/applications/part-00000.parquet", schema: appSchema,
                                      options: WriterOptions(rowGroupRows: 2_000, dataPageSize: 4_096))
    try appWriter.write(RecordBatch(schema: appSchema, columns: [.string(cols.ids), .int32(cols.years), .string(cols.agencies),
                                                                 .string(cols.rows), .string(cols.applicants), .int64(cols.values)]))
    try appWriter.close()
    let empty = try ParquetWriter(path: root + "/parquet/applications/part-00001.parquet", schema: appSchema)
    try empty.close()

    // proactive_disclosure: doubles (with -0.0 and huge/small values) and dictionary fallback.
    let pdSchema = Schema(
        Column(name: "report_id", type: .string),
        Column(name: "report_year", type: .int32),
        Column(name: "agency", type: .string),
        Column(name: "item", type: .string),
        Column(name: "measure", type: .string),
        Column(name: "value", type: .double, nullable: true)
    )
    mkdirs(root + "/parquet/proactive_disclosure")
    let pdCSV = try TextFile(path: root + "/csv/proactive_disclosure.csv")
    try pdCSV.write("report_id,report_year,agency,item,measure,value\n")
    var pd: (ids: [String?], years: [Int32?], agencies: [String?], items: [String?], measures: [String?], values: [Double?]) = ([], [], [], [], [], [])
    let specials: [Double] = [-0.0, 0.0, 1e300, -2.5e-300, 0.1, 123_456.789]
    for i in 0 ..< 3_000 {
        let id = reportIDs[i % reportIDs.count]
        let item = "条目 \(i) " + hex64([rng.next()])   // unique: forces PLAIN fallback
        let value: Double? = i % 9 == 4 ? nil : (i < specials.count ? specials[i] : Double(rng.below(100_000)) / 8)
        pd.ids.append(id); pd.years.append(2023); pd.agencies.append("agency, with comma"); pd.items.append(item)
        pd.measures.append(i % 2 == 0 ? "新制作" : "新公开"); pd.values.append(value)
        try pdCSV.write([csvField(id), "2023", csvField("agency, with comma"), csvField(item), i % 2 == 0 ? "新制作" : "新公开",
                         value.map(doubleText) ?? ""].joined(separator: ",") + "\n")
    }
    try pdCSV.close()
    let pdWriter = try ParquetWriter(path: root + "/parquet/proactive_disclosure/part-00000.parquet", schema: pdSchema,
                                     options: WriterOptions(dictionaryPageSizeLimit: 8_192, dataPageSize: 16_384))
    try pdWriter.write(RecordBatch(schema: pdSchema, columns: [.string(pd.ids), .int32(pd.years), .string(pd.agencies),
                                                               .string(pd.items), .string(pd.measures), .double(pd.values)]))
    try pdWriter.close()

    // rejects: every value null in a nullable column, text with quotes and newlines.
    let rejectSchema = Schema(
        Column(name: "source_path", type: .string),
        Column(name: "reason", type: .string),
        Column(name: "detail", type: .string, nullable: true)
    )
    mkdirs(root + "/parquet/rejects")
    let rejectCSV = try TextFile(path: root + "/csv/rejects.csv")
    try rejectCSV.write("source_path,reason,detail\n")
    var rj: (paths: [String?], reasons: [String?], details: [String?]) = ([], [], [])
    for i in 0 ..< 5 {
        let path = "samples/bad \(i).html"
        let reason = i == 2 ? "line one\nline \"two\"" : "unreadable"
        rj.paths.append(path); rj.reasons.append(reason); rj.details.append(nil)
        try rejectCSV.write([csvField(path), csvField(reason), ""].joined(separator: ",") + "\n")
    }
    try rejectCSV.close()
    let rejectWriter = try ParquetWriter(path: root + "/parquet/rejects/part-00000.parquet", schema: rejectSchema,
                                         options: WriterOptions(compression: .zstd(level: 1)))
    try rejectWriter.write(RecordBatch(schema: rejectSchema, columns: [.string(rj.paths), .string(rj.reasons), .string(rj.details)]))
    try rejectWriter.close()

    // diagnostics: a nullable column whose first pages are all null (PLAIN pages before the
    // dictionary has any entry), written in several small batches.
    let diagSchema = Schema(
        Column(name: "report_id", type: .string),
        Column(name: "stage", type: .string),
        Column(name: "code", type: .string),
        Column(name: "detail", type: .string, nullable: true)
    )
    mkdirs(root + "/parquet/diagnostics")
    let diagCSV = try TextFile(path: root + "/csv/diagnostics.csv")
    try diagCSV.write("report_id,stage,code,detail\r\n")
    let diagWriter = try ParquetWriter(path: root + "/parquet/diagnostics/part-00000.parquet", schema: diagSchema,
                                       options: WriterOptions(rowGroupRows: 3_000, dataPageSize: 64))
    for chunk in 0 ..< 4 {
        var d: (ids: [String?], stages: [String?], codes: [String?], details: [String?]) = ([], [], [], [])
        for i in chunk * 1_000 ..< (chunk + 1) * 1_000 {
            let detail: String? = i < 1_500 || i % 4 == 0 ? nil : "第\(i % 9)行: value \"\(i % 3)\" ignored"
            d.ids.append(reportIDs[i % reportIDs.count]); d.stages.append(["extract", "transform", "load"][i % 3])
            d.codes.append("code_\(i % 5)"); d.details.append(detail)
            try diagCSV.write([csvField(d.ids.last!), d.stages.last!!, d.codes.last!!, csvField(detail)].joined(separator: ",") + "\r\n")
        }
        try diagWriter.write(RecordBatch(schema: diagSchema, columns: [.string(d.ids), .string(d.stages), .string(d.codes), .string(d.details)]))
    }
    try diagWriter.close()
    try diagCSV.close()

    // checks: int64 extremes, written from pre-encoded UTF-8 columns, uncompressed dictionary off.
    let checkSchema = Schema(
        Column(name: "report_id", type: .string),
        Column(name: "rule", type: .string),
        Column(name: "subject", type: .string),
        Column(name: "expected", type: .int64),
        Column(name: "actual", type: .int64)
    )
    mkdirs(root + "/parquet/checks")
    let checkCSV = try TextFile(path: root + "/csv/checks.csv")
    try checkCSV.write("report_id,rule,subject,expected,actual\n")
    var ids = UTF8StringColumn(), rules = UTF8StringColumn(), subjects = UTF8StringColumn()
    var expected: [Int64?] = [], actual: [Int64?] = []
    let extremes: [Int64] = [Int64.min, Int64.max, 0, -1, 1]
    for i in 0 ..< 500 {
        let e = i < extremes.count ? extremes[i] : Int64(rng.below(1_000_000)) - 500_000
        let a = i < extremes.count ? extremes[extremes.count - 1 - i] : e + Int64(rng.below(3)) - 1
        ids.append(reportIDs[i % reportIDs.count]); rules.append("sum_rows"); subjects.append("表\(i % 4)")
        expected.append(e); actual.append(a)
        try checkCSV.write("\(reportIDs[i % reportIDs.count]),sum_rows,表\(i % 4),\(e),\(a)\n")
    }
    try checkCSV.close()
    let checkWriter = try ParquetWriter(path: root + "/parquet/checks/part-00000.parquet", schema: checkSchema,
                                        options: WriterOptions(compression: .zstd(level: 9), dictionaryEnabled: false))
    try checkWriter.write(RecordBatch(schema: checkSchema, columns: [.utf8(ids), .utf8(rules), .utf8(subjects), .int64(expected), .int64(actual)]))
    try checkWriter.close()
    print("fixture written to \(root)")
}

// MARK: - main

let arguments = Arguments(CommandLine.arguments)
do {
    switch arguments.command {
    case "bench": try runBench(arguments)
    case "large": try runLarge(arguments)
    case "fixture": try runFixture(arguments)
    default: fail("unknown command \(arguments.command); expected bench, large or fixture")
    }
} catch {
    fail("\(error)")
}

/// Something in a report worth an analyst's look: a normalization made, a doubt, a gap.
///
/// `detail` says what happened in words; `place` says where, as fields an analyst can filter on,
/// so every value can be traced back without reading the sentence.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var stage: Stage
    public var code: Code
    public var detail: String
    public var place: Place

    public init(_ stage: Stage, _ code: Code, _ detail: String, at place: Place = Place()) {
        self.stage = stage
        self.code = code
        self.detail = detail
        self.place = place
    }

    /// How much the diagnostic asks of a reader; it follows from the code.
    public var severity: Severity { code.severity }

    /// Where in the source a diagnostic points; each part is nil when it does not apply or is unknown.
    public struct Place: Sendable, Hashable, Codable {
        /// The template table (二, 三, 四).
        public var table: TableKind?
        /// The 1-based line of the text the tables were read from.
        public var line: Int?
        /// The 1-based page, for sources that have pages (PDF).
        public var page: Int?
        /// The label as printed, when the diagnostic is about one.
        public var label: String?

        public init(table: TableKind? = nil, line: Int? = nil, page: Int? = nil, label: String? = nil) {
            self.table = table
            self.line = line
            self.page = page
            self.label = label
        }
    }

    /// `info`: a routine normalization that changes no number; `warning`: a doubt that may change a
    /// number or the report's identity; `error`: a value lost (a cell, a table, the agency).
    public enum Severity: String, Sendable, Codable, CaseIterable {
        case info, warning, error
    }

    /// The pipeline stage that raised the diagnostic.
    public enum Stage: String, Sendable, Codable, CaseIterable {
        case extract, transform, load
    }

    /// What kind of thing happened; the raw value is what the `diagnostics` dataset prints.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// A printed label differs from the template's wording and was mapped to its code.
        case labelNormalized = "label_normalized"
        /// A label in a table maps to no code in the dictionary.
        case labelUnrecognized = "label_unrecognized"
        /// A cell was printed empty or as a dash and became 0.
        case cellEmpty = "cell_empty"
        /// A cell of the template is not in the source at all.
        case cellMissing = "cell_missing"
        /// A whole table of the template is not in the source.
        case tableMissing = "table_missing"
        /// More values were printed than the template has cells.
        case extraValues = "extra_values"
        /// A value was written in a non-canonical way (full-width digits, separators).
        case valueNormalized = "value_normalized"
        /// A value could not be read as a number.
        case valueInvalid = "value_invalid"
        /// The report year is not in the title and was inferred from other evidence.
        case yearInferred = "year_inferred"
        /// The agency is not in the title and was taken from elsewhere.
        case agencyInferred = "agency_inferred"
        /// The agency could not be found at all.
        case agencyMissing = "agency_missing"
        /// A consistency check could not run because cells it needs are missing.
        case checkSkipped = "check_skipped"
        /// Page furniture (page numbers, separators) inside a table was skipped.
        case pageArtifactSkipped = "page_artifact_skipped"
        /// A group of rows printed as one row of zeros (（六）其他处理 without its three rows):
        /// each of its rows was read as 0.
        case groupRowZero = "group_row_zero"
        /// Characters a PDF draws on top of each other, which no one can read, were dropped.
        case textOverprinted = "text_overprinted"
        /// A few bytes of a text file were not valid in its encoding (or NUL) and became U+FFFD.
        case textRepaired = "text_repaired"
        /// The tables print wording of both templates; the report is read by the one it matches best.
        case templateMixed = "template_mixed"
        /// Values of text without separators placed in their cells by the table's sums, the one
        /// placement that adds up: the checks cannot confirm those cells again.
        case placedBySums = "placed_by_sums"
        /// Pieces of header or group cells that text aligned by spaces prints a character or two
        /// a line (自然 / 人, 结 / 果): parts of no row label, not read as labels.
        case labelPiecesSkipped = "label_pieces_skipped"
    }
}

extension Diagnostic.Code {
    /// The severity of every diagnostic with this code (docs/datasets.md lists them).
    public var severity: Diagnostic.Severity {
        switch self {
        case .labelNormalized, .valueNormalized, .cellEmpty, .pageArtifactSkipped, .textOverprinted, .labelPiecesSkipped: .info
        case .labelUnrecognized, .extraValues, .yearInferred, .agencyInferred, .checkSkipped, .groupRowZero, .textRepaired, .templateMixed, .placedBySums: .warning
        case .cellMissing, .tableMissing, .valueInvalid, .agencyMissing: .error
        }
    }
}

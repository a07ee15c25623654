/// Why a workbook could not be written; the text names the file or the limit.
public struct XLSXError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

import DisclosureModel
import Extract
import Foundation
import Transform

/// Extract then transform one input file; every input ends as a report or a reject.
struct DocumentProcessor: Sendable {
    let transformer: Transformer

    enum Outcome: Sendable {
        case report(TransformedReport)
        case reject(Reject)
    }

    func process(_ input: InputScanner.Input) -> Outcome {
        guard let data = FileManager.default.contents(atPath: input.absolutePath) else {
            return .reject(Reject(sourcePath: input.relativePath, reason: .unreadable, detail: "\(input.absolutePath): cannot read the file"))
        }
        switch Extractor.extract(bytes: [UInt8](data), sourcePath: input.relativePath) {
        case .reject(let reject): return .reject(reject)
        case .report(let extracted): return .report(transformer.transform(extracted))
        }
    }
}

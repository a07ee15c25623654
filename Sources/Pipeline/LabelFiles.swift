import Foundation
import Transform

/// A pipeline's `labels` list read into one dictionary: the first file, then each overlay on it.
enum LabelFiles {
    /// The dictionary, and each file's bytes (the transform's key hashes them). Every error is a
    /// configuration error naming the file.
    static func load(_ paths: [String]) throws -> (dictionary: LabelDictionary, contents: [Data]) {
        var dictionary: LabelDictionary?
        var contents: [Data] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineError.configuration("\(path): cannot read the label dictionary (missing or unreadable)")
            }
            contents.append(data)
            do {
                let loaded = try LabelDictionary(toml: String(decoding: data, as: UTF8.self), source: path, over: dictionary)
                dictionary = try dictionary.map { try $0.merging(loaded, source: path) } ?? loaded
            } catch let error as LabelDictionary.LoadError {
                throw PipelineError.configuration(error.description)
            }
        }
        guard let dictionary else { throw PipelineError.configuration("no label dictionary given (key \"labels\", or --labels)") }
        return (dictionary, contents)
    }
}

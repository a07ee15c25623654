import Foundation

/// Lists the input files of a run: every regular file under the input folder, hidden ones
/// (`.name`) excepted, in byte order of their relative paths so runs are reproducible.
public enum InputScanner {
    public struct Input: Sendable, Hashable {
        /// Relative to the input root, `/`-separated.
        public let relativePath: String
        public let absolutePath: String
    }

    public struct ScanError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static func scan(_ root: String) throws -> [Input] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ScanError(description: "\(root): the input folder does not exist or is not a folder")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw ScanError(description: "\(root): cannot list the input folder")
        }
        var inputs: [Input] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
            inputs.append(Input(relativePath: relative, absolutePath: root + "/" + relative))
        }
        return inputs.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }
}

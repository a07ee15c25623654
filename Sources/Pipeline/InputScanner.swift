import Foundation

/// Lists the input files of a run: every regular file under the input folders that the include
/// and exclude patterns keep, hidden ones (`.name`) excepted, in byte order of their paths so
/// runs are reproducible. With several input folders, paths are prefixed by the folder's name.
public enum InputScanner {
    public struct Input: Sendable, Hashable {
        /// Relative to the input folder, `/`-separated: the `source_path` of the datasets.
        public let relativePath: String
        public let absolutePath: String
    }

    public static func scan(_ roots: [String], include: [String] = ["*"], exclude: [String] = []) throws -> [Input] {
        var inputs: [Input] = []
        for root in roots {
            let prefix = roots.count > 1 ? URL(fileURLWithPath: root).lastPathComponent + "/" : ""
            for relative in try files(under: root) where matches(relative, include) && !matches(relative, exclude) {
                inputs.append(Input(relativePath: prefix + relative, absolutePath: root + "/" + relative))
            }
        }
        return inputs.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    static func files(under root: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PipelineError.io("\(root): the input folder does not exist or is not a folder")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw PipelineError.io("\(root): cannot list the input folder")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if isHidden(relative) {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular { files.append(relative) }
        }
        return files
    }

    /// Whether the last path component starts with a dot (`.x`, `a/.x`), checked on bytes.
    static func isHidden(_ relative: String) -> Bool {
        var previous: UInt8 = 0x2F
        var hidden = false
        for byte in relative.utf8 {
            if previous == 0x2F { hidden = byte == 0x2E }
            previous = byte
        }
        return hidden
    }

    static func matches(_ path: String, _ patterns: [String]) -> Bool {
        patterns.contains { fnmatch($0, path, 0) == 0 }
    }
}

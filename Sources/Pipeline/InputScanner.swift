import Foundation

/// Lists the input files of a run: every regular file under the input folders that the include
/// and exclude patterns keep, hidden ones (`.name`) excepted, in byte order of their paths so
/// runs are reproducible. With several input folders, paths are prefixed by the folder's name.
public enum InputScanner {
    public struct Input: Sendable, Hashable {
        /// Relative to the input folder, `/`-separated: the `source_path` of the datasets.
        public let relativePath: String
        /// The input folder, shared by all its inputs (a String per input's full path cost 100
        /// bytes each at 100,000 inputs).
        let root: String
        /// Bytes of `relativePath` that name the folder (when a run has several).
        let prefixLength: Int

        public var absolutePath: String { root + "/" + String(relativePath.utf8.dropFirst(prefixLength))! }
    }

    public static func scan(_ roots: [String], include: [String] = ["*"], exclude: [String] = []) throws -> InputList {
        var inputs = InputList()
        for root in roots {
            let prefix = roots.count > 1 ? URL(fileURLWithPath: root).lastPathComponent + "/" : ""
            let index = inputs.addRoot(root, prefix: prefix)
            try forEachFile(under: root) { relative in
                guard matches(relative, include) && !matches(relative, exclude) else { return }
                inputs.append(relativePath: (prefix + relative).utf8, root: index)
            }
        }
        return inputs.sortedByPath()
    }

    /// Calls `body` with the relative path of every file under `root`.
    static func forEachFile(under root: String, _ body: (String) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PipelineError.io("\(root): the input folder does not exist or is not a folder")
        }
        try walk(root, relative: "", body)
    }

    /// Lists one folder with `readdir`, whose entry types spare a `stat` per file (FileManager's
    /// enumerator made listing 100,000 inputs a visible share of a run), then its subfolders.
    /// Hidden entries are skipped; a symbolic link counts as the file it points to, but a link to a
    /// folder is not followed (links can make cycles).
    private static func walk(_ folder: String, relative: String, _ file: (String) throws -> Void) throws {
        guard let handle = opendir(folder) else {
            throw PipelineError.io("\(folder): cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var subfolders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.utf8.first == 0x2E { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): try file(path)
            case Int32(DT_DIR): subfolders.append(name)
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                var info = stat()
                let followed = stat(folder + "/" + name, &info) == 0
                let type = info.st_mode & S_IFMT
                if followed && type == S_IFREG { try file(path) }
                if followed && type == S_IFDIR && Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) { subfolders.append(name) }
            default: continue
            }
        }
        for name in subfolders {
            try walk(folder + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name, file)
        }
    }

    static func matches(_ path: String, _ patterns: [String]) -> Bool {
        patterns.contains { fnmatch($0, path, 0) == 0 }
    }
}

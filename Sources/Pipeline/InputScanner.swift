import Foundation

/// Lists the inputs of a run: every entry under the input folders that the include and exclude
/// patterns keep, and each file given as an input itself, hidden ones (`.name`) excepted, in byte order of their paths so runs are
/// reproducible. With several input folders, paths are prefixed by the folder's name. Entries that
/// are not files (FIFOs, sockets, devices, links to folders, broken links) are listed too, with
/// their kind, so each becomes a reject row rather than vanishing; the pipeline's own output and
/// work folders are left out when they sit inside an input folder.
public enum InputScanner {
    public struct Input: Sendable, Hashable {
        /// Relative to the input folder, `/`-separated, as `FileName.display` shows the name: the
        /// `source_path` of the datasets.
        public let relativePath: String
        /// The input folder, shared by all its inputs (a String per input's full path cost 100
        /// bytes each at 100,000 inputs).
        let root: String
        /// Bytes of `relativePath` that name the folder (when a run has several).
        let prefixLength: Int
        public let kind: Kind

        /// The path for messages: the name as shown.
        public var absolutePath: String { root + "/" + String(relativePath.utf8.dropFirst(prefixLength))! }

        /// The path's bytes on disk, for `open` and `stat`.
        var fileSystemPath: [UInt8] { Array(root.utf8) + [0x2F] + FileName.bytes(relativePath.utf8.dropFirst(prefixLength)) }

        /// Whether `absolutePath` is the path on disk (the name has no escapes), so that tools may be given it.
        var hasPlainName: Bool { !relativePath.utf8.contains(0x5C) }
    }

    /// What a listed entry is. Only `file` is read; the others are rejects, found without opening
    /// them (opening a FIFO would wait for a writer).
    public enum Kind: UInt8, Sendable, Hashable {
        case file, fifo, socket, characterDevice, blockDevice, folderLink, otherType
        case danglingLink, linkLoop
        /// `stat` failed for another reason (permissions): the file cannot be read.
        case unreachable
    }

    /// `excluding` names folders never scanned even when they sit inside an input folder (the
    /// pipeline's output and work folders, which would otherwise be read back next run); they are
    /// recognized by device and inode, whatever path leads to them.
    public static func scan(_ roots: [String], include: [String] = ["*"], exclude: [String] = [],
                            excluding folders: [String] = []) throws -> InputList {
        var inputs = InputList()
        let skipped = Set(folders.compactMap { FolderIdentity(path: Array($0.utf8)) })
        for root in roots {
            if let file = singleFile(root) {
                // A file named as an input is read whatever the patterns say; its source_path is its name.
                let index = inputs.addRoot(file.folder, prefix: "")
                inputs.append(relativePath: file.name.utf8, root: index, kind: .file)
                continue
            }
            let prefix = roots.count > 1 ? URL(fileURLWithPath: root).lastPathComponent + "/" : ""
            let index = inputs.addRoot(root, prefix: prefix)
            try forEachEntry(under: root, skipping: skipped) { relative, kind in
                guard matches(relative, include) && !matches(relative, exclude) else { return }
                inputs.append(relativePath: (prefix + relative).utf8, root: index, kind: kind)
            }
        }
        let sorted = inputs.sortedByPath()
        if let twice = sorted.firstRepeatedPath() {
            throw PipelineError.configuration("two inputs would both be \"\(twice)\" in source_path (two input folders or files of the same name); rename one or give their common parent folder")
        }
        return sorted
    }

    /// The folder and name of `path` when it is a file (or a link to one), not a folder.
    public static func singleFile(_ path: String) -> (folder: String, name: String)? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }

    /// A folder's device and inode.
    struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init?(path: [UInt8]) {
            var info = stat()
            guard FileName.withCString(path, { stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Calls `body` with the relative path (as shown) and kind of every entry under `root`.
    static func forEachEntry(under root: String, skipping: Set<FolderIdentity> = [], _ body: (String, Kind) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PipelineError.io("\(root): the input folder does not exist")
        }
        try walk(Array(root.utf8), relative: [], skipping: skipping, body)
    }

    /// Lists one folder with `readdir`, whose entry types spare a `stat` per file (FileManager's
    /// enumerator made listing 100,000 inputs a visible share of a run), then its subfolders.
    /// Paths are kept as bytes, so a folder or file whose name is not UTF-8 is still reached.
    /// Hidden entries are skipped; a symbolic link counts as the file it points to, but a link to a
    /// folder is not followed (links can make cycles).
    private static func walk(_ folder: [UInt8], relative: [UInt8], skipping: Set<FolderIdentity>,
                             _ entry: (String, Kind) throws -> Void) throws {
        guard let handle = FileName.withCString(folder, { opendir($0) }) else {
            throw PipelineError.io("\(FileName.display(folder)): cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var subfolders: [[UInt8]] = []
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                Array(raw.prefix(strlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self))))
            }
            if name.first == 0x2E { continue }
            let path = folder + [0x2F] + name
            let kind: Kind?
            switch Int32(item.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = nil
            case Int32(DT_LNK): kind = linkKind(path)
            case Int32(DT_FIFO): kind = .fifo
            case Int32(DT_SOCK): kind = .socket
            case Int32(DT_CHR): kind = .characterDevice
            case Int32(DT_BLK): kind = .blockDevice
            default:
                // DT_UNKNOWN (some file systems): ask `lstat`.
                var info = stat()
                guard FileName.withCString(path, { lstat($0, &info) }) == 0 else { kind = .unreachable; break }
                let type = info.st_mode & S_IFMT
                kind = type == S_IFDIR ? nil : type == S_IFLNK ? linkKind(path) : self.kind(of: type)
            }
            if let kind {
                try entry(FileName.display(relative.isEmpty ? name : relative + [0x2F] + name), kind)
            } else if skipping.isEmpty || FolderIdentity(path: path).map({ !skipping.contains($0) }) ?? true {
                subfolders.append(name)
            }
        }
        for name in subfolders {
            try walk(folder + [0x2F] + name, relative: relative.isEmpty ? name : relative + [0x2F] + name, skipping: skipping, entry)
        }
    }

    /// What a symbolic link leads to: `stat` follows it (and every link after it).
    private static func linkKind(_ path: [UInt8]) -> Kind {
        var info = stat()
        guard FileName.withCString(path, { stat($0, &info) }) == 0 else {
            switch errno {
            case ELOOP: return .linkLoop
            case ENOENT, ENOTDIR: return .danglingLink
            default: return .unreachable
            }
        }
        let type = info.st_mode & S_IFMT
        return type == S_IFDIR ? .folderLink : kind(of: type)
    }

    /// The kind of an entry that is not a folder, from its `st_mode` type bits.
    static func kind(of type: mode_t) -> Kind {
        switch type {
        case S_IFREG: .file
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .otherType
        }
    }

    static func matches(_ path: String, _ patterns: [String]) -> Bool {
        patterns.contains { fnmatch($0, path, 0) == 0 }
    }
}

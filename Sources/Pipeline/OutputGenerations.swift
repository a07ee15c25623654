import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder's datasets as one set that a reader never sees half-switched.
///
/// Each load writes a new generation folder, `OUT/.generations/g-<stamp>/`, and switches the set by
/// one rename: of the symbolic link `OUT/.generations/current` to the new folder. The documented
/// paths stay valid: `OUT/csv`, `OUT/parquet` and `OUT/xlsx` are links to `.generations/current/csv`,
/// `.generations/current/parquet` and `.generations/current/xlsx`, so `OUT/csv/reports.csv` is
/// always the current set's file.
///
/// An output folder written before generations (real `csv/` and `parquet/` folders) is adopted on
/// the first load: its files are hard-linked into a generation made current, then each real folder
/// is exchanged with its link by one `renameat2(RENAME_EXCHANGE)`, so readers see the same files
/// throughout.
struct OutputGenerations {
    let root: String
    var folder: String { root + "/.generations" }
    var currentLink: String { folder + "/current" }
    /// The folders the writers put datasets under (`csv/…`, `parquet/…`, `xlsx/…`).
    static let datasetFolders = ["csv", "parquet", "xlsx"]

    /// Makes a new, empty generation for a load to write into, after removing what killed or
    /// failed loads left: generations that are not current, and temporary links. Call it holding
    /// `lock()`, so another run's generation in the making is never taken for a leftover.
    func begin(stamp: String) throws -> String {
        removeLeftovers()
        let generation = folder + "/g-\(stamp)"
        try makeFolder(generation)
        return generation
    }

    /// Removes every generation but the current one, and temporary links and folders.
    func removeLeftovers() {
        let files = FileManager.default
        let current = currentName()
        for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where name != current && name != "lock" && name != "current" {
            try? files.removeItem(atPath: folder + "/" + name)
        }
        for name in (try? files.contentsOfDirectory(atPath: root)) ?? [] where name.hasPrefix(".") && name.contains(".tmp-") {
            try? files.removeItem(atPath: root + "/" + name)
        }
    }

    /// Takes the output folder's lock: two loads into one folder would remove each other's generation.
    func lock() throws -> FolderLock {
        try makeFolder(folder)
        return try FolderLock(path: folder + "/lock")
    }

    /// Makes `generation`, holding `files` (relative paths), the visible set; `previous` are the
    /// files of the last load, whose folders are adopted or unlinked too. `pause` is the crash test hook.
    func commit(_ generation: String, files: [String], previous: [String], pause: (String) -> Void) throws {
        let tops = Set(files.map(Self.topFolder))
        let candidates = (tops.union(previous.map(Self.topFolder)).union(Self.datasetFolders)).sorted()
        for top in candidates where kind(of: root + "/" + top) == S_IFDIR {
            try adopt(top, pause: pause)
        }
        for top in tops.sorted() where kind(of: root + "/" + top) == nil {
            // Dangling until the switch: until then the set has no such folder, and neither does the link.
            try makeLink(to: ".generations/current/\(top)", at: root + "/" + top)
        }
        pause("load-before-switch")
        try switchCurrent(to: URL(fileURLWithPath: generation).lastPathComponent)
        pause("load-after-commit")
        for top in candidates where !tops.contains(top) && kind(of: root + "/" + top) == S_IFLNK
            && (try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + top)) == ".generations/current/\(top)" {
            unlink(root + "/" + top)
        }
        removeLeftovers()
    }

    /// Turns the real folder `OUT/top` into a link into the current generation holding the same files.
    private func adopt(_ top: String, pause: (String) -> Void) throws {
        var current = currentName()
        if current == nil {
            current = "g-adopted-\(getpid())"
            try makeFolder(folder + "/" + current!)
            try switchCurrent(to: current!)
        }
        let destination = folder + "/" + current! + "/" + top
        try? FileManager.default.removeItem(atPath: destination)
        try linkTree(root + "/" + top, to: destination)
        pause("output-adopt")
        let temporary = root + "/.\(top).tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        try makeLink(to: ".generations/current/\(top)", at: temporary)
        if !Self.exchange(temporary, root + "/" + top) {
            // No RENAME_EXCHANGE (an old kernel, some network file systems): the folder is absent
            // for the moment between the two renames.
            let aside = root + "/.\(top).old.tmp-\(getpid())"
            guard rename(root + "/" + top, aside) == 0, rename(temporary, root + "/" + top) == 0 else {
                throw PipelineError.io("\(root)/\(top): cannot replace the folder by a link to the current output set: \(String(cString: strerror(errno)))")
            }
            try? FileManager.default.removeItem(atPath: aside)
        }
        pause("output-adopted")
        try? FileManager.default.removeItem(atPath: temporary)
    }

    /// The current generation's folder name, if there is one.
    func currentName() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink)
    }

    /// Points `current` at `name` by renaming a new link over it: the one step that switches the set.
    private func switchCurrent(to name: String) throws {
        let temporary = folder + "/.current.tmp-\(getpid())"
        unlink(temporary)
        try makeLink(to: name, at: temporary)
        guard rename(temporary, currentLink) == 0 else {
            throw PipelineError.io("\(currentLink): cannot switch to the new output set: \(String(cString: strerror(errno)))")
        }
    }

    /// Hard-links (or copies, where links fail) every file under `source` to the same place under
    /// `destination`; hidden files (a killed run's temporaries) are left out.
    private func linkTree(_ source: String, to destination: String) throws {
        let files = FileManager.default
        try makeFolder(destination)
        guard let enumerator = files.enumerator(atPath: source) else { return }
        while let relative = enumerator.nextObject() as? String {
            let from = source + "/" + relative, to = destination + "/" + relative
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            switch kind(of: from) {
            case S_IFDIR: try makeFolder(to)
            case S_IFREG:
                if link(from, to) != 0 {
                    do { try files.copyItem(atPath: from, toPath: to) } catch {
                        throw PipelineError.io("\(from): cannot carry the file into the output set: \(error.localizedDescription)")
                    }
                }
            default: continue
            }
        }
    }

    private func makeFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw PipelineError.io("\(path): cannot create the folder: \(error.localizedDescription)")
        }
    }

    private func makeLink(to target: String, at path: String) throws {
        guard symlink(target, path) == 0 else {
            throw PipelineError.io("\(path): cannot create a link to \(target): \(String(cString: strerror(errno)))")
        }
    }

    /// The file type of `path` itself (a link is a link), or nil when nothing is there.
    private func kind(of path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    static func topFolder(_ relative: String) -> String {
        String(relative.prefix { $0 != "/" })
    }

    /// Swaps two paths at once with Linux's `renameat2(RENAME_EXCHANGE)`, looked up at run time
    /// (Swift's Glibc module does not declare it). False when it is missing or refused.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
        return renameAt2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}

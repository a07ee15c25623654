import Foundation

/// Files written under a temporary name and renamed into place, so readers never see half a
/// file and a killed run leaves the previous version whole.
public enum AtomicFile {
    /// A hidden temporary sibling of `path`, unique to this process.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    }

    public static func createParent(of path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LoadError("\(directory): cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Renames a finished temporary file over its final path.
    public static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LoadError("\(path): cannot move the new file into place: \(reason)")
        }
    }

    /// Writes a whole small file atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try createParent(of: path)
        let temporary = temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw LoadError("\(temporary): cannot write (check the folder's permissions and free space)")
        }
        try commit(temporary, to: path)
    }
}

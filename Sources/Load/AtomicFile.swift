import Foundation

/// Writes a file through a temporary sibling and a rename, so readers never see half a file and a
/// killed run leaves the previous version whole.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw LoadError("\(directory): cannot create the output folder: \(error.localizedDescription)")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw LoadError("\(temporary): cannot write (check the output folder's permissions and free space)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LoadError("\(path): cannot move the new file into place: \(reason)")
        }
    }
}

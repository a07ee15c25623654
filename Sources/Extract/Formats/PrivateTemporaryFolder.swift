import Foundation

/// The run's private folder for temporary copies of reports (a PDF whose file changed since it was
/// read is handed to MuPDF as a copy of the bytes read): `$TMPDIR/disclosure-etl-<uid>/run-<pid>/`.
///
/// The user's folder is 0700, and is refused when it is a symbolic link or belongs to another user,
/// who could then read the copies or swap them. Each run works in its own `run-<pid>` (0700), each
/// job in a fresh subfolder of that, and files are written 0600. A run killed before it could clean
/// up leaves its run folder behind: the first use in a later run removes every `run-<pid>` whose
/// process is no longer alive (a folder whose pid was reused since is kept until that process ends).
struct PrivateTemporaryFolder: Sendable {
    /// Why a folder was refused or could not be made; the text says what to do.
    struct Failure: Error, CustomStringConvertible, Sendable {
        let description: String

        static func system(_ what: String, _ code: Int32 = errno) -> Failure {
            Failure(description: "\(what): \(String(cString: strerror(code)))")
        }
    }

    /// `disclosure-etl-<uid>`, the user's folder.
    let root: URL
    /// `run-<pid>`, this run's folder inside it.
    let run: URL
    let uid: uid_t

    /// This process's folder under `$TMPDIR` (or /tmp), made at first use; a refusal stays the answer.
    static let current = Result { try PrivateTemporaryFolder(base: FileManager.default.temporaryDirectory) }

    /// Makes (or checks) the user's folder under `base`, removes the folders of runs that are no
    /// longer alive, and makes this run's folder.
    init(base: URL, uid: uid_t = geteuid(), pid: pid_t = getpid()) throws {
        self.uid = uid
        root = base.appendingPathComponent("disclosure-etl-\(uid)", isDirectory: true)
        run = root.appendingPathComponent("run-\(pid)", isDirectory: true)
        try Self.makeOwnFolder(root.path, uid: uid)
        Self.removeStaleRuns(in: root, except: pid)
        try Self.makeOwnFolder(run.path, uid: uid)
    }

    /// A new empty folder (0700) in the run's folder for one job, e.g. one PDF; the caller removes it.
    func makeFolder(_ prefix: String) throws -> URL {
        let folder = run.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try Self.makeOwnFolder(folder.path, uid: uid)
        return folder
    }

    /// A new empty folder in this process's run folder.
    static func makeFolder(_ prefix: String) throws -> URL {
        try current.get().makeFolder(prefix)
    }

    /// Removes a job's folder and the files in it (a job makes no subfolders). Plain system
    /// calls: Foundation's recursive removal costs more than the rest of reading a small PDF.
    static func removeJobFolder(_ folder: URL) {
        let path = folder.path
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(directory)
        }
        rmdir(path)
    }

    /// Writes `bytes` to the file at `url`, readable by the user alone (0600).
    static func writeFile(_ bytes: [UInt8], to url: URL) throws {
        let descriptor = try createFile(url.path)
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.system("cannot write \(url.path)")
            }
            written += count
        }
    }

    /// Creates (or empties) the file at `path` for writing, 0600, never through a symbolic link.
    private static func createFile(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure.system("cannot create \(path)") }
        _ = fchmod(descriptor, 0o600) // the umask may have taken the owner's bits
        return descriptor
    }

    /// Whether a process with this pid exists (EPERM: it does, as another user's).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// Makes `path` a folder of the user's alone (0700), or checks that it already is one.
    private static func makeOwnFolder(_ path: String, uid: uid_t) throws {
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw Failure.system("cannot create the temporary folder \(path)") }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Failure.system("cannot read the temporary folder \(path)") }
        let refusing = "refusing to keep temporary copies of reports in \(path)"
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            throw Failure(description: "\(refusing): it is a symbolic link, which could lead anywhere; remove it (rm \(path)) and run again")
        default:
            throw Failure(description: "\(refusing): it is not a folder; remove it and run again")
        }
        guard info.st_uid == uid else {
            throw Failure(description: "\(refusing): it belongs to user \(info.st_uid), not to this user (\(uid)), so others could read or change the copies; remove it, or set TMPDIR to a folder of your own")
        }
        if info.st_mode & 0o7777 != 0o700 && chmod(path, 0o700) != 0 {
            throw Failure.system("cannot make \(path) private (chmod 700)")
        }
    }

    /// Removes the `run-<pid>` folders of processes that have ended; anything else is left alone.
    private static func removeStaleRuns(in root: URL, except pid: pid_t) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return }
        for name in names where name.hasPrefix("run-") {
            guard let other = pid_t(name.dropFirst(4)), "run-\(other)" == name, other > 0, other != pid,
                  !isAlive(other) else { continue }
            try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
        }
    }
}

import Foundation
import Testing
@testable import Extract

/// Temporary copies of reports live in `$TMPDIR/disclosure-etl-<uid>/run-<pid>/`, private to the
/// user, and a later run removes what a killed run left.
@Suite struct PrivateTemporaryFolderTests {
    /// A fresh folder standing for `$TMPDIR`.
    static func base() throws -> URL {
        try Fixture.temporaryFolder("disclosure-etl-tmp-test")
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func theFoldersAre0700AndTheCopies0600() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try PrivateTemporaryFolder(base: base)
        #expect(folder.root.lastPathComponent == "disclosure-etl-\(geteuid())")
        #expect(folder.run.lastPathComponent == "run-\(getpid())")
        #expect(try Self.mode(folder.root) == 0o700)
        #expect(try Self.mode(folder.run) == 0o700)

        let job = try folder.makeFolder("pdf")
        #expect(job.deletingLastPathComponent().path == folder.run.path)
        #expect(try Self.mode(job) == 0o700)
        let copy = job.appendingPathComponent("input.pdf")
        try PrivateTemporaryFolder.writeFile(Array("%PDF-1.7 test".utf8), to: copy)
        #expect(try Self.mode(copy) == 0o600)
        #expect(try Data(contentsOf: copy) == Data("%PDF-1.7 test".utf8))
    }

    @Test func aRootLeftOpenByAnEarlierRunIsMadePrivate() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("disclosure-etl-\(geteuid())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        _ = try PrivateTemporaryFolder(base: base)
        #expect(try Self.mode(root) == 0o700)
    }

    @Test func theFolderOfARunThatIsNoLongerAliveIsRemoved() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        let first = try PrivateTemporaryFolder(base: base)
        // Above any pid the kernel hands out (at most 4,194,304), so never alive.
        let stale = first.root.appendingPathComponent("run-999999999")
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("pdf-1"), withIntermediateDirectories: true)
        try PrivateTemporaryFolder.writeFile([1, 2, 3], to: stale.appendingPathComponent("pdf-1/input.pdf"))
        #expect(!PrivateTemporaryFolder.isAlive(999_999_999))

        _ = try PrivateTemporaryFolder(base: base)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: first.run.path), "this run's own folder stays")
    }

    @Test func theFolderOfALiveRunAndOtherEntriesAreKept() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        let first = try PrivateTemporaryFolder(base: base)
        // The process that started the tests is alive while they run.
        let live = first.root.appendingPathComponent("run-\(getppid())")
        let others = ["run-abc", "run-0999999999", "notes"].map { first.root.appendingPathComponent($0) }
        for folder in [live] + others {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("pdf-1"), withIntermediateDirectories: true)
        }
        #expect(PrivateTemporaryFolder.isAlive(getppid()))

        _ = try PrivateTemporaryFolder(base: base)
        for folder in [live] + others {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pdf-1").path), "\(folder.lastPathComponent)")
        }
    }

    @Test func aSymlinkedRootIsRefused() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        let elsewhere = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
        let root = base.appendingPathComponent("disclosure-etl-\(geteuid())")
        try FileManager.default.createSymbolicLink(at: root, withDestinationURL: elsewhere)

        let error = #expect(throws: PrivateTemporaryFolder.Failure.self) { try PrivateTemporaryFolder(base: base) }
        #expect(error?.description.contains("refusing to keep temporary copies of reports in \(root.path): it is a symbolic link") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "nothing is written through the link")
    }

    @Test func aRootOwnedBySomeoneElseIsRefused() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        // The folder is this user's; the run asks for it as another user's, as if it were that user.
        let other = geteuid() + 1
        let root = base.appendingPathComponent("disclosure-etl-\(other)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])

        let error = #expect(throws: PrivateTemporaryFolder.Failure.self) { try PrivateTemporaryFolder(base: base, uid: other) }
        #expect(error?.description.contains("it belongs to user \(geteuid()), not to this user (\(other))") == true)
        #expect(error?.description.contains("set TMPDIR") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func aRootThatIsAFileIsRefused() throws {
        let base = try Self.base()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = base.appendingPathComponent("disclosure-etl-\(geteuid())")
        #expect(FileManager.default.createFile(atPath: root.path, contents: Data()))
        let error = #expect(throws: PrivateTemporaryFolder.Failure.self) { try PrivateTemporaryFolder(base: base) }
        #expect(error?.description.contains("it is not a folder") == true)
    }
}

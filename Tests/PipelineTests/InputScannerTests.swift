import Foundation
import Testing
@testable import Pipeline

/// Which files a run reads: hidden ones never, patterns as the pipeline says, in byte order.
@Suite struct InputScannerTests {
    func folder(with files: [String]) throws -> String {
        let root = NSTemporaryDirectory() + "scanner-" + UUID().uuidString
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        }
        return root
    }

    @Test func hiddenFilesAndFoldersAreSkipped() throws {
        let root = try folder(with: ["b.txt", "a/c.txt", ".hidden.txt", "a/.d.txt", ".git/e.txt", "a/.cache/f.txt"])
        #expect(try InputScanner.scan([root]).map(\.relativePath) == ["a/c.txt", "b.txt"])
    }

    @Test func includeAndExcludePatternsApplyToTheRelativePath() throws {
        let root = try folder(with: ["2023/a.txt", "2023/b.pdf", "tmp/c.txt", "d.html"])
        let inputs = try InputScanner.scan([root], include: ["*.txt", "*.html"], exclude: ["tmp/*"])
        #expect(inputs.map(\.relativePath) == ["2023/a.txt", "d.html"])
    }

    @Test func severalInputFoldersArePrefixedByTheirNames() throws {
        let one = try folder(with: ["x.txt"]), two = try folder(with: ["y.txt"])
        let names = try InputScanner.scan([one, two]).map(\.relativePath)
        #expect(names.count == 2)
        #expect(names.contains(URL(fileURLWithPath: one).lastPathComponent + "/x.txt"))
    }

    @Test func linkedFilesAreReadButLinkedFoldersAreNotFollowed() throws {
        let root = try folder(with: ["a/real.txt"])
        try FileManager.default.createSymbolicLink(atPath: root + "/link.txt", withDestinationPath: root + "/a/real.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/loop", withDestinationPath: root)
        let inputs = try InputScanner.scan([root])
        #expect(inputs.map(\.relativePath) == ["a/real.txt", "link.txt", "loop"])
        #expect(inputs.map(\.kind) == [.file, .file, .folderLink])
    }

    @Test func aFileGivenAsTheInputFolderIsAnError() throws {
        let root = try folder(with: ["x.txt"])
        #expect(throws: PipelineError.self) { try InputScanner.scan([root + "/x.txt"]) }
    }
}

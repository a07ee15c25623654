import Foundation
import Glibc
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

    /// A file given as an input is read as it is, named by its own name, whatever the patterns say.
    @Test func aFileGivenAsAnInputIsReadAlongsideFolders() throws {
        let files = try folder(with: ["x.pdf", "y.txt"]), other = try folder(with: ["z.txt", "w.pdf"])
        let inputs = try InputScanner.scan([files + "/x.pdf", other], include: ["*.txt"])
        #expect(inputs.map(\.relativePath) == [URL(fileURLWithPath: other).lastPathComponent + "/z.txt", "x.pdf"])
        #expect(inputs.map(\.absolutePath).contains(files + "/x.pdf"))
        #expect(try InputScanner.scan([files + "/y.txt"]).map(\.absolutePath) == [files + "/y.txt"])
    }

    @Test func inputsThatWouldShareASourcePathStopTheRun() throws {
        let one = try folder(with: ["a.txt"]), two = try folder(with: ["a.txt"])
        let error = #expect(throws: PipelineError.self) { try InputScanner.scan([one + "/a.txt", two + "/a.txt"]) }
        #expect(error?.description.contains("\"a.txt\"") == true)
        #expect(throws: PipelineError.self) { try InputScanner.scan([one + "/nowhere"]) }
    }

    @Test func entriesThatAreNotFilesAreListedWithTheirKind() throws {
        let root = try folder(with: ["a.txt", "sub/b.txt"])
        #expect(mkfifo(root + "/fifo", 0o644) == 0)
        try makeSocket(at: root + "/socket")
        let links = FileManager.default
        try links.createSymbolicLink(atPath: root + "/device", withDestinationPath: "/dev/null")
        try links.createSymbolicLink(atPath: root + "/dangling.txt", withDestinationPath: root + "/nowhere.txt")
        try links.createSymbolicLink(atPath: root + "/self", withDestinationPath: root + "/self")
        try links.createSymbolicLink(atPath: root + "/ping", withDestinationPath: root + "/pong")
        try links.createSymbolicLink(atPath: root + "/pong", withDestinationPath: root + "/ping")
        let inputs = try InputScanner.scan([root])
        #expect(inputs.map(\.relativePath) == ["a.txt", "dangling.txt", "device", "fifo", "ping", "pong", "self", "socket", "sub/b.txt"])
        #expect(inputs.map(\.kind) == [.file, .danglingLink, .characterDevice, .fifo, .linkLoop, .linkLoop, .linkLoop, .socket, .file])
    }

    @Test func aNameInGBKBytesIsShownEscapedAndLeadsBackToTheFile() throws {
        let root = try folder(with: ["plain.txt"])
        let gbk: [UInt8] = [0xB2, 0xE2, 0xCA, 0xD4]  // 测试 in GBK
        try write(Array("gbk".utf8), toName: gbk + Array(".txt".utf8), in: root)
        try write(Array("folder".utf8), toName: gbk + Array("/a.txt".utf8), in: root, folder: gbk)
        // A UTF-8 name that spells the escape: it must stay apart from the GBK one.
        FileManager.default.createFile(atPath: root + "/\\xB2\\xE2\\xCA\\xD4.txt", contents: Data("spelled".utf8))
        let inputs = try InputScanner.scan([root])
        #expect(inputs.map(\.relativePath) == [#"\\xB2\\xE2\\xCA\\xD4.txt"#, #"\xB2\xE2\xCA\xD4.txt"#, #"\xB2\xE2\xCA\xD4/a.txt"#, "plain.txt"])
        let contents = inputs.map { input in FileBytes.read(input.fileSystemPath, expectedSize: 0).map { String(decoding: $0, as: UTF8.self) } }
        #expect(contents == ["spelled", "gbk", "folder", "x"])
        #expect(inputs.map(\.hasPlainName) == [false, false, false, true])
    }

    @Test func shownNamesAreTheBytesOnDiskUnambiguously() {
        let names: [[UInt8]] = [Array("报告.txt".utf8), [0xB2, 0xE2], Array(#"a\b"#.utf8), Array(#"\xB2"#.utf8), [0xC0, 0xAF, 0x5C],
                                [0xE4, 0xB8], Array("%E5%B9%B4.html".utf8), [0xFF, 0x78, 0x41, 0x41]]
        let shown = names.map { FileName.display($0) }
        #expect(shown == ["报告.txt", #"\xB2\xE2"#, #"a\\b"#, #"\\xB2"#, #"\xC0\xAF\\"#, #"\xE4\xB8"#, "%E5%B9%B4.html", #"\xFFxAA"#])
        #expect(shown.map { FileName.bytes($0.utf8) } == names)
        #expect(Set(shown).count == names.count)
    }

    @Test func theOutputAndWorkFoldersInsideTheInputAreNotScanned() throws {
        let root = try folder(with: ["a.txt", "out/csv/reports.csv", "work/manifest.tsv", "keep/b.txt"])
        let inputs = try InputScanner.scan([root], excluding: [root + "/out", root + "/keep/../work", "/nonexistent"])
        #expect(inputs.map(\.relativePath) == ["a.txt", "keep/b.txt"])
    }

    /// A file whose name is the given bytes, written with `open` (a String cannot hold them).
    func write(_ contents: [UInt8], toName name: [UInt8], in root: String, folder: [UInt8]? = nil) throws {
        if let folder {
            #expect(FileName.withCString(Array(root.utf8) + [0x2F] + folder) { mkdir($0, 0o755) } == 0)
        }
        let descriptor = FileName.withCString(Array(root.utf8) + [0x2F] + name) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(Glibc.write(descriptor, contents, contents.count) == contents.count)
    }

    /// A listening Unix socket at `path`.
    func makeSocket(at path: String) throws {
        let socketFD = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socketFD >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            let bytes = Array(path.utf8.prefix(buffer.count - 1))
            buffer.copyBytes(from: bytes + [0])
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        close(socketFD)
    }
}

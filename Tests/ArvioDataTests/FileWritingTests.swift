import Foundation
import XCTest
@testable import ArvioData

/// `FileIO.writeAtomically`: what it does to each kind of target (docs/reliability.md, "Writing files").
final class FileWritingTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "arvio-write-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func text(_ path: String) throws -> String {
        String(decoding: try FileIO.read(path), as: UTF8.self)
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    private func failure(_ bytes: [UInt8], _ path: String) -> String? {
        do {
            try FileIO.writeAtomically(bytes, to: path)
            return nil
        } catch {
            return error.description
        }
    }

    func testReplacesARegularFileAndLeavesNoTemporaryFileBehind() throws {
        try FileIO.writeAtomically(Array("old\n".utf8), to: dir + "/t.csv")
        try FileIO.writeAtomically(Array("new\n".utf8), to: dir + "/t.csv")
        XCTAssertEqual(try text(dir + "/t.csv"), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["t.csv"])
    }

    func testKeepsTheModeOfThePrivateNotebookAndTheExecutableScript() throws {
        for (name, permissions) in [("nb.md", 0o600), ("run.arvio", 0o755)] {
            let path = dir + "/" + name
            try FileIO.writeAtomically(Array("old\n".utf8), to: path)
            XCTAssertEqual(chmod(path, mode_t(permissions)), 0)
            try FileIO.writeAtomically(Array("new\n".utf8), to: path)
            XCTAssertEqual(try mode(path), permissions, name)
            XCTAssertEqual(try text(path), "new\n")
        }
    }

    func testKeepsTheOwnerWhereTheSystemAllowsIt() throws {
        // Root may give a file away, so a file of nobody's, rewritten by root, stays nobody's;
        // anyone else keeps their own files.
        let path = dir + "/owned.csv"
        try FileIO.writeAtomically(Array("old\n".utf8), to: path)
        let owner: uid_t = geteuid() == 0 ? 65534 : geteuid()
        if geteuid() == 0 { XCTAssertEqual(chown(path, 65534, 65534), 0) }
        try FileIO.writeAtomically(Array("new\n".utf8), to: path)
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_uid, owner)
        XCTAssertEqual(try text(path), "new\n")
    }

    func testFollowsASymbolicLinkAndWritesItsTargetKeepingTheLink() throws {
        try FileIO.writeAtomically(Array("old\n".utf8), to: dir + "/real.md")
        XCTAssertEqual(symlink("real.md", dir + "/link.md"), 0)
        try FileIO.writeAtomically(Array("new\n".utf8), to: dir + "/link.md")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.md"), "real.md")
        XCTAssertEqual(try text(dir + "/real.md"), "new\n")
    }

    func testADanglingLinkCreatesItsTarget() throws {
        XCTAssertEqual(symlink(dir + "/later.csv", dir + "/link.csv"), 0)
        try FileIO.writeAtomically(Array("made\n".utf8), to: dir + "/link.csv")
        XCTAssertEqual(try text(dir + "/later.csv"), "made\n")
    }

    func testAHardLinkedFileIsRewrittenInPlaceSoEveryLinkSeesTheNewContent() throws {
        try FileIO.writeAtomically(Array("a much longer old content\n".utf8), to: dir + "/a.csv")
        XCTAssertEqual(link(dir + "/a.csv", dir + "/b.csv"), 0)
        try FileIO.writeAtomically(Array("short\n".utf8), to: dir + "/a.csv")
        XCTAssertEqual(try text(dir + "/b.csv"), "short\n")
        try FileIO.writeAtomically(Array("now longer than it was before\n".utf8), to: dir + "/b.csv")
        XCTAssertEqual(try text(dir + "/a.csv"), "now longer than it was before\n")
    }

    func testRefusesAFolderAndANamedPipeWithoutTouchingThem() throws {
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o644), 0)
        XCTAssertEqual(failure([1], dir + "/folder"), dir + "/folder: this is a folder, not a regular file; nothing was written")
        XCTAssertEqual(failure([1], dir + "/pipe"), dir + "/pipe: this is a named pipe (FIFO), not a regular file; nothing was written")
        var info = stat()
        XCTAssertEqual(lstat(dir + "/pipe", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the pipe is still a pipe")
    }

    func testACharacterDeviceIsWrittenInPlaceNotReplaced() throws {
        // /dev/null takes anything; /dev/full is the full disk: the error is the device's.
        try FileIO.writeAtomically(Array("gone\n".utf8), to: "/dev/null")
        XCTAssertEqual(failure(Array("x".utf8), "/dev/full"), "/dev/full: cannot write to the device: no space left on device")
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
    }

    func testAFailedWriteKeepsTheOldFile() throws {
        // A folder the temporary file cannot be made in stands for a full or read-only disk.
        try FileIO.writeAtomically(Array("old\n".utf8), to: dir + "/t.csv")
        XCTAssertNotNil(failure(Array("new\n".utf8), dir + "/missing-folder/t.csv"))
        XCTAssertEqual(try text(dir + "/t.csv"), "old\n")
    }
}

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

    // The streamed write (`writeAtomically(to:_:)`, `.save`'s CSV): the same cases, the content
    // handed over in pieces larger and smaller than a block, and a fill that throws (Ctrl-C).

    /// 3 MB in pieces of 1, 1000 and 1.5 MB bytes, so blocks fill, split and are bypassed.
    private static let pieces: [[UInt8]] = (0..<3000).map { (k: Int) -> [UInt8] in
        if k % 1000 == 999 { return [UInt8](repeating: UInt8(65 + k % 26), count: 1_500_000) }
        return Array("rivi \(k): Jyväskylä\r\n".utf8)
    }

    private func stream(_ path: String, _ pieces: [[UInt8]] = FileWritingTests.pieces) throws {
        try FileIO.writeAtomically(to: path) { writer in
            for (k, piece) in pieces.enumerated() {
                if k % 7 == 0, let first = piece.first {
                    writer.append(first)
                    writer.append(piece.dropFirst())
                } else {
                    writer.append(piece)
                }
            }
        }
    }

    private func cancelled(_ path: String, after: Int = 2000) -> String? {
        do {
            try FileIO.writeAtomically(to: path) { writer throws(DataError) in
                for piece in Self.pieces.prefix(after) { writer.append(piece) }
                throw DataError(DataPosition(file: path), "the save was cancelled; nothing was saved")
            }
            return nil
        } catch {
            return error.description
        }
    }

    func testAStreamedWriteReplacesTheFileWithEveryByteInOrderKeepingItsMode() throws {
        let path = dir + "/s.csv"
        try FileIO.writeAtomically(Array("old\n".utf8), to: path)
        XCTAssertEqual(chmod(path, 0o640), 0)
        try stream(path)
        XCTAssertEqual(try FileIO.read(path), Self.pieces.flatMap { $0 })
        XCTAssertEqual(try mode(path), 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["s.csv"])
        try FileIO.writeAtomically(to: dir + "/empty.csv") { _ in }
        XCTAssertEqual(try FileIO.read(dir + "/empty.csv"), [])
    }

    func testACancelledStreamedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        let path = dir + "/s.csv"
        try FileIO.writeAtomically(Array("old\n".utf8), to: path)
        XCTAssertEqual(cancelled(path), path + ": the save was cancelled; nothing was saved")
        XCTAssertEqual(try text(path), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["s.csv"])
        // A new file is not made at all.
        XCTAssertNotNil(cancelled(dir + "/new.csv", after: 3))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["s.csv"])
    }

    func testAStreamedWriteFollowsALinkAndRewritesAHardLinkInPlace() throws {
        try FileIO.writeAtomically(Array("old\n".utf8), to: dir + "/real.csv")
        XCTAssertEqual(symlink("real.csv", dir + "/link.csv"), 0)
        try stream(dir + "/link.csv")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.csv"), "real.csv")
        XCTAssertEqual(try FileIO.read(dir + "/real.csv"), Self.pieces.flatMap { $0 })

        try FileIO.writeAtomically(Array("a much longer old content\n".utf8), to: dir + "/a.csv")
        XCTAssertEqual(link(dir + "/a.csv", dir + "/b.csv"), 0)
        try stream(dir + "/a.csv", [Array("short\n".utf8)])
        XCTAssertEqual(try text(dir + "/b.csv"), "short\n")
        try stream(dir + "/b.csv")
        XCTAssertEqual(try FileIO.read(dir + "/a.csv"), Self.pieces.flatMap { $0 })
        // Cancelled, the hard-linked file is not touched: it is gathered before it is rewritten.
        XCTAssertNotNil(cancelled(dir + "/b.csv"))
        XCTAssertEqual(try FileIO.read(dir + "/a.csv"), Self.pieces.flatMap { $0 })
        var info = stat()
        XCTAssertEqual(stat(dir + "/a.csv", &info), 0)
        XCTAssertEqual(info.st_nlink, 2)
    }

    func testAStreamedWriteGoesStraightToACharacterDeviceAndReportsItsError() throws {
        try stream("/dev/null")
        do {
            try stream("/dev/full")
            XCTFail("/dev/full took 3 MB")
        } catch {
            XCTAssertEqual("\(error)", "/dev/full: cannot write to the device: no space left on device")
        }
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(cancelled("/dev/null"), "/dev/null: the save was cancelled; nothing was saved")
    }

    func testAStreamedWriteRefusesAFolderAndKeepsTheOldFileWhenItCannotStart() throws {
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        var ran = false
        XCTAssertThrowsError(try FileIO.writeAtomically(to: dir + "/folder") { _ in ran = true })
        XCTAssertFalse(ran, "nothing is made for a target that is refused")
        XCTAssertThrowsError(try stream(dir + "/missing-folder/t.csv"))
    }
}

import Foundation
import XCTest
@testable import ArvioData

/// Reading files: only regular files, and never a file that changes while it is read
/// (docs/reliability.md, "Reading files").
final class FileReadingTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "arvio-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func loadFailure(_ path: String) -> String? {
        do {
            _ = try CSVReader.read(path: path, name: "t")
            return nil
        } catch {
            return error.description
        }
    }

    func testDevicesThatNeverEndAreRefusedAtOnce() {
        for device in ["/dev/zero", "/dev/urandom"] {
            XCTAssertEqual(loadFailure(device), "\(device): this is a character device, not a regular file; Arvio reads only regular files")
            XCTAssertThrowsError(try FileIO.read(device))
        }
    }

    func testANamedPipeWithNoWriterIsRefusedWithoutWaiting() {
        XCTAssertEqual(mkfifo(dir + "/pipe", 0o644), 0)
        XCTAssertEqual(loadFailure(dir + "/pipe"), dir + "/pipe: this is a named pipe (FIFO), not a regular file; Arvio reads only regular files")
        XCTAssertThrowsError(try FileIO.read(dir + "/pipe"))
    }

    func testAFolderIsRefused() {
        XCTAssertEqual(loadFailure(dir), dir + ": this is a folder, not a regular file; Arvio reads only regular files")
    }

    func testAFileCutShortWhileItIsParsedIsReportedNotACrash() throws {
        // The mapped file is truncated after it is opened: the pages past the new end would be
        // a SIGBUS; the guard reads them as zeros and the load reports the change.
        let path = dir + "/v.csv"
        var text = "id,answer\n"
        for i in 0..<200_000 { text += "\(i),answer number \(i % 97)\n" }
        try FileIO.writeAtomically(Array(text.utf8), to: path)
        let file = try XCTUnwrap(try MappedFile.map(path))
        XCTAssertEqual(truncate(path, 100), 0)
        var sum = 0
        for i in stride(from: 0, to: file.bytes.count, by: 4096) { sum &+= Int(file.bytes[i]) }
        XCTAssertEqual(sum, Int(file.bytes[0]), "only the first page still holds the file's bytes")
        XCTAssertThrowsError(try file.checkUnchanged()) { error in
            XCTAssertEqual((error as? DataError)?.message.hasPrefix("the file changed while it was read"), true)
        }
    }

    func testAFileWrittenToAfterItWasOpenedIsReportedAsChanged() throws {
        let path = dir + "/w.csv"
        try FileIO.writeAtomically(Array("id\n1\n".utf8), to: path)
        let file = try XCTUnwrap(try MappedFile.map(path))
        XCTAssertNoThrow(try file.checkUnchanged())
        let fd = open(path, O_WRONLY | O_APPEND)
        XCTAssertEqual(write(fd, "2\n", 2), 2)
        close(fd)
        XCTAssertThrowsError(try file.checkUnchanged())
    }

    func testStandardInputIsReadAsAStream() throws {
        XCTAssertNil(try MappedFile.map("/dev/stdin"), "standard input is read, not mapped")
    }
}

import ArvioData
import FuzzSupport

/// libFuzzer entry: the input as a codebook; one that parses is then applied to the
/// built-in participants table, as `--codebook` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let codebook = try? Codebook.parse(bytes, file: "codebook.csv") else { return 0 }
    if let csv = FuzzData.participants {
        _ = try? CSVReader.read(bytes: csv, file: "participants.csv", name: "participants", codebook: codebook)
    }
    return 0
}

enum FuzzData {
    /// The built-in participants.csv, the table a fuzzed codebook is applied to.
    static let participants: [UInt8]? = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return try? FileIO.read(parts.joined(separator: "/") + "/datasets/wire3/participants.csv")
    }()
}

/// SwiftPM links an executable target's entry as FuzzCodebook_main (so tests can import it); it hands
/// the command line to libFuzzer's driver, as libFuzzer's own main would.
@_cdecl("FuzzCodebook_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

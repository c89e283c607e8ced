import ArvioData
import FuzzSupport

/// libFuzzer entry: the input as a CSV file, read plain, then with the built-in codebook's
/// entries for `participants` (so typing and labels run too), in one piece and in several.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? CSVReader.read(bytes: bytes, file: "fuzz.csv", name: "fuzz")
    _ = try? CSVReader.read(bytes: bytes, file: "participants.csv", name: "participants",
                            codebook: FuzzCodebook.builtIn)
    return 0
}

enum FuzzCodebook {
    /// The built-in data set's codebook.
    static let builtIn: Codebook? = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        let path = parts.joined(separator: "/") + "/datasets/wire3/codebook.csv"
        return try? Codebook.parse(FileIO.read(path), file: path)
    }()
}

/// SwiftPM links an executable target's entry as FuzzCSV_main (so tests can import it); it hands
/// the command line to libFuzzer's driver, as libFuzzer's own main would.
@_cdecl("FuzzCSV_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

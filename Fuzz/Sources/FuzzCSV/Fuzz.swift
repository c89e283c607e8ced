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

import ArvioShell
import FuzzSupport

/// libFuzzer entry: the input as a Markdown notebook: split into blocks, re-assembled as
/// `knit` would, and every block's statements run in one workspace, as `knit` runs them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = NotebookReading.frontMatter(in: text)
    let (blocks, _) = NotebookReading.blocks(in: text)
    let interpreter = FuzzSupport.interpreter()
    for (index, block) in blocks.enumerated() {
        FuzzSupport.runStatements(block.source, on: interpreter, file: "block \(index + 1)")
    }
    return 0
}

/// SwiftPM links an executable target's entry as FuzzNotebook_main (so tests can import it); it hands
/// the command line to libFuzzer's driver, as libFuzzer's own main would.
@_cdecl("FuzzNotebook_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

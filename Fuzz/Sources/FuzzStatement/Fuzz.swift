import FuzzSupport

/// libFuzzer entry: the input as statements, parsed and run on the built-in data.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzSupport.runStatements(source, on: FuzzSupport.interpreter())
    return 0
}

/// SwiftPM links an executable target's entry as FuzzStatement_main (so tests can import it); it hands
/// the command line to libFuzzer's driver, as libFuzzer's own main would.
@_cdecl("FuzzStatement_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

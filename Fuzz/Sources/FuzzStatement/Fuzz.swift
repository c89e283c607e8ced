import FuzzSupport

/// libFuzzer entry: the input as statements, parsed and run on the built-in data.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzSupport.runStatements(source, on: FuzzSupport.interpreter())
    return 0
}

import ArvioData
import ArvioQuery
import ArvioShell

/// What the fuzz targets share: the built-in data, loaded once, and a way to run statements
/// the way the shell does (rendered, errors reported) but without meta-commands, which could
/// write files wherever a mutated path points.
public enum FuzzSupport {
    /// The built-in data set (`ARVIO_DATA`, or datasets/wire3 of this checkout).
    public static let workspace: Workspace = {
        let directory: String
        if let env = getenv("ARVIO_DATA") {
            directory = String(cString: env)
        } else {
            // #filePath is Fuzz/Sources/FuzzSupport/FuzzSupport.swift.
            var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
            parts.removeLast(4)
            directory = parts.joined(separator: "/") + "/datasets/wire3"
        }
        do {
            return try DatasetLoader.load(directory: directory)
        } catch {
            let message = Array("fuzz: cannot load the built-in data from \(directory): \(error)\n".utf8)
            _ = write(2, message, message.count)
            exit(2)
        }
    }()

    /// An interpreter over a fresh copy of the built-in data, writing into a capture, so that no
    /// input depends on what an earlier one did (a crash must reproduce from its input alone).
    public static func interpreter() -> Interpreter {
        var settings = OutputSettings()
        settings.width = 80
        return Interpreter(workspace: workspace, settings: settings, console: CapturingConsole())
    }

    /// Runs every statement of `source` (meta-commands skipped), each rendered as the shell would.
    /// Errors are expected and reported into the capture; only a crash or a hang is a finding.
    public static func runStatements(_ source: String, on interpreter: Interpreter, file: String = "fuzz") {
        for part in StatementSplitter.split(source) where !part.isMetaCommand {
            interpreter.run(part.text, file: file, firstLine: part.firstLine, keepGoing: true)
        }
    }
}

#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
public func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

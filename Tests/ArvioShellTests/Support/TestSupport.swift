import ArvioData
@testable import ArvioShell

/// Paths and ready-made interpreters for the shell's tests.
enum TestSupport {
    /// The repository's root folder.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/ArvioShellTests/Support/TestSupport.swift
        return parts.joined(separator: "/")
    }()

    /// The built-in data, loaded once.
    static let builtIn: Workspace = try! DatasetLoader.load(directory: root + "/datasets/wire3")

    /// An interpreter on the built-in data writing to a capture, at width 80 in Unicode.
    static func interpreter(workspace: Workspace = builtIn) -> (Interpreter, CapturingConsole) {
        let console = CapturingConsole()
        var settings = OutputSettings()
        settings.width = 80
        return (Interpreter(workspace: workspace, settings: settings, console: console), console)
    }

    /// A fresh temporary folder of its own (mkdtemp), so parallel test runs never share one.
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/arvio-test-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            guard let made = mkdtemp(buffer.baseAddress!) else { fatalError("cannot make a temporary folder") }
            return String(cString: made)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

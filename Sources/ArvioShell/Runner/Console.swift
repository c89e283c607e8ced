/// Where the interpreter writes: results to `out`, diagnostics to `err`.
public protocol Console: AnyObject {
    /// Writes a result.
    func out(_ text: String)
    /// Writes a diagnostic.
    func err(_ text: String)
    /// The width diagnostics are wrapped at: a terminal's, or nil for a file, a pipe or a
    /// notebook, where an error stays on one line for tools that read it.
    var diagnosticWidth: Int? { get }
}

extension Console {
    /// Diagnostics are not wrapped unless the console says so.
    public var diagnosticWidth: Int? { nil }
}

/// The process's standard output and standard error.
public final class StandardConsole: Console {
    /// Creates the console.
    public init() {}
    /// Writes to standard output.
    public func out(_ text: String) { Platform.writeOut(text) }
    /// Writes to standard error.
    public func err(_ text: String) { Platform.writeError(text) }
    /// The width of the terminal standard error is, if it is one.
    public var diagnosticWidth: Int? { Platform.errorTerminalWidth }
}

/// Collects everything written, results and diagnostics in order, as a notebook block's output.
public final class CapturingConsole: Console {
    /// The text written so far.
    public private(set) var text = ""
    /// Creates an empty console.
    public init() {}
    /// Appends a result.
    public func out(_ text: String) { self.text += text }
    /// Appends a diagnostic.
    public func err(_ text: String) { self.text += text }
}

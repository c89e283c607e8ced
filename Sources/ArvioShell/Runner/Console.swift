/// Where the interpreter writes: results to `out`, diagnostics to `err`.
public protocol Console: AnyObject {
    /// Writes a result.
    func out(_ text: String)
    /// Writes a diagnostic.
    func err(_ text: String)
}

/// The process's standard output and standard error.
public final class StandardConsole: Console {
    /// Creates the console.
    public init() {}
    /// Writes to standard output.
    public func out(_ text: String) { Platform.writeOut(text) }
    /// Writes to standard error.
    public func err(_ text: String) { Platform.writeError(text) }
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

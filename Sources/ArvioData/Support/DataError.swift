/// A place in a data file: the file, and the line and field (1-based) where something went wrong.
public struct DataPosition: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The line, counting from 1; 0 when the problem is with the whole file.
    public var line: Int
    /// The field (column) number, counting from 1; 0 when the problem is with the whole line.
    public var field: Int

    /// Creates a position.
    public init(file: String, line: Int = 0, field: Int = 0) {
        self.file = file
        self.line = line
        self.field = field
    }

    /// `file:line:field`, leaving out what is not known.
    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if field > 0 { s += ":\(field)" }
        return s
    }
}

/// A problem with data a person gave Arvio: where it is, and what was wrong, in plain words.
public struct DataError: Error, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var position: DataPosition
    /// What went wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(_ position: DataPosition, _ message: String) {
        self.position = position
        self.message = message
    }

    /// `file:line:field: message`.
    public var description: String { "\(position): \(message)" }

    /// Ctrl-C during a load of `file`: no table was made or replaced.
    public static func loadCancelled(_ file: String) -> DataError {
        DataError(DataPosition(file: file), "the load was cancelled; nothing was loaded")
    }

    /// Ctrl-C during a save to `file`: the file was left as it was.
    public static func saveCancelled(_ file: String) -> DataError {
        DataError(DataPosition(file: file), "the save was cancelled; nothing was saved")
    }

    /// The error as it is reported, `file:line:field: error: message`, wrapped at `width` cells
    /// when given (see `DiagnosticRenderer`).
    public func rendered(width: Int? = nil, language: Language = .en) -> String {
        DiagnosticRenderer.render(at: position.description, DiagnosticFinnish.text(message, language),
                                  width: width, language: language)
    }
}

import ArvioData

extension Diagnostic {
    /// Renders the diagnostic as a person reads it, through the one `DiagnosticRenderer`:
    ///
    ///     <stdin>:1:25: error: there is no column "orgg" in participants
    ///     participants | count by orgg
    ///                             ^~~~
    ///     did you mean "org"?
    ///
    /// The caret is placed by terminal cells; with a `width`, long lines are wrapped at it.
    public func rendered(width: Int? = nil) -> String {
        DiagnosticRenderer.render(at: position.description, message, sourceLine: sourceLine,
                                  column: position.column, length: position.length,
                                  suggestion: suggestion, width: width)
    }
}

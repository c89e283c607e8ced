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
    /// In Finnish the message and suggestion are the Finnish ones.
    public func rendered(width: Int? = nil, language: Language = .en) -> String {
        DiagnosticRenderer.render(at: position.description, message(language), sourceLine: sourceLine,
                                  column: position.column, length: position.length,
                                  suggestion: suggestion(language), width: width, language: language)
    }
}

/// A piece of user-visible text in the two languages Arvio speaks.
public struct Localized: Sendable, Hashable, Codable {
    /// The English text.
    public var en: String
    /// The Finnish text.
    public var fi: String

    /// Creates text with a Finnish and an English form.
    public init(en: String, fi: String) {
        self.en = en
        self.fi = fi
    }

    /// Creates text that reads the same in both languages (names, numbers, codes).
    public init(_ both: String) {
        self.en = both
        self.fi = both
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .fi ? fi : en
    }
}

/// The language of labels, headings and messages.
public enum Language: String, Sendable, CaseIterable {
    case en
    case fi
}

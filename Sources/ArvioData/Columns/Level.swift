/// One value of a categorical or ordinal column: the raw value as it appears in the data,
/// its labels, and (for scales) the number it stands for.
public struct Level: Sendable, Hashable {
    /// The value as written in the data file ("Tekevä", "3", "pre").
    public var value: String
    /// The label shown to people, if the codebook gives one.
    public var label: Localized?
    /// The number a scale point stands for (1–5 on a Likert scale); nil for plain categories.
    public var number: Double?

    /// Creates a level.
    public init(value: String, label: Localized? = nil, number: Double? = nil) {
        self.value = value
        self.label = label
        self.number = number
    }

    /// The text to show for this level in `language`: its label, or the raw value.
    public func display(_ language: Language) -> String {
        label?.text(language) ?? value
    }
}

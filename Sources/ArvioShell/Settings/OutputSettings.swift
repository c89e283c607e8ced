import ArvioData
import ArvioRender

/// How results are written, as `.format`, `.lang`, `.width`, `.charset` and `.timer` set it.
public struct OutputSettings: Sendable {
    /// The output format.
    public var format: OutputFormat = .text
    /// The language of labels and headings.
    public var language: Language = .en
    /// The width set with `.width`; nil follows the terminal (80 when not a terminal).
    public var width: Int?
    /// Unicode or ASCII drawing characters.
    public var charset: Charset = .unicode
    /// Whether ANSI colour may be used.
    public var colour = false
    /// Whether to print each statement's time.
    public var timer = false
    /// The most rows a text table shows; nil shows all.
    public var maxRows: Int? = 40

    /// Creates settings with the defaults for output that is not a terminal.
    public init() {}

    /// The widths `.width`, `--width` and a notebook's front matter accept, in terminal cells.
    public static let widths = 20...1000

    /// Settings for this process: Unicode only in a UTF-8 locale, colour only on a terminal
    /// without `NO_COLOR`. Nothing probes the terminal.
    public static func forEnvironment() -> OutputSettings {
        var s = OutputSettings()
        s.charset = Platform.localeIsUTF8 ? .unicode : .ascii
        s.colour = Platform.colourAllowed
        if let lang = Platform.environment("ARVIO_LANG").flatMap(Language.init(rawValue:)) { s.language = lang }
        return s
    }

    /// The options the renderer takes, with the width resolved now (the terminal may have been resized).
    public var renderOptions: RenderOptions {
        RenderOptions(language: language, width: width ?? Platform.terminalWidth ?? 80,
                      charset: charset, colour: colour, maxRows: maxRows)
    }
}

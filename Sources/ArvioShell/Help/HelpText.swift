import ArvioData
import ArvioQuery

/// The text `.help` prints: an overview, or one topic from the language reference
/// (docs/language.md, embedded at build time so the two never differ).
enum HelpText {
    /// A section of the reference: its heading's first word and its text.
    struct Topic {
        var name: String
        var heading: String
        var body: String
    }

    /// The reference's `##` and `###` sections, keyed by the first word of their heading
    /// (`## crosstab` → `crosstab`, `## Missing values` → `missing`).
    static let topics: [Topic] = parse(languageReference)

    /// The help for `topic`, or the overview when there is none.
    static func text(for topic: String?, settings: OutputSettings) -> String {
        guard let topic, !topic.isEmpty else { return overview(settings.language, width: settings.renderOptions.width) }
        let key = topic.lowercased().trimmingCharacters(in: ".")
        let matches = topics.filter { $0.name == key }
        // A verb and a command may share a name (`scale`, `.scale`): the dot asks for the command.
        if let command = MetaCommand.all.first(where: { $0.name == key }), topic.hasPrefix(".") || matches.isEmpty {
            if settings.language == .fi {
                return "\(DiagnosticFinnish.usage(command.usage))\n    \(HelpFinnish.summaries[command.name] ?? command.summary)\n"
            }
            return "\(command.usage)\n    \(command.summary)\n"
        }
        if !matches.isEmpty {
            let markdown = matches.map { "## \($0.heading)\n\n\($0.body)" }.joined(separator: "\n\n")
            // Markdown output asks for the reference as written; a terminal gets it rendered.
            if settings.format == .markdown { return markdown + "\n" }
            let options = settings.renderOptions
            return HelpRenderer.render(markdown, width: options.width, charset: options.charset) + "\n"
        }
        let names = topics.map(\.name) + MetaCommand.all.map(\.name)
        let closest = Suggestion.closest(to: key, among: names)
        if settings.language == .fi {
            let hint = closest.map { " Tarkoititko \"\($0)\"?" } ?? ""
            return "Ohjeaihetta \"\(topic)\" ei ole.\(hint) .help luettelee aiheet.\n"
        }
        let hint = closest.map { " Did you mean \"\($0)\"?" } ?? ""
        return "There is no help topic \"\(topic)\".\(hint) .help lists the topics.\n"
    }

    /// In Finnish the overview and the commands' summaries are Finnish (`HelpFinnish`). A
    /// summary wider than the screen wraps in its own column, so the commands stay aligned.
    private static func overview(_ language: Language, width screen: Int) -> String {
        let labels = HelpFinnish.labels(language)
        var lines = [
            HelpFinnish.overviewIntro(language),
            "    participants | count by org",
            "    responses | where item == \"overall\" | chart likert score by phase",
            "",
        ]
        lines += wrapped(labels.verbs, verbNames, width: screen)
        lines += wrapped(labels.topics, topics.map(\.name).filter { !verbNames.contains($0) }, width: screen)
        lines += ["", labels.commands]
        // In Finnish the placeholders are Finnish words (TAULU, TIEDOSTO), as in the errors' usage lines.
        let usages = MetaCommand.all.map { language == .fi ? DiagnosticFinnish.usage($0.usage) : $0.usage }
        let width = usages.map { CellWidth.of($0) }.max() ?? 0
        let column = String(repeating: " ", count: width + 4)
        for (c, usage) in zip(MetaCommand.all, usages) {
            let summary = language == .fi ? HelpFinnish.summaries[c.name] ?? c.summary : c.summary
            let parts = TextWrap.wrap(summary, width: max(20, screen - column.count))
            lines.append("  " + usage + String(repeating: " ", count: width - CellWidth.of(usage) + 2) + (parts.first ?? ""))
            lines += parts.dropFirst().map { column + $0 }
        }
        lines += [""] + HelpFinnish.closing(language).flatMap { TextWrap.wrap($0, width: screen) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `words` after `label`, wrapped at `width` (at most 80) columns under the label's width.
    private static func wrapped(_ label: String, _ words: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = label
        for word in words {
            if line.count + word.count + 1 > min(80, width), line.count > label.count {
                lines.append(line)
                line = String(repeating: " ", count: label.count)
            }
            line += (line.count > label.count ? " " : "") + word
        }
        lines.append(line)
        return lines
    }

    /// Splits the reference at its `##` and `###` headings.
    static func parse(_ markdown: String) -> [Topic] {
        var topics: [Topic] = []
        var current: Topic?
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("## ") || line.hasPrefix("### ") {
                if let c = current { topics.append(c) }
                let heading = line.drop { $0 == "#" }.trimmingCharacters(in: " ")
                let word = heading.split(separator: " ").first.map { String($0).lowercased() } ?? heading
                current = Topic(name: word.trimmingCharacters(in: "`.:,"), heading: String(heading), body: "")
            } else if current != nil {
                current!.body += (current!.body.isEmpty ? "" : "\n") + line
            }
        }
        if let c = current { topics.append(c) }
        return topics.map { t in
            var t = t
            t.body = t.body.trimmingCharacters(in: "\n")
            return t
        }
    }
}

extension StringProtocol {
    /// The text without any of `characters` at either end.
    func trimmingCharacters(in characters: String) -> String {
        var s = Substring(self)
        while let c = s.first, characters.contains(c) { s.removeFirst() }
        while let c = s.last, characters.contains(c) { s.removeLast() }
        return String(s)
    }
}

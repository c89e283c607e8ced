import ArvioRemote
@preconcurrency import CReadline
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Set by the SIGINT handler; read by the prompt (to clear the line) and by the evaluator
/// (to stop a long statement). A handler may only touch an atomic.
let interruptFlag = Atomic<Bool>(false)

/// What completion knows: the session's tables and words, and the lines of an unfinished
/// statement before the current one. The shell updates it before each prompt.
let completionState = Mutex<(completer: Completer, earlierLines: String)?>(nil)

/// Set when Ctrl-C cleared the prompt, so the shell also drops an unfinished statement.
let promptInterrupted = Atomic<Bool>(false)

/// The primary prompt, which Ctrl-C at a continuation prompt restores.
nonisolated(unsafe) private var primaryPrompt: UnsafeMutablePointer<CChar>? = nil

/// The candidates of the completion in progress, handed out one by one to readline's generator.
private let pendingMatches = Mutex<[String]>([])

/// GNU readline behind a small interface: a prompt, history kept in a file, completion, and
/// Ctrl-C that clears the line instead of ending the program.
final class LineEditor {
    private let historyPath: String
    private static let historyLimit: Int32 = 2000

    /// Starts readline with history from `historyPath`.
    init(historyPath: String) {
        self.historyPath = historyPath
        _ = interruptFlag.load(ordering: .relaxed)
        rl_readline_name = UnsafePointer(strdup("arvio"))
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"'(),=<>;|[]!+-*/"))
        rl_attempted_completion_function = attemptCompletion
        rl_completion_word_break_hook = wordBreaks
        rl_signal_event_hook = onSignalEvent
        rl_catch_signals = 1
        // Bracketed paste would wrap pasted statements in escape codes; a pasted block is
        // split into lines and fed on like typed ones.
        rl_variable_bind("enable-bracketed-paste", "off")
        // An entry is its timestamp line ("#1700000000") and the statement's lines up to the
        // next one, so a multi-line statement comes back as one entry. readline writes no
        // timestamps while history_comment_char is its default, NUL: the file was then a
        // stream of lines that a new shell read back as one entry.
        history_comment_char = CChar(UInt8(ascii: "#"))
        history_write_timestamps = 1
        history_multiline_entries = 1
        using_history()
        stifle_history(Self.historyLimit)
        if access(historyPath, F_OK) != 0 {
            // append_history does nothing to a file that does not exist yet.
            write_history(historyPath)
        }
        read_history(historyPath)
        installInterruptHandler()
    }

    /// Reads a line with `prompt`; nil on Ctrl-D at an empty line.
    func readLine(prompt: String, primary: String) -> String? {
        if primaryPrompt == nil { primaryPrompt = strdup(primary) }
        promptInterrupted.store(false, ordering: .relaxed)
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        interruptFlag.store(false, ordering: .relaxed)
        return String(cString: raw)
    }

    /// Adds a whole statement (which may span lines) to the history and saves it at once,
    /// so a killed session loses nothing.
    func remember(_ statement: String) {
        var trimmed = statement.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
        // A password in a connection string stays out of the history file.
        if trimmed.hasPrefix(".connect") { trimmed = PostgresConnection.redacted(trimmed) }
        // The same statement again (run twice, or recalled and re-run) is one entry.
        if let last = history_get(history_base + history_length - 1), let line = last.pointee.line,
           String(cString: line) == trimmed { return }
        add_history(trimmed)
        append_history(1, historyPath)
        history_truncate_file(historyPath, Self.historyLimit)
    }

    private func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}

/// Runs outside the signal handler when readline sees a signal: Ctrl-C clears the line.
private func onSignalEvent() -> Int32 {
    if interruptFlag.exchange(false, ordering: .relaxed) {
        promptInterrupted.store(true, ordering: .relaxed)
        if let primaryPrompt { rl_set_prompt(primaryPrompt) }
        rl_replace_line("", 1)
        rl_point = 0
        history_set_pos(history_length)
        rl_crlf()
        rl_on_new_line()
        rl_redisplay()
    }
    return 0
}

/// The characters that end a word for completion: in a meta-command's arguments only spaces,
/// so a path (`datasets/wire3/part`, `pilot-2024.csv`) or `responses.score` is one word;
/// elsewhere, and in the pipeline after `.explain`, the language's operators as well.
private func wordBreaks() -> UnsafeMutablePointer<CChar>? {
    guard let buffer = rl_line_buffer else { return nil }
    let line = String(cString: buffer).drop { $0 == " " || $0 == "\t" }
    guard line.hasPrefix("."), !line.hasPrefix(".explain") else { return nil }
    return argumentBreaks
}

nonisolated(unsafe) private let argumentBreaks = strdup(" \t")

private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard let buffer = rl_line_buffer else { return nil }
    let line = Array(String(cString: buffer).utf8)
    let before = String(decoding: line[..<min(Int(start), line.count)], as: UTF8.self)
    let word = String(decoding: line[min(Int(start), line.count)..<min(Int(end), line.count)], as: UTF8.self)
    var matches = completionState.withLock { state -> [String] in
        guard let state else { return [] }
        let context = state.earlierLines.isEmpty ? before : state.earlierLines + "\n" + before
        return state.completer.candidates(before: context, word: word)
    }
    // A category value closes its quote; a folder, or a table before its column (`.scale
    // responses.`), keeps the word open; else a space.
    if matches.count == 1, let only = matches.first, only.hasSuffix("\"") {
        rl_completion_append_character = 34
        matches = [String(only.dropLast())]
    } else if matches.count == 1, matches[0].hasSuffix("/") || matches[0].hasSuffix(".") {
        rl_completion_append_character = 0
    } else {
        rl_completion_append_character = 32
    }
    pendingMatches.withLock { $0 = matches }
    return rl_completion_matches(text, nextMatch)
}

private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    pendingMatches.withLock { matches in
        guard !matches.isEmpty else { return nil }
        return strdup(matches.removeFirst())
    }
}

extension String {
    /// The string without leading and trailing white space and newlines.
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

@preconcurrency import CReadline
import Synchronization
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Set by the SIGINT handler; read by the prompt (to clear the line) and by the evaluator
/// (to stop a long statement). A handler may only touch an atomic.
let interruptFlag = Atomic<Bool>(false)

/// The completion function the line editor calls; set once by the interactive shell.
let completionProvider = Mutex<(@Sendable (_ line: String, _ start: Int, _ end: Int) -> [String])?>(nil)

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
        rl_signal_event_hook = onSignalEvent
        rl_catch_signals = 1
        // Bracketed paste would wrap pasted statements in escape codes; a pasted block is
        // split into lines and fed on like typed ones.
        rl_variable_bind("enable-bracketed-paste", "off")
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
    func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        interruptFlag.store(false, ordering: .relaxed)
        return String(cString: raw)
    }

    /// Adds a whole statement (which may span lines) to the history and saves it at once,
    /// so a killed session loses nothing.
    func remember(_ statement: String) {
        let trimmed = statement.trimmingWhitespace
        guard !trimmed.isEmpty else { return }
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
    if interruptFlag.load(ordering: .relaxed) {
        rl_replace_line("", 1)
        rl_point = 0
        history_set_pos(history_length)
        rl_crlf()
        rl_on_new_line()
        rl_redisplay()
    }
    return 0
}

private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    guard let buffer = rl_line_buffer else { return nil }
    let line = String(cString: buffer)
    let provider = completionProvider.withLock { $0 }
    let matches = provider?(line, Int(start), Int(end)) ?? []
    if matches.count == 1, let only = matches.first, only.hasSuffix("\"") || only.hasSuffix("/") {
        rl_completion_append_character = 0
    } else {
        rl_completion_append_character = 32
    }
    if matches.contains(where: { $0.hasSuffix("/") }) { rl_completion_append_character = 0 }
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

import Foundation
import XCTest

/// The shell running in a real pseudo-terminal under tmux, driven with send-keys and read with
/// capture-pane, as a person at a terminal would use it. Every wait polls the screen for the
/// text it expects, so the tests do not depend on timing.
final class TerminalSession {
    let socket = "arvio-test-\(UUID().uuidString.prefix(8))"
    let home: String
    private var started = false

    /// Starts `arvio` in a `width`×40 terminal (100 unless told) with its own home folder (and
    /// so its own history), without colour (`NO_COLOR`) unless `colour`, with `environment`
    /// (`NAME=value …`) added.
    init(home: String? = nil, arguments: String = "", width: Int = 100, colour: Bool = false, environment: String = "") throws {
        self.home = try home ?? ArvioProcess.temporaryDirectory()
        let inputrc = self.home + "/inputrc"
        try ArvioProcess.write("set enable-bracketed-paste off\nset bell-style none\n", to: inputrc)
        let command = "env -u NO_COLOR HOME=\(self.home) INPUTRC=\(inputrc) \(colour ? "" : "NO_COLOR=1 ")LANG=C.UTF-8 TERM=xterm "
            + "\(environment) \(ArvioProcess.executable) \(arguments); echo ARVIO-EXITED=$?; sleep 60"
        try tmux(["new-session", "-d", "-x", String(width), "-y", "40", command])
        started = true
        try waitFor("arvio>")  // capture-pane drops trailing spaces
    }

    deinit {
        if started { _ = try? tmux(["kill-server"]) }
    }

    /// Types `keys` (tmux key names such as `Enter`, `Tab`, `C-c` are sent as keys, other text literally).
    func send(_ keys: String...) throws {
        for key in keys {
            if ["Enter", "Tab", "C-c", "C-d", "C-l", "Up", "Down", "C-r", "BSpace"].contains(key) {
                try tmux(["send-keys", "-t", "0", key])
            } else {
                try tmux(["send-keys", "-t", "0", "-l", key])
            }
        }
    }

    /// The visible screen.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// The visible screen with its colours, as SGR escape sequences.
    func screenWithColours() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "0"])
    }

    /// Waits until the screen contains `text` (up to `seconds`), or fails with the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the screen never showed \(text.debugDescription):\n\(last)", file: file, line: line)
        throw CancellationError()
    }

    /// The number of times `text` occurs on the screen.
    func count(_ text: String) throws -> Int {
        try screen().components(separatedBy: text).count - 1
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // popen, not Foundation's Process: new-session forks the tmux server, and Process
        // waited for ever on the client here. Output of commands other than capture-pane is
        // discarded, so the server holds no pipe of ours.
        let quoted = arguments.map(ShellCommand.quoted).joined(separator: " ")
        let redirect = arguments.first == "capture-pane" ? "2>/dev/null" : ">/dev/null 2>&1"
        return ShellCommand.output("tmux -L \(socket) -f /dev/null \(quoted) \(redirect)") ?? ""
    }
}

/// A shell command's standard output through popen, for the terminal tests.
enum ShellCommand {
    /// What `command` (run by /bin/sh) writes to standard output; nil when it cannot be started.
    static func output(_ command: String) -> String? {
        guard let pipe = popen(command, "r") else { return nil }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        pclose(pipe)
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` as one single-quoted word of /bin/sh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

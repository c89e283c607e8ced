// All C and terminal access of the shell sits here, behind one @preconcurrency import, as
// swift-argument-parser keeps its Platform.swift.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Facts about the process's terminal and environment.
public enum Platform {
    /// Whether standard input is a terminal.
    public static var stdinIsTerminal: Bool { isatty(0) == 1 }
    /// Whether standard output is a terminal.
    public static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// The value of environment variable `name`, if set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The terminal's width in cells, if standard output is a terminal that says.
    public static var terminalWidth: Int? {
        var size = winsize()
        guard stdoutIsTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width of the terminal standard error writes to, or nil when it is not a terminal.
    public static var errorTerminalWidth: Int? {
        var size = winsize()
        guard isatty(2) == 1, ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Whether the locale can show Unicode (UTF-8 in LC_ALL, LC_CTYPE or LANG) and the
    /// terminal is not `dumb`.
    public static var localeIsUTF8: Bool {
        if environment("TERM") == "dumb" { return false }
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment(name), !value.isEmpty {
                let v = value.lowercased()
                return v.contains("utf-8") || v.contains("utf8")
            }
        }
        return false
    }

    /// Whether colour is allowed: only on a terminal, and never when `NO_COLOR` is set.
    public static var colourAllowed: Bool {
        stdoutIsTerminal && (environment("NO_COLOR") ?? "").isEmpty && environment("TERM") != "dumb"
    }

    /// The user's home folder.
    public static var homeDirectory: String {
        environment("HOME") ?? "."
    }

    /// Writes `text` to standard output.
    public static func writeOut(_ text: String) {
        write(1, text)
    }

    /// Writes `text` to standard error.
    public static func writeError(_ text: String) {
        write(2, text)
    }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads one line from standard input without the newline, or nil at end of input.
    public static func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    /// The monotonic clock in seconds, for `.timer`.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The CPU time the process has used so far, in seconds, in user and in system mode.
    public static func cpuTime() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    /// The folder of the running executable, for finding the built-in data beside it.
    public static var executableDirectory: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    }

    /// Whether `path` names an existing file or folder.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

import ArvioQuery

/// Runs statements read line by line from standard input when it is not a terminal: no
/// prompt, no colour, results to stdout, errors to stderr. Like a script it stops at the first
/// failed statement with exit status 1, or with `keepGoing` runs on and exits 1 at the end.
struct StreamRunner {
    let interpreter: Interpreter

    /// Reads to the end of input (or `.quit`) and returns the exit status.
    func run(keepGoing: Bool) -> Int32 {
        interpreter.settings.colour = false
        var assembler = StatementAssembler()
        var number = 0
        var failed = false
        while let line = Platform.readLine() {
            number += 1
            guard let unit = assembler.feed(line.strippingCarriageReturn, number: number) else { continue }
            switch interpreter.execute(unit, file: "<stdin>") {
            case .quit: return failed ? 1 : 0
            case .failed: failed = true; if !keepGoing { return 1 }
            case .succeeded: break
            }
        }
        if let unit = assembler.finish(), interpreter.execute(unit, file: "<stdin>") == .failed { failed = true }
        return failed ? 1 : 0
    }
}

import ArvioData
import ArvioQuery
import ArvioStats
import XCTest

/// Thousands of generated and mutated statements (seeded, so every run is the same): each must
/// either run or give a diagnostic whose position lies inside the source. Never a crash or hang.
final class RobustnessPropertyTests: XCTestCase {

    private static let tables = ["participants", "responses", "motivation", "participantz", "items"]
    private static let columns = ["id", "org", "grade", "score", "phase", "item", "experience_years", "participant",
                                  "motivation_start", "title", "orgg", "`työ tunnit`", "missing", "in"]
    private static let literals = ["1", "4", "2.5", "0", "\"hyvin\"", "\"well\"", "\"Tekevä\"", "\"Tekeva\"", "\"pre\"",
                                   "\"\"", "true", "missing", "[\"OH1\", \"OH2\"]", "[]", "-3"]
    private static let operators = ["==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "and", "or"]
    private static let functions = ["count", "mean", "median", "sd", "min", "max", "sum", "n_distinct", "pct", "round", "abs", "mea"]

    private func pick<T>(_ items: [T], _ rng: inout SeededGenerator) -> T {
        items[Int(rng.next() % UInt64(items.count))]
    }

    private func expression(_ depth: Int, _ rng: inout SeededGenerator) -> String {
        switch (depth > 2 ? 0 : rng.next() % 8) {
        case 0, 1: return pick(Self.columns, &rng)
        case 2: return pick(Self.literals, &rng)
        case 3, 4: return "\(expression(depth + 1, &rng)) \(pick(Self.operators, &rng)) \(expression(depth + 1, &rng))"
        case 5: return "\(pick(Self.functions, &rng))(\(rng.next() % 3 == 0 ? "" : expression(depth + 1, &rng)))"
        case 6: return "not (\(expression(depth + 1, &rng)))"
        default:
            return ["\(expression(depth + 1, &rng)) is missing", "\(expression(depth + 1, &rng)) in [1, \"a\"]",
                    "\(expression(depth + 1, &rng)) between 1 and 3"][Int(rng.next() % 3)]
        }
    }

    private func step(_ rng: inout SeededGenerator) -> String {
        let c = { (rng: inout SeededGenerator) in self.pick(Self.columns, &rng) }
        switch rng.next() % 10 {
        case 0: return "where \(expression(0, &rng))"
        case 1: return "select \(c(&rng)), x = \(c(&rng))"
        case 2: return "derive d = \(expression(0, &rng))"
        case 3: return "group \(c(&rng)) aggregate \(pick(Self.functions, &rng))(\(c(&rng))), n = count()"
        case 4: return rng.next() % 2 == 0 ? "count" : "count by \(c(&rng))"
        case 5: return "sort \(c(&rng)) desc, \(c(&rng))"
        case 6: return "take \(rng.next() % 20)"
        case 7: return rng.next() % 2 == 0 ? "distinct" : "distinct \(c(&rng))"
        case 8: return "join \(rng.next() % 2 == 0 ? "left " : "")\(pick(Self.tables, &rng))\(rng.next() % 2 == 0 ? "" : " on \(c(&rng)) = \(c(&rng))")"
        default: return "\(pick(["wher", "crosstab", "|", "let", "(", "]"], &rng))"
        }
    }

    private func statement(_ rng: inout SeededGenerator) -> String {
        var text = (rng.next() % 5 == 0 ? "let t\(rng.next() % 3) = " : "") + pick(Self.tables, &rng)
        for _ in 0..<(rng.next() % 4) { text += (rng.next() % 4 == 0 ? " |\n  " : " | ") + step(&rng) }
        return text
    }

    /// Deletes, duplicates or inserts characters, so the parser sees broken text too.
    private func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var characters = Array(text)
        let noise: [Character] = ["|", "\"", "`", "(", ")", "[", "]", ",", "=", "\n", "#", ".", "ä", "-", " ", "&", "\\", "'"]
        for _ in 0..<(1 + rng.next() % 3) where !characters.isEmpty {
            let at = Int(rng.next() % UInt64(characters.count))
            switch rng.next() % 3 {
            case 0: characters.remove(at: at)
            case 1: characters.insert(characters[at], at: at)
            default: characters.insert(pick(noise, &rng), at: at)
            }
        }
        return String(characters)
    }

    func testGeneratedAndMutatedStatementsRunOrGiveAWellPlacedDiagnostic() {
        var rng = SeededGenerator(seed: 20070116)
        var session = Session(workspace: Fixtures.workspace)
        var outcomes = (ran: 0, failed: 0)
        for round in 0..<3000 {
            var source = statement(&rng)
            if round % 2 == 1 { source = mutate(source, &rng) }
            do {
                _ = try session.run(source, file: "fuzz.arvio", firstLine: 1)
                outcomes.ran += 1
            } catch {
                outcomes.failed += 1
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                let position = error.position
                XCTAssertEqual(position.file, "fuzz.arvio", source)
                XCTAssertTrue((1...lines.count).contains(position.line), "line \(position.line) outside:\n\(source)")
                if (1...lines.count).contains(position.line) {
                    XCTAssertTrue((1...(lines[position.line - 1].count + 1)).contains(position.column),
                                  "column \(position.column) outside:\n\(source)\n\(error.rendered())")
                }
                XCTAssertFalse(error.message.isEmpty)
                XCTAssertFalse(error.rendered().isEmpty)
            }
            if session.workspace.tables.count > 8 { session = Session(workspace: Fixtures.workspace) }
        }
        XCTAssertGreaterThan(outcomes.ran, 300, "the generator should produce many valid statements")
        XCTAssertGreaterThan(outcomes.failed, 300, "and many invalid ones")
    }

    /// Inputs at the sizes that broke in issue 13 (long chains, deep nesting, huge numbers),
    /// generated from a seed: each runs or gives a diagnostic inside the source, never a crash.
    func testLongChainsDeepNestingAndHugeNumbersRunOrGiveAWellPlacedDiagnostic() {
        var rng = SeededGenerator(seed: 13)
        var session = Session(workspace: Fixtures.workspace)
        let operators = [" or ", " and ", " + ", " * ", " - "]
        let opens = [("(", ")"), ("abs(", ")"), ("not ", ""), ("- ", ""), ("round(", ")")]
        for _ in 0..<40 {
            var expression: String
            switch rng.next() % 3 {
            case 0:
                let op = pick(operators, &rng)
                let operand = op == " or " || op == " and " ? "grade > \(rng.next() % 10)" : pick(["grade", "1", "2.5"], &rng)
                expression = Array(repeating: operand, count: 1000 + Int(rng.next() % 2000)).joined(separator: op)
            case 1:
                let (open, close) = pick(opens, &rng)
                let depth = 150 + Int(rng.next() % 300)
                expression = String(repeating: open, count: depth) + "grade" + String(repeating: close, count: depth)
            default:
                let digits = 15 + Int(rng.next() % 400)
                expression = String((0..<digits).map { _ in Character(String(rng.next() % 10)) }) + pick(["", ".5", " * grade", " + 9223372036854775807"], &rng)
            }
            let source = pick(["participants | where ", "participants | derive x = "], &rng) + expression
            do {
                _ = try session.run(source, file: "sizes.arvio", firstLine: 1)
            } catch {
                XCTAssertEqual(error.position.file, "sizes.arvio")
                XCTAssertEqual(error.position.line, 1)
                XCTAssertTrue((1...(source.count + 1)).contains(error.position.column), error.rendered())
                XCTAssertFalse(error.message.isEmpty)
            }
        }
    }
}

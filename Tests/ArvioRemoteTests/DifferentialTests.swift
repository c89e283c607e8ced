@testable import ArvioRemote
import ArvioData
import ArvioQuery
import XCTest

/// The same statements run in memory and pushed down to PostgreSQL must give the same tables,
/// notes and statistics (numbers to 1e-9). The in-memory side runs on the tables read whole
/// from the same database, so both sides see the same schema (types and levels from the
/// catalog) and the same rows in the same order.
final class DifferentialTests: XCTestCase {
    /// Filters on `participants`; every one must compile (the count of pushed-down
    /// statements is checked below).
    static let participantFilters = [
        "",
        "| where experience_years > 5",
        "| where grade >= 8",
        "| where org == \"Tekevä\"",
        "| where org != \"Tekevä\" and grade is not missing",
        "| where grade is missing",
        "| where sessions_attended % 2 == 0",
        "| where experience_years / 2 < 3",
        "| where title == \"työvalmentaja\" and grade > 7",
        "| where org in [\"Tekevä\", \"Setlementti\"]",
        "| where post_reason is not missing",
        "| where (org == \"Tekevä\" or org == \"Setlementti\") and not (grade is missing)",
        "| where grade == 8 or grade is missing",
        "| where experience_years between 1 and 10",
        "| where sessions_attended - grade > 0",
        "| where experience_years != 2 and id != \"P08\"",
        "| where grade not in [7, 9]",
        "| where entry_route == \"employer\" and experience_years < 2",
        "| where experience_years * 2 >= grade",
        "| derive missed = 10 - sessions_attended | where missed > 2",
        // Decimal + and - on the decimals written: 0.04 + 0.2 is 0.24 on both sides.
        "| where experience_years + 0.2 == 0.24",
    ]

    /// Steps after a filter on `participants`.
    static let participantTails = [
        "",
        "| count",
        "| count by org",
        "| count by org, entry_route",
        "| group org aggregate m = mean(grade), s = sd(experience_years), md = median(grade), lo = min(grade), hi = max(experience_years), t = sum(sessions_attended), k = n_distinct(title), p = pct(grade >= 8), c = count(grade), n = count()",
        "| group entry_route, post_status aggregate n = count(), e = mean(experience_years), share = pct()",
        "| sort grade desc | take 5",
        "| sort experience_years desc, id | take 7",
        "| sort org, grade | select id, org, grade",
        "| distinct org",
        "| distinct title, org",
        "| select id, organisation = org, grade",
        "| derive g2 = grade * 2, r = experience_years / sessions_attended, newcomer = experience_years < 2",
        "| derive e = round(experience_years, 1), a = abs(grade - 8), z = round(experience_years)",
        "| join motivation | select id, org, motivation_start",
        "| join motivation | count by reason",
        "| take 3",
        "| freq org",
        "| crosstab entry_route by post_status",
        "| crosstab org by grade cells count, row, expected, resid",
        "| describe experience_years by org",
        "| describe grade, sessions_attended by entry_route quartiles 6",
        "| describe grade, experience_years weight sessions_attended",
        "| describe grade by org weight sessions_attended",
        "| freq org weight sessions_attended",
        "| crosstab org by entry_route weight sessions_attended",
        "| freq title ci",
        "| group org aggregate r = max(grade) - min(grade), m = round(mean(experience_years), 2), k = round(pct(grade >= 8)), d = abs(mean(grade) - 8) * 2",
        "| chart bar org by entry_route",
        "| chart hist experience_years",
    ]

    /// Statements on `responses`, each with every filter below.
    static let responseFilters = [
        "",
        "| where phase == \"pre\"",
        "| where score >= 4",
        "| where score > \"2\"",
        "| where score in [1, 5]",
        "| where area == \"Ammatillinen osaaminen\"",
        "| where score is missing",
        "| where not (phase == \"post\") or score < 3",
        "| where score between 2 and 4",
        "| where item != \"overall\"",
    ]

    static let responseTails = [
        "| count by phase, score",
        "| group item aggregate m = mean(score), lo = min(score), hi = max(score), md = median(score), s = sum(score)",
        "| join participants | count by org, phase",
        "| join participants | group org, phase aggregate m = mean(score), n = count()",
        "| join participants | where org == \"Tekevä\" | sort score desc, participant | take 3",
        "| sort score desc, participant | take 7",
        "| distinct participant, phase",
        "| crosstab phase by score",
        "| freq score",
        "| describe score by phase",
        "| delta score by phase",
        "| join participants | delta score by phase per entry_route",
        "| derive high = score >= 4 | count by high, phase",
        "| group phase, item aggregate m = round(mean(score), 4), n = count(score), hi = max(score)",
        "| crosstab score by phase paired",
        "| freq score rows",
    ]

    /// Statements that do not fit the grid above.
    static let others = [
        "participants | join left responses on id = participant | where score is missing | count",
        "motivation | sort motivation_start desc | take 5",
        "motivation | crosstab reason by felt_need",
        "motivation | crosstab motivation_start by employer_time cells count, column",
        "responses | count by participant, phase | crosstab phase by n",
        "responses | where item == \"overall\" | crosstab phase by score rows",
        "motivation | group reason aggregate m = mean(motivation_start), n = count()",
        "items | count by area",
        "items | where area == \"Ammatillinen osaaminen\" | select code, text_fi",
        "participants | join motivation | attrition",
        "participants | join motivation | associate motivation_start",
        "responses | where item == \"overall\" | chart likert score by phase",
        "participants | chart bar org",
        "responses | attrition score by phase",
        "responses | group item, phase aggregate n = count(), pct(score >= \"4\")",
    ]

    static var statements: [String] {
        var result: [String] = []
        for filter in participantFilters {
            for tail in participantTails { result.append("participants \(filter) \(tail)") }
        }
        for filter in responseFilters {
            for tail in responseTails { result.append("responses \(filter) \(tail)") }
        }
        return result + others
    }

    func testPushedDownResultsEqualInMemoryResults() throws {
        let connectionString = try TestDatabase.pilotConnection()
        let connection = try PostgresConnection(connectionString)
        let catalog = try RemoteCatalog.read(from: connection)
        let executor = RemoteExecutor(connection: connection, catalog: catalog)
        let remote = Session(workspace: executor.adding(to: Workspace()).workspace)
        var remoteSession = remote
        remoteSession.executor = executor
        var local = Session(workspace: try Self.fetchedWorkspace(executor))

        var compared = 0
        var fullyPushed = 0
        var fromCounts = 0
        var bothFailed: [String] = []
        for statement in Self.statements {
            let plans = try? remoteSession.plans(statement)
            if let plan = plans?.first?.plan, let compiled = SQLCompiler.compile(plan, catalog: catalog),
               compiled.operatorCount == plan.nodes.count {
                fullyPushed += 1
            }
            if let plan = plans?.first?.plan, let compiled = SQLCompiler.compile(plan, catalog: catalog),
               compiled.countColumn != nil || compiled.describe != nil {
                fromCounts += 1
            }
            let inMemory = Result { () throws(Diagnostic) in try local.run(statement) }
            let pushed = Result { () throws(Diagnostic) in try remoteSession.run(statement) }
            switch (inMemory, pushed) {
            case (.success(let a), .success(let b)):
                guard let x = a.first?.table, let y = b.first?.table else {
                    XCTFail("\(statement): no table")
                    continue
                }
                Self.assertSame(x, y, statement)
                compared += 1
            case (.failure(let a), .failure(let b)):
                bothFailed.append("\(statement): \(a.message) / \(b.message)")
            case (.success, .failure(let error)):
                XCTFail("\(statement): failed only in PostgreSQL: \(error.message)")
            case (.failure(let error), .success):
                XCTFail("\(statement): failed only in memory: \(error.message)")
            }
        }
        print("differential: \(Self.statements.count) statements, \(compared) compared, \(fullyPushed) wholly in PostgreSQL, \(fromCounts) analysed from counts, \(bothFailed.count) failed on both sides")
        XCTAssertGreaterThanOrEqual(compared, 200, "statements compared; both failed: \(bothFailed.joined(separator: "\n"))")
        XCTAssertGreaterThanOrEqual(fullyPushed, 150, "statements that run wholly in PostgreSQL")
        XCTAssertGreaterThanOrEqual(fromCounts, 120, "statements whose crosstab, freq, describe or chart ran on counts (or describe on moments) from PostgreSQL")
        XCTAssertLessThanOrEqual(bothFailed.count, 10, bothFailed.joined(separator: "\n"))
    }

    /// Every remote table read whole, with the catalog's relations: the in-memory side.
    static func fetchedWorkspace(_ executor: RemoteExecutor) throws -> Workspace {
        var workspace = Workspace()
        for name in executor.catalog.tableNames {
            guard let table = executor.catalog.tables[name] else { continue }
            let statement = SQLCompiler.scanStatement(table, catalog: executor.catalog)
            let rows = try executor.connection.query(statement.sql, statement.parameters)
            let template = table.placeholder
            workspace.add(try executor.decode(rows, into: template, columns: template.columnNames, name: name,
                                              at: SourcePosition(file: "test", line: 1, column: 1)))
        }
        for relation in executor.catalog.relations { workspace.add(relation) }
        return workspace
    }

    /// Whether a note is the one the remote executor adds about work done in memory.
    static func isLocation(_ note: Localized) -> Bool {
        note.en.contains("fetched from the database") || note.en.hasPrefix("read whole from the database")
    }

    /// A note with the reason Fisher's exact network gave way cut off: which budget (CPU time or
    /// memory) runs out first on a table past both depends on the machine's speed at that moment,
    /// and the Monte Carlo p that follows is the same either way (same seed, same table).
    static func withoutBudgetReason(_ note: Localized) -> String {
        let marker = "Fisher's p is a Monte Carlo estimate, not exact:"
        return note.en.hasPrefix(marker) ? marker : note.en
    }

    static func assertSame(_ a: Table, _ b: Table, _ statement: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.columnNames, b.columnNames, "\(statement): columns", file: file, line: line)
        XCTAssertEqual(a.rowCount, b.rowCount, "\(statement): rows", file: file, line: line)
        XCTAssertEqual(a.key, b.key, "\(statement): key", file: file, line: line)
        XCTAssertEqual(a.unit, b.unit, "\(statement): unit of analysis", file: file, line: line)
        XCTAssertEqual(a.notes.filter { !isLocation($0) }, b.notes.filter { !isLocation($0) }, "\(statement): notes", file: file, line: line)
        guard a.columnNames == b.columnNames, a.rowCount == b.rowCount else { return }
        for (x, y) in zip(a.columns, b.columns) {
            XCTAssertEqual(x.type, y.type, "\(statement): type of \(x.name)", file: file, line: line)
            for row in 0..<a.rowCount {
                let p = cell(x.data, row), q = cell(y.data, row)
                if case .number(let u) = p, case .number(let v) = q {
                    XCTAssert(close(u, v), "\(statement): \(x.name)[\(row)] \(u) vs \(v)", file: file, line: line)
                } else {
                    XCTAssertEqual(p, q, "\(statement): \(x.name)[\(row)]", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(a.statistics.count, b.statistics.count, "\(statement): statistics blocks", file: file, line: line)
        for (s, t) in zip(a.statistics, b.statistics) {
            XCTAssertEqual(s.title, t.title, file: file, line: line)
            XCTAssertEqual(s.notes.map(withoutBudgetReason), t.notes.map(withoutBudgetReason), "\(statement): statistics notes", file: file, line: line)
            XCTAssertEqual(s.entries.count, t.entries.count, file: file, line: line)
            for (u, v) in zip(s.entries, t.entries) {
                XCTAssertEqual(u.name, v.name, file: file, line: line)
                XCTAssertEqual(u.method, v.method, file: file, line: line)
                for (m, n) in [(u.value, v.value), (u.df, v.df), (u.p, v.p)] {
                    XCTAssert((m == nil && n == nil) || (m.flatMap { m in n.map { close(m, $0) } } ?? false),
                              "\(statement): \(u.name.en) \(String(describing: m)) vs \(String(describing: n))", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(a.chart == nil, b.chart == nil, "\(statement): chart", file: file, line: line)
    }

    enum Cell: Equatable {
        case missing
        case number(Double)
        case text(String)
    }

    static func cell(_ data: ColumnData, _ row: Int) -> Cell {
        switch data {
        case .integer(let v): return Missing.isMissing(v[row]) ? .missing : .number(Double(v[row]))
        case .decimal(let v): return v[row].isNaN ? .missing : .number(v[row])
        case .text(let v): return v[row].map { .text($0) } ?? .missing
        case .categorical(let c, _): return c.level(at: row).map { .text($0.value) } ?? .missing
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}

@testable import ArvioRemote
import ArvioData
import ArvioQuery
import XCTest

/// The differential test on generated data with what the pilot lacks: a table without a
/// primary key (row order is the order on disk), real text with Finnish letters (more distinct
/// values than the categorical rule allows), negative and fractional decimals, zeros to divide
/// by, and missing values in every column.
final class GeneratedDataDifferentialTests: XCTestCase {
    static let regions = ["Häme", "Uusimaa", "Pirkanmaa", "Keski-Suomi", "Åland", "Lappi"]

    /// A deterministic generator (a 64-bit LCG), so every run loads the same rows.
    struct Generator {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func workspace(rows: Int = 2000) -> Workspace {
        var g = Generator()
        var ids: [Int64] = [], regionCodes: [UInt32] = [], answers: [UInt32] = [], phases: [UInt32] = []
        var incomes: [Double] = [], visits: [Int64] = [], comments: [String?] = []
        let starts = ["ä", "Ö", "a", "m", "z", "Å", "e", "É"]
        for i in 0..<rows {
            ids.append(Int64(i + 1))
            regionCodes.append(g.next(10) == 0 ? 0 : UInt32(g.next(regions.count) + 1))
            answers.append(g.next(12) == 0 ? 0 : UInt32(g.next(5) + 1))
            phases.append(UInt32(g.next(2) + 1))
            incomes.append(g.next(15) == 0 ? .nan : Double(g.next(4001) - 2000) / 8)
            visits.append(g.next(20) == 0 ? Missing.integer : Int64(g.next(7)))
            comments.append(g.next(9) == 0 ? nil : "\(starts[g.next(starts.count)])vastaus \(g.next(1500))")
        }
        func categorical(_ codes: [UInt32], _ values: [String], ordered: Bool) -> ColumnData {
            let levels = values.map { Level(value: $0, number: ordered ? Double($0) : nil) }
            return .categorical(CategoricalData(codes: Codes(codes, levelCount: levels.count), levels: levels), ordered: ordered)
        }
        let survey = Table(name: "survey", columns: [
            Column(name: "id", data: .integer(ids)),
            Column(name: "region", data: categorical(regionCodes, regions, ordered: false)),
            Column(name: "answer", data: categorical(answers, ["1", "2", "3", "4", "5"], ordered: true)),
            Column(name: "phase", data: categorical(phases, ["pre", "post"], ordered: true)),
            Column(name: "income", data: .decimal(incomes)),
            Column(name: "visits", data: .integer(visits)),
            Column(name: "comment", data: .text(comments)),
        ])
        let sizes: [UInt32] = [1, 1, 1, 2, 2, 2]
        let regionTable = Table(name: "regions", columns: [
            Column(name: "region", data: .text(regions.map { Optional($0) })),
            Column(name: "size", data: categorical(sizes, ["suuri", "pieni"], ordered: false)),
            Column(name: "population", data: .integer([175_000, 1_700_000, 530_000, 275_000, 30_000, 176_000])),
        ], key: ["region"])
        var workspace = Workspace()
        workspace.add(regionTable)
        workspace.add(survey)
        workspace.add(Relation(table: "survey", columns: ["region"], target: "regions", targetColumns: ["region"]))
        return workspace
    }

    static let filters = [
        "",
        "| where income > 0",
        "| where income < -10.5 or visits == 0",
        "| where comment < \"m\"",
        "| where comment >= \"ä\"",
        "| where region == \"Åland\"",
        "| where region is missing",
        "| where answer >= 3 and phase == \"post\"",
        "| where income / visits > 2",
        "| where visits % 3 == 1",
        "| where comment is missing or income is missing",
        "| where income between -5 and 5",
    ]

    static let tails = [
        "| count",
        "| count by region",
        "| count by region, answer",
        "| group region aggregate m = mean(income), s = sd(income), md = median(income), lo = min(visits), hi = max(income), t = sum(visits), k = n_distinct(comment), p = pct(answer >= 4), c = count(answer)",
        "| group phase, answer aggregate n = count(), e = mean(answer), share = pct(), top = max(answer)",
        "| sort income desc | take 10",
        "| sort comment | take 10",
        "| sort region, visits desc | take 15",
        "| distinct region",
        "| distinct region, phase",
        "| derive r = round(income, 2), q = income / visits, w = visits * 2 - 1 | sort r | take 20",
        "| join regions | count by size",
        "| join left regions | group size aggregate p = sum(population), n = count()",
        "| take 5",
        "| crosstab region by answer",
        "| crosstab phase by answer cells count, row, expected",
        "| freq region",
        "| describe income by phase",
        "| describe income, visits by region quartiles 6",
        "| freq answer ci",
        "| chart bar region by phase",
        "| group region aggregate m = round(mean(income), 2), r = max(visits) - min(visits)",
        "| select comment, income | sort comment desc | take 8",
        "| derive neg = -income, a = abs(visits - 3) | group region aggregate m = mean(neg), x = max(a)",
    ]

    func testGeneratedDataGivesTheSameResultsPushedDownAndInMemory() throws {
        let base = try TestDatabase.pilotConnection()
        let admin = try PostgresConnection(base, readOnly: false)
        _ = try admin.query("DROP SCHEMA IF EXISTS generated CASCADE")
        _ = try admin.query("CREATE SCHEMA generated")
        let target = base + " options='-c search_path=generated'"
        try PilotLoader.load(Self.workspace(), into: try PostgresConnection(target, readOnly: false))

        let connection = try PostgresConnection(target)
        let catalog = try RemoteCatalog.read(from: connection)
        XCTAssertEqual(catalog.tables["survey"]?.columns.first { $0.name == "comment" }?.type, .text)
        XCTAssertEqual(catalog.tables["survey"]?.key, [])
        let executor = RemoteExecutor(connection: connection, catalog: catalog)
        var remote = Session(workspace: executor.adding(to: Workspace()).workspace)
        remote.executor = executor
        var local = Session(workspace: try DifferentialTests.fetchedWorkspace(executor))

        var compared = 0
        var pushed = 0
        var statements: [String] = []
        for filter in Self.filters {
            for tail in Self.tails { statements.append("survey \(filter) \(tail)") }
        }
        for statement in statements {
            if let plan = try? remote.plans(statement).first?.plan, let compiled = SQLCompiler.compile(plan, catalog: catalog),
               compiled.operatorCount == plan.nodes.count {
                pushed += 1
            }
            let a = Result { () throws(Diagnostic) in try local.run(statement) }
            let b = Result { () throws(Diagnostic) in try remote.run(statement) }
            switch (a, b) {
            case (.success(let x), .success(let y)):
                guard let p = x.first?.table, let q = y.first?.table else { XCTFail("\(statement): no table"); continue }
                DifferentialTests.assertSame(p, q, statement)
                compared += 1
            case (.failure(let x), .failure(let y)):
                XCTAssertEqual(x.message, y.message, statement)
            case (.success, .failure(let error)):
                XCTFail("\(statement): failed only in PostgreSQL: \(error.message)")
            case (.failure(let error), .success):
                XCTFail("\(statement): failed only in memory: \(error.message)")
            }
        }
        print("generated differential: \(statements.count) statements, \(compared) compared, \(pushed) wholly in PostgreSQL")
        XCTAssertGreaterThanOrEqual(compared, 200)
        XCTAssertGreaterThanOrEqual(pushed, 150)
    }
}

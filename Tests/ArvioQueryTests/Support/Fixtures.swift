import ArvioData
@testable import ArvioQuery
import XCTest

/// Small hand-checkable tables shaped like the built-in data: 16 participants, their
/// motivation, and 21 responses of four participants to three items with an ordinal score.
enum Fixtures {
    static let likert: [Level] = zip(["heikosti", "kohtalaisesti", "jonkin verran", "hyvin", "erinomaisesti"],
                                     ["poorly", "moderately", "to some extent", "well", "excellently"])
        .enumerated().map { i, labels in
            Level(value: "\(i + 1)", label: Localized(en: labels.1, fi: labels.0), number: Double(i + 1))
        }

    static let orgs: [Level] = [
        Level(value: "Katulähetys", label: Localized("Jyväskylän Katulähetys ry")),
        Level(value: "Työttömät", label: Localized("Jyvässeudun Työttömät ry")),
        Level(value: "Tekevä", label: Localized("Työvalmennussäätiö Tekevä")),
        Level(value: "Setlementti", label: Localized("Jyvälän Setlementti")),
    ]

    /// A categorical column; levels are `levels` or the values in first-seen order.
    static func categorical(_ name: String, _ values: [String?], levels: [Level]? = nil, ordered: Bool = false) -> Column {
        var levelList = levels ?? []
        if levels == nil {
            for value in values.compactMap({ $0 }) where !levelList.contains(where: { $0.value == value }) {
                levelList.append(Level(value: value))
            }
        }
        let codes = values.map { value -> UInt32 in
            guard let value, let i = levelList.firstIndex(where: { $0.value == value }) else { return 0 }
            return UInt32(i + 1)
        }
        return Column(name: name, data: .categorical(CategoricalData(codes: Codes(codes, levelCount: levelList.count),
                                                                     levels: levelList), ordered: ordered))
    }

    static func integers(_ name: String, _ values: [Int64?]) -> Column {
        Column(name: name, data: .integer(values.map { $0 ?? Missing.integer }))
    }

    static func score(_ name: String, _ values: [Int?]) -> Column {
        categorical(name, values.map { $0.map(String.init) }, levels: likert, ordered: true)
    }

    static let ids = (1...16).map { String(format: "P%02d", $0) }

    static var participants: Table {
        Table(name: "participants", columns: [
            categorical("id", ids),
            categorical("org", ["Katulähetys", "Katulähetys", "Katulähetys", "Katulähetys", "Työttömät", "Työttömät",
                                "Työttömät", "Tekevä", "Tekevä", "Tekevä", "Tekevä", "Tekevä", "Setlementti",
                                "Setlementti", "Setlementti", "Setlementti"], levels: orgs),
            categorical("title", ["työvalmentaja", "yksilövalmentaja", "työvalmentaja", "palveluohjaaja",
                                  "työvalmentaja", "työvalmentaja", "yksilövalmentaja", "työvalmentaja",
                                  "palveluohjaaja", "työvalmentaja", "yksilövalmentaja", "työvalmentaja",
                                  "työvalmentaja", "palveluohjaaja", "työvalmentaja", "yksilövalmentaja"]),
            integers("experience_years", [12, 1, 0, 5, 3, 1, 20, 0, 8, 1, 15, 2, 6, 0, 10, 1]),
            categorical("entry_route", ["own", "employer", "employer", "own", "employer", "employer", "own", "employer",
                                        "employer", "own", "employer", "employer", "own", "employer", "own", "employer"],
                        levels: [Level(value: "employer"), Level(value: "own")]),
            integers("sessions_attended", [10, 8, 6, 9, 10, 7, 10, 9, 10, 10, 4, 9, 10, 5, 9, 8]),
            categorical("post_status", ["responded", "responded", "dropped_out", "responded", "responded", "no_time",
                                        "responded", "responded", "responded", "responded", "moved", "responded",
                                        "responded", "no_time", "responded", "responded"],
                        levels: ["responded", "moved", "dropped_out", "no_time"].map { Level(value: $0) }),
            integers("grade", [9, 8, nil, 8, 7, nil, 9, 8, 8, 9, nil, 7, 8, nil, 9, nil]),
        ], key: ["id"])
    }

    static var motivation: Table {
        Table(name: "motivation", columns: [
            categorical("participant", ids),
            score("motivation_start", [5, 2, 1, 4, 3, 2, 5, 2, 3, 4, nil, 3, 4, 2, 5, 3]),
        ], key: ["participant"])
    }

    /// Rows: P01, P02 and P08 answer pre and post; P03 (dropped out) only pre.
    /// Items overall, OH1, OH2 in that order; P02's pre OH1 and post OH2 are missing.
    static var responses: Table {
        var participant: [String] = []
        var item: [String] = []
        var phase: [String] = []
        var scores: [Int?] = []
        let answers: [(String, String, [Int?])] = [
            ("P01", "pre", [3, 4, 2]), ("P01", "post", [4, 5, 3]),
            ("P02", "pre", [2, nil, 3]), ("P02", "post", [3, 3, nil]),
            ("P03", "pre", [1, 2, 1]),
            ("P08", "pre", [4, 4, 5]), ("P08", "post", [4, 5, 4]),
        ]
        for (who, when, values) in answers {
            for (code, value) in zip(["overall", "OH1", "OH2"], values) {
                participant.append(who)
                item.append(code)
                phase.append(when)
                scores.append(value)
            }
        }
        return Table(name: "responses", columns: [
            categorical("participant", participant, levels: ids.map { Level(value: $0) }),
            categorical("item", item),
            categorical("area", item.map { $0 == "overall" ? "overall" : "Asiakkaan ohjaus" }),
            categorical("phase", phase, levels: [Level(value: "pre"), Level(value: "post")]),
            score("score", scores),
        ], key: ["participant", "item", "phase"])
    }

    static var workspace: Workspace {
        var workspace = Workspace()
        workspace.add(participants)
        workspace.add(motivation)
        workspace.add(responses)
        workspace.add(Relation(table: "responses", columns: ["participant"], target: "participants", targetColumns: ["id"]))
        workspace.add(Relation(table: "motivation", columns: ["participant"], target: "participants", targetColumns: ["id"]))
        return workspace
    }
}

/// Running statements in tests and reading their results as text.
extension XCTestCase {
    /// Runs `source` in a fresh session on the fixtures and returns the last table.
    func table(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Table {
        var session = Session(workspace: Fixtures.workspace)
        do {
            let results = try session.run(source)
            guard let table = results.last?.table else {
                XCTFail("no table", file: file, line: line)
                return Table(name: "none", columns: [])
            }
            return table
        } catch {
            XCTFail("unexpected error:\n\(error.rendered())", file: file, line: line)
            return Table(name: "none", columns: [])
        }
    }

    /// The rendered diagnostic `source` gives, or a failure if it runs.
    func diagnostic(_ source: String, file: String = "<stdin>",
                    sourceFile: StaticString = #filePath, line: UInt = #line) -> String {
        var session = Session(workspace: Fixtures.workspace)
        do {
            _ = try session.run(source, file: file)
            XCTFail("expected an error for: \(source)", file: sourceFile, line: line)
            return ""
        } catch {
            return error.rendered()
        }
    }

    /// The table's rows as text: categories by value, decimals with up to 4 places, missing as NA.
    func rows(_ table: Table) -> [[String]] {
        (0..<table.rowCount).map { row in table.columns.map { Self.cell($0.data, row) } }
    }

    /// One column's values as text.
    func values(_ table: Table, _ column: String) -> [String] {
        guard let data = table.column(named: column)?.data else { return ["<no column \(column)>"] }
        return (0..<table.rowCount).map { Self.cell(data, $0) }
    }

    static func cell(_ data: ColumnData, _ row: Int) -> String {
        switch data {
        case .integer(let v): return Missing.isMissing(v[row]) ? "NA" : "\(v[row])"
        case .decimal(let v):
            if v[row].isNaN { return "NA" }
            let rounded = (v[row] * 10000).rounded() / 10000
            return rounded == rounded.rounded() ? "\(Int64(rounded))" : "\(rounded)"
        case .text(let v): return v[row] ?? "NA"
        case .categorical(let c, _): return c.level(at: row)?.value ?? "NA"
        }
    }
}

import ArvioData
import ArvioQuery
import XCTest

/// The plan of each README example: its operators, the columns each reads, and what pruning
/// tells a join to keep.
final class PlanTests: XCTestCase {
    private func plan(_ source: String, in workspace: Workspace = Fixtures.workspace,
                      file: StaticString = #filePath, line: UInt = #line) -> LogicalPlan? {
        do {
            guard let statement = try Session(workspace: workspace).plans(source).last else {
                XCTFail("no statement", file: file, line: line)
                return nil
            }
            return statement.plan
        } catch {
            XCTFail("unexpected error:\n\(error.rendered())", file: file, line: line)
            return nil
        }
    }

    /// Each operator as `verb reads a, b` (`reads *` when it may read any column), then
    /// `keeps x, y` for a pruned join.
    private func summary(_ plan: LogicalPlan) -> [String] {
        plan.nodes.map { node in
            var text = "\(node.verb) reads " + (node.reads.map { $0.sorted().joined(separator: ", ") } ?? "*")
            if case .join(let join) = node.operation, let keep = join.keep {
                text += " keeps " + keep.sorted().joined(separator: ", ")
            }
            return text
        }
    }

    private func assertPlan(_ source: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard let plan = plan(source, file: file, line: line) else { return }
        XCTAssertEqual(summary(plan), expected, source, file: file, line: line)
    }

    func testReadmeRelationalExamples() throws {
        assertPlan("participants | count by org", ["count reads org"])
        assertPlan(#"participants | where entry_route == "employer" and experience_years < 2 | select id, org, title"#,
                   ["where reads entry_route, experience_years", "select reads id, org, title"])
        assertPlan(#"responses | where phase == "pre" and score >= "hyvin" | count by item"#,
                   ["where reads phase, score", "count reads item"])
        // The join reads its key and the input's key; later steps need org, area, phase, score.
        assertPlan(#"responses | join participants | where org == "Tekevä" | group area, phase aggregate mean(score), n = count()"#,
                   ["join reads item, participant, phase keeps area, org, phase, score", "where reads org", "group reads area, phase, score"])
    }

    func testReadmeAnalysisExamples() {
        // The analysis verbs read what they name and the key, from which the unit of a row is found.
        assertPlan("participants | crosstab entry_route by post_status", ["crosstab reads entry_route, id, post_status"])
        assertPlan("participants | freq org", ["freq reads id, org"])
        assertPlan(#"responses | where phase == "pre" | describe score by area"#,
                   ["where reads phase", "describe reads area, item, participant, phase, score"])
        // These find pairs, units or related tables through columns they do not name.
        assertPlan("responses | delta score by phase per area", ["delta reads *"])
        assertPlan("participants | join motivation | attrition", ["join reads id", "attrition reads *"])
        assertPlan("participants | join motivation | associate motivation_start", ["join reads id", "associate reads *"])
        assertPlan(#"responses | where phase == "pre" | reliability score by item per area"#, ["where reads phase", "reliability reads *"])
        assertPlan(#"responses | where item != "overall" | scale score by item into competence | delta competence by phase"#,
                   ["where reads item", "scale reads *", "delta reads *"])
        assertPlan("participants | chart bar org", ["chart reads *"])
    }

    func testOperatorsCarryResolvedArguments() throws {
        let plan = try XCTUnwrap(plan(#"responses | join participants | where org == "Tekevä" | group area, phase aggregate mean(score), n = count() | sort n desc | take 3"#))
        XCTAssertEqual(plan.source, "responses")
        XCTAssertEqual(plan.sourceSchema.key, ["participant", "item", "phase"])
        XCTAssertEqual(plan.sourceSchema.unit, "participant", "the key column that refers to participants names the unit")
        guard case .join(let join) = plan.nodes[0].operation else { return XCTFail("expected a join") }
        XCTAssertEqual(join.table, "participants")
        XCTAssertFalse(join.isLeft)
        XCTAssertEqual(join.keys, [JoinKey(left: "participant", right: "id")], "the key comes from the declared relation")
        XCTAssertEqual(join.columns.map(\.name), ["org", "title", "experience_years", "entry_route", "sessions_attended", "post_status", "grade"])
        guard case .filter(let condition) = plan.nodes[1].operation else { return XCTFail("expected a filter") }
        XCTAssertEqual(condition.columnNames, ["org"])
        guard case .aggregate(let keys, let aggregates) = plan.nodes[2].operation else { return XCTFail("expected an aggregate") }
        XCTAssertEqual(keys, ["area", "phase"])
        XCTAssertEqual(aggregates.map(\.name), ["mean(score)", "n"])
        guard case .sort(let sortKeys) = plan.nodes[3].operation else { return XCTFail("expected a sort") }
        XCTAssertEqual(sortKeys, [SortKey(column: "n", descending: true)])
        guard case .take(3) = plan.nodes[4].operation else { return XCTFail("expected take 3") }
        // Schemas after each operator: the join adds the right columns, group keeps its own.
        XCTAssertEqual(plan.nodes[0].schema?.columnNames.count, 5 + 7)
        XCTAssertEqual(plan.nodes[2].schema?.columnNames, ["area", "phase", "mean(score)", "n"])
        XCTAssertEqual(plan.nodes[2].schema?.key, ["area", "phase"])
        XCTAssertEqual(plan.schema?.columnNames, ["area", "phase", "mean(score)", "n"])
        XCTAssertEqual(plan.nodes[2].produces, ["area", "phase", "mean(score)", "n"])
        XCTAssertFalse(plan.nodes[2].keepsOtherColumns)
        XCTAssertTrue(plan.nodes[1].keepsOtherColumns)
    }

    func testSchemasCarryTypesAndScales() throws {
        let plan = try XCTUnwrap(plan("participants | derive double = grade * 1.5 | count by org"))
        let derived = try XCTUnwrap(plan.nodes[0].schema)
        XCTAssertEqual(derived.column(named: "double")?.type, .decimal)
        XCTAssertEqual(derived.column(named: "grade")?.type, .integer)
        XCTAssertEqual(derived.table.rowCount, 0, "a schema holds no rows")
        XCTAssertEqual(plan.nodes[1].schema?.column(named: "n")?.type, .integer)
        if case .categorical(let org, _)? = plan.nodes[1].schema?.column(named: "org")?.data {
            XCTAssertEqual(org.levels.map(\.value), ["Katulähetys", "Työttömät", "Tekevä", "Setlementti"])
        } else {
            XCTFail("org should stay categorical")
        }
        let counted = try XCTUnwrap(self.plan("responses | count by score"))
        let scores = try XCTUnwrap(counted.nodes[0].schema?.column(named: "score"))
        XCTAssertEqual(scores.type, .ordinal, "a scale stays a scale through count by")
    }

    func testAnAnalysisOutputIsKnownOnlyWhenItRuns() throws {
        let plan = try XCTUnwrap(plan("participants | crosstab org by post_status | chart heat"))
        XCTAssertNil(plan.nodes[0].schema, "the columns of a cross-tab are the categories that occur")
        XCTAssertNil(plan.schema)
        guard case .crosstab(let crosstab) = plan.nodes[0].operation else { return XCTFail("expected a crosstab") }
        XCTAssertEqual(crosstab.rows.text, "org")
        XCTAssertEqual(crosstab.columns.text, "post_status")
    }

    func testPruningFollowsTheDeclaredColumns() {
        // Narrowing steps end the search; passing steps add what they read.
        assertPlan("responses | join participants | count by org", ["join reads item, participant, phase keeps org", "count reads org"])
        assertPlan("responses | join participants | derive o = org | select participant, o",
                   ["join reads item, participant, phase keeps org, participant", "derive reads org", "select reads o, participant"])
        // A derive that replaces a column: the join need not keep the one it replaces.
        assertPlan(#"responses | join participants | derive org = "x" | count by org, title"#,
                   ["join reads item, participant, phase keeps title", "derive reads ", "count reads org, title"])
        // Nothing narrows after the join, or a verb may read any column: it keeps every column.
        assertPlan("responses | join participants | sort org", ["join reads item, participant, phase", "sort reads org"])
        assertPlan("responses | join participants | distinct", ["join reads item, participant, phase", "distinct reads *"])
    }

    func testAClashingRightColumnIsNamedAfterItsTableAtBindTime() throws {
        var session = Session(workspace: Fixtures.workspace)
        _ = try session.run("let p2 = participants | select id, org, grade")
        let plan = try XCTUnwrap(plan("participants | join p2 on id | count by org_p2", in: session.workspace))
        guard case .join(let join) = plan.nodes[0].operation else { return XCTFail("expected a join") }
        XCTAssertEqual(join.columns, [JoinedColumn(source: "org", name: "org_p2"), JoinedColumn(source: "grade", name: "grade_p2")])
        XCTAssertEqual(join.keep, ["org_p2"])
        XCTAssertEqual(values(table("let p2 = participants | select id, org, grade\nparticipants | join p2 on id | count by org_p2"), "n"),
                       ["4", "3", "5", "4"])
    }

    func testAnotherExecutorRunsThePlan() throws {
        /// Runs the first operator, then hands the rest to the in-memory engine, as a database
        /// executor that pushes down a prefix of the plan would.
        struct Split: PlanExecutor {
            func execute(_ plan: LogicalPlan, in context: EvaluationContext) throws(Diagnostic) -> PlanResult {
                let engine = InMemoryExecutor()
                guard let table = context.workspace.table(named: plan.source) else {
                    throw Diagnostic(plan.sourcePosition, "there is no table \"\(plan.source)\"")
                }
                let first = try engine.execute(plan.nodes.prefix(1), on: PlanResult(table: table, origin: table.name), in: context)
                return try engine.execute(plan.nodes.dropFirst(), on: first, in: context)
            }
        }
        var session = Session(workspace: Fixtures.workspace)
        session.executor = Split()
        let results = try session.run(#"participants | where org == "Tekevä" | count by entry_route"#)
        let table = try XCTUnwrap(results.last?.table)
        XCTAssertEqual(values(table, "n"), ["4", "1"])
    }
}

import XCTest
import ArvioData

/// Every published fact of DATASET.md, asserted on the built-in data as it loads.
final class BuiltInDatasetTests: XCTestCase {
    private static let workspace = Result { try DatasetLoader.load(directory: Paths.builtInDataset) }

    private func table(_ name: String) throws -> Table {
        try XCTUnwrap(try Self.workspace.get().table(named: name), "no table \(name)")
    }

    private func values(_ table: Table, _ column: String) throws -> [String?] {
        let data = try XCTUnwrap(table.column(named: column)?.data)
        return (0..<table.rowCount).map { row in
            switch data {
            case .categorical(let c, _): c.level(at: row)?.value
            case .text(let t): t[row]
            case .integer(let v): Missing.isMissing(v[row]) ? nil : String(v[row])
            case .decimal(let v): v[row].isNaN ? nil : String(v[row])
            }
        }
    }

    private func tally(_ values: [String?]) -> [String: Int] {
        values.reduce(into: [:]) { $0[$1 ?? "<missing>", default: 0] += 1 }
    }

    func testLoadsTheFourTablesWithTheirSizes() throws {
        let ws = try Self.workspace.get()
        XCTAssertEqual(ws.tableNames, ["participants", "motivation", "items", "responses"])
        XCTAssertEqual(try table("participants").rowCount, 16)
        XCTAssertEqual(try table("motivation").rowCount, 16)
        XCTAssertEqual(try table("items").rowCount, 12)
        XCTAssertEqual(try table("responses").rowCount, 336)
        XCTAssertEqual(ws.title?.en, "WIRE 3 job-coaching pilot (2007)")
    }

    func testSixteenCoachesStartedInFourOrganisations() throws {
        let p = try table("participants")
        XCTAssertEqual(try values(p, "id"), (1...16).map { String(format: "P%02d", $0) })
        XCTAssertEqual(tally(try values(p, "org")), ["Katulähetys": 4, "Työttömät": 3, "Tekevä": 5, "Setlementti": 4])
    }

    func testOrganisationsCarryTheirRegisteredNamesAsLabels() throws {
        guard case .categorical(let org, _) = try table("participants").column(named: "org")?.data else { return XCTFail() }
        XCTAssertEqual(org.levels.map { $0.display(.fi) },
                       ["Jyväskylän Katulähetys ry", "Jyvässeudun Työttömät ry", "Työvalmennussäätiö Tekevä", "Jyvälän Setlementti"])
    }

    func testAllSixteenAnsweredBeforeAndTwelveAfter() throws {
        let r = try table("responses")
        let phases = try values(r, "phase"), people = try values(r, "participant")
        let pre = Set(zip(phases, people).filter { $0.0 == "pre" }.map(\.1))
        let post = Set(zip(phases, people).filter { $0.0 == "post" }.map(\.1))
        XCTAssertEqual(pre.count, 16)
        XCTAssertEqual(post.count, 12)
        XCTAssertTrue(post.isSubset(of: pre))
    }

    func testFourWithoutPostAssessmentAndTheirReasons() throws {
        let p = try table("participants")
        XCTAssertEqual(tally(try values(p, "post_status")), ["responded": 12, "moved": 1, "dropped_out": 1, "no_time": 2])
        // Those with no post answers in responses are exactly those not marked responded.
        let r = try table("responses")
        let postPeople = Set(zip(try values(r, "phase"), try values(r, "participant")).filter { $0.0 == "post" }.map(\.1))
        for (id, status) in zip(try values(p, "id"), try values(p, "post_status")) {
            XCTAssertEqual(postPeople.contains(id), status == "responded", "\(id ?? "?")")
        }
    }

    func testNoTimeReasonQuotesTheReport() throws {
        guard case .categorical(let status, _) = try table("participants").column(named: "post_status")?.data else { return XCTFail() }
        XCTAssertEqual(status.levels.last?.label?.en, "did not find the time and motivation")
    }

    func testOverallGradeIsEight() throws {
        let grades = try values(try table("participants"), "grade").compactMap { $0.flatMap(Double.init) }
        XCTAssertEqual(grades.count, 12)
        XCTAssertEqual(grades.reduce(0, +) / Double(grades.count), 8, accuracy: 1e-12)
        XCTAssertTrue(grades.allSatisfy { (4...10).contains($0) })
        XCTAssertEqual(grades.sorted()[5...6].reduce(0, +) / 2, 8)
    }

    func testAnswerScaleInTheReportsOrder() throws {
        guard case .categorical(let score, let ordered) = try table("responses").column(named: "score")?.data else { return XCTFail() }
        XCTAssertTrue(ordered)
        XCTAssertEqual(score.levels.map(\.value), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(score.levels.map { $0.display(.fi) }, ["heikosti", "kohtalaisesti", "jonkin verran", "hyvin", "erinomaisesti"])
        XCTAssertEqual(score.levels.map { $0.display(.en) }, ["poorly", "moderately", "to some extent", "well", "excellently"])
    }

    func testTwelveItemsWithTheReportsFinnishTextsVerbatim() throws {
        let items = try table("items")
        XCTAssertEqual(try values(items, "code"), ["overall", "AO1", "AO2", "AO3", "ST1", "ST2", "AK1", "AK2", "OH1", "OH2", "OH3", "OH4"])
        let texts = try values(items, "text_fi")
        XCTAssertEqual(Array(texts.dropFirst()), [
            "Työprosessien vaatimat ammatilliset taidot ja työtavat ovat hallinnassa.",
            "Hallitsen työympäristön työsuojelun ja työterveyteen liittyvät asiat.",
            "Tunnen ammattialan kehitysnäkymät ja ymmärrän niiden merkityksen ammattitaidon vaatimusten kannalta.",
            "Tunnen työttömille suunnattujen tukien ja palveluiden tarjonnan.",
            "Tunnen ammattialani työmarkkinoiden tilan ja tulevaisuuden näkymät",
            "Osaan arvioida asiakkaani työmarkkinakelpoisuutta.",
            "Osaan arvioida asiakkaani toimintakykyä.",
            "Tunnen ihmisen muutosprosessin vaiheet.",
            "Hallitsen erilaiset ohjaamismenetelmät.",
            "Tunnen yritysyhteistyön tarjoamat mahdollisuudet.",
            "Tunnen työnantajayhteistyön (valtio, kunnat, välityömarkkinat) tarjoamat mahdollisuudet.",
        ])
        XCTAssertEqual(tally(try values(items, "area")), [
            "Työvalmentajuus": 1, "Ammatillinen osaaminen": 3, "Suunnittelutaidot": 2, "Arviointikyky": 2, "Asiakkaan ohjaus": 4,
        ])
    }

    func testResponsesCopyTheirItemsArea() throws {
        let items = try table("items"), r = try table("responses")
        let areaOf = Dictionary(uniqueKeysWithValues: zip(try values(items, "code"), try values(items, "area")))
        for (item, area) in zip(try values(r, "item"), try values(r, "area")) {
            XCTAssertEqual(areaOf[item], area)
        }
    }

    func testKeysAndRelationsComeFromTheCodebook() throws {
        let ws = try Self.workspace.get()
        XCTAssertEqual(try table("responses").key, ["participant", "item", "phase"])
        XCTAssertEqual(ws.relation(between: "responses", and: "participants"),
                       Relation(table: "responses", columns: ["participant"], target: "participants", targetColumns: ["id"]))
        XCTAssertNotNil(ws.relation(between: "motivation", and: "participants"))
    }

    func testSelfAssessmentsRiseOnTheWholeButNotForEveryone() throws {
        let r = try table("responses")
        let rows = zip(zip(try values(r, "participant"), try values(r, "item")), zip(try values(r, "phase"), try values(r, "score")))
        var pre: [String: Double] = [:], post: [String: Double] = [:]
        for ((person, item), (phase, score)) in rows where item == "overall" {
            if phase == "pre" { pre[person!] = Double(score!) } else { post[person!] = Double(score!) }
        }
        let changes = post.map { $0.value - pre[$0.key]! }
        XCTAssertGreaterThan(changes.reduce(0, +) / Double(changes.count), 0)
        XCTAssertTrue(changes.contains { $0 <= 0 }, "some said the training gave them nothing new")
    }
}

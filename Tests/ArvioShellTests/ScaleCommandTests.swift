import XCTest
import ArvioData
@testable import ArvioShell

/// `.scale T.col a < b < c` makes a loaded column an ordinal scale, as a codebook would.
final class ScaleCommandTests: XCTestCase {
    private func likert() throws -> (Interpreter, CapturingConsole, String) {
        let dir = TestSupport.temporaryDirectory()
        try FileIO.writeAtomically(Array("id,q,n\n1,Hyvin,2\n2,Erinomaisesti,3\n3,Heikosti,1\n4,,\n5,Hyvin,2\n".utf8), to: dir + "/k.csv")
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".load \(dir)/k.csv as k", file: "t"), .succeeded, out.text)
        return (shell, out, dir)
    }

    func testTextAnswersBecomeAScaleInTheNamedOrder() throws {
        let (shell, out, dir) = try likert()
        XCTAssertEqual(shell.run(".scale k.q Heikosti < Kohtalaisesti < \"Jonkin verran\" < Hyvin < Erinomaisesti", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.contains("k.q is ordinal: Heikosti < Kohtalaisesti < Jonkin verran < Hyvin < Erinomaisesti"), out.text)
        let q = try XCTUnwrap(shell.session.workspace.table(named: "k")?.column(named: "q"))
        XCTAssertEqual(q.type, .ordinal)
        guard case .categorical(let data, _) = q.data else { return XCTFail("q is coded") }
        XCTAssertEqual(data.levels.map(\.value), ["Heikosti", "Kohtalaisesti", "Jonkin verran", "Hyvin", "Erinomaisesti"])
        XCTAssertEqual((0..<5).map { data.codes[$0] }, [4, 5, 1, 0, 4])
        XCTAssertEqual(shell.run(".format csv\nk | where q >= \"Hyvin\" | count", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.hasSuffix("n\r\n3\r\n"), out.text)
        // What was declared is kept by .save and comes back with .load.
        XCTAssertEqual(shell.run(".save k \(dir)/kept.csv\n.load \(dir)/kept.csv as kept", file: "t"), .succeeded, out.text)
        XCTAssertEqual(shell.session.workspace.table(named: "kept")?.column(named: "q")?.type, .ordinal)
    }

    func testWholeNumbersBecomeScalePointsThatStandForThemselves() throws {
        let (shell, out, _) = try likert()
        XCTAssertEqual(shell.run(".scale k.n 1<2<3", file: "t"), .succeeded, out.text)
        guard case .categorical(let data, true)? = shell.session.workspace.table(named: "k")?.column(named: "n")?.data
        else { return XCTFail("n is ordinal") }
        XCTAssertEqual(data.levels.map(\.number), [1, 2, 3])
        XCTAssertEqual(shell.run(".format csv\nk | where n >= 2 | count", file: "t"), .succeeded, out.text)
        XCTAssertTrue(out.text.hasSuffix("n\r\n3\r\n"), out.text)
    }

    func testAnAnswerNotOnTheScaleIsAnErrorNamingItAndItsRows() throws {
        let (shell, out, _) = try likert()
        XCTAssertEqual(shell.run(".scale k.q Heikosti < Erinomaisesti", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("error: q holds \"Hyvin\" (2 rows), not on the scale Heikosti < Erinomaisesti"), out.text)
        XCTAssertEqual(shell.session.workspace.table(named: "k")?.column(named: "q")?.type, .categorical, "nothing changed")
        XCTAssertEqual(shell.run(".scale k.q Heikosti < Hyvin < Heikosti", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("\"Heikosti\" is on the scale twice (point 1 and point 3)"), out.text)
        XCTAssertEqual(shell.run(".scale k.nope a < b", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("k has no column \"nope\""), out.text)
        XCTAssertEqual(shell.run(".scale k.q Hyvin", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("a scale has at least two points"), out.text)
        XCTAssertEqual(shell.run(".scale participants.experience_years 1 < 2", file: "t"), .failed)
        XCTAssertTrue(out.text.contains("experience_years holds decimals"), out.text)
    }

    func testACategoryKeepsItsLabelsAndItsTableKeepsItsReferences() throws {
        let (shell, out) = TestSupport.interpreter()
        XCTAssertEqual(shell.run(".scale participants.employment \"wage-subsidised\" < fixed_term < permanent", file: "t"), .succeeded, out.text)
        guard case .categorical(let data, true)? = shell.session.workspace.table(named: "participants")?.column(named: "employment")?.data
        else { return XCTFail("employment is ordinal") }
        XCTAssertEqual(data.levels.map(\.value), ["subsidised", "fixed_term", "permanent"])
        XCTAssertEqual(data.levels[0].label?.fi, "palkkatuettu")
        XCTAssertEqual(shell.run(".scale motivation.reason own_wish < encouraged < instructed", file: "t"), .succeeded, out.text)
        XCTAssertEqual(shell.session.workspace.relations.filter { $0.table == "motivation" }.count, 1)
    }
}

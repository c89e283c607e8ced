import XCTest
@testable import ArvioShell

final class MarkdownNotebookTests: XCTestCase {
    func testFindsOnlyArvioBlocksAndLeavesOtherFencesAlone() {
        let nb = MarkdownNotebook("""
            # Title

            ```python
            print("not ours")
            ```

            ```arvio
            participants | count by org
            ```

            """)
        XCTAssertEqual(nb.blocks.map(\.source), ["participants | count by org"])
        XCTAssertEqual(nb.blocks[0].firstLine, 8)
        XCTAssertNil(nb.blocks[0].output)
    }

    func testKnitInsertsOutputBeneathTheBlockAndKeepsEverythingElseByteForByte() {
        let text = "intro\n```arvio\nitems | count\n```\nafter\n"
        let nb = MarkdownNotebook(text)
        XCTAssertEqual(nb.replacingOutputs(["n\n12\n"]),
                       "intro\n```arvio\nitems | count\n```\n```arvio-output\nn\n12\n```\nafter\n")
    }

    func testKnitReplacesThePreviousOutputAndReadsItBack() {
        let text = "```arvio\nitems | count\n```\n```arvio-output\nold\n```\ntail\n"
        let nb = MarkdownNotebook(text)
        XCTAssertEqual(nb.blocks[0].outputText, "old\n")
        let knitted = nb.replacingOutputs(["new\n"])
        XCTAssertEqual(knitted, "```arvio\nitems | count\n```\n```arvio-output\nnew\n```\ntail\n")
        XCTAssertEqual(MarkdownNotebook(knitted).blocks[0].outputText, "new\n")
    }

    func testAFenceInsideALongerFenceIsText() {
        let text = "````markdown\n```arvio\nnot run\n```\n````\n```arvio\nrun\n```\n"
        XCTAssertEqual(MarkdownNotebook(text).blocks.map(\.source), ["run"])
    }

    func testOutputHoldingBackticksGetsALongerFence() {
        XCTAssertEqual(MarkdownNotebook.outputBlock("a ``` b\n", newline: "\n"), "````arvio-output\na ``` b\n````\n")
    }

    func testCRLFFilesStayCRLF() {
        let text = "x\r\n```arvio\r\nitems\r\n```\r\ny\r\n"
        let nb = MarkdownNotebook(text)
        XCTAssertEqual(nb.blocks.map(\.source), ["items"])
        XCTAssertEqual(nb.replacingOutputs(["out\n"]), "x\r\n```arvio\r\nitems\r\n```\r\n```arvio-output\r\nout\r\n```\r\ny\r\n")
    }

    func testReadsFrontMatterSettings() {
        let nb = MarkdownNotebook("---\nwidth: 72\ncharset: ascii\n---\n```arvio\nitems\n```\n")
        XCTAssertEqual(nb.frontMatter, ["width": "72", "charset": "ascii"])
    }
}

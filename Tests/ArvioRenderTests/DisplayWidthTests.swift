@testable import ArvioRender
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneCellPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("Tekevä"), 6)
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testPrecomposedAndDecomposedUmlautsAreOneCellEach() {
        let precomposed = "J\u{00E4}rvi"
        let decomposed = "Ja\u{0308}rvi"
        XCTAssertEqual(DisplayWidth.of(precomposed), 5)
        XCTAssertEqual(DisplayWidth.of(decomposed), 5)
        XCTAssertEqual(DisplayWidth.of("o\u{0308}"), 1)
    }

    func testCJKAndHangulAreTwoCells() {
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2, "decomposed Hangul syllable")
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4, "fullwidth forms")
    }

    func testEmojiAreTwoCells() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "with skin tone")
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2, "ZWJ family")
        XCTAssertEqual(DisplayWidth.of("🇫🇮"), 2, "flag pair")
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "text symbol with VS16")
    }

    func testCombiningMarksControlsAndZeroWidthTakeNoCell() {
        XCTAssertEqual(DisplayWidth.of("e\u{0301}\u{0323}"), 1)
        XCTAssertEqual(DisplayWidth.of("\u{200B}"), 0)
        XCTAssertEqual(DisplayWidth.of("a\u{200D}b"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{0007}"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{FE0F}"), 0)
    }

    func testTruncationEndsInAnEllipsisAndNeverExceedsTheWidth() {
        XCTAssertEqual(DisplayWidth.truncate("Jyvälän Setlementti", to: 10), "Jyvälän S…")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 1), "…")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 0), "")
        XCTAssertEqual(DisplayWidth.truncate("abcdefgh", to: 6, charset: .ascii), "abc...")
        XCTAssertEqual(DisplayWidth.truncate("abcdefgh", to: 3, charset: .ascii), "ab~")
    }

    func testTruncationNeverSplitsACluster() {
        let decomposed = "a\u{0308}a\u{0308}a\u{0308}a\u{0308}"
        let cut = DisplayWidth.truncate(decomposed, to: 3)
        XCTAssertEqual(cut, "a\u{0308}a\u{0308}…")
        XCTAssertEqual(cut.unicodeScalars.last, "…")
        // A wide character that would straddle the edge is dropped, leaving the result narrower.
        let cjk = DisplayWidth.truncate("日本語テキスト", to: 6)
        XCTAssertEqual(cjk, "日本…")
        XCTAssertLessThanOrEqual(DisplayWidth.of(DisplayWidth.truncate("日本語", to: 4)), 4)
        for width in 0...16 {
            for text in ["Jyvälän Setlementti", "日本語テキスト", "😀😀😀x", decomposed] {
                XCTAssertLessThanOrEqual(DisplayWidth.of(DisplayWidth.truncate(text, to: width)), width)
            }
        }
    }

    func testPaddingAlignsFinnishAndCJKNamesWithASCII() {
        let names = ["Jyvälän Setlementti", "Ja\u{0308}rvi", "Tekevä", "日本", "Plain ASCII name"]
        let padded = names.map { DisplayWidth.padRight($0, to: 20) + "|" }
        for line in padded { XCTAssertEqual(DisplayWidth.of(line), 21, line) }
        XCTAssertEqual(DisplayWidth.padLeft("日本", to: 5), " 日本")
        XCTAssertEqual(DisplayWidth.padRight("toolong", to: 3), "toolong")
    }
}

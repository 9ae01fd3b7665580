import Foundation
import Testing
@testable import BewaarImportWeb

/// Issue 16: the message blocks of a Meta page counted from its bytes, whatever the chunks.
@Suite("Meta page block count (issue 16)")
struct MetaHTMLBlockCountTests {
    static func count(_ text: String, chunks sizes: [Int]) -> Int? {
        var counter = MetaHTMLBlockCount()
        let bytes = Array(text.utf8)
        var at = 0, k = 0
        while at < bytes.count {
            let n = min(sizes[k % sizes.count], bytes.count - at)
            bytes[at..<(at + n)].withUnsafeBytes { counter.scan($0) }
            at += n
            k += 1
        }
        return counter.finish()
    }

    @Test func everyBlockOnceWhereverTheChunksEnd() {
        let page = MessengerHTMLPlacingTests.page(.trickyTags)
        // 2,000 messages, the participants and the three blocks the tricky tags add.
        #expect(Self.count(page, chunks: [1 << 20]) == 2_004)
        var rng = SystemRandomNumberGenerator()
        let sizes = (0..<64).map { _ in Int.random(in: 1...300, using: &rng) }
        #expect(Self.count(page, chunks: sizes) == 2_004, "chunk sizes \(sizes)")
        #expect(Self.count(page, chunks: [1]) == 2_004)
    }

    @Test func onlyDivsWithAMarkingClassCount() {
        let cases: [(String, Int)] = [
            ("<div class=\"_a6-g\">", 1), ("<div class=\"x _2lej y\">", 1), ("<div class='pam uiBoxWhite'>", 1),
            ("<div class=\"pam\">", 0), ("<span class=\"_a6-g\">", 0), ("<body class=\"_a6-g\">", 0),
            ("<divx class=\"_a6-g\">", 0), ("<div id=\"_a6-g\">", 0), ("<div class=\"_a6-gg\">", 0),
            ("<div class=\"a\" class=\"_a6-g\">", 0), ("<!-- <div class=\"_a6-g\"> -->", 0),
            ("<div\nclass = \"_a6-g\"\n>", 1), ("<div class=\"_a6-g\ttab\">", 0), ("</div class=\"_a6-g\">", 0),
        ]
        for (html, n) in cases {
            #expect(Self.count(html + "<p>tekst</p>", chunks: [4096]) == n, "\(html)")
            #expect(Self.count(html + "<p>tekst</p>", chunks: [1, 2, 3]) == n, "\(html) in small chunks")
        }
    }

    @Test func aTagThatNeverEndsStopsTheCount() {
        let endless = "<div class=\"_a6-g\">a</div><div title=\"" + String(repeating: "x", count: MetaHTMLBlockCount.longestTag + 10)
        #expect(Self.count(endless, chunks: [4096]) == nil)
        #expect(Self.count("<div class=\"_a6-g\">a</div><div title=\"open", chunks: [7]) == 1)
    }
}

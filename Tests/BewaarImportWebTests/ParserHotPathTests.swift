import Testing
import BewaarHTML
@testable import BewaarImportWeb

/// Records the words of each div's class, and each text as bytes, the way `MetaHTMLReader` reads them.
private final class ClassWords: HTMLEventHandler {
    var found: [(message: Bool, uiBox: Bool, word: Bool)] = []
    var bytes: [UInt8] = []
    var names: [String] = []
    var ends: [String] = []

    func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64) {
        names.append(name)
        guard name == "div" else { return }
        let w = attributes.words("class")
        found.append((w.contains("_a6-g"), w.contains("uiBoxWhite"), attributes.words("title").contains("Sanne")))
    }
    func endElement(_ name: String, end: Int64) { ends.append(name) }
    func text(_ text: String) { Issue.record("text(utf8:) is implemented: text(_:) must not be called") }
    func text(utf8: UnsafeBufferPointer<UInt8>) { bytes += utf8 }
}

@Suite("HTML reading without a String per node (issue 16)")
struct ParserHotPathTests {
    @Test func classWordsAreMatchedWholeAndOnlyBetweenSpaces() {
        let html = """
            <html><body><div class="pam _a6-g uiBoxWhite">a</div><div class="x_a6-g uiBoxWhite2">b</div>\
            <div class="_a6-g">c</div><div class="uiBoxWhite\t_a6-g">d</div><div>e</div><div class="">f</div>\
            <div title="Sanne de Vries" class="_a6-gx">g</div></body></html>
            """
        let r = ClassWords()
        _ = HTMLStreamParser.parse(bytes: Array(html.utf8), handler: r)
        #expect(r.found.map(\.message) == [true, false, true, false, false, false, false])
        #expect(r.found.map(\.uiBox) == [true, false, false, false, false, false, false])
        #expect(r.found.map(\.word) == [false, false, false, false, false, false, true])
        #expect(String(decoding: r.bytes, as: UTF8.self) == "abcdefg")
    }

    @Test func aPageOfManyMadeUpTagNamesKeepsEachName() {
        // More names than the short list holds: the rest are looked up by table, none mixed up.
        let tags = (0..<300).map { "x-leerling\($0)" }
        let html = "<html><body>" + tags.map { "<\($0)>Daan</\($0)>" }.joined() + tags.map { "<\($0)/>" }.joined() + "</body></html>"
        let r = ClassWords()
        _ = HTMLStreamParser.parse(bytes: Array(html.utf8), handler: r)
        let made = r.names.filter { $0.hasPrefix("x-") }
        #expect(made == tags + tags)
        #expect(r.ends.filter { $0.hasPrefix("x-") }.count == 600)
        #expect(String(decoding: r.bytes, as: UTF8.self) == String(repeating: "Daan", count: 300))
    }

    @Test func collapsingBytesGivesWhatCollapsingTheStringGives() {
        let samples = [
            "", "   ", "  Sanne \n\t de  Vries \r\n", "Zoë\u{00A0}\u{00A0}lacht 😂  ", "\u{0C}a\u{0C}", "één twee", "a  ", "  b",
        ]
        for s in samples {
            let bytes = Array(s.utf8)
            #expect(bytes.withUnsafeBufferPointer { VisibleText.collapse(utf8: $0) } == VisibleText.collapse(s))
        }
        // Invalid UTF-8 is repaired the same way String(decoding:as:) repairs it.
        let broken: [UInt8] = [0x20, 0x61, 0xC3, 0x20, 0x20, 0xFF, 0x62, 0x20]
        #expect(broken.withUnsafeBufferPointer { VisibleText.collapse(utf8: $0) } == "a\u{FFFD} \u{FFFD}b")
    }
}

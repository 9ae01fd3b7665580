import Testing
import BewaarHTML

/// Collects stream events for assertions.
final class Recorder: HTMLEventHandler {
    var starts: [(name: String, attributes: [HTMLAttribute], offset: Int64, length: Int64)] = []
    var ends: [(name: String, end: Int64)] = []
    var text = ""
    var raw = ""
    var comments: [(String, Int64, Int64)] = []
    var maxDepth = 0
    var depth = 0
    var classOfDiv: String?

    func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64) {
        if name == "div" { classOfDiv = attributes["class"] }
        starts.append((name, attributes.all, offset, tagLength)); depth += 1; maxDepth = max(maxDepth, depth)
    }
    func endElement(_ name: String, end: Int64) { ends.append((name, end)); depth -= 1 }
    func text(_ text: String) { self.text += text }
    func rawText(_ text: String) { raw += text }
    func comment(_ text: String, offset: Int64, length: Int64) { comments.append((text, offset, length)) }
}

@Suite("libxml2 wrapper: the traps that lose evidence")
struct LibXML2WrapperTests {
    @Test func contentBelowDepth256IsKept() throws {
        let depth = 400
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "Sanne was hier" + String(repeating: "</div>", count: depth) + "<p>na de diepte</p></body></html>"
        let doc = try HTMLDocument(bytes: Array(html.utf8))
        let text = doc.root?.textContent ?? ""
        #expect(text.contains("Sanne was hier"))
        #expect(text.contains("na de diepte"))
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: Array(html.utf8), handler: r)
        #expect(r.text.contains("Sanne was hier"))
        #expect(r.text.contains("na de diepte"))
        #expect(r.maxDepth >= depth + 2)
    }

    @Test func textNodeOver10MBIsComplete() throws {
        let big = String(repeating: "pesten ", count: 12_000_000 / 7 + 1) + "EINDE"
        let html = "<html><body><p>" + big + "</p></body></html>"
        let doc = try HTMLDocument(bytes: Array(html.utf8))
        let text = doc.root?.textContent ?? ""
        #expect(text.utf8.count >= big.utf8.count)
        #expect(text.hasSuffix("EINDE"))
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: Array(html.utf8), handler: r)
        #expect(r.text.utf8.count == big.utf8.count)
    }

    @Test func oneBadUTF8ByteDoesNotTurnTheRestIntoLatin1() throws {
        var bytes = Array("<html><body><p>kapot: ".utf8)
        let bad = bytes.count
        bytes.append(0xFF)
        bytes += Array(" Groetjes van Zoë – “jij”</p></body></html>".utf8)
        let doc = try HTMLDocument(bytes: bytes)
        #expect(doc.root?.textContent.contains("Groetjes van Zoë – “jij”") == true)
        #expect(doc.replacedOffsets == [Int64(bad)])
        let r = Recorder()
        let report = HTMLStreamParser.parse(bytes: bytes, handler: r)
        #expect(r.text.contains("\u{FFFD} Groetjes van Zoë – “jij”"))
        #expect(report.replacedOffsets == [Int64(bad)])
        #expect(report.encoding.encoding == .utf8)
        #expect(report.encoding.reason == "utf8-mostly")
    }

    @Test func aUTF8BOMWinsOverAMetaThatLies() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Zoë – “jij”</p></body></html>".utf8)
        let doc = try HTMLDocument(bytes: bytes)
        #expect(doc.encoding.encoding == .utf8)
        #expect(doc.encoding.reason == "bom")
        #expect(doc.root?.textContent.contains("Zoë – “jij”") == true)
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: bytes, handler: r)
        #expect(r.text.contains("Zoë – “jij”"))
    }

    @Test func iso88591IsReadAsWindows1252() throws {
        // "Zoë – “jij”" in windows-1252 bytes.
        let body: [UInt8] = [0x5A, 0x6F, 0xEB, 0x20, 0x96, 0x20, 0x93, 0x6A, 0x69, 0x6A, 0x94]
        let bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
        let doc = try HTMLDocument(bytes: bytes)
        #expect(doc.encoding.encoding == .windows1252)
        #expect(doc.encoding.declared == "iso-8859-1")
        #expect(doc.root?.textContent.contains("Zoë – “jij”") == true)
        // Offsets map back into the single-byte original.
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: bytes, handler: r)
        let pClose = r.ends.first { $0.name == "p" }
        #expect(pClose?.end == Int64(bytes.count - "</body></html>".utf8.count))
    }

    @Test func utf16WithBOMIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "<html><body><p>Daan: “stom”</p></body></html>".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let r = Recorder()
        let report = HTMLStreamParser.parse(bytes: bytes, handler: r)
        #expect(report.encoding.encoding == .utf16LE)
        #expect(r.text == "Daan: “stom”")
        let p = r.starts.first { $0.name == "p" }
        #expect(p.map { $0.offset } == Int64(26))
    }

    @Test func elementOffsetsPointAtTheOriginalTags() throws {
        let html = "<!DOCTYPE html>\n<html><body><div class=\"a\">een</div>\n<p>twee<p>drie</body></html>"
        let bytes = Array(html.utf8)
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: bytes, handler: r)
        let div = try #require(r.starts.first { $0.name == "div" })
        let slice = String(decoding: bytes[Int(div.offset)..<Int(div.offset + div.length)], as: UTF8.self)
        #expect(slice == "<div class=\"a\">")
        #expect(div.attributes == [HTMLAttribute(name: "class", value: "a")])
        #expect(r.classOfDiv == "a")
        let divEnd = try #require(r.ends.first { $0.name == "div" })
        #expect(String(decoding: bytes[Int(div.offset)..<Int(divEnd.end)], as: UTF8.self) == "<div class=\"a\">een</div>")
        // The first <p> is closed by the second: it ends after its text.
        let firstP = try #require(r.ends.first { $0.name == "p" })
        let pStart = try #require(r.starts.first { $0.name == "p" })
        #expect(String(decoding: bytes[Int(pStart.offset)..<Int(firstP.end)], as: UTF8.self) == "<p>twee")
    }

    @Test func scriptsAreRawAndErrorsAreCollected() throws {
        let html = "<html><body><p onclick=\"x()\">hoi</p><script>alert('x')</script><b><i>fout</b></i></body></html>"
        let r = Recorder()
        let report = HTMLStreamParser.parse(bytes: Array(html.utf8), handler: r)
        #expect(r.text == "hoifout")
        #expect(r.raw.contains("alert"))
        #expect(report.issueCount > 0)
        #expect(!report.issues.isEmpty)
        let doc = try HTMLDocument(bytes: Array(html.utf8))
        #expect(doc.issueCount > 0)
    }

    @Test func versionIsKnown() {
        #expect(libxml2Version.hasPrefix("2."))
    }
}

@Suite("Stream offsets")
struct StreamOffsetTests {
    @Test func aPDoesNotTakeTheOffsetOfAPre() throws {
        let html = "<html><body><pre>code</pre><p>tekst</p></body></html>"
        let bytes = Array(html.utf8)
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: bytes, handler: r)
        let p = try #require(r.starts.first { $0.name == "p" })
        #expect(String(decoding: bytes[Int(p.offset)..<Int(p.offset + p.length)], as: UTF8.self) == "<p>")
    }

    @Test func offsetsStayRightAcrossManyChunks() throws {
        // Far more than one 256 KB chunk: every <b> must point at its own tag.
        var html = "<html><body>"
        for i in 0..<60_000 { html += "<b id=\"n\(i)\">Sanne \(i)</b> " }
        html += "</body></html>"
        let bytes = Array(html.utf8)
        let r = Recorder()
        _ = HTMLStreamParser.parse(bytes: bytes, handler: r)
        let bs = r.starts.filter { $0.name == "b" }
        #expect(bs.count == 60_000)
        for (i, b) in bs.enumerated() where i % 997 == 0 || i == bs.count - 1 {
            #expect(String(decoding: bytes[Int(b.offset)..<Int(b.offset + b.length)], as: UTF8.self) == "<b id=\"n\(i)\">")
        }
    }
}

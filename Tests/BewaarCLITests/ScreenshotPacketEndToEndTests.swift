import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarJSON

/// A screenshot end to end through the built executable: the timeline prints where each message
/// sits in pixels and that it was read from an image; a marked screenshot message goes into the
/// police packet, whose report shows the screenshot with its read messages and quotes the
/// marked bubble as an image (real Tesseract, real cairo, checked with poppler).
@Suite struct ScreenshotPacketEndToEndTests {
    @Test func aMarkedScreenshotMessageIsQuotedAsItsBubbleInTheReport() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let id = try BewaarBinary.run(["case", "new", "--title", "Dreiging via WhatsApp", "--victim", "Sanne de Vries"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let png = BewaarBinary.packageRoot + "/Tests/Fixtures/screenshots/whatsapp-android-light-1on1-2x.png"
        let ingest = try BewaarBinary.run(["ingest", "--case", id, "--collected-from", "Sanne de Vries", png] + s)
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let lines = try BewaarBinary.run(["timeline", "--case", id] + s).stdout
        #expect(lines.contains("Sanne de Vries (aangenomen):"))
        #expect(lines.contains(try Regex(#"whatsapp-android-light-1on1-2x\.png pixels \d+,\d+ \d+×\d+  sha256 "#)))
        #expect(lines.contains(try Regex(#"· uit afbeelding, \d+ % zeker"#)))
        #expect(!lines.contains("@0+"), "a pixel box, not the whole file's byte range")
        let english = try BewaarBinary.run(["timeline", "--case", id, "--lang", "en"] + s).stdout
        #expect(english.contains("(assumed):"))
        #expect(english.contains(try Regex(#"read from an image, \d+ % sure"#)))

        let all = try BewaarBinary.run(["timeline", "--case", id, "--json"] + s).stdout.split(separator: "\n").map {
            try JSONParser.parse(String($0))
        }
        let threat = try #require(all.first { $0["text"]?.stringValue?.contains("fietsenhok") == true })
        let threatID = try #require(threat["id"]?.intValue)
        #expect(try BewaarBinary.run(["mark", "--case", id, "#\(threatID)", "--reason", "bedreiging"] + s).status == 0)

        let out = t.path + "/pakket"
        let packet = try BewaarBinary.run(["packet", "--case", id, "--out", out] + s)
        #expect(packet.status == 0, "\(packet.stderr)")
        let pdf = out + "/rapport.pdf"
        // Two pictures: the whole screenshot shrunk to its column, and the marked bubble.
        let list = try Poppler.run("pdfimages", ["-list", pdf])
        let rows = list.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 2, "\(list)")
        let widths = rows.compactMap { $0.count > 3 ? Int($0[3]) : nil }
        #expect(widths.contains(360), "the whole screenshot at 360 pixels wide: \(list)")
        #expect(widths.allSatisfy { $0 <= 600 }, "small pictures only: \(list)")
        let text = try Poppler.run("pdftotext", [pdf, "-"])
        #expect(text.contains("Schermafbeeldingen: wat Bewaar erop las"))
        #expect(text.contains("fietsenhok"))
        #expect(text.contains("OCR kan letters en woorden verkeerd lezen"))
        #expect(text.contains("Zo staat het bericht op de afbeelding"))
        #expect(text.contains(try Regex(#"\d+ % zeker"#)))
        #expect(!text.contains("niet automatisch gecontroleerd"))
        let html = try String(contentsOfFile: out + "/rapport.html", encoding: .utf8)
        #expect(html.components(separatedBy: "data:image/png;base64,").count - 1 == 2)
        #expect(html.contains("<figure class=\"shot\">"))
        let checklist = try String(contentsOfFile: out + "/aangifte-checklist.txt", encoding: .utf8)
        #expect(checklist.contains("[x] Schermafbeeldingen, gelezen met tekstherkenning (OCR)"))
        #expect(checklist.contains("OCR kan letters en woorden verkeerd lezen"))
        #expect(checklist.contains(try Regex(#"zekerheid \d+ % gemiddeld, laagste \d+ %"#)))
    }
}

import Foundation
import Testing
import BewaarTestSupport

/// Screenshots through the built `bewaar`: read as chats, checked against an export of the
/// same chat, a scrolled pair counted once, found by search. Real Tesseract.
@Suite struct ScreenshotEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screenshots")

    func path(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test func aScreenshotIsCheckedAgainstTheExportAndAScrolledPairIsCountedOnce() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let id = try BewaarBinary.run(["case", "new", "--title", "x"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let export = try BewaarBinary.run(
            ["ingest", "--case", id, "--collected-from", "Sanne de Vries", path("exports/WhatsApp-chat met Daan Bakker.txt")] + s)
        #expect(export.status == 0)
        let shot = try BewaarBinary.run(
            ["ingest", "--case", id, "--collected-from", "Sanne de Vries", path("whatsapp-android-light-1on1-2x.png")] + s)
        #expect(shot.status == 0)
        #expect(shot.stdout.contains("[2] whatsapp-android-light-1on1-2x.png: image, 9 berichten"))
        // Eight of the nine bubbles are in the export; the one it lacks lies between found ones.
        #expect(shot.stdout.contains("8 van 9 berichten gevonden in [1] WhatsApp-chat met Daan Bakker.txt"))
        #expect(shot.stdout.contains("1 niet gevonden in de export: verwijderd, bewerkt, of uit een ander gesprek"))

        // Another conversation is not held against that export.
        let other = try BewaarBinary.run(["ingest", "--case", id, path("instagram-1on1-2x.png")] + s)
        #expect(other.status == 0)
        #expect(!other.stdout.contains("gevonden in"))

        // A scrolled pair: the four messages on both screenshots are counted once.
        let first = try BewaarBinary.run(["ingest", "--case", id, path("scroll-whatsapp-android-1-2x.png")] + s)
        let second = try BewaarBinary.run(["ingest", "--case", id, path("scroll-whatsapp-android-2-2x.png")] + s)
        #expect(first.stdout.contains("10 berichten") && second.stdout.contains("10 berichten"))
        #expect(second.stdout.contains("4 berichten stond al op [4] scroll-whatsapp-android-1-2x.png (overlap; één keer in de tijdlijn)"))
        let timeline = try BewaarBinary.run(["timeline", "--case", id, "--json", "--limit", "500"] + s)
        let lines = timeline.stdout.split(separator: "\n")
        let fromSecond = lines.filter { $0.contains("scroll-whatsapp-android-2-2x.png") }
        #expect(fromSecond.count == 6)
        #expect(lines.filter { $0.contains("Ik heb alles bewaard en ga naar meneer De Groot") }.count == 1)

        // The same screenshot saved again as a JPEG is pointed out, not merged.
        let again = try BewaarBinary.run(["ingest", "--case", id, path("whatsapp-android-light-1on1-2x-q80.jpg")] + s)
        #expect(again.stdout.contains("~ lijkt op [2] whatsapp-android-light-1on1-2x.png"))
        #expect(!again.stdout.contains("lijkt op [3]"))
        // Its messages are the first one's: counted once in the timeline.
        #expect(again.stdout.contains("9 berichten stond al op [2] whatsapp-android-light-1on1-2x.png"))

        // Found by search, marked as read from an image.
        let search = try BewaarBinary.run(["timeline", "--case", id, "--search", "fietsenhok", "--json"] + s)
        let hits = search.stdout.split(separator: "\n")
        #expect(hits.count == 2)
        #expect(hits.contains { $0.contains("\"ocr\"") && $0.contains("\"box\"") && $0.contains("whatsapp-android-light-1on1-2x.png") })

        // The packet's report shows what the check against the export found, beside each message.
        let out = t.path + "/pakket"
        let packet = try BewaarBinary.run(["packet", "--case", id, "--out", out, "--school", "Voorbeeldcollege"] + s)
        #expect(packet.status == 0, "\(packet.stderr)")
        let report = try Poppler.run("pdftotext", [out + "/rapport.pdf", "-"]).replacingOccurrences(of: "\n", with: " ")
        #expect(report.contains("komt overeen met bericht #2 in WhatsApp-chat met Daan Bakker.txt"))
        #expect(report.contains("NIET GEVONDEN in de export WhatsApp-chat met Daan Bakker.txt"))
        // The summary counts them: found ones, and the finding.
        #expect(report.contains("Bewaar legde elk bericht naast de export(s)"))
        #expect(report.contains("NIET gevonden in een export die die tijd wel beslaat"))
        #expect(report.contains("Lijkt op [2] whatsapp-android-light-1on1-2x.png"))

        // A sideways photo of a phone: its boxes are in the picture as shown, and verify checks them so.
        let photo = try BewaarBinary.run(["ingest", "--case", id, path("photos/gedraaid-whatsapp-orientation6.jpg")] + s)
        #expect(photo.stdout.contains("gedraaid-whatsapp-orientation6.jpg: image, 9 berichten"))
        let bag = t.path + "/bundel.zip"
        #expect(try BewaarBinary.run(["bundle", "--case", id, "--out", bag, "--school", "Voorbeeldcollege"] + s).status == 0)
        let verify = try BewaarBinary.run(["verify", bag])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}

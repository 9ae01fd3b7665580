import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarJSON

/// The afdelingsleider's job end to end through the built executable: timeline, marks, talks,
/// escalation, the police packet.
@Suite struct PacketEndToEndTests {
    static let chat = """
        02-03-2026 20:01 - Daan Jansen: wie komt er morgen naar het veldje
        02-03-2026 20:05 - Daan Jansen: Sanne niet want die is te dik om te rennen 😂
        02-03-2026 20:07 - Sanne de Vries: doe normaal
        02-03-2026 20:09 - Daan Jansen: niemand vroeg jou iets
        ga gewoon weg uit deze groep
        03-03-2026 07:45 - +31 6 12345001: ik weet waar je woont <script>alert("x")</script>
        05-03-2026 16:30 - Daan Jansen: de coördinator kan je ook niet helpen
        09-03-2026 21:15 - Daan Jansen: \u{202E}gnineerbeg\u{202C} een heel lang woord: \(String(repeating: "pesterij", count: 40))

        """

    @Test func theAfdelingsleiderBuildsAPacketFromAMarkedTimeline() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let chatPath = t.path + "/WhatsApp-chat met Klas 2B.txt"
        try Data(Self.chat.utf8).write(to: URL(fileURLWithPath: chatPath))
        let id = try BewaarBinary.run(["case", "new", "--title", "Pesten in groepsapp 2B", "--victim", "Sanne de Vries",
                                       "--suspect", "Daan Jansen", "--mentor", "J. Bakker"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let png = BewaarBinary.packageRoot + "/samples/evidence/schermafbeelding-groepsapp.png"
        let ingest = try BewaarBinary.run(["ingest", "--case", id, chatPath, png] + s)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("whatsapp"))

        let suggest = try BewaarBinary.run(["person", "suggest", "--case", id] + s)
        #expect(suggest.stdout.contains("+31 6 12345001"))
        #expect(try BewaarBinary.run(["person", "link", "--case", id, "--person", "Daan Jansen", "--handle", "Daan Jansen"] + s).status == 0)
        #expect(try BewaarBinary.run(["person", "link", "--case", id, "--person", "Daan Jansen", "--handle", "+31 6 12345001",
                                      "--kind", "telefoon"] + s).status == 0)
        #expect(!(try BewaarBinary.run(["person", "suggest", "--case", id] + s).stdout.contains("12345001")))

        let search = try BewaarBinary.run(["timeline", "--case", id, "--search", "coordinator", "--json"] + s)
        #expect(search.status == 0)
        let hit = try #require(search.stdout.split(separator: "\n").first.map { try JSONParser.parse(String($0)) })
        #expect(hit["text"] == .string("de coördinator kan je ook niet helpen"))
        let all = try BewaarBinary.run(["timeline", "--case", id, "--json"] + s).stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let threat = try #require(all.first { $0["text"]?.stringValue?.hasPrefix("ik weet waar je woont") == true })
        let threatID = try #require(threat["id"]?.intValue)
        let mark = try BewaarBinary.run(["mark", "--case", id, "#\(threatID)", "--reason", "bedreiging", "--note", "na de afspraken"] + s)
        #expect(mark.status == 0, "\(mark.stderr)")
        let marked = try BewaarBinary.run(["timeline", "--case", id, "--marked"] + s)
        #expect(marked.stdout.contains("★ bedreiging"))
        #expect(!marked.stdout.contains("\u{1B}"))

        #expect(try BewaarBinary.run(["talk", "add", "--case", id, "--date", "2026-03-02", "--with", "Daan Jansen", "--summary", "Gesprek over de groepsapp",
                                      "--agreement", "Daan stuurt Sanne geen berichten meer"] + s).status == 0)
        let magister = try BewaarBinary.run(["talk", "magister", "--case", id] + s)
        #expect(magister.stdout.contains("Afspraak 1: Daan stuurt Sanne geen berichten meer"))
        #expect(magister.stdout.contains("02-03-2026: gesprek met Daan Jansen"))
        // A later export with newer messages is flagged as a possible repetition.
        let later = t.path + "/later.txt"
        try Data("10-03-2026 08:00 - Daan Jansen: ik ben er nog hoor\n".utf8).write(to: URL(fileURLWithPath: later))
        let again = try BewaarBinary.run(["ingest", "--case", id, later] + s)
        #expect(again.stdout.contains("Mogelijke herhaling"))
        #expect(try BewaarBinary.run(["statement", "add", "--case", id, "--kind", "slachtoffer", "--person", "Sanne de Vries", "--date", "2026-03-05",
                                      "--text", "Ze sturen me elke dag berichten.", "--since", "februari 2026", "--effect", "Ik slaap slecht."] + s).status == 0)
        let record = try BewaarBinary.run(["record", "--case", id, "--kind", "seksuele-afbeelding", "--sender", "onbekend account",
                                           "--to", "groep Klas 2B", "--when", "06-03-2026 22:10", "--description", "foto van een leerling; niet bewaard"] + s)
        #expect(record.stdout.contains("Bewaar, kopieer of stuur de afbeelding niet door"))
        #expect(try BewaarBinary.run(["checklist", "--case", id, "--step", "2", "--status", "gedaan", "--field", "platform=WhatsApp",
                                      "--field", "account=+31 6 12345001"] + s).status == 0)
        let esc = try BewaarBinary.run(["case", "escalate", id, "--to", "A. de Wit", "--reason", "herhaling"] + s)
        #expect(esc.status == 0)
        #expect(esc.stdout.contains("overgedragen aan A. de Wit"))

        let out = t.path + "/pakket"
        let packet = try BewaarBinary.run(["packet", "--case", id, "--out", out, "--school", "Voorbeeldcollege", "--by", "A. de Wit",
                                           "--store", t.store])
        #expect(packet.status == 0, "\(packet.stderr)")
        #expect(packet.stdout.contains(out + "/rapport.pdf"))
        let text = try Poppler.run("pdftotext", ["-layout", out + "/rapport.pdf", "-"])
        #expect(text.contains(id))
        #expect(text.contains("ik weet waar je woont"))
        #expect(text.contains("Gemarkeerd als bedreiging"))
        #expect(text.contains("Voorbeeldcollege"))
        let show = try BewaarBinary.run(["case", "show", id] + s).stdout
        for line in show.split(separator: "\n") where line.contains("sha256 ") {
            let hash = String(line.split(separator: " ").last!)
            if hash.count == 64 { #expect(text.contains(hash), "hash \(hash) in the PDF") }
        }
        // The bundle goes with the packet; the report quotes its digests and it verifies.
        let bundle = out + "/bewijsbundel-\(id).zip"
        #expect(FileManager.default.fileExists(atPath: bundle))
        let bundleHash = try #require(packet.stdout.split(separator: "\n").first { $0.contains("bewijsbundel-") }?.split(separator: " ").last)
        #expect(text.contains(String(bundleHash)))
        let verify = try BewaarBinary.run(["verify", bundle])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("Intact"))
        let again2 = try BewaarBinary.run(["packet", "--case", id, "--out", out] + s)
        #expect(again2.status == 1)
        #expect(again2.stderr.contains("bevat al een pakket"))
        let pages = t.path + "/png"
        _ = try Poppler.run("pdftoppm", ["-r", "50", "-png", out + "/rapport.pdf", pages])
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.path).contains { $0.hasPrefix("png") && $0.hasSuffix(".png") })
        let html = try String(contentsOfFile: out + "/rapport.html", encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("<svg"))
        let checklist = try String(contentsOfFile: out + "/aangifte-checklist.txt", encoding: .utf8)
        #expect(checklist.contains("[x] Vermoedelijke dader(s): Daan Jansen"))
        #expect(checklist.contains("[x]   telefoonnummer: +31 6 12345001"))
        #expect(checklist.contains("[ ]   e-mailadres: onbekend"))
        #expect(checklist.contains("[x] Eigen verhaal van de gepeste leerling"))
        #expect(checklist.contains("[ ] Willen de leerling en de ouders een klacht indienen? nog niet gevraagd"))
        #expect(checklist.contains("Bedreiging (art. 285 Sr)"))
        #expect(checklist.contains("schermafbeelding-groepsapp.png"))
        let log = try BewaarBinary.run(["log", "--case", id, "--json"] + s)
        let last = try JSONParser.parse(String(log.stdout.split(separator: "\n").last!))
        #expect(last["action"] == .string("packet-made"))
        #expect(last["actor"] == .string("A. de Wit"))
        #expect(last["details"]?["sha256.rapport.pdf"]?.stringValue?.count == 64)
    }
}

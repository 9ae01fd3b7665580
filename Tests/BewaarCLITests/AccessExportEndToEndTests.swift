import Foundation
import Testing
import BewaarTestSupport
import BewaarJSON
import BewaarModel

/// An access request (inzageverzoek) end to end: the afdelingsleider exports everything about
/// Sanne across two cases; other pupils only appear under pseudonyms, also inside message text.
@Suite struct AccessExportEndToEndTests {
    let samples = BewaarBinary.packageRoot + "/samples/evidence"

    /// Two cases: Sanne's own (the group chat, a talk, her statement, a witness, her mother) and
    /// one about Tim where a talk names Sanne.
    func twoCases(_ t: TempDir) throws -> (first: String, second: String, s: [String]) {
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let first = try BewaarBinary.run(
            [
                "case", "new", "--title", "Groepsapp 2B, Daan Jansen", "--victim", "Sanne de Vries",
                "--suspect", "Daan Jansen", "--mentor", "J. Bakker",
            ] + s
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for args in [
            ["person", "add", "--case", first, "--name", "Lotte Visser", "--role", "getuige", "--group", "2B"],
            ["person", "add", "--case", first, "--name", "Marieke de Vries", "--role", "ouder", "--of", "Sanne de Vries"],
            ["ingest", "--case", first, samples + "/WhatsApp-chat met Klas 2B.txt"],
            [
                "talk", "add", "--case", first, "--date", "2026-03-04", "--participant", "J. Bakker", "--with", "Sanne de Vries",
                "--with", "Marieke de Vries", "--summary", "Sanne vertelde over de groepsapp; Lotte Visser zag het ook.",
                "--agreement", "Daan Jansen blijft uit de groep",
            ],
            [
                "statement", "add", "--case", first, "--kind", "slachtoffer", "--person", "Sanne de Vries", "--date", "2026-03-04",
                "--text", "Daan en Tim lachen me uit in de groep.",
            ],
            ["person", "note", "--case", first, "--person", "Sanne de Vries", "--text", "Ik ben niet in de groep gebleven, ik ben eruit gezet."],
        ] {
            let r = try BewaarBinary.run(args + s)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let second = try BewaarBinary.run(["case", "new", "--title", "Ruzie na gym", "--victim", "Tim Bos", "--mentor", "K. Smit"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let talk = try BewaarBinary.run(
            [
                "talk", "add", "--case", second, "--date", "2026-03-10", "--participant", "K. Smit", "--with", "Tim Bos",
                "--summary", "Tim zegt dat Sanne de Vries erbij stond.",
            ] + s)
        #expect(talk.status == 0, "\(talk.stderr)")
        return (first, second, s)
    }

    static let otherNames = ["Daan", "Jansen", "Lotte", "Visser", "Tim Bos", "Tim ", "Marieke", "12345001"]

    @Test func theExportHoldsSannesMessagesAndNoOtherPupilsName() throws {
        let t = TempDir()
        let (first, second, s) = try twoCases(t)
        let out = t.file("inzage")
        let r = try BewaarBinary.run([
            "person", "export", "--person", "Sanne de Vries", "--requested-by", "moeder van Sanne", "--out", out,
            "--store", t.store, "--by", "A. de Groot",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 zaken"))

        let jsonText = try String(contentsOfFile: out + "/inzage.json", encoding: .utf8)
        let json = try JSONParser.parse(jsonText)
        #expect(json["format"] == .string("bewaar-inzage"))
        #expect(json["formatVersion"] == .int(1))
        #expect(json["requestedBy"] == .string("moeder van Sanne"))
        let cases = try #require(json["cases"]?.arrayValue)
        #expect(cases.map { $0["id"]?.stringValue } == [first, second])
        let own = cases[0]
        #expect(own["roles"]?.arrayValue?.first?["role"] == .string("slachtoffer"))
        let messages = try #require(own["messages"]?.arrayValue)
        let texts = messages.compactMap { $0["text"]?.stringValue }
        // What she wrote, and what names her (with the writer's pseudonym), never the rest of the chat.
        #expect(
            messages.contains {
                $0["text"] == .string("doe normaal") && $0["author"] == .string("Sanne de Vries")
                    && $0["relations"] == .array([.string("geschreven")])
            })
        #expect(texts.contains("Leerling A heeft Sanne de Vries verwijderd"))
        #expect(messages.contains { $0["text"]?.stringValue?.hasPrefix("Sanne niet want") == true && $0["author"] == .string("Leerling A") })
        #expect(messages.contains { $0["text"] == .string("iedereen weet wat jij gedaan hebt sanne") && $0["author"] == .string("Afzender A") })
        #expect(!texts.contains("Daan stop nou") && !texts.contains { $0.contains("stop nou") })
        #expect(
            own["statements"]?.arrayValue?.first?["text"] == .string("Leerling A en Afzender B lachen me uit in de groep.")
                || own["statements"]?.arrayValue?.first?["text"]?.stringValue?.contains("lachen me uit") == true)
        #expect(own["talks"]?.arrayValue?.first?["withWhom"] == .array([.string("Sanne de Vries"), .string("Ouder/verzorger A")]))
        #expect(own["corrections"]?.arrayValue?.first?["text"] == .string("Ik ben niet in de groep gebleven, ik ben eruit gezet."))
        #expect(cases[1]["roles"] == .array([]))
        #expect(cases[1]["talks"]?.arrayValue?.first?["summary"]?.stringValue?.contains("dat Sanne de Vries erbij stond") == true)
        for name in Self.otherNames { #expect(!jsonText.contains(name), "JSON names \(name)") }

        let pdf = try Poppler.run("pdftotext", [out + "/inzage.pdf", "-"])
        #expect(pdf.contains("Inzageverzoek"))
        #expect(pdf.contains("doe normaal"))
        #expect(pdf.contains("eruit gezet"))
        for name in Self.otherNames { #expect(!pdf.contains(name), "PDF names \(name)") }

        // Logged on both cases, with who asked; a second export never overwrites the first.
        for id in [first, second] {
            let log = try BewaarBinary.run(["log", "--case", id, "--json", "--store", t.store])
            let made = log.stdout.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }.filter {
                $0["action"] == .string("person-export-made")
            }
            #expect(made.count == 1)
            #expect(made.first?["actor"] == .string("A. de Groot"))
            #expect(made.first?["details"]?["requestedBy"] == .string("moeder van Sanne"))
            #expect(made.first?["details"]?["cases"] == nil, "a case's log names no other case")
        }
        let again = try BewaarBinary.run(["person", "export", "--person", "Sanne de Vries", "--requested-by", "x", "--out", out, "--store", t.store])
        #expect(again.status == 1)
        #expect(again.stderr.contains("bevat al een inzage-overzicht"))
        #expect(try BewaarBinary.run(["check", "--store", t.store]).status == 0)
    }

    @Test func anUnknownNameOrAMissingRequesterIsAPlainErrorAndWritesNothing() throws {
        let t = TempDir()
        let (_, _, _) = try twoCases(t)
        let out = t.file("leeg")
        let r = try BewaarBinary.run(["person", "export", "--person", "Sane de Vris", "--requested-by", "moeder", "--out", out, "--store", t.store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("vond niets over \"Sane de Vris\""))
        let blank = try BewaarBinary.run(["person", "export", "--person", "Sanne de Vries", "--requested-by", " ", "--out", out, "--store", t.store])
        #expect(blank.status == 1)
        #expect(blank.stderr.contains("--requested-by"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let note = try BewaarBinary.run(["person", "note", "--case", "2026-0099", "--person", "Sanne de Vries", "--text", "x", "--store", t.store])
        #expect(note.status == 1)
    }

    @Test func aFirstNameSomeoneElseHasIsNotSearchedAlone() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let id = try BewaarBinary.run(["case", "new", "--title", "Klas 3C", "--victim", "Sanne de Vries"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let chat = t.write(
            "WhatsApp-chat met Klas 3C.txt",
            """
            02-03-2026 20:01 - Sanne Bakker: hoi allemaal
            02-03-2026 20:02 - Daan Jansen: Sanne ga weg
            02-03-2026 20:03 - Daan Jansen: Sanne de Vries is er niet
            02-03-2026 20:04 - Sanne de Vries: klopt

            """)
        #expect(try BewaarBinary.run(["ingest", "--case", id, chat] + s).status == 0)
        let out = t.file("inzage")
        let r = try BewaarBinary.run(["person", "export", "--person", "Sanne de Vries", "--requested-by", "Sanne", "--out", out] + s)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONParser.parse(try String(contentsOfFile: out + "/inzage.json", encoding: .utf8))
        let texts = json["cases"]?.arrayValue?.first?["messages"]?.arrayValue?.compactMap { $0["text"]?.stringValue }
        // "Sanne" alone may be Sanne Bakker: only the full name and what she wrote herself.
        #expect(texts == ["Sanne de Vries is er niet", "klopt"])
    }
}

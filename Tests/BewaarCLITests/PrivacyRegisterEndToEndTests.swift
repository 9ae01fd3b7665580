import Foundation
import Testing
import BewaarTestSupport

/// `bewaar privacy`: the processing-register entry, counted from the store, in Dutch (English
/// with --lang en), with case numbers and counts only.
@Suite struct PrivacyRegisterEndToEndTests {
    let samples = BewaarBinary.packageRoot + "/samples/evidence"

    @Test func theRegisterCountsTheStoreAndNamesNoOne() throws {
        let t = TempDir()
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let first = try BewaarBinary.run(
            ["case", "new", "--title", "Groepsapp Sanne", "--victim", "Sanne de Vries", "--suspect", "Daan Jansen", "--mentor", "J. Bakker"] + s
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            try BewaarBinary.run(["ingest", "--case", first, samples + "/WhatsApp-chat met Klas 2B.txt", samples + "/anonieme-mail.eml"] + s).status
                == 0)
        #expect(
            try BewaarBinary.run(["person", "add", "--case", first, "--name", "Marieke de Vries", "--role", "ouder", "--of", "Sanne de Vries"] + s)
                .status == 0)
        let second = try BewaarBinary.run(["case", "new", "--title", "Ruzie Tim", "--victim", "Tim Bos"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try BewaarBinary.run(["case", "escalate", second, "--to", "A. de Groot", "--reason", "herhaling"] + s).status == 0)
        let third = try BewaarBinary.run(["case", "new", "--title", "Ruzie Bo", "--victim", "Bo Smit"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try BewaarBinary.run(["case", "close", third, "--outcome", "opgelost", "--reason", "afspraken nagekomen"] + s).status == 0)
        #expect(try BewaarBinary.run(["retention", "policy", "--months", "12", "--reason", "besluit MR"] + s).status == 0)

        let r = try BewaarBinary.run(["privacy"] + s)
        #expect(r.status == 0, "\(r.stderr)")
        let text = r.stdout
        #expect(text.hasPrefix("Verwerkingsregister — Bewaar"))
        for heading in ["Doel", "Grondslag", "Gegevens in deze opslag", "Wie ziet wat", "Bewaartermijn", "Beveiliging", "Waar de gegevens staan"] {
            #expect(text.contains(". \(heading)\n"), "\(heading)")
        }
        // The first case: two pupils and a parent, two originals, the chat's records and the mail's.
        #expect(text.contains("status open: 1 zaak; 2 leerlingen, 1 ouder, 1 medewerker op de zaken;"))
        #expect(text.contains("2 originelen"))
        #expect(text.contains("status geëscaleerd: 1 zaak; 1 leerling, 0 ouders, 1 medewerker"))
        #expect(text.contains("status gesloten: 1 zaak; 1 leerling"))
        #expect(text.contains("totaal: 3 zaken"))
        #expect(text.contains("Beleid van de school: 12 maanden na het sluiten van een zaak."))
        #expect(text.contains("\(first) (open): loopt, nog geen datum"))
        #expect(text.contains("\(second) (geëscaleerd): loopt, nog geen datum"))
        #expect(text.contains("\(third) (gesloten): bewaren tot "))
        #expect(text.contains("3 zaken, waarvan 0 met verstreken termijn en 0 met bewaarplicht; 0 zaken vernietigd"))
        #expect(text.contains("Versleuteling van de opslag: uit. Zet haar aan met bewaar store encrypt."))
        #expect(text.contains("Opslagmap: \(t.store)"))
        #expect(text.contains("Beheerder (0 accounts): accounts, welk account bij welk zaaknummer kan"))
        for name in ["Sanne", "Daan", "Marieke", "Tim", "Bo Smit", "Groepsapp", "Ruzie"] { #expect(!text.contains(name), "\(name)") }
        let records = try #require(text.firstMatch(of: /status open: [^\n]* (\d+) berichten;/)).output.1
        #expect(Int(records) ?? 0 > 10)

        let en = try BewaarBinary.run(["privacy", "--lang", "en"] + s)
        #expect(en.status == 0)
        #expect(en.stdout.hasPrefix("Processing register — Bewaar"))
        #expect(en.stdout.contains("School policy: 12 months after a case is closed."))
        #expect(en.stdout.contains("status escalated: 1 case"))
    }
}

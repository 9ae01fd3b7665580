import ArgumentParser
import BewaarKit
import BewaarWeb

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: CommandLineLanguage.text(
            "Het verwerkingsregister van de school voor Bewaar, geteld uit de opslag.",
            "The school's processing-register entry for Bewaar, counted from the store."),
        discussion: CommandLineLanguage.text(
            """
            Welke persoonsgegevens de opslag bevat (per status van de zaken), waarvoor, op welke grondslag, wie wat mag zien, \
            de bewaartermijn, waar de gegevens staan en hoe ze beveiligd zijn (AVG art. 30). Alleen aantallen en zaaknummers: \
            geen namen of inhoud. De beheerder ziet dezelfde tekst in de webinterface onder Beheer.
            """,
            """
            Which personal data the store holds (per case status), for what, on which legal basis, who may see what, the \
            retention, where the data lives and how it is protected (GDPR art. 30). Only counts and case numbers: no names or \
            contents. The beheerder sees the same text in the web interface under Beheer.
            """))
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: false)
        let register = try ProcessingRegister.gather(store)
        out(global.t("Verwerkingsregister — Bewaar", "Processing register — Bewaar"))
        for (n, s) in register.sections(global.language).enumerated() {
            out("")
            out("\(n + 1). \(s.title)")
            for line in s.lines { out("   - " + TerminalText.line(line, limit: 10_000)) }
        }
    }
}

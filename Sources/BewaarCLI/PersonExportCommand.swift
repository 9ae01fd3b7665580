import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel

extension PersonCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Inzageverzoek: alles wat Bewaar over één persoon bewaart, als PDF en JSON.",
                "Access request: everything Bewaar keeps about one person, as PDF and JSON."),
            discussion: CommandLineLanguage.text(
                """
                Doorzoekt alle zaken: rollen, namen en accounts, berichten die de persoon schreef of waarin de persoon genoemd \
                wordt, gesprekken en afspraken, verklaringen, waarnemingen, logboekgebeurtenissen en correcties. Andere leerlingen \
                en ouders krijgen een vaste schuilnaam (Leerling A, …), ook in de tekst van berichten; namen van medewerkers \
                blijven staan. Elk betrokken logboek krijgt een gebeurtenis person-export-made met wie erom vroeg. \
                De vorm van inzage.json staat in docs/inzage-export.md.
                """,
                """
                Searches every case: roles, names and accounts, records the person wrote or that name them, talks and agreements, \
                statements, observations, log events and corrections. Other pupils and parents get a fixed pseudonym \
                (Leerling A, …), also in message text; staff names stay. Every log involved gets a person-export-made event \
                with who asked. The shape of inzage.json is in docs/inzage-export.md.
                """))
        @OptionGroup var global: GlobalOptions
        @Option(
            help: CommandLineLanguage.help(
                "De naam zoals op de zaak, bijvoorbeeld \"Sanne de Vries\".", "The name as on the case, for example \"Sanne de Vries\".")) var person:
            String
        @Option(
            help: CommandLineLanguage.help(
                "Wie om inzage vroeg, bijvoorbeeld \"moeder van Sanne\".", "Who asked for access, for example \"Sanne's mother\".")) var requestedBy:
            String
        @Option(
            name: .customLong("out"),
            help: CommandLineLanguage.help(
                "Map voor inzage.pdf en inzage.json (nieuw of leeg).", "Folder for inzage.pdf and inzage.json (new or empty).")) var outFolder: String

        func run() throws {
            let store = try global.openStore(create: false)
            let folder = outFolder.hasPrefix("/") ? outFolder : FileManager.default.currentDirectoryPath + "/" + outFolder
            let r = try AccessExporter(store: store).export(person: person, madeBy: global.actor, requestedBy: requestedBy, to: folder)
            let records = r.content.cases.reduce(0) { $0 + $1.messages.count }
            out(
                global.t(
                    "Inzage over \(TerminalText.line(r.content.subject)): \(Plural.count(r.content.cases.count, "zaak", "zaken")), \(Plural.count(records, "bericht", "berichten")).",
                    "Access export about \(TerminalText.line(r.content.subject)): \(Plural.count(r.content.cases.count, "case", "cases")), \(Plural.count(records, "record", "records"))."
                ))
            for f in r.files { out("  \(TerminalText.safe(f.path))  sha256 \(f.sha256)") }
            out(
                global.t(
                    "Vastgelegd in het logboek van " + r.content.cases.map(\.id.description).joined(separator: ", ") + ".",
                    "Logged in the log of " + r.content.cases.map(\.id.description).joined(separator: ", ") + "."))
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Voeg een correctie toe over een persoon op een zaak (het bewijs zelf blijft zoals het is).",
                "Add a correction about a person on a case (the evidence itself stays as it is)."),
            discussion: CommandLineLanguage.text(
                "De correctie komt in het logboek (correction-noted) en staat in elk later inzage-overzicht.",
                "The correction goes into the log (correction-noted) and shows in every later access export."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
        @Option(help: CommandLineLanguage.help("De persoon op de zaak.", "The person on the case.")) var person: String
        @Option(
            help: CommandLineLanguage.help(
                "Wat er niet klopt of ontbreekt, in de woorden van de persoon.", "What is wrong or missing, in the person's words.")) var text: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let c = try store.addCorrection(id, person: person, text: text, actor: global.actor)
            out(
                global.t(
                    "Correctie vastgelegd bij \(id) over \(TerminalText.line(c.person)) (gebeurtenis \(c.sequence)).",
                    "Correction recorded on \(id) about \(TerminalText.line(c.person)) (event \(c.sequence))."))
        }
    }
}

import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: CommandLineLanguage.text("Leg vast dát er iets is zonder het te bewaren (zoals een seksuele afbeelding van een minderjarige).", "Record that something exists without keeping it (such as a sexual image of a minor)."),
        discussion: CommandLineLanguage.text("""
            Een seksuele afbeelding van een minderjarige mag NOOIT worden bewaard, gekopieerd of doorgestuurd, ook \
            niet als bewijs en ook niet door een mentor (art. 240b en 252 Sr). Leg alleen vast wie het stuurde, aan \
            wie, wanneer, in welke chat of groep, met een neutrale beschrijving, en schakel de politie in: die stelt \
            het beeld zelf veilig. Gebruik --kind niet-bewaard voor iets dat gezien maar niet bewaard is (een al \
            verwijderd bericht, een telefoon die de politie zelf uitleest).
            """, """
            A sexual image of a minor must NEVER be kept, copied or forwarded, not as evidence and not by \
            a mentor either (art. 240b and 252 Sr). Record only who sent it, to whom, when, in which chat or \
            group, with a neutral description, and call in the police: they secure the image themselves. Use \
            --kind niet-bewaard for something seen but not kept (a message already deleted, a phone the police \
            read themselves).
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Option(help: CommandLineLanguage.help("Wat er is gezien.", "What was seen.")) var kind: Choice<Observation.Kind>
    @Option(help: CommandLineLanguage.help("Wie het stuurde of plaatste.", "Who sent or posted it.")) var sender: String?
    @Option(help: CommandLineLanguage.help("Aan wie.", "To whom.")) var to: String?
    @Option(help: CommandLineLanguage.help("Wanneer (zoals bekend).", "When (as far as known).")) var when: String?
    @Option(help: CommandLineLanguage.help("In welke chat, groep of op welk platform.", "In which chat, group or on which platform.")) var place: String?
    @Option(help: CommandLineLanguage.help("Neutrale beschrijving, nooit de inhoud zelf.", "A neutral description, never the content itself.")) var description: String

    func run() throws {
        guard let k = Observation.Kind(rawValue: kind.typed.lowercased()) else {
            throw KitError(nl: "--kind is seksuele-afbeelding of niet-bewaard.", en: "--kind is seksuele-afbeelding or niet-bewaard.")
        }
        let id = try parseCaseID(caseID, global)
        let store = try global.openStore(create: false)
        let o = try store.addObservation(Observation(kind: k, sender: sender, recipients: to, when: when, place: place,
                                                     description: description, recordedBy: global.actor, recordedAt: Date()), to: id)
        out(global.t("Vastgelegd [\(o.id!)] zonder origineel.", "Recorded [\(o.id!)] without an original."))
        if k == .seksueleAfbeelding {
            out(global.t("Bewaar, kopieer of stuur de afbeelding niet door. Neem contact op met de politie; zij stellen het beeld veilig.",
                         "Do not keep, copy or forward the image. Contact the police; they secure the image themselves."))
        }
    }
}

struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: CommandLineLanguage.text("Verklaringen: het eigen verhaal van de gepeste leerling en van getuigen.", "Statements: the bullied pupil's and witnesses' own accounts."),
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Leg een gedateerde verklaring vast.", "Record a dated statement."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
        @Option(help: CommandLineLanguage.help("Soort verklaring.", "Kind of statement.")) var kind: Choice<Testimony.Kind>
        @Option(help: CommandLineLanguage.help("Wiens verklaring.", "Whose statement.")) var person: String
        @Option(help: CommandLineLanguage.help("Datum (jjjj-mm-dd).", "Date (yyyy-mm-dd).")) var date: String
        @Option(help: CommandLineLanguage.help("Wat er gebeurde, in eigen woorden.", "What happened, in their own words.")) var text: String
        @Option(help: CommandLineLanguage.help("Sinds wanneer het speelt.", "Since when it has been going on.")) var since: String?
        @Option(help: CommandLineLanguage.help("Gevolgen op school en thuis.", "Consequences at school and at home.")) var effect: String?

        func run() throws {
            guard let k = Testimony.Kind(rawValue: kind.typed.lowercased()) else {
                throw KitError(nl: "--kind is slachtoffer of getuige.", en: "--kind is slachtoffer (victim) or getuige (witness).")
            }
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let s = try store.addStatement(Testimony(kind: k, person: person, date: date, text: text, since: since, effect: effect,
                                                     recordedBy: global.actor, recordedAt: Date()), to: id)
            out(global.t("Verklaring vastgelegd [\(s.id!)].", "Statement recorded [\(s.id!)]."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Toon de verklaringen van een zaak.", "Show the statements of a case."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            for s in try global.openStore(create: false).statements(id) {
                out("[\(s.id!)] \(s.date)  \(s.kind.rawValue): \(TerminalText.line(s.person))")
                out("    " + TerminalText.line(s.text, limit: 300))
            }
        }
    }
}

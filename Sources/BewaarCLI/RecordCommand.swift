import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Leg vast dát er iets is zonder het te bewaren (zoals een seksuele afbeelding van een minderjarige).",
        discussion: """
            Een seksuele afbeelding van een minderjarige mag NOOIT worden bewaard, gekopieerd of doorgestuurd, ook \
            niet als bewijs en ook niet door een mentor (art. 240b en 252 Sr). Leg alleen vast wie het stuurde, aan \
            wie, wanneer, in welke chat of groep, met een neutrale beschrijving, en schakel de politie in: die stelt \
            het beeld zelf veilig. Gebruik --kind niet-bewaard voor iets dat gezien maar niet bewaard is (een al \
            verwijderd bericht, een telefoon die de politie zelf uitleest).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String
    @Option(help: "Wat er is gezien.") var kind: Choice<Observation.Kind>
    @Option(help: "Wie het stuurde of plaatste.") var sender: String?
    @Option(help: "Aan wie.") var to: String?
    @Option(help: "Wanneer (zoals bekend).") var when: String?
    @Option(help: "In welke chat, groep of op welk platform.") var place: String?
    @Option(help: "Neutrale beschrijving, nooit de inhoud zelf.") var description: String

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
        commandName: "statement", abstract: "Verklaringen: het eigen verhaal van de gepeste leerling en van getuigen.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Leg een gedateerde verklaring vast.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String
        @Option(help: "Wiens soort verklaring.") var kind: Choice<Testimony.Kind>
        @Option(help: "Wiens verklaring.") var person: String
        @Option(help: "Datum (jjjj-mm-dd).") var date: String
        @Option(help: "Wat er gebeurde, in eigen woorden.") var text: String
        @Option(help: "Sinds wanneer het speelt.") var since: String?
        @Option(help: "Gevolgen op school en thuis.") var effect: String?

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
        static let configuration = CommandConfiguration(abstract: "Toon de verklaringen van een zaak.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            for s in try global.openStore(create: false).statements(id) {
                out("[\(s.id!)] \(s.date)  \(s.kind.rawValue): \(TerminalText.line(s.person))")
                out("    " + TerminalText.line(s.text, limit: 300))
            }
        }
    }
}

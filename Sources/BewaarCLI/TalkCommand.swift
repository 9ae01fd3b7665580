import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel

struct TalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talk", abstract: CommandLineLanguage.text("Gesprekken en afspraken vastleggen, tonen en exporteren voor Magister.", "Record, show and export talks and agreements for Magister."),
        subcommands: [Add.self, List.self, Magister.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Leg een gesprek vast met de gemaakte afspraken.", "Record a talk with the agreements made."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
        @Option(help: CommandLineLanguage.help("Datum van het gesprek (jjjj-mm-dd).", "Date of the talk (yyyy-mm-dd).")) var date: String
        @Option(name: .customLong("participant"), help: CommandLineLanguage.help("Wie namens school deelnam (herhaalbaar).", "Who took part for the school (repeatable).")) var participants: [String] = []
        @Option(name: .customLong("with"), help: CommandLineLanguage.help("Met wie: leerling of ouder (herhaalbaar).", "With whom: pupil or parent (repeatable).")) var withWhom: [String] = []
        @Option(help: CommandLineLanguage.help("Korte samenvatting.", "A short summary.")) var summary: String
        @Option(name: .customLong("agreement"), help: CommandLineLanguage.help("Een gemaakte afspraak (herhaalbaar).", "An agreement made (repeatable).")) var agreements: [String] = []
        @Option(help: CommandLineLanguage.help("Datum om de afspraken te evalueren (jjjj-mm-dd).", "Date to review the agreements (yyyy-mm-dd).")) var followUp: String?

        func run() throws {
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let t = try store.addTalk(Talk(date: date, participants: participants.isEmpty ? [global.actor] : participants,
                                           withWhom: withWhom, summary: summary, agreements: agreements, followUp: followUp,
                                           recordedBy: global.actor, recordedAt: Date()), to: id)
            out(global.t("Gesprek vastgelegd [\(t.id!)] op \(t.date) met \(Plural.count(t.agreements.count, "afspraak", "afspraken")).",
                         "Talk recorded [\(t.id!)] on \(t.date) with \(t.agreements.count) agreements."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Toon de gesprekken en afspraken van een zaak.", "Show the talks and agreements of a case."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let talks = try store.talks(id)
            if talks.isEmpty { out(global.t("Nog geen gesprekken.", "No talks yet.")) }
            for t in talks {
                out("[\(t.id!)] \(t.date)  " + global.t("met", "with") + " \(TerminalText.line(t.withWhom.joined(separator: ", ")))"
                    + "  (" + TerminalText.line(t.participants.joined(separator: ", ")) + ")")
                out("    " + TerminalText.line(t.summary, limit: 200))
                for a in t.agreements { out("    - " + TerminalText.line(a, limit: 200)) }
                if let f = t.followUp { out("    " + global.t("Evaluatie", "Follow-up") + ": \(f)") }
            }
        }
    }

    struct Magister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "magister",
            abstract: CommandLineLanguage.text("De afspraken als platte tekst, klaar om te plakken in het leerlingvolgsysteem (Magister).", "The agreements as plain text, ready to paste into the pupil record system (Magister)."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            out(MagisterText.render(case: try store.case(id), talks: try store.talks(id)))
        }
    }
}

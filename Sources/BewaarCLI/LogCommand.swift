import ArgumentParser
import BewaarKit
import BewaarModel
import BewaarJSON
import BewaarStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: CommandLineLanguage.text("Het logboek (chain of custody) van een zaak, en of de keten intact is.", "The log (chain of custody) of a case, and whether the chain is intact."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Flag(help: CommandLineLanguage.help("Eén JSON-regel per gebeurtenis (zoals custody.jsonl in een bundel).", "One JSON line per event (like custody.jsonl in a bundle).")) var json = false

    func run() throws {
        let id = try parseCaseID(caseID, global)
        let store = try global.openStore(create: false)
        _ = try store.case(id)
        let events = try store.events(chain: id.description)
        let report = try store.verifyChain(id.description)
        if json {
            for e in events { out(e.jsonLine) }
        } else {
            for e in events {
                let details = e.details.keys.sorted().map { "\($0)=\(TerminalText.line(e.details[$0]!, limit: 70))" }.joined(separator: " ")
                out("\(e.sequence). \(DisplayTime.string(e.time))  \(TerminalText.line(e.actor, limit: 30))  \(e.action.rawValue)  \(details)")
                out("     hash \(e.hash)")
            }
        }
        if report.intact {
            FileHandleOut.err(global.t("Keten intact: \(Plural.count(events.count, "gebeurtenis", "gebeurtenissen")), kop \(report.headHash ?? "-").",
                                       "Chain intact: \(Plural.count(events.count, "event", "events")), head \(report.headHash ?? "-")."), toStdout: !json)
        } else {
            for p in report.problems { printError(global.t(p.dutch, p.english)) }
            printError(global.t("De keten is NIET intact. Voer `bewaar check` uit en meld dit aan de beheerder.",
                                "The chain is NOT intact. Run `bewaar check` and tell the administrator."))
            throw ExitCode(1)
        }
    }
}

enum FileHandleOut {
    /// A status line: to stdout for people, to stderr when stdout carries JSON.
    static func err(_ s: String, toStdout: Bool) {
        if toStdout { out(s) } else { printError(s) }
    }
}

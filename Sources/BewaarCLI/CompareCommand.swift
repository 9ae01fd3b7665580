import ArgumentParser
import BewaarKit
import BewaarModel

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: CommandLineLanguage.text("Vergelijk twee exports van hetzelfde gesprek (bijvoorbeeld van de gepeste leerling en van een getuige).", "Compare two exports of the same chat (for example the bullied pupil's and a witness's)."),
        discussion: CommandLineLanguage.text(
            "Toont hoeveel berichten in beide staan en wat de ene export heeft en de andere mist. Elk bericht houdt zijn eigen herkomst.",
            "Shows how many messages are in both and what one export has and the other misses. Every message keeps its own origin."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Argument(help: CommandLineLanguage.help("Eerste bewijsstuk (nummer).", "First evidence item (number).")) var first: Int64
    @Argument(help: CommandLineLanguage.help("Tweede bewijsstuk (nummer).", "Second evidence item (number).")) var second: Int64
    @Option(help: CommandLineLanguage.help("Hoeveel ontbrekende berichten per kant te tonen.", "How many missing messages to show per side.")) var show: Int = 50

    func run() throws {
        let id = try parseCaseID(caseID, global)
        let store = try global.openStore(create: false)
        let a = try store.item(first), b = try store.item(second)
        guard a.caseID == id, b.caseID == id else {
            throw KitError(nl: "Beide bewijsstukken moeten bij zaak \(id) horen.", en: "Both items must belong to case \(id).")
        }
        let o = try ExportOverlap.compare(a, b, store: store)
        out(global.t("\(Plural.count(o.shared.count, "bericht", "berichten")) staan in beide exports.", "\(Plural.count(o.shared.count, "message", "messages")) are in both exports."))
        for (item, missing, other) in [(a, o.onlyInFirst, b), (b, o.onlyInSecond, a)] {
            out("")
            out(global.t("Alleen in [\(item.id)] \(TerminalText.line(item.name)) (ontbreekt in [\(other.id)]): \(missing.count)",
                         "Only in [\(item.id)] \(TerminalText.line(item.name)) (missing from [\(other.id)]): \(missing.count)"))
            for m in missing.prefix(show) {
                let when = m.timestamp.map { DisplayTime.string($0.date) } ?? "—"
                let who = RecordOriginText.author(m, limit: 28, global.t)
                out("  \(when)  \(who): \(TerminalText.line(m.text, limit: 90))  \(RecordOriginText.origin(m.origin))")
            }
            if missing.count > show { out("  … " + global.t("en \(missing.count - show) meer", "and \(missing.count - show) more")) }
        }
    }
}

import ArgumentParser
import BewaarKit
import BewaarStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer de hele opslag: elk origineel opnieuw gehasht, elk logboek opnieuw nagerekend.",
        discussion: "Noemt elk probleem (gewijzigd of ontbrekend origineel, los object, gewijzigde of verwijderde gebeurtenis). Afsluitcode 1 bij een probleem.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: false)
        let report = try store.check()
        for p in report.problems { out((p.isHarmless ? "  - " : "  ✗ ") + global.t(p.dutch, p.english)) }
        let events = report.chains.reduce(0) { $0 + $1.eventCount }
        if report.intact {
            out(global.t("In orde: \(report.objectsChecked) originelen (\(report.bytesChecked) bytes) opnieuw gehasht, "
                         + "\(report.chains.count) logboeken met \(events) gebeurtenissen intact.",
                         "OK: \(report.objectsChecked) originals (\(report.bytesChecked) bytes) re-hashed, "
                         + "\(report.chains.count) logs with \(events) events intact."))
        } else {
            let n = report.problems.filter { !$0.isHarmless }.count
            out(global.t("NIET in orde: \(n) problemen gevonden. Wijzig niets en meld dit aan de beheerder en de afdelingsleider.",
                         "NOT OK: \(n) problems found. Change nothing and tell the administrator and the department head."))
            throw ExitCode(1)
        }
    }
}

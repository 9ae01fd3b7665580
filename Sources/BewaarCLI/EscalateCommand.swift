import ArgumentParser
import BewaarKit
import BewaarModel

extension CaseCommand {
    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draag de zaak over aan de afdelingsleider (bij herhaling of buiten de klas); de mentor blijft betrokken.",
            discussion: "Redenen: " + EscalationReason.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Zaaknummer.") var id: String
        @Option(help: "Naam van de afdelingsleider.") var to: String
        @Option(help: "herhaling, buiten-de-klas, ernstig of anders.") var reason: String
        @Option(help: "Toelichting.") var note: String?

        func run() throws {
            guard let r = EscalationReason(rawValue: reason.lowercased()) else {
                throw KitError(nl: "Onbekende reden '\(TerminalText.safe(reason))'. Kies uit: " + EscalationReason.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                               en: "Unknown reason '\(TerminalText.safe(reason))'. Choose from: " + EscalationReason.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            let caseID = try parseCaseID(id, global)
            let store = try global.openStore(create: false)
            let e = try store.escalate(caseID, to: to, reason: r, note: note, actor: global.actor)
            out(global.t("Zaak \(caseID) overgedragen aan \(TerminalText.line(e.to)) (\(r.dutch)). Volgens het protocol licht de afdelingsleider alle betrokken ouders in.",
                         "Case \(caseID) handed to \(TerminalText.line(e.to)) (\(r.rawValue)). Per the protocol the department head informs all parents involved."))
        }
    }
}

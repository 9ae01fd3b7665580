import ArgumentParser
import BewaarKit
import BewaarModel
import BewaarAccounts

extension CaseCommand {
    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Draag de zaak over aan de afdelingsleider (bij herhaling of buiten de klas); de mentor blijft betrokken.", "Hand the case over to the afdelingsleider (on repetition or beyond the class); the mentor stays involved."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("Naam van de afdelingsleider.", "Name of the afdelingsleider.")) var to: String
        @Option(help: CommandLineLanguage.help("Waarom de zaak naar de afdelingsleider gaat.", "Why the case goes to the afdelingsleider.")) var reason: Choice<EscalationReason>
        @Option(help: CommandLineLanguage.help("Toelichting.", "Explanation.")) var note: String?

        func run() throws {
            guard let r = EscalationReason(rawValue: reason.typed.lowercased()) else {
                let reason = reason.typed
                throw KitError(nl: "Onbekende reden '\(TerminalText.safe(reason))'. Kies uit: " + EscalationReason.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                               en: "Unknown reason '\(TerminalText.safe(reason))'. Choose from: " + EscalationReason.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            let caseID = try parseCaseID(id, global)
            let store = try global.openStore(create: false)
            // Where the web interface has accounts, escalation goes to an afdelingsleider's account
            // (which then gets access to the case); a store without accounts records the name only.
            let heads = try store.accounts().filter { $0.role == AccountRole.afdelingsleider.rawValue && $0.disabledAt == nil }
            var account: String?
            if try !store.accounts().isEmpty {
                guard let match = heads.first(where: { $0.name.caseInsensitiveCompare(to.trimmingCharacters(in: .whitespaces)) == .orderedSame }) else {
                    let names = heads.map { TerminalText.line($0.name) }.joined(separator: ", ")
                    throw KitError(nl: "Er is geen afdelingsleider-account '\(TerminalText.safe(to))'. Kies uit: \(names.isEmpty ? "(geen; maak er een met bewaar user add --role afdelingsleider)" : names).",
                                   en: "There is no department-head account '\(TerminalText.safe(to))'. Choose from: \(names.isEmpty ? "(none; make one with bewaar user add --role afdelingsleider)" : names).")
                }
                account = match.name
            }
            let e = try store.escalate(caseID, to: account ?? to, reason: r, note: note, actor: global.actor, account: account)
            out(global.t("Zaak \(caseID) overgedragen aan \(TerminalText.line(e.to)) (\(r.dutch)). Volgens het protocol licht de afdelingsleider alle betrokken ouders in.",
                         "Case \(caseID) handed to \(TerminalText.line(e.to)) (\(r.rawValue)). Per the protocol the department head informs all parents involved."))
        }
    }
}

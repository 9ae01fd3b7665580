import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarStore
import BewaarAccounts

extension CaseCommand {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Sluit een zaak met uitkomst en reden; de bewaartermijn begint dan te lopen.",
                "Close a case with its outcome and reason; the retention period starts then."),
            discussion: CommandLineLanguage.text(
                """
                Volgens het protocol sluit de afdelingsleider (of de mentor als de zaak in de klas bleef) de zaak \
                als het pesten gestopt is, de leerlingen zijn doorverwezen of er aangifte is gedaan. Na het sluiten \
                wordt de zaak bewaard volgens het beleid van de school (`bewaar retention policy`) en daarna vernietigd. \
                Na een aangifte: zet de zaak ook op bewaarplicht (`bewaar case hold`).
                """,
                """
                Per the protocol the afdelingsleider (or the mentor when the case stayed within the class) closes the \
                case when the bullying stopped, the pupils were referred or a police report was made. After closing the \
                case is kept by the school's policy (`bewaar retention policy`) and then destroyed. After a police \
                report: also put the case on legal hold (`bewaar case hold`).
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("Hoe de zaak afliep.", "How the case ended.")) var outcome: Choice<CaseOutcome>
        @Option(help: CommandLineLanguage.help("Waarom de zaak gesloten wordt (komt in het logboek).", "Why the case is closed (goes into the log)."))
        var reason: String

        func run() throws {
            guard let o = CaseOutcome(parsing: outcome.typed) else {
                let list = CaseOutcome.allCases.map(\.rawValue).joined(separator: ", ")
                throw KitError(
                    nl: "Onbekende uitkomst '\(TerminalText.safe(outcome.typed))'. Kies uit: \(list).",
                    en: "Unknown outcome '\(TerminalText.safe(outcome.typed))'. Choose from: \(list).")
            }
            let caseID = try parseCaseID(id, global)
            let store = try global.openStore(create: false)
            let c = try store.closeCase(caseID, outcome: o, reason: reason, actor: global.actor)
            out(
                global.t(
                    "Zaak \(caseID) gesloten (\(o.dutch)). \(CaseLifecycleText.retention(c, at: Date(), global).capitalizedFirst).",
                    "Case \(caseID) closed (\(o.english)). Kept \(CaseLifecycleText.retention(c, at: Date(), global))."))
            if o == .policeReport && c.hold == nil {
                out(
                    global.t(
                        "Er is aangifte gedaan: zet de zaak op bewaarplicht zolang de politie het bewijs nodig kan hebben: "
                            + "bewaar case hold \(caseID) --reason \"aangifte gedaan\"",
                        "A police report was made: put the case on legal hold while the police may need the evidence: "
                            + "bewaar case hold \(caseID) --reason \"police report made\""))
            }
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Heropen een gesloten zaak (het pesten herhaalt zich); de bewaartermijn vervalt tot het volgende sluiten.",
                "Reopen a closed case (the bullying repeats); the retention date lapses until it is closed again."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("Waarom (komt in het logboek).", "Why (goes into the log).")) var reason: String

        func run() throws {
            let caseID = try parseCaseID(id, global)
            let c = try global.openStore(create: false).reopenCase(caseID, reason: reason, actor: global.actor)
            out(global.t("Zaak \(caseID) is heropend (\(c.status.rawValue)).", "Case \(caseID) was reopened (\(c.status.rawValue))."))
        }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Zet een zaak op bewaarplicht (bijvoorbeeld na een aangifte): zij wordt dan niet vernietigd.",
                "Put a case on legal hold (for example after a police report): it is then not destroyed."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("Waarom, bijvoorbeeld \"aangifte gedaan\".", "Why, for example \"police report made\".")) var reason:
            String

        func run() throws {
            let caseID = try parseCaseID(id, global)
            _ = try global.openStore(create: false).placeHold(caseID, reason: reason, actor: global.actor)
            out(
                global.t(
                    "Zaak \(caseID) staat op bewaarplicht en wordt niet vernietigd tot die is opgeheven (bewaar case release).",
                    "Case \(caseID) is on legal hold and will not be destroyed until it is released (bewaar case release)."))
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Hef de bewaarplicht van een zaak op.", "Release a case's legal hold."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("Waarom (komt in het logboek).", "Why (goes into the log).")) var reason: String

        func run() throws {
            let caseID = try parseCaseID(id, global)
            let c = try global.openStore(create: false).releaseHold(caseID, reason: reason, actor: global.actor)
            out(
                global.t(
                    "Bewaarplicht van zaak \(caseID) opgeheven. Bewaren: \(CaseLifecycleText.retention(c, at: Date(), global)).",
                    "Legal hold of case \(caseID) released. Keep: \(CaseLifecycleText.retention(c, at: Date(), global))."))
        }
    }

    struct Destroy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Vernietig een zaak met bewijs (afdelingsleider of beheerder): alles van de zaak verdwijnt uit de opslag.",
                "Destroy a case with proof (afdelingsleider or beheerder): everything of the case leaves the store."),
            discussion: CommandLineLanguage.text(
                """
                Alleen een gesloten zaak waarvan de bewaartermijn verstreken is en die niet op bewaarplicht staat. \
                Wat overblijft is één regel in het vernietigingslogboek: zaaknummer, laatste hash van het logboek, \
                aantallen, de SHA-256 van elk vernietigd origineel, wie, wanneer en waarom. Typ het zaaknummer \
                nog eens bij --confirm. Een bundel die eerder is gemaakt blijft op zichzelf controleerbaar.
                """,
                """
                Only a closed case past its retention date and not on legal hold. What remains is one entry in the \
                destruction log: case number, last hash of its log, counts, the SHA-256 of each destroyed original, \
                who, when and why. Type the case number again with --confirm. A bundle made earlier still verifies on its own.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(
            help: CommandLineLanguage.help(
                "Waarom (blijft altijd in het vernietigingslogboek: geen namen van leerlingen).",
                "Why (stays in the destruction log for good: no pupils' names).")) var reason: String
        @Option(help: CommandLineLanguage.help("Het zaaknummer nog een keer, ter bevestiging.", "The case number once more, to confirm."))
        var confirm: String
        @Option(
            help: CommandLineLanguage.help(
                "In welke rol (afdelingsleider of beheerder); waar de opslag accounts heeft, moet --by zo'n account zijn.",
                "In which role (afdelingsleider or beheerder); where the store has accounts, --by must be such an account."))
        var role: String
        @Flag(
            help: CommandLineLanguage.help(
                "Ook vóór de bewaartermijn (verzoek tot verwijdering, zaak per vergissing geopend); komt in het logboek.",
                "Also before the retention date (an erasure request, a case opened by mistake); goes into the log."))
        var early = false

        func run() throws {
            let caseID = try parseCaseID(id, global)
            guard CaseID(confirm.trimmingCharacters(in: .whitespaces)) == caseID else {
                throw KitError(
                    nl: "De bevestiging '\(TerminalText.safe(confirm))' is niet zaaknummer \(caseID): er is niets vernietigd.",
                    en: "The confirmation '\(TerminalText.safe(confirm))' is not case number \(caseID): nothing was destroyed.")
            }
            guard let r = AccountRole(parsing: role), r == .afdelingsleider || r == .beheerder else {
                throw KitError(
                    nl: "Alleen een afdelingsleider of beheerder vernietigt een zaak: geef --role afdelingsleider of --role beheerder.",
                    en: "Only an afdelingsleider or beheerder destroys a case: give --role afdelingsleider or --role beheerder.")
            }
            let store = try global.openStore(create: false)
            let accounts = try store.accounts()
            if !accounts.isEmpty {
                let actor = global.actor
                guard let me = accounts.first(where: { $0.name.caseInsensitiveCompare(actor) == .orderedSame }), me.role == r.rawValue,
                    me.disabledAt == nil
                else {
                    throw KitError(
                        nl: "'\(TerminalText.safe(actor))' is geen actief \(r.dutch)-account in deze opslag. Geef met --by de naam van uw account.",
                        en: "'\(TerminalText.safe(actor))' is no active \(r.rawValue) account in this store. Give your account's name with --by.")
                }
            }
            let done = try store.destroyCase(caseID, actor: global.actor, role: r.rawValue, reason: reason, early: early)
            let rec = done.record
            out(
                global.t(
                    "Zaak \(caseID) is vernietigd. Vernietigingslogboek regel \(rec.sequence), hash \(rec.hash).",
                    "Case \(caseID) was destroyed. Destruction log entry \(rec.sequence), hash \(rec.hash)."))
            out(
                global.t("  Verwijderd: ", "  Removed: ")
                    + rec.removed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            out(
                global.t(
                    "  Originelen vernietigd: \(rec.originals.count); bewaard omdat een andere zaak ze gebruikt: \(rec.keptOriginals.count)",
                    "  Originals destroyed: \(rec.originals.count); kept because another case uses them: \(rec.keptOriginals.count)"))
            out("  " + global.t(done.cleanup.dutch, done.cleanup.english))
            if !done.cleanup.complete {
                out(
                    global.t(
                        "  Let op: een ander proces (bewaar serve?) leest de opslag nog; het write-ahead-logbestand wordt pas leeg bij het "
                            + "volgende controlepunt. Stop de server en rond af met `bewaar retention cleanup`.",
                        "  Note: another process (bewaar serve?) is still reading the store; the write-ahead log file is emptied at the next "
                            + "checkpoint. Stop the server and finish with `bewaar retention cleanup`."))
            }
            for f in done.cleanup.failures {
                out(
                    global.t(
                        "  Niet afgerond (rond af met `bewaar retention cleanup`): ", "  Not finished (finish with `bewaar retention cleanup`): ")
                        + TerminalText.line(f))
            }
            if !done.cleanup.failures.isEmpty { throw ExitCode.failure }
        }
    }
}

extension String {
    /// The text with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

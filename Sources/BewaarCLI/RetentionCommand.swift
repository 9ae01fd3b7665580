import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarStore

/// `bewaar retention`: which cases are due for destruction, which are on legal hold, the
/// school's retention policy and the destruction log.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: CommandLineLanguage.text(
            "Bewaartermijnen: welke zaken vernietigd moeten worden, het beleid, het vernietigingslogboek.",
            "Retention: which cases are due for destruction, the policy, the destruction log."),
        subcommands: [Due.self, Policy.self, Log.self, Cleanup.self], defaultSubcommand: Due.self)

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: CommandLineLanguage.text(
                "Zaken waarvan de bewaartermijn verstreken is, en apart de zaken op bewaarplicht.",
                "Cases past their retention date, and separately those on legal hold."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore(create: false)
            let now = Date()
            let (due, held) = try store.retentionOverview(at: now)
            let policy = try store.retentionPolicy()
            out(
                global.t(
                    "Beleid: een zaak wordt \(policy.months) maanden na het sluiten vernietigd.",
                    "Policy: a case is destroyed \(policy.months) months after closing."))
            out("")
            out(global.t("Bewaartermijn verstreken (\(due.count))", "Past their retention date (\(due.count))"))
            if due.isEmpty { out("  " + global.t("(geen)", "(none)")) }
            for c in due {
                let closed = c.closing.flatMap(\.at).map { DisplayTime.day($0) } ?? "—"
                out(
                    "  \(c.id)  "
                        + global.t(
                            "gesloten \(closed), bewaren tot \(c.retentionUntil.map { DisplayTime.day($0) } ?? "—")",
                            "closed \(closed), keep until \(c.retentionUntil.map { DisplayTime.day($0) } ?? "—")"))
                out(
                    "      "
                        + global.t(
                            "Te doen: vernietigen (afdelingsleider of beheerder): bewaar case destroy \(c.id) --confirm \(c.id) --role afdelingsleider --reason \"bewaartermijn verstreken\"",
                            "To do: destroy (afdelingsleider or beheerder): bewaar case destroy \(c.id) --confirm \(c.id) --role afdelingsleider --reason \"retention passed\""
                        ))
            }
            out("")
            out(global.t("Op bewaarplicht (\(held.count)): niet vernietigen", "On legal hold (\(held.count)): do not destroy"))
            if held.isEmpty { out("  " + global.t("(geen)", "(none)")) }
            for c in held {
                guard let hold = c.hold else { continue }
                out("  \(c.id)  " + CaseLifecycleText.hold(hold, global) + "; " + CaseLifecycleText.retention(c, at: now, global))
                out(
                    "      "
                        + global.t(
                            "Te doen: navragen of de politie het bewijs nog nodig heeft; zo niet: bewaar case release \(c.id) --reason …",
                            "To do: ask whether the police still need the evidence; if not: bewaar case release \(c.id) --reason …"))
            }
        }
    }

    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Toon of wijzig het bewaarbeleid van de school (maanden na het sluiten).",
                "Show or change the school's retention policy (months after closing)."),
            discussion: CommandLineLanguage.text(
                "Een wijziging geldt voor zaken die daarna gesloten worden (met --apply-to-closed ook voor de al gesloten zaken) "
                    + "en komt in het logboek van de opslag.",
                "A change applies to cases closed afterwards (with --apply-to-closed to those already closed too) and goes into the store's log."))
        @OptionGroup var global: GlobalOptions
        @Option(help: CommandLineLanguage.help("Het nieuwe aantal maanden (1 tot en met 120).", "The new number of months (1 to 120).")) var months:
            Int?
        @Option(help: CommandLineLanguage.help("Waarom (komt in het logboek).", "Why (goes into the log).")) var reason: String?
        @Flag(
            help: CommandLineLanguage.help(
                "Bereken ook de datum van zaken die al gesloten zijn opnieuw (elk met een gebeurtenis in hun logboek).",
                "Recompute the date of cases already closed too (each with an event in its log)."))
        var applyToClosed = false

        func run() throws {
            let store = try global.openStore(create: months != nil)
            if let months {
                guard let reason else {
                    throw KitError(
                        nl: "Geef bij een wijziging ook --reason op (bijvoorbeeld \"besluit MR 2026\").",
                        en: "Give --reason with a change too (for example \"board decision 2026\").")
                }
                let changed = try store.setRetentionPolicy(months: months, reason: reason, actor: global.actor, applyToClosed: applyToClosed)
                if applyToClosed {
                    out(global.t("Nieuwe bewaardatum voor \(changed) gesloten zaken.", "New retention date for \(changed) closed cases."))
                }
            }
            let p = try store.retentionPolicy()
            out(
                global.t(
                    "Bewaarbeleid: \(p.months) maanden na het sluiten van een zaak.", "Retention policy: \(p.months) months after a case is closed."))
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Toon het vernietigingslogboek (bewijs van vernietiging, zonder gegevens van leerlingen).",
                "Show the destruction log (proof of destruction, without pupils' data)."))
        @OptionGroup var global: GlobalOptions
        @Flag(help: CommandLineLanguage.help("Elke regel als JSON (zoals de hash hem dekt).", "Each entry as JSON (as its hash covers it)."))
        var json = false

        func run() throws {
            let log = try global.openStore(create: false).destructionLog()
            if log.isEmpty { out(global.t("Nog geen zaak vernietigd.", "No case destroyed yet.")); return }
            for r in log {
                if json { out(r.jsonLine); continue }
                out(
                    "\(r.sequence)  \(r.caseID)  \(DisplayTime.string(r.time))  \(TerminalText.line(r.actor)) (\(r.actorRole))  "
                        + "\(TerminalText.line(r.reason, limit: 100))"
                        + (r.early ? global.t("  [vóór de bewaartermijn]", "  [before the retention date]") : ""))
                out(
                    "      " + global.t("logboek", "log") + " \(r.custodyCount) " + global.t("gebeurtenissen, kop", "events, head")
                        + " \(r.custodyHead); "
                        + global.t("originelen", "originals") + " \(r.originals.count); hash \(r.hash)")
            }
        }
    }

    struct Cleanup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Rond een vernietiging af: zoekindex samenvoegen, database herbouwen, write-ahead-log legen.",
                "Finish a destruction: merge the search index, rebuild the database, empty the write-ahead log."),
            discussion: CommandLineLanguage.text(
                "Nodig als `bewaar case destroy` meldde dat een ander proces de opslag nog las. Stop eerst `bewaar serve`.",
                "Needed when `bewaar case destroy` said another process was still reading the store. Stop `bewaar serve` first."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore(create: false)
            try store.destroyIfPresent([], actor: global.actor, reason: "afronden")
            let done = try store.secureCleanup()
            if done.complete {
                out(global.t("Afgerond: ", "Finished: ") + global.t(done.dutch, done.english))
            } else {
                throw KitError(
                    nl: "Een ander proces leest de opslag nog; het write-ahead-log kon niet worden geleegd. Stop `bewaar serve` en probeer opnieuw.",
                    en: "Another process is still reading the store; the write-ahead log could not be emptied. Stop `bewaar serve` and try again.")
            }
        }
    }
}

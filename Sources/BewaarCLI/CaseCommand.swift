import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarStore

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: CommandLineLanguage.text("Zaken openen, tonen en opsommen.", "Open, show and list cases."),
        subcommands: [New.self, List.self, Show.self, Summary.self, Escalate.self, Close.self, Reopen.self, Hold.self, Release.self, Destroy.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Open een nieuwe zaak na een melding; toont het zaaknummer.", "Open a new case after a report; shows the case number."))
        @OptionGroup var global: GlobalOptions
        @Option(help: CommandLineLanguage.help("Korte titel, bijvoorbeeld \"Pesten in groepsapp 2B\".", "A short title, for example \"Bullying in group chat 2B\".")) var title: String
        @Option(help: CommandLineLanguage.help("Naam van de gepeste leerling (slachtoffer).", "Name of the bullied pupil (victim).")) var victim: [String] = []
        @Option(help: CommandLineLanguage.help("Naam van de vermoedelijke dader.", "Name of the suspected bully.")) var suspect: [String] = []
        @Option(help: CommandLineLanguage.help("Naam van de mentor.", "Name of the mentor.")) var mentor: [String] = []

        func run() throws {
            let store = try global.openStore(create: true)
            let people = victim.map { Person(name: $0, role: .slachtoffer) } + suspect.map { Person(name: $0, role: .vermoedelijkeDader) }
                + mentor.map { Person(name: $0, role: .mentor) }
            let c = try store.openCase(title: title, actor: global.actor, people: people)
            out(c.id.description)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Alle zaken met status, voortgang en laatste gebeurtenis.", "All cases with status, progress and last event."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore(create: false)
            let cases = try store.cases()
            if cases.isEmpty { out(global.t("Nog geen zaken.", "No cases yet.")); return }
            let now = Date()
            for c in cases {
                let steps = try store.checklist(c.id)
                let done = steps.filter { $0.status != .open }.count
                let last = try store.lastEvent(c.id)
                var line = "\(c.id)  \(CaseLifecycleText.status(c, global))  \(done)/6  \(TerminalText.line(c.title, limit: 60))"
                if let last { line += "  — " + global.t("laatst", "last") + ": \(last.action.rawValue) \(DisplayTime.string(last.time))" }
                line += "  [" + CaseLifecycleText.retention(c, at: now, global) + "]"
                out(line)
            }
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Leg de korte samenvatting van de mentor vast (wat er gebeurde).", "Record the mentor's short summary (what happened)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer, bijvoorbeeld 2026-0001.", "Case number, for example 2026-0001.")) var id: String
        @Option(help: CommandLineLanguage.help("De samenvatting.", "The summary.")) var text: String

        func run() throws {
            let store = try global.openStore(create: false)
            try store.setSummary(try parseCaseID(id, global), summary: text, actor: global.actor)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Toon een zaak: betrokkenen, stappenplan, bewijsstukken, waarschuwingen.", "Show a case: people involved, the six steps, evidence, warnings."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer, bijvoorbeeld 2026-0001.", "Case number, for example 2026-0001.")) var id: String
        @Option(help: CommandLineLanguage.help("Hoeveel berichten per bewijsstuk te tonen.", "How many messages to show per evidence item.")) var messages: Int = 20

        func run() throws {
            let store = try global.openStore(create: false)
            let caseID = try parseCaseID(id, global)
            let c = try store.case(caseID)
            let t = global.t
            out("\(t("Zaak", "Case")) \(c.id): \(TerminalText.line(c.title))")
            let status = CaseLifecycleText.status(c, global)
            let keep = CaseLifecycleText.retention(c, at: Date(), global)
            let opened = DisplayTime.string(c.opened)
            out("  \(t("Geopend", "Opened")): \(opened)   \(t("Status", "Status")): \(status)   \(t("Bewaren", "Keep")): \(keep)")
            if let closing = c.closing { out("  " + CaseLifecycleText.closing(closing, global)) }
            if let hold = c.hold { out("  " + CaseLifecycleText.hold(hold, global)) }
            if !c.summary.isEmpty { out("  \(t("Samenvatting", "Summary")): \(TerminalText.line(c.summary, limit: 200))") }
            out("")
            out(t("Betrokkenen", "People"))
            let people = try store.people(caseID)
            if people.isEmpty { out("  " + t("(nog niemand)", "(nobody yet)")) }
            for p in people {
                var line = "  - \(TerminalText.line(p.name)) (\(p.role.rawValue)"
                if let r = p.relatedTo { line += t(" van ", " of ") + TerminalText.line(r) }
                if let g = p.group { line += ", " + TerminalText.line(g) }
                out(line + ")")
            }
            let handles = try store.handles(caseID)
            for p in people {
                let own = handles.filter { $0.personID == p.id }
                if !own.isEmpty { out("      " + own.map { TerminalText.line($0.value, limit: 50) + " (\($0.kind.rawValue))" }.joined(separator: ", ")) }
            }
            for e in try store.escalations(caseID) {
                out("  " + t("Overgedragen aan", "Handed to") + " \(TerminalText.line(e.to)) \(t("op", "on")) \(DisplayTime.string(e.at)): \(e.reason.rawValue)")
            }
            out("")
            out(t("Stappenplan cyberpesten", "Cyberbullying plan"))
            for s in try store.checklist(caseID) {
                out("  " + ChecklistCommand.describe(s, global))
            }
            let talks = try store.talks(caseID)
            if !talks.isEmpty {
                out("")
                out(t("Gesprekken en afspraken", "Talks and agreements"))
                for talk in talks {
                    out("  \(talk.date) " + t("met", "with") + " \(TerminalText.line(talk.withWhom.joined(separator: ", "))): \(TerminalText.line(talk.summary, limit: 100))")
                    for a in talk.agreements { out("    - " + TerminalText.line(a, limit: 120)) }
                }
            }
            let statements = try store.statements(caseID)
            if !statements.isEmpty {
                out("")
                out(t("Verklaringen", "Statements"))
                for st in statements { out("  \(st.date) \(st.kind.rawValue) \(TerminalText.line(st.person)): \(TerminalText.line(st.text, limit: 100))") }
            }
            let observations = try store.observations(caseID)
            if !observations.isEmpty {
                out("")
                out(t("Vastgelegd zonder origineel", "Recorded without an original"))
                for o in observations {
                    out("  [\(o.kind.rawValue)] \(TerminalText.line(o.description, limit: 100))"
                        + (o.sender.map { "; " + t("van", "from") + " " + TerminalText.line($0) } ?? "")
                        + (o.when.map { "; " + TerminalText.line($0) } ?? ""))
                }
            }
            out("")
            out(t("Bewijsstukken", "Evidence"))
            let items = try store.items(caseID)
            if items.isEmpty { out("  " + t("(nog geen)", "(none yet)")) }
            for item in items where item.parentID == nil {
                try showItem(item, all: items, store: store)
            }
        }

        func showItem(_ item: EvidenceItem, all: [EvidenceItem], store: CaseStore) throws {
            let t = global.t
            out("  [\(item.id)] \(TerminalText.line(item.name))  \(item.format)  \(item.size) bytes  sha256 \(item.sha256.hex)")
            var from = "      \(t("Verzameld door", "Collected by")) \(TerminalText.line(item.collectedBy)) \(t("op", "on")) \(DisplayTime.string(item.collectedAt))"
            if let f = item.collectedFrom { from += ", \(t("van", "from")) \(TerminalText.line(f))" }
            out(from)
            if let n = item.note { out("      \(t("Notitie", "Note")): \(TerminalText.line(n))") }
            if let image = try store.itemExtra(item.id)["image"], let w = image["width"]?.intValue, let h = image["height"]?.intValue {
                out("      \(t("Afbeelding", "Image")): \(w) × \(h) pixels")
            }
            let children = all.filter { $0.parentID == item.id }
            if !children.isEmpty {
                out("      \(children.count) \(t("bestanden erin", "files inside")):")
                for ch in children.prefix(10) {
                    out("        [\(ch.id)] \(TerminalText.line(ch.pathInParent ?? ch.name))  \(ch.size) bytes  \(ch.sha256.short)…")
                }
                if children.count > 10 { out("        … " + t("en \(children.count - 10) meer", "and \(children.count - 10) more")) }
            }
            if item.messageCount > 0 {
                out("      \(item.messageCount) \(t("berichten", "messages"))" + (item.messageCount > messages ? " (\(t("eerste", "first")) \(messages))" : "") + ":")
                for m in try store.messages(item: item.id, limit: messages) {
                    let when = m.timestamp.map { DisplayTime.string($0.date) } ?? "—"
                    let who = RecordOriginText.author(m, limit: 30, t)
                    var text = TerminalText.line(m.text, limit: 90)
                    if m.origin.box != nil { text += "  (\(RecordOriginText.origin(m.origin)))" + RecordOriginText.reading(m, t) }
                    if !m.attachments.isEmpty { text += "  📎 " + m.attachments.map { TerminalText.line($0.name, limit: 40) }.joined(separator: ", ") }
                    out("        \(when)  \(who): \(text)")
                }
            }
            let warnings = try store.warnings(item: item.id)
            if !warnings.isEmpty {
                out("      \(warnings.count) \(t("waarschuwingen", "warnings")):")
                for w in warnings.prefix(10) {
                    out("        ! " + (w.line.map { "\(t("regel", "line")) \($0): " } ?? "") + TerminalText.line(w.message, limit: 140))
                }
                if warnings.count > 10 { out("        … " + t("en \(warnings.count - 10) meer", "and \(warnings.count - 10) more")) }
            }
        }
    }
}

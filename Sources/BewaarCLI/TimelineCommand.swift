import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarJSON
import BewaarStore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: CommandLineLanguage.text("De tijdlijn van alle berichten van een zaak, met filters en zoeken.", "The timeline of all messages of a case, with filters and search."),
        discussion: CommandLineLanguage.text("""
            Zoeken werkt op het begin van woorden (dik vindt dikke), zonder op accenten te letten (coordinator vindt coördinator). \
            Alle woorden moeten voorkomen; "tussen aanhalingstekens" zoekt precies die woorden in die volgorde. \
            Het nummer vooraan elke regel gebruik je met `bewaar mark`.
            """, """
            Search matches the start of words (dik finds dikke), ignoring accents (coordinator finds coördinator). \
            All words must occur; "between quotes" finds exactly those words in that order. \
            The number at the start of each line is what `bewaar mark` takes.
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Option(help: CommandLineLanguage.help("Alleen berichten van deze persoon (via gekoppelde namen en accounts).", "Only messages of this person (through linked names and accounts).")) var person: String?
    @Option(help: CommandLineLanguage.help("Alleen berichten van deze naam, dit nummer of account.", "Only messages of this name, number or account.")) var handle: String?
    @Option(help: CommandLineLanguage.help("Vanaf deze dag (jjjj-mm-dd, lokale tijd).", "From this day (yyyy-mm-dd, local time).")) var from: String?
    @Option(help: CommandLineLanguage.help("Tot en met deze dag (jjjj-mm-dd, lokale tijd).", "Up to and including this day (yyyy-mm-dd, local time).")) var to: String?
    @Option(help: CommandLineLanguage.help("Alleen dit soort (message, system, deleted, media, email, post…), herhaalbaar.", "Only this kind (message, system, deleted, media, email, post…), repeatable.")) var kind: [String] = []
    @Option(help: CommandLineLanguage.help("Zoekwoorden.", "Search words.")) var search: String?
    @Flag(help: CommandLineLanguage.help("Alleen gemarkeerde berichten.", "Only marked messages.")) var marked = false
    @Option(help: CommandLineLanguage.help("Hoeveel regels.", "How many lines.")) var limit: Int = 200
    @Option(help: CommandLineLanguage.help("Sla zoveel regels over (volgende pagina).", "Skip this many lines (next page).")) var offset: Int = 0
    @Option(help: CommandLineLanguage.help("Tijdzone voor weergave en datums.", "Time zone for display and dates.")) var timezone: String = "Europe/Amsterdam"
    @Flag(help: CommandLineLanguage.help("Eén JSON-object per regel.", "One JSON object per line.")) var json = false

    func run() throws {
        let id = try parseCaseID(caseID, global)
        guard let zone = TimeZone(identifier: timezone) else {
            throw KitError(nl: "Onbekende tijdzone '\(TerminalText.safe(timezone))'.", en: "Unknown time zone '\(TerminalText.safe(timezone))'.")
        }
        var q = TimelineQuery()
        q.person = person
        q.handle = handle
        q.from = try from.map { try Self.day($0, zone: zone, global) }
        q.to = try to.map { try Self.day($0, zone: zone, global).addingTimeInterval(86400) }
        q.kinds = kind
        q.search = search
        q.onlyMarked = marked
        q.limit = limit
        q.offset = offset
        let store = try global.openStore(create: false)
        let page = try store.timeline(id, q)
        for e in page.entries {
            if json {
                var o = e.message.json.objectValue ?? [:]
                o["id"] = .int(e.id)
                o["item"] = .object(["id": .int(e.itemID), "name": .string(e.itemName), "sha256": .string(e.itemSHA256.hex)])
                if let h = e.highlighted { o["highlighted"] = .string(h) }
                if let m = e.mark { o["mark"] = .object(["reason": .string(m.reason.rawValue), "note": .string(m.note)]) }
                out(JSONValue.object(o).serialized())
                continue
            }
            let when = e.message.timestamp.map { DisplayTime.string($0.date, zone: zone) } ?? "—"
            let who = RecordOriginText.author(e.message, limit: 28, global.t)
            var text = TerminalText.line(e.highlighted ?? e.message.text, limit: 110)
            text = text.replacingOccurrences(of: "\\u{2}", with: "»").replacingOccurrences(of: "\\u{3}", with: "«")
            let mark = e.mark.map { " ★ \($0.reason.rawValue)" } ?? ""
            out("#\(e.id)  \(when)  \(who): \(text)\(mark)")
            let origin = RecordOriginText.origin(e.message.origin), reading = RecordOriginText.reading(e.message, global.t)
            out("      \(TerminalText.line(e.itemName, limit: 40)) \(origin)  sha256 \(e.itemSHA256.short)…\(reading)")
        }
        if page.entries.isEmpty && !json { out(global.t("Geen berichten gevonden.", "No messages found.")) }
        if page.hasMore && !json {
            out(global.t("… meer met --offset \(offset + limit)", "… more with --offset \(offset + limit)"))
        }
    }

    static func day(_ s: String, zone: TimeZone, _ g: GlobalOptions) throws -> Date {
        guard let t = Timestamp(rfc3339: s + "T00:00:00Z") else {
            throw KitError(nl: "Schrijf een datum als jjjj-mm-dd, niet '\(TerminalText.safe(s))'.",
                           en: "Write a date as yyyy-mm-dd, not '\(TerminalText.safe(s))'.")
        }
        return t.date.addingTimeInterval(-Double(zone.secondsFromGMT(for: t.date)))
    }
}

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: CommandLineLanguage.text("Markeer een bericht uit de tijdlijn als relevant, met een reden.", "Mark a message of the timeline as relevant, with a reason."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Argument(help: CommandLineLanguage.help("Het nummer van het bericht (#… in de tijdlijn).", "The number of the message (#… in the timeline).")) var message: String
    @Option(help: CommandLineLanguage.help("Waarom het bericht ertoe doet.", "Why the message matters.")) var reason: Choice<MarkReason>
    @Option(help: CommandLineLanguage.help("Toelichting.", "Explanation.")) var note: String?

    func run() throws {
        let id = try parseCaseID(caseID, global)
        guard let n = Int64(message.hasPrefix("#") ? String(message.dropFirst()) : message) else {
            throw KitError(nl: "Geef het nummer van het bericht, zoals #12.", en: "Give the message number, like #12.")
        }
        guard let r = MarkReason(parsing: reason.typed) else {
            let reason = reason.typed
            throw KitError(nl: "Onbekende reden '\(TerminalText.safe(reason))'. Kies uit: " + MarkReason.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                           en: "Unknown reason '\(TerminalText.safe(reason))'. Choose from: " + MarkReason.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let store = try global.openStore(create: false)
        try store.mark(id, messageID: n, reason: r, note: note, actor: global.actor)
        out(global.t("Bericht #\(n) gemarkeerd: \(r.dutch).", "Message #\(n) marked: \(r.rawValue)."))
    }
}

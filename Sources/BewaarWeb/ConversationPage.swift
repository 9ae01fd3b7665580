import Foundation
import BewaarModel
import BewaarStore

/// A chat as a conversation: bubbles as in the app, the pupil's own side on the right, system
/// lines quiet in the middle, deleted and media messages shown as such, images inline from the
/// store. Paged by sequence number (keyset), so the last page of a 100,000-message chat is as
/// quick as the first. Every bubble links its marking and its original bytes.
extension WebApp {
    static let conversationPageSize = 100

    /// Whose side is on the right, and the sentence that says why.
    struct OwnSide {
        var author: String?
        var why: String
    }

    /// The right-hand side: the author the mentor picked (`rechts`, "-" for nobody); else the
    /// author the item's "afkomstig van" names ("telefoon van Sanne"); else the case's victim
    /// (by a linked handle or the name); else nobody, and the page asks.
    func ownSide(_ t: any PageText, _ id: CaseID, _ item: EvidenceItem, authors: [String], picked: String?) throws -> OwnSide {
        let e = t.evidence
        if picked == "-" { return OwnSide(author: nil, why: e.sideNobodyChosen) }
        if let picked, let a = authors.first(where: { $0 == picked }) { return OwnSide(author: a, why: e.sideChosen(a)) }
        if let from = item.collectedFrom, let a = Self.author(namedIn: from, among: authors) {
            return OwnSide(author: a, why: e.sideCollectedFrom(a, from: from))
        }
        let victims = try store.people(id).filter { $0.role == .slachtoffer }
        if !victims.isEmpty {
            let handles = try store.handles(id).filter { h in victims.contains { $0.id == h.personID } }
            if let a = authors.first(where: { a in
                handles.contains { $0.matches(author: a) } || victims.contains { $0.name.caseInsensitiveCompare(a) == .orderedSame }
            }) {
                return OwnSide(author: a, why: e.sideVictim(a))
            }
        }
        return OwnSide(author: nil, why: e.sideNone)
    }

    /// The one author that `text` names, in full or by first name as a word ("telefoon van
    /// Sanne" → "Sanne de Vries"); nil when none or more than one fits.
    static func author(namedIn text: String, among authors: [String]) -> String? {
        let lower = text.lowercased()
        let full = authors.filter { $0.count >= 3 && lower.contains($0.lowercased()) }
        if full.count == 1 { return full[0] }
        let words = Set(lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let first = authors.filter { a in a.split(separator: " ").first.map { $0.count >= 2 && words.contains($0.lowercased()) } ?? false }
        return first.count == 1 ? first[0] : nil
    }

    func conversationPage(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        let t = v.t, e = t.evidence
        let position = try Self.recordPosition(f, v.t)
        let window = try store.records(item: item.id, at: position, limit: Self.conversationPageSize)
        let authors = try store.authors(item: item.id)
        let side = try ownSide(t, id, item, authors: authors, picked: f.text("rechts"))
        let base = "/zaken/\(id)/stukken/\(item.id)"
        let sideQuery = f.text("rechts").map { "rechts=" + URLText.encode($0) + "&" } ?? ""
        let here = base + "?" + sideQuery + "vanaf=\(window.sequence.first ?? 0)"
        let list = try messageList(v, id, item, window, right: side.author, back: here)
        let nobody: HTML = "<option value=\"-\"\(HTML(raw: side.author == nil ? " selected" : ""))>\(e.sideNobody)</option>"
        let options: [HTML] = [nobody] + authors.map { a in a == side.author ? "<option value=\"\(a)\" selected>\(a)</option>" : "<option value=\"\(a)\">\(a)</option>" }
        let pager = Self.pager(window, base: base + "?" + sideQuery, t)
        let count: HTML = window.entries.isEmpty ? "<p>\(e.noRecords)</p>" : """
            <p class="uitleg">\(e.position(first: (window.sequence.first ?? 0) + 1, last: (window.sequence.last ?? 0) + 1, total: item.messageCount))</p>
            """
        return """
            \(itemFacts(v, id, item))
            <p class="goed">\(side.why)</p>
            <form method="get" action="\(base)" class="kant">
            <label for="rechts">\(e.sideLabel)</label>
            <select id="rechts" name="rechts">\(options)</select>
            <button type="submit" class="licht">\(e.sideButton)</button>
            </form>
            \(count)
            \(pager)
            \(list)
            \(pager)
            """
    }

    /// The messages of a window as bubbles, with a line for each new day (and each new thread of
    /// an export); `right` is the author whose bubbles stand on the right (`blocks` shows them
    /// full width, for text that is not a chat: the blocks of a saved page).
    func messageList(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ window: RecordWindow, right: String?, back: String,
                     blocks: Bool = false) throws -> HTML {
        let files = try attachmentFiles(item, window.entries)
        let backQuery = "?terug=" + URLText.encode(back)
        var items: [HTML] = []
        var lastDay = "", lastThread = ""
        for entry in window.entries {
            // An export holds several conversations one after another: each starts with its name.
            if let thread = entry.message.extra["thread"]?.stringValue, thread != lastThread {
                items.append("<li class=\"dag\"><span class=\"bericht\">\(thread)</span></li>")
                lastThread = thread
                lastDay = ""
            }
            if let ts = entry.message.timestamp {
                let day = Self.day(ts.date, v.t)
                if day != lastDay { items.append("<li class=\"dag\"><span>\(day)</span></li>"); lastDay = day }
            }
            items.append(bubble(v, id, entry, right: right != nil && entry.message.author == right, files: files, backQuery: backQuery))
        }
        return "<ol class=\"gesprek\(HTML(raw: blocks ? " blokken" : ""))\">\(items)</ol>"
    }

    /// One message as a bubble (system lines as a quiet line in the middle) with its mark and
    /// the links to mark it and to see its original bytes.
    /// `backQuery` is the mark link's `?terug=…` (encoded once per page, not per bubble).
    func bubble(_ v: Visit, _ id: CaseID, _ entry: TimelineEntry, right: Bool, files: [SHA256Digest: AttachedFile], backQuery: String,
                actions: Bool = true) -> HTML {
        let t = v.t, e = t.evidence
        let m = entry.message
        var links: [HTML] = []
        if actions {
            let markHref = "/zaken/\(id.description)/tijdlijn/\(entry.id)/markeren" + backQuery
            links.append("<a href=\"\(markHref)\">\(entry.mark == nil ? e.markLink : e.changeMarkLink)</a>")
            links.append("<a href=\"/zaken/\(id.description)/tijdlijn/\(entry.id)/bron\">\(e.sourceLink)</a>")
        }
        let mark: HTML = entry.mark.map { "<p class=\"markering\">\(e.markedAs(t.markReason($0.reason), note: $0.note, by: $0.by))</p>" } ?? ""
        if m.kind == .system, ScreenshotReading(m) != nil { links.insert(ScreenshotView.note(m, t), at: 0) }
        if m.kind == .system {
            // Quiet, in the middle, as the app shows it; it can still be marked (a pupil removed from the group).
            return """
                <li class="systeem\(HTML(raw: entry.mark == nil ? "" : " gemarkeerd"))" id="bericht-\(entry.id)"><span class="bericht">\(m.text)</span>\
                \(HTML(raw: links.isEmpty ? "" : " · "))\(HTML.join(links, separator: " · "))\(mark)</li>
                """
        }
        var parts: [HTML] = []
        if !right, m.author != nil { parts.append("<p class=\"afzender\">\(ScreenshotView.author(m, t))</p>") }
        switch m.kind {
        case .deleted: parts.append("<p class=\"soort\">\(e.deleted)</p>")
        case .media: parts.append("<p class=\"soort\">\(e.media)</p>")
        case .viewOnce: parts.append("<p class=\"soort\">\(e.viewOnce)</p>")
        default: break
        }
        parts.append("<div class=\"bericht\(HTML(raw: m.kind == .deleted ? " verwijderd" : ""))\">\(m.text)</div>")
        var shown = 0
        for a in m.attachments {
            guard let sha = a.sha256, let file = files[sha] else { continue }
            shown += 1
            if file.image {
                parts.append("""
                    <a class="plaatje" href="/zaken/\(id.description)/stukken/\(file.item.id)"><img src="/zaken/\(id.description)/stukken/\(file.item.id)/afbeelding" alt="\(e.imageAlt(a.name))" loading="lazy"></a>
                    """)
            } else {
                parts.append("<p><a href=\"/zaken/\(id.description)/bewijs/\(file.item.id)\" download>\(a.name)</a> (\(Layout.bytes(file.item.size, t)))</p>")
            }
        }
        if shown == 0 && (m.kind == .media || m.kind == .viewOnce) { parts.append("<p class=\"uitleg\">\(e.mediaOmitted)</p>") }
        parts.append(mark)
        var meta: [HTML] = []
        if let ts = m.timestamp { meta.append("<time datetime=\"\(ts.rfc3339)\">\(Self.clock(ts.date))</time>") }
        if m.timestamp == nil, let shown = ScreenshotReading(m)?.time { meta.append("\(t.screenshot.shownAs(shown))") }
        let ocr = ScreenshotView.note(m, t)
        if !ocr.raw.isEmpty { meta.append(ocr) }
        if m.flags.contains("edited") { meta.append("\(e.edited)") }
        meta += links
        let classes = "bubbel " + (right ? "rechts" : "links") + (entry.mark == nil ? "" : " gemarkeerd")
        return """
            <li class="\(classes)" id="bericht-\(entry.id)">\(parts)<p class="meta">\(HTML.join(meta, separator: " · "))</p></li>
            """
    }

    /// A file a message carries, found among its item's contained files, and whether Bewaar
    /// shows it inline (its bytes are a PNG, JPEG, GIF or WebP image).
    struct AttachedFile {
        var item: EvidenceItem
        var image: Bool
    }

    /// The stored files of the attachments on this page, by digest.
    func attachmentFiles(_ item: EvidenceItem, _ entries: [TimelineEntry]) throws -> [SHA256Digest: AttachedFile] {
        let digests = entries.flatMap { $0.message.attachments.compactMap(\.sha256) }
        return try store.containedItems(of: item.id, sha256: digests).mapValues { child in
            AttachedFile(item: child, image: imageType(child.sha256) != nil)
        }
    }

    /// Where a page of records starts: `vanaf` (a sequence number), `voor` (the page before a
    /// sequence number), `bericht` (the page around a message), else the start.
    static func recordPosition(_ f: QueryFields, _ t: any PageText) throws -> RecordPosition {
        if let from = try RequestInput.integer(f["vanaf"], in: 0...(1 << 53), t) { return .from(from) }
        if let before = try RequestInput.integer(f["voor"], in: 0...(1 << 53), t) { return .before(before) }
        if let message = try RequestInput.id(f["bericht"], t) { return .around(messageID: message) }
        return .start
    }

    /// Links to the records before and after a window (`base` ends in `?` or `&`).
    static func pager(_ w: RecordWindow, base: String, _ t: any PageText) -> HTML {
        var links: [HTML] = []
        if w.hasEarlier, let first = w.sequence.first { links.append("<a href=\"\(base)voor=\(first)\">\(t.evidence.earlier)</a>") }
        if w.hasLater, let last = w.sequence.last { links.append("<a href=\"\(base)vanaf=\(last + 1)\">\(t.evidence.later)</a>") }
        return links.isEmpty ? "" : "<nav aria-label=\"\(t.pages)\" class=\"bladeren\"><p>\(HTML.join(links, separator: " · "))</p></nav>"
    }

    /// "3 mrt 2026" in Amsterdam time.
    static func day(_ date: Date, _ t: any PageText) -> String {
        let c = Layout.amsterdam.dateComponents([.year, .month, .day], from: date)
        return "\(c.day ?? 0) \(t.months[max(0, min(11, (c.month ?? 1) - 1))]) \(c.year ?? 0)"
    }

    /// "20:05" in Amsterdam time.
    static func clock(_ date: Date) -> String {
        let c = Layout.amsterdam.dateComponents([.hour, .minute], from: date)
        return String(c.hour ?? 0).leftPadded(2) + ":" + String(c.minute ?? 0).leftPadded(2)
    }
}

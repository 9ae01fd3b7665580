import Foundation
import Hummingbird
import BewaarModel
import BewaarKit
import BewaarStore

/// /zaken/ID/stukken/ITEM: one item of evidence as a person would look at it. A chat opens as a
/// conversation; an e-mail shows its headers, text and attachments with a "herkomst" button; a
/// saved page shows its text and what is known about it (the page itself is never rendered,
/// only downloaded); an image is shown. Everything it shows is escaped.
extension WebApp {
    static let mailPageSize = 20

    func addItemRoutes(_ cases: RouterGroup<CaseContext>) {
        cases.get("/stukken/:item", viewed: viewed("stuk")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let item = try self.caseItem(v, id, context)
            let f = QueryFields(of: request)
            return self.page(v, title: v.t.evidence.itemTitle(item.name), caseNav: id, current: "zaak", try self.itemPage(v, id, item, f))
        }
    }

    func itemPage(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        // A withdrawn item (a wrong upload) is kept and can be looked at, and says so first.
        if let w = try store.withdrawals(id)[item.id] {
            let notice: HTML = "<p class=\"melding\">\(v.t.work.withdrawn(by: w.by, at: Layout.time(w.at, v.t), reason: w.reason))</p>"
            return "\(notice)\(try itemContent(v, id, item, f))"
        }
        return "\(try dateOrderBox(v, id, item, f))\(try itemContent(v, id, item, f))"
    }

    func itemContent(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        switch item.format {
        case "email": return try mailPage(v, id, item, f)
        case "html", "mhtml": return try savedPage(v, id, item, f)
        case "image": return try imagePage(v, id, item, f)
        case "whatsapp", "export": return try conversationPage(v, id, item, f)
        default:
            if item.messageCount > 0 { return try conversationPage(v, id, item, f) }
            if imageType(item.sha256) != nil { return try imagePage(v, id, item, f) }
            return itemFacts(v, id, item)
        }
    }

    /// What is known about the file itself (kind, size, SHA-256, who stored it, from whom),
    /// folded, and the download of the original.
    func itemFacts(_ v: Visit, _ id: CaseID, _ item: EvidenceItem) -> HTML {
        let t = v.t, e = t.evidence
        var facts: [HTML] = [
            "<dt>\(e.colFormat)</dt><dd>\(t.work.formatName(item.format))</dd>",
            "<dt>\(e.colSize)</dt><dd>\(Layout.bytes(item.size, t))</dd>",
            "<dt>SHA-256</dt><dd><code>\(item.sha256.hex)</code></dd>",
            "<dt>\(e.colCollected)</dt><dd>\(e.collected(by: item.collectedBy, at: Layout.time(item.collectedAt, t)))</dd>",
        ]
        if let from = item.collectedFrom { facts.append("<dt>\(e.colCollectedFrom)</dt><dd>\(from)</dd>") }
        if let q = try? DateOrderQuestion.of(item, store: store) {
            facts.append("<dt>\(t.dateOrder.factLabel)</dt><dd>\(t.dateOrder.fact(order: q.order, confirmed: q.confirmed, assumed: q.ambiguous))</dd>")
        }
        if let note = item.note { facts.append("<dt>\(e.colNote)</dt><dd class=\"bericht\">\(note)</dd>") }
        if let parentID = item.parentID, let parent = try? store.item(parentID) {
            facts.append("""
                <dt>\(e.colInside)</dt><dd><a href="/zaken/\(id.description)/stukken/\(parent.id)">\(parent.name)</a>\
                \(HTML(raw: item.pathInParent.map { " (" + HTML.escape($0) + ")" } ?? ""))</dd>
                """)
        }
        let trace: HTML = Self.isMail(item) ? " · <a class=\"knop\" href=\"/herkomst/\(item.id)\">\(e.traceButton)</a>" : ""
        return """
            <details class="feiten"><summary>\(e.aboutFile)</summary><dl>\(facts)</dl></details>
            <p><a href="/zaken/\(id.description)/bewijs/\(item.id)" download>\(e.downloadOriginal)</a>\(trace)</p>
            """
    }

    // MARK: E-mail

    func mailPage(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        let window = try store.records(item: item.id, at: try Self.recordPosition(f, v.t), limit: Self.mailPageSize)
        let base = "/zaken/\(id)/stukken/\(item.id)"
        let here = base + "?vanaf=\(window.sequence.first ?? 0)"
        var digests = window.entries.flatMap { $0.message.attachments.compactMap(\.sha256) }
        for entry in window.entries {
            for part in entry.message.extra["email"]?["htmlParts"]?.arrayValue ?? [] {
                if let sha = part["sha256"]?.stringValue.flatMap(SHA256Digest.init(hex:)) { digests.append(sha) }
            }
        }
        let files = try store.containedItems(of: item.id, sha256: digests).mapValues { child in
            AttachedFile(item: child, image: imageType(child.sha256) != nil)
        }
        let mails: [HTML] = window.entries.map { mail(v, id, $0, files: files, back: here) }
        let pager = Self.pager(window, base: base + "?", v.t)
        let empty: HTML = window.entries.isEmpty ? "<p>\(v.t.evidence.noRecords)</p>" : ""
        return "\(itemFacts(v, id, item))\(empty)\(pager)\(mails)\(pager)"
    }

    /// One e-mail: the headers a reader looks at, every header folded, the text, the attachments.
    func mail(_ v: Visit, _ id: CaseID, _ entry: TimelineEntry, files: [SHA256Digest: AttachedFile], back: String) -> HTML {
        let t = v.t, e = t.evidence
        let m = entry.message
        let email = m.extra["email"]
        func addresses(_ key: String) -> String {
            (email?[key]?.arrayValue ?? []).map { a -> String in
                let name = a["name"]?.stringValue ?? "", address = a["address"]?.stringValue ?? ""
                return name.isEmpty ? address : address.isEmpty ? name : "\(name) <\(address)>"
            }.joined(separator: ", ")
        }
        let subject = email?["subject"]?.stringValue ?? ""
        var rows: [HTML] = ["<dt>\(e.mailFrom)</dt><dd>\(addresses("from"))</dd>", "<dt>\(e.mailTo)</dt><dd>\(addresses("to"))</dd>"]
        let cc = addresses("cc")
        if !cc.isEmpty { rows.append("<dt>\(e.mailCc)</dt><dd>\(cc)</dd>") }
        let date = m.timestamp.map { Layout.time($0.date, t) } ?? email?["dateText"]?.stringValue ?? t.noTime
        rows.append("<dt>\(e.mailDate)</dt><dd>\(date)</dd>")
        let headers: [HTML] = (email?["headers"]?.arrayValue ?? []).map { h in
            "<tr><td>\(h["name"]?.stringValue ?? "")</td><td><span class=\"bericht\">\(h["value"]?.stringValue ?? "")</span></td></tr>"
        }
        var attachments: [HTML] = []
        for a in m.attachments {
            guard let sha = a.sha256, let file = files[sha] else {
                attachments.append("<li>\(a.name)</li>")
                continue
            }
            let image: HTML = file.image ? """
                <br><a class="plaatje" href="/zaken/\(id.description)/stukken/\(file.item.id)"><img src="/zaken/\(id.description)/stukken/\(file.item.id)/afbeelding" alt="\(e.imageAlt(a.name))" loading="lazy"></a>
                """ : ""
            attachments.append("""
                <li><a href="/zaken/\(id.description)/stukken/\(file.item.id)">\(a.name)</a> – \(Layout.bytes(file.item.size, t)), \
                <a href="/zaken/\(id.description)/bewijs/\(file.item.id)" download>\(e.download)</a>\(image)</li>
                """)
        }
        let htmlParts: [HTML] = (email?["htmlParts"]?.arrayValue ?? []).compactMap { p in
            guard let sha = p["sha256"]?.stringValue.flatMap(SHA256Digest.init(hex:)), let file = files[sha] else { return nil }
            return "<li><a href=\"/zaken/\(id.description)/bewijs/\(file.item.id)\" download>\(file.item.name)</a> (\(Layout.bytes(file.item.size, t)))</li>"
        }
        let attachmentList: HTML = attachments.isEmpty ? "<p>\(e.noAttachments)</p>" : "<ul>\(attachments)</ul>"
        let htmlNote: HTML = htmlParts.isEmpty ? "" : "<p class=\"uitleg\">\(e.htmlPartsNote)</p><ul>\(htmlParts)</ul>"
        let markHref = "/zaken/\(id.description)/tijdlijn/\(entry.id)/markeren?terug=" + URLText.encode(back)
        let mark: HTML = entry.mark.map { "<p class=\"markering\">\(e.markedAs(t.markReason($0.reason), note: $0.note, by: $0.by))</p>" } ?? ""
        return """
            <article class="mail" id="bericht-\(entry.id)" aria-labelledby="onderwerp-\(entry.id)">
            <h2 id="onderwerp-\(entry.id)" class="bericht">\(subject.isEmpty ? e.noSubject : subject)</h2>
            <dl class="kop">\(rows)</dl>
            <details><summary>\(e.allHeaders)</summary>
            <table><thead><tr><th scope="col">\(e.colHeaderName)</th><th scope="col">\(e.colHeaderValue)</th></tr></thead><tbody>\(headers)</tbody></table>
            </details>
            <h3>\(e.mailBody)</h3>
            <div class="bericht mailtekst">\(m.text)</div>
            \(htmlNote)
            <h3>\(e.attachmentsHeading)</h3>
            \(attachmentList)
            \(mark)
            <p class="meta"><a href="\(markHref)">\(entry.mark == nil ? e.markLink : e.changeMarkLink)</a> · \
            <a href="/zaken/\(id.description)/tijdlijn/\(entry.id)/bron">\(e.sourceLink)</a></p>
            </article>
            """
    }

    // MARK: Saved page

    func savedPage(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        let e = v.t.evidence
        let extra = try store.itemExtra(item.id)
        let info = extra["page"] ?? extra["pages"]?.arrayValue?.first
        var facts: [HTML] = []
        func fact(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append("<dt>\(label)</dt><dd class=\"bericht\">\(value)</dd>") }
        }
        fact(e.pageTitle, info?["title"]?.stringValue ?? info?["subject"]?.stringValue)
        fact(e.pageAddress, info?["url"]?.stringValue)
        fact(e.pagePlatform, extra["platform"]?.stringValue)
        fact(e.pageSaved, info?["savedDate"]?.stringValue.flatMap { Timestamp(rfc3339: $0) }.map { Layout.time($0.date, v.t) }
            ?? info?["savedDateAsWritten"]?.stringValue)
        fact(e.pageTool, info?["saveTool"]?.stringValue)
        fact(e.pageEncoding, info?["encoding"]?["name"]?.stringValue)
        let window = try store.records(item: item.id, at: try Self.recordPosition(f, v.t), limit: Self.conversationPageSize)
        let base = "/zaken/\(id)/stukken/\(item.id)"
        let list = try messageList(v, id, item, window, right: nil, back: base + "?vanaf=\(window.sequence.first ?? 0)", blocks: true)
        let pager = Self.pager(window, base: base + "?", v.t)
        let empty: HTML = window.entries.isEmpty ? "<p>\(e.noRecords)</p>" : ""
        return """
            \(itemFacts(v, id, item))
            <p class="melding">\(e.pageNotShown)</p>
            <section aria-labelledby="over-pagina"><h2 id="over-pagina">\(e.pageAbout)</h2><dl class="kop">\(facts)</dl></section>
            <section aria-labelledby="tekst-pagina"><h2 id="tekst-pagina">\(e.pageText)</h2>
            \(empty)\(pager)\(list)\(pager)</section>
            """
    }

    // MARK: Image

    /// An image's metadata as the importer read it (`image.metadata`): every field by name, nested
    /// values (PNG text, XMP) flattened to one line each; all of it evidence text, escaped.
    func metadataList(_ metadata: JSONValue?, _ e: any EvidenceText) -> HTML {
        guard let fields = metadata?.objectValue, !fields.isEmpty else { return "" }
        func line(_ value: JSONValue) -> String {
            switch value {
            case .string(let s): return s
            case .int(let n): return String(n)
            case .bool(let b): return b ? "✓" : "—"
            case .array(let a): return a.map(line).joined(separator: "; ")
            case .object(let o) where o.count == 2 && o["name"] != nil && o["value"] != nil:
                return line(o["name"] ?? .null) + ": " + line(o["value"] ?? .null)  // a PNG text chunk
            case .object(let o): return o.keys.sorted().map { "\($0): \(line(o[$0] ?? .null))" }.joined(separator: ", ")
            default: return ""
            }
        }
        let rows: [HTML] = fields.keys.sorted().map { key in
            "<tr><th scope=\"row\">\(e.metadataField(key))</th><td>\(line(fields[key] ?? .null))</td></tr>"
        }
        return """
            <details class="metadata"><summary>\(e.imageMetadataHeading)</summary>\
            <table class="stapel"><tbody>\(rows)</tbody></table></details>
            """
    }

}

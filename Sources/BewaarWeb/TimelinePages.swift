import Foundation
import Hummingbird
import BewaarModel
import BewaarStore

/// /zaken/ID/tijdlijn: the merged timeline with search and filters; each entry links its
/// marking (MarkRoutes), its place in its conversation (ItemPage) and its original bytes on
/// demand (/zaken/ID/tijdlijn/N/bron, OriginPage).
extension WebApp {
    static let pageSize = 100

    func addTimelineRoutes(_ cases: RouterGroup<CaseContext>) {
        cases.get("/tijdlijn", viewed: viewed("tijdlijn")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let c = try self.store.case(id)
            return self.page(v, title: v.t.timelineTitle(id.description, c.title), caseNav: id, current: "tijdlijn",
                             try self.timelinePage(v, id, QueryFields(of: request)))
        }
        cases.get("/tijdlijn/:msg/bron", viewed: viewed("bron")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let (entry, item) = try self.caseEntry(v, id, context)
            return self.page(v, title: v.t.sourceTitle(entry.id), caseNav: id, current: "tijdlijn", self.sourcePage(id, entry, item, v.t))
        }
    }

    func timelinePage(_ v: Visit, _ id: CaseID, _ f: QueryFields) throws -> HTML {
        let t = v.t
        var q = TimelineQuery()
        q.search = f.text("q")
        q.person = f.text("persoon")
        q.from = try RequestInput.day(f.text("van"), t)
        q.to = try RequestInput.day(f.text("tot"), t).map { $0.addingTimeInterval(86400) }
        q.onlyMarked = f["gemarkeerd"] == "1"
        // Pages go by the record at their edge (keyset): every page is as quick as the first.
        // A page number alone (an old link) still works, by counting.
        let pageNumber = try RequestInput.page(f.text("pagina"), t)
        q.limit = Self.pageSize
        q.after = try RequestInput.id(f.text("na"), t)
        q.before = q.after == nil ? try RequestInput.id(f.text("voor"), t) : nil
        if q.after == nil && q.before == nil { q.offset = (pageNumber - 1) * Self.pageSize }
        let people = try store.people(id)
        var problem: HTML = ""
        var entries: [TimelineEntry] = []
        var hasMore = false, hasEarlier = false
        do {
            let page = try store.timeline(id, q)
            entries = page.entries
            hasMore = page.hasMore
            hasEarlier = page.hasEarlier
        } catch let e as StoreError { problem = "<p class=\"melding\">\(t.choose(nl: e.dutch, en: e.english))</p>" }
        let personOptions: [HTML] = ["<option value=\"\">\(t.everyone)</option>"] + people.map { p in
            p.name == q.person ? "<option selected>\(p.name)</option>" : "<option>\(p.name)</option>"
        }
        // Back here after marking: the same filters and the same page.
        let here = "/zaken/\(id)/tijdlijn" + (f.values.isEmpty ? "" : "?" + Self.query(f, keeping: ["pagina", "na", "voor"]))
        let hereEncoded = URLText.encode(here)
        let rows: [HTML] = entries.map { e in
            let m = e.message
            let text: HTML = e.highlighted.map(HTML.highlighted) ?? "\(m.text)"
            let when = m.timestamp.map { Layout.time($0.date, t) } ?? t.noTime
            let mark: HTML = e.mark.map { "<p class=\"goed\">\(t.markedWord): \(t.markReason($0.reason))\($0.note.map { " – " + $0 } ?? "") (\($0.by))</p>" } ?? ""
            let ocr = ScreenshotView.note(m, t)
            let ocrLine: HTML = ocr.raw.isEmpty ? "" : "<p class=\"uitleg\">\(ocr)</p>"
            let shownTime = ScreenshotView.shownTime(m, t)
            let attachments: HTML = m.attachments.isEmpty ? "" : "<p class=\"uitleg\">\(t.attachments): \(m.attachments.map(\.name).joined(separator: ", "))</p>"
            return """
                <tr id="bericht-\(e.id)"><td>\(when)\(shownTime)</td><td>\(ScreenshotView.author(m, t))</td><td><div class="bericht">\(text)</div>\(ocrLine)\(attachments)\(mark)</td>\
                <td><a href="/zaken/\(id.description)/stukken/\(e.itemID)?bericht=\(e.id)#bericht-\(e.id)">\(e.itemName)</a><br>\
                <a href="/zaken/\(id.description)/tijdlijn/\(e.id)/bron">\(ScreenshotView.originText(m.origin, t))</a></td>\
                <td><a href="/zaken/\(id.description)/tijdlijn/\(e.id)/markeren?terug=\(hereEncoded)">\(e.mark == nil ? t.evidence.markLink : t.evidence.changeMarkLink)</a></td></tr>
                """
        }
        var pager: [HTML] = []
        if hasEarlier, let first = entries.first {
            pager.append("<a href=\"\(link(f, page: max(1, pageNumber - 1), id, cursor: "voor=\(first.id)"))\">\(t.previousPage(Self.pageSize))</a>")
        }
        if hasMore, let last = entries.last {
            pager.append("<a href=\"\(link(f, page: pageNumber + 1, id, cursor: "na=\(last.id)"))\">\(t.nextPage(Self.pageSize))</a>")
        }
        let total = try store.timelineCount(id)
        return """
            <form method="get" action="/zaken/\(id.description)/tijdlijn" class="kolommen" role="search">
            <div><label for="q">\(t.searchLabel)</label><input type="search" id="q" name="q" value="\(q.search ?? "")"></div>
            <div><label for="persoon">\(t.fromWhom)</label><select id="persoon" name="persoon">\(personOptions)</select></div>
            <div><label for="van">\(t.fromDate)</label><input type="date" id="van" name="van" value="\(f.text("van") ?? "")"></div>
            <div><label for="tot">\(t.toDate)</label><input type="date" id="tot" name="tot" value="\(f.text("tot") ?? "")"></div>
            <div><label for="gemarkeerd"><input type="checkbox" id="gemarkeerd" name="gemarkeerd" value="1"\(HTML(raw: q.onlyMarked ? " checked" : ""))> \(t.onlyMarked)</label>
            <button type="submit">\(t.show)</button></div>
            </form>
            \(problem)
            <p>\(t.shown(entries.count, page: pageNumber, total: total))</p>
            <table><thead><tr><th scope="col">\(t.colTime)</th><th scope="col">\(t.colFrom)</th><th scope="col">\(t.colMessage)</th><th scope="col">\(t.colSource)</th><th scope="col">\(t.colMark)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <nav aria-label="\(t.pages)"><p>\(HTML.join(pager, separator: " · "))</p></nav>
            """
    }

    /// The filters of `f` as a query (its page and cursor only when kept).
    static func query(_ f: QueryFields, keeping: Set<String> = []) -> String {
        f.values.keys.sorted().filter { keeping.contains($0) || !["pagina", "na", "voor"].contains($0) }.flatMap { k in f.values[k]!.map { URLText.encode(k) + "=" + URLText.encode($0) } }
            .joined(separator: "&")
    }

    func link(_ f: QueryFields, page: Int, _ id: CaseID, cursor: String) -> String {
        let q = Self.query(f)
        return "/zaken/\(id)/tijdlijn?" + (q.isEmpty ? "" : q + "&") + cursor + "&pagina=\(page)"
    }
}

import Foundation
import Hummingbird
import BewaarModel
import BewaarStore

/// /zaken/ID/tijdlijn: the merged timeline with search, filters, marking with a reason, and
/// each entry's original bytes on demand (/zaken/ID/tijdlijn/N/bron).
extension WebApp {
    static let pageSize = 100

    func addTimelineRoutes(_ router: Router<WebContext>) {
        router.get("/zaken/:id/tijdlijn") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: "tijdlijn")
            let c = try self.store.case(id)
            return self.page(v, title: v.t.timelineTitle(id.description, c.title), caseNav: id, current: "tijdlijn",
                             try self.timelinePage(v, id, FormData(request.uri.query ?? "")))
        }
        router.get("/zaken/:id/tijdlijn/:msg/bron") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: "bron")
            let msg = try RequestInput.parameter(context, "msg", in: 1...(1 << 53), v.t)
            guard let entry = try self.store.context(around: msg, before: 0, after: 0).first(where: { $0.id == msg }),
                  let item = try? self.store.item(entry.itemID), item.caseID == id else {
                throw PageError.notFound(v.t, v.t.messageNotInCase)
            }
            return self.page(v, title: v.t.sourceTitle(msg), caseNav: id, current: "tijdlijn", self.sourcePage(id, entry, item, v.t))
        }
        router.post("/zaken/:id/markeren") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            guard let msg = try RequestInput.id(form["bericht"], v.t), let reason = form["reden"].flatMap(MarkReason.init(parsing:)) else {
                throw PageError.failed(v.t, v.t.chooseMarkReason, back: "/zaken/\(id)/tijdlijn")
            }
            do { try self.store.mark(id, messageID: msg, reason: reason, note: form.text("toelichting"), actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)/tijdlijn")
            }
            let back = form["terug"].flatMap { $0.hasPrefix("/zaken/\(id)/tijdlijn") ? $0 : nil } ?? "/zaken/\(id)/tijdlijn"
            throw PageError.redirect(back + "#bericht-\(msg)")
        }
    }

    func timelinePage(_ v: Visit, _ id: CaseID, _ f: FormData) throws -> HTML {
        let t = v.t
        var q = TimelineQuery()
        q.search = f.text("q")
        q.person = f.text("persoon")
        q.from = try RequestInput.day(f.text("van"), t)
        q.to = try RequestInput.day(f.text("tot"), t).map { $0.addingTimeInterval(86400) }
        q.onlyMarked = f["gemarkeerd"] == "1"
        let pageNumber = try RequestInput.page(f.text("pagina"), t)
        q.limit = Self.pageSize
        q.offset = (pageNumber - 1) * Self.pageSize
        let people = try store.people(id)
        var problem: HTML = ""
        var entries: [TimelineEntry] = []
        var hasMore = false
        do {
            let page = try store.timeline(id, q)
            entries = page.entries
            hasMore = page.hasMore
        } catch let e as StoreError { problem = "<p class=\"melding\">\(t.choose(nl: e.dutch, en: e.english))</p>" }
        let personOptions: [HTML] = ["<option value=\"\">\(t.everyone)</option>"] + people.map { p in
            p.name == q.person ? "<option selected>\(p.name)</option>" : "<option>\(p.name)</option>"
        }
        let reasons: [HTML] = MarkReason.allCases.map { "<option value=\"\($0.rawValue)\">\(t.markReason($0))</option>" }
        let here = "/zaken/\(id)/tijdlijn" + (f.values.isEmpty ? "" : "?" + (Self.query(f)))
        let rows: [HTML] = entries.map { e in
            let m = e.message
            let text: HTML = e.highlighted.map(HTML.highlighted) ?? "\(m.text)"
            let when = m.timestamp.map { Layout.time($0.date, t) } ?? t.noTime
            let mark: HTML = e.mark.map { "<p class=\"goed\">\(t.markedWord): \(t.markReason($0.reason))\($0.note.map { " – " + $0 } ?? "") (\($0.by))</p>" } ?? ""
            let attachments: HTML = m.attachments.isEmpty ? "" : "<p class=\"uitleg\">\(t.attachments): \(m.attachments.map(\.name).joined(separator: ", "))</p>"
            return """
                <tr id="bericht-\(e.id)"><td>\(when)</td><td>\(m.author ?? "—")</td><td><div class="bericht">\(text)</div>\(attachments)\(mark)</td>\
                <td>\(e.itemName)<br><a href="/zaken/\(id.description)/tijdlijn/\(e.id)/bron">bytes \(m.origin.offset)–\(m.origin.offset + m.origin.length)</a></td>\
                <td><form method="post" action="/zaken/\(id.description)/markeren">\(Layout.csrfField(v.session.csrf))\
                <input type="hidden" name="bericht" value="\(e.id)"><input type="hidden" name="terug" value="\(here)">\
                <label for="reden-\(e.id)">\(t.reason)</label><select id="reden-\(e.id)" name="reden">\(reasons)</select>\
                <label for="toel-\(e.id)">\(t.explanation)</label><input type="text" id="toel-\(e.id)" name="toelichting">\
                <button type="submit" class="licht">\(t.markButton(e.id))</button></form></td></tr>
                """
        }
        var pager: [HTML] = []
        if pageNumber > 1 { pager.append("<a href=\"\(link(f, page: pageNumber - 1, id))\">\(t.previousPage(Self.pageSize))</a>") }
        if hasMore { pager.append("<a href=\"\(link(f, page: pageNumber + 1, id))\">\(t.nextPage(Self.pageSize))</a>") }
        let total = try store.messageCount(id)
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

    static func query(_ f: FormData) -> String {
        f.values.keys.sorted().filter { $0 != "pagina" }.flatMap { k in f.values[k]!.map { URLText.encode(k) + "=" + URLText.encode($0) } }
            .joined(separator: "&")
    }

    func link(_ f: FormData, page: Int, _ id: CaseID) -> String {
        let q = Self.query(f)
        return "/zaken/\(id)/tijdlijn?" + (q.isEmpty ? "" : q + "&") + "pagina=\(page)"
    }

    func sourcePage(_ id: CaseID, _ e: TimelineEntry, _ item: EvidenceItem, _ t: any PageText) -> HTML {
        let m = e.message
        let length = Int(min(m.origin.length, 64 * 1024))
        var raw = t.unreadable
        if let h = FileHandle(forReadingAtPath: store.objects.path(for: item.sha256)) {
            defer { try? h.close() }
            if m.origin.part == nil, (try? h.seek(toOffset: UInt64(max(0, m.origin.offset)))) != nil,
               let data = try? h.read(upToCount: length) {
                raw = String(decoding: data, as: UTF8.self)
            } else if let part = m.origin.part {
                raw = t.inPart(part)
            }
        }
        return """
            <p>\(t.sourceIntro(name: item.name, sha256: item.sha256.hex, from: m.origin.offset, to: m.origin.offset + m.origin.length, line: m.origin.line))</p>
            <div class="kolommen">
            <section aria-labelledby="genorm"><h2 id="genorm">\(t.normalised)</h2><p>\(m.timestamp.map { Layout.time($0.date, t) } ?? t.noTime) – \(m.author ?? "—")</p><div class="bron">\(m.text)</div></section>
            <section aria-labelledby="orig"><h2 id="orig">\(t.originalBytes)</h2><div class="bron">\(raw)</div></section>
            </div>
            <p><a href="/zaken/\(id.description)/bewijs/\(item.id)">\(t.downloadWhole)</a> · <a href="/zaken/\(id.description)/tijdlijn#bericht-\(e.id)">\(t.backToTimeline)</a></p>
            """
    }
}

#if Web
import Foundation
import Hummingbird
import BewaarModel
import BewaarStore

/// /zaken/ID/tijdlijn: the merged timeline with search, filters, marking with a reason, and
/// each entry's original bytes on demand (/zaken/ID/tijdlijn/N/bron).
extension WebApp {
    static let pageSize = 100

    func addTimelineRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/zaken/:id/tijdlijn") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: "tijdlijn")
            let c = try self.store.case(id)
            return self.page(v, title: "Tijdlijn van zaak \(id): \(c.title)", caseNav: id, current: "tijdlijn",
                             try self.timelinePage(v, id, FormData(request.uri.query ?? "")))
        }
        router.get("/zaken/:id/tijdlijn/:msg/bron") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: "bron")
            guard let msg = context.parameters.get("msg", as: Int64.self),
                  let entry = try self.store.context(around: msg, before: 0, after: 0).first(where: { $0.id == msg }),
                  let item = try? self.store.item(entry.itemID), item.caseID == id else {
                throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Dit bericht hoort niet bij deze zaak.").raw)
            }
            return self.page(v, title: "Bron van bericht \(msg)", caseNav: id, current: "tijdlijn", self.sourcePage(id, entry, item))
        }
        router.post("/zaken/:id/markeren") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            guard let msg = form["bericht"].flatMap(Int64.init), let reason = form["reden"].flatMap(MarkReason.init(parsing:)) else {
                throw PageError(status: .badRequest, body: Layout.bare(title: "Niet gelukt", message: "Kies een reden om te markeren.",
                                                                       back: "/zaken/\(id)/tijdlijn").raw)
            }
            do { try self.store.mark(id, messageID: msg, reason: reason, note: form.text("toelichting"), actor: v.account.name) } catch {
                throw self.problem(error, back: "/zaken/\(id)/tijdlijn")
            }
            let back = form["terug"].flatMap { $0.hasPrefix("/zaken/\(id)/tijdlijn") ? $0 : nil } ?? "/zaken/\(id)/tijdlijn"
            throw PageError.redirect(back + "#bericht-\(msg)")
        }
    }

    static func day(_ text: String?) -> Date? {
        guard let text, text.count == 10 else { return nil }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let p = text.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        return cal.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))
    }

    func timelinePage(_ v: Visit, _ id: CaseID, _ f: FormData) throws -> HTML {
        var q = TimelineQuery()
        q.search = f.text("q")
        q.person = f.text("persoon")
        q.from = Self.day(f.text("van"))
        q.to = Self.day(f.text("tot")).map { $0.addingTimeInterval(86400) }
        q.onlyMarked = f["gemarkeerd"] == "1"
        let pageNumber = max(1, f["pagina"].flatMap(Int.init) ?? 1)
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
        } catch let e as StoreError { problem = "<p class=\"melding\">\(e.dutch)</p>" }
        let personOptions: [HTML] = [HTML(stringLiteral: "<option value=\"\">iedereen</option>")] + people.map { p in
            p.name == q.person ? "<option selected>\(p.name)</option>" : "<option>\(p.name)</option>"
        }
        let reasons: [HTML] = MarkReason.allCases.map { "<option value=\"\($0.rawValue)\">\($0.dutch)</option>" }
        let here = "/zaken/\(id)/tijdlijn" + (f.values.isEmpty ? "" : "?" + (Self.query(f)))
        let rows: [HTML] = entries.map { e in
            let m = e.message
            let text: HTML = e.highlighted.map(HTML.highlighted) ?? "\(m.text)"
            let when = m.timestamp.map { Layout.time($0.date) } ?? "zonder tijd"
            let mark: HTML = e.mark.map { "<p class=\"goed\">Gemarkeerd: \($0.reason.dutch)\($0.note.map { " – " + $0 } ?? "") (\($0.by))</p>" } ?? ""
            let attachments: HTML = m.attachments.isEmpty ? "" : "<p class=\"uitleg\">Bijlagen: \(m.attachments.map(\.name).joined(separator: ", "))</p>"
            return """
                <tr id="bericht-\(e.id)"><td>\(when)</td><td>\(m.author ?? "—")</td><td><div class="bericht">\(text)</div>\(attachments)\(mark)</td>\
                <td>\(e.itemName)<br><a href="/zaken/\(id.description)/tijdlijn/\(e.id)/bron">bytes \(m.origin.offset)–\(m.origin.offset + m.origin.length)</a></td>\
                <td><form method="post" action="/zaken/\(id.description)/markeren">\(Layout.csrfField(v.session.csrf))\
                <input type="hidden" name="bericht" value="\(e.id)"><input type="hidden" name="terug" value="\(here)">\
                <label for="reden-\(e.id)">Reden</label><select id="reden-\(e.id)" name="reden">\(reasons)</select>\
                <label for="toel-\(e.id)">Toelichting</label><input type="text" id="toel-\(e.id)" name="toelichting">\
                <button type="submit" class="licht">Markeer bericht \(e.id)</button></form></td></tr>
                """
        }
        var pager: [HTML] = []
        if pageNumber > 1 { pager.append("<a href=\"\(link(f, page: pageNumber - 1, id))\">Vorige \(Self.pageSize)</a>") }
        if hasMore { pager.append("<a href=\"\(link(f, page: pageNumber + 1, id))\">Volgende \(Self.pageSize)</a>") }
        let total = try store.messageCount(id)
        return """
            <form method="get" action="/zaken/\(id.description)/tijdlijn" class="kolommen" role="search">
            <div><label for="q">Zoeken in de berichten</label><input type="search" id="q" name="q" value="\(q.search ?? "")"></div>
            <div><label for="persoon">Van wie</label><select id="persoon" name="persoon">\(personOptions)</select></div>
            <div><label for="van">Vanaf (datum)</label><input type="date" id="van" name="van" value="\(f.text("van") ?? "")"></div>
            <div><label for="tot">Tot en met (datum)</label><input type="date" id="tot" name="tot" value="\(f.text("tot") ?? "")"></div>
            <div><label for="gemarkeerd"><input type="checkbox" id="gemarkeerd" name="gemarkeerd" value="1"\(HTML(raw: q.onlyMarked ? " checked" : ""))> Alleen gemarkeerde berichten</label>
            <button type="submit">Toon</button></div>
            </form>
            \(problem)
            <p>\(entries.count) berichten getoond (pagina \(pageNumber)); de zaak heeft \(total) berichten in totaal. Tijden in Nederlandse tijd.</p>
            <table><thead><tr><th scope="col">Tijd</th><th scope="col">Van</th><th scope="col">Bericht</th><th scope="col">Bron</th><th scope="col">Markeren</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <nav aria-label="Pagina's"><p>\(HTML.join(pager, separator: " · "))</p></nav>
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

    func sourcePage(_ id: CaseID, _ e: TimelineEntry, _ item: EvidenceItem) -> HTML {
        let m = e.message
        let length = Int(min(m.origin.length, 64 * 1024))
        var raw = "(niet te lezen)"
        if let h = FileHandle(forReadingAtPath: store.objects.path(for: item.sha256)) {
            defer { try? h.close() }
            if m.origin.part == nil, (try? h.seek(toOffset: UInt64(max(0, m.origin.offset)))) != nil,
               let data = try? h.read(upToCount: length) {
                raw = String(decoding: data, as: UTF8.self)
            } else if let part = m.origin.part {
                raw = "(de bytes staan in onderdeel \(part) van het origineel; download het origineel om ze te zien)"
            }
        }
        return """
            <p>Het genormaliseerde bericht naast de oorspronkelijke bytes uit <strong>\(item.name)</strong> \
            (SHA-256 <code>\(item.sha256.hex)</code>), bytes \(m.origin.offset) tot \(m.origin.offset + m.origin.length)\(m.origin.line.map { ", regel \($0)" } ?? "").</p>
            <div class="kolommen">
            <section aria-labelledby="genorm"><h2 id="genorm">Genormaliseerd</h2><p>\(m.timestamp.map { Layout.time($0.date) } ?? "zonder tijd") – \(m.author ?? "—")</p><div class="bron">\(m.text)</div></section>
            <section aria-labelledby="orig"><h2 id="orig">Oorspronkelijke bytes (als tekst)</h2><div class="bron">\(raw)</div></section>
            </div>
            <p><a href="/zaken/\(id.description)/bewijs/\(item.id)">Het hele origineel downloaden</a> · <a href="/zaken/\(id.description)/tijdlijn#bericht-\(e.id)">Terug naar de tijdlijn</a></p>
            """
    }
}
#endif

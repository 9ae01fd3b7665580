import Foundation
import Hummingbird
import BewaarModel
import BewaarStore

/// Marking a message: one click on a bubble (or a timeline row) opens
/// /zaken/ID/tijdlijn/N/markeren, which asks for a reason — none is chosen beforehand — and
/// then marks, changes or removes the mark. Each is a custody event; afterwards the visitor is
/// back where they clicked.
extension WebApp {
    /// Marking a message (or changing its mark: `wijzigen=1`), and where to go back to.
    struct MarkForm: Decodable {
        var bericht: String?
        var reden: String?
        var toelichting: String?
        var wijzigen: String?
        var terug: String?
    }

    /// Removing a message's mark, with why.
    struct UnmarkForm: Decodable {
        var bericht: String?
        var waarom: String?
        var terug: String?
    }

    func addMarkRoutes(_ cases: RouterGroup<CaseContext>) {
        cases.get("/tijdlijn/:msg/markeren", viewed: viewed("markeren")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let (entry, item) = try self.caseEntry(v, id, context)
            let back = Self.back(QueryFields(of: request)["terug"], id)
            return self.page(v, title: v.t.evidence.markTitle(entry.id), caseNav: id, current: "tijdlijn",
                             self.markPage(v, id, entry, item, back: back))
        }
        cases.post("/markeren") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: MarkForm.self)
            let back = Self.back(form.terug, id)
            guard let msg = try RequestInput.id(form.bericht, v.t) else { throw PageError.failed(v.t, v.t.chooseMarkReason, back: back) }
            guard let reason = form.reden.flatMap(MarkReason.init(parsing:)) else {
                throw PageError.failed(v.t, v.t.chooseMarkReason, back: "/zaken/\(id)/tijdlijn/\(msg)/markeren?terug=" + URLText.encode(back))
            }
            do {
                if form.wijzigen == "1" {
                    try self.store.changeMark(id, messageID: msg, reason: reason, note: form.toelichting.nonBlank, actor: v.account.name)
                } else {
                    try self.store.mark(id, messageID: msg, reason: reason, note: form.toelichting.nonBlank, actor: v.account.name)
                }
            } catch { throw self.problem(error, v.t, back: back) }
            return .seeOther(back + "#bericht-\(msg)")
        }
        cases.post("/markeren/verwijderen") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: UnmarkForm.self)
            let back = Self.back(form.terug, id)
            guard let msg = try RequestInput.id(form.bericht, v.t) else { throw RequestInput.bad(v.t) }
            do { try self.store.removeMark(id, messageID: msg, why: form.waarom.nonBlank, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: back)
            }
            return .seeOther(back + "#bericht-\(msg)")
        }
    }

    func markPage(_ v: Visit, _ id: CaseID, _ entry: TimelineEntry, _ item: EvidenceItem, back: String) -> HTML {
        let t = v.t, e = t.evidence
        let csrf = Layout.csrfField(v.session.csrf)
        let reasons: [HTML] = MarkReason.allCases.map { r in
            let checked: HTML = entry.mark?.reason == r ? " checked" : ""
            return "<label class=\"keuze\"><input type=\"radio\" name=\"reden\" value=\"\(r.rawValue)\" required\(checked)> \(t.markReason(r))</label>"
        }
        var current: HTML = ""
        var remove: HTML = ""
        if let mark = entry.mark {
            current = "<p class=\"goed\">\(e.currentMark(t.markReason(mark.reason), by: mark.by, at: Layout.time(mark.at, t)))</p>"
            remove = """
                <form method="post" action="/zaken/\(id.description)/markeren/verwijderen" data-bevestig="\(e.removeConfirm)">\(csrf)
                <input type="hidden" name="bericht" value="\(entry.id)"><input type="hidden" name="terug" value="\(back)">
                <label for="waarom">\(e.removeWhy)</label><input type="text" id="waarom" name="waarom">
                <div><button type="submit" class="licht">\(e.removeSubmit)</button></div>
                </form>
                """
        }
        let files = (try? attachmentFiles(item, [entry])) ?? [:]
        return """
            <ol class="gesprek">\(bubble(v, id, entry, right: false, files: files, backQuery: "", actions: false))</ol>
            \(current)
            <form method="post" action="/zaken/\(id.description)/markeren">\(csrf)
            <input type="hidden" name="bericht" value="\(entry.id)"><input type="hidden" name="terug" value="\(back)">
            \(HTML(raw: entry.mark == nil ? "" : "<input type=\"hidden\" name=\"wijzigen\" value=\"1\">"))
            <fieldset class="redenen"><legend>\(e.reasonQuestion)</legend>\(reasons)</fieldset>
            <label for="toelichting">\(e.noteLabel)</label><input type="text" id="toelichting" name="toelichting" value="\(entry.mark?.note ?? "")">
            <div><button type="submit">\(entry.mark == nil ? e.markSubmit : e.changeSubmit)</button></div>
            </form>
            \(remove)
            <p><a href="\(back)#bericht-\(entry.id)">\(e.cancel)</a> · <a href="/zaken/\(id.description)/tijdlijn/\(entry.id)/bron">\(e.sourceLink)</a></p>
            """
    }

    /// Where to go back to after marking: a page of this case (`terug`), else its timeline. Only
    /// a plain path of this case is taken, so a form cannot send anyone elsewhere.
    static func back(_ raw: String?, _ id: CaseID) -> String {
        let fallback = "/zaken/\(id)/tijdlijn"
        guard var b = raw, b.utf8.count <= 2000 else { return fallback }
        if let hash = b.firstIndex(of: "#") { b = String(b[..<hash]) }
        guard b.hasPrefix("/zaken/\(id)/") || b == "/zaken/\(id)", !b.contains("//"), !b.contains(".."),
              b.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" && $0 != "\"" && $0 != "<" && $0 != ">" }) else {
            return fallback
        }
        return b
    }

    /// The message named by the route's `msg` parameter and its item, when both belong to case `id`.
    func caseEntry(_ v: Visit, _ id: CaseID, _ context: some RequestContext) throws -> (TimelineEntry, EvidenceItem) {
        let msg = try RequestInput.parameter(context, "msg", in: 1...(1 << 53), v.t)
        guard let entry = try store.context(around: msg, before: 0, after: 0).first(where: { $0.id == msg }),
              let item = try? store.item(entry.itemID), item.caseID == id else {
            throw PageError.notFound(v.t, v.t.messageNotInCase)
        }
        return (entry, item)
    }
}

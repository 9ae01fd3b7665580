import Foundation
import Hummingbird
import BewaarModel
import BewaarKit
import BewaarStore

/// The date-order question of a chat, answered in its page: two readings of one date from the
/// file ("3 april 2026" or "4 maart 2026"), no default; the answer reads the chat again from its
/// unchanged original (custody event `item-reread`) and the page says what changed.
extension WebApp {
    /// The answer: `dmy` (day first) or `mdy` (month first).
    struct DateOrderForm: Decodable {
        var volgorde: String?
    }

    func addDateOrderRoute(_ cases: RouterGroup<CaseContext>) {
        cases.post("/stukken/:item/datumvolgorde") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let item = try self.caseItem(v, id, context)
            let form = try await self.form(request, v.session, as: DateOrderForm.self)
            let base = "/zaken/\(id)/stukken/\(item.id)"
            guard let order = form.volgorde, order == "dmy" || order == "mdy" else {
                return .seeOther(base + "?datumvolgorde=kies#datumvolgorde")
            }
            guard let question = try DateOrderQuestion.of(item, store: self.store) else {
                throw PageError.failed(v.t, v.t.itemNotInCase, back: base)
            }
            do {
                _ = try Ingestion(store: self.store).reread(item: item.id, in: id, actor: v.account.name,
                                                            options: ReadOptions(dateOrder: order),
                                                            why: DateOrderQuestion.why(from: question.order, to: order))
            } catch {
                throw PageError.failed(v.t, Self.text(of: error, v.t), back: base)
            }
            return .seeOther(base + "?gelezen=1#datumvolgorde")
        }
    }

    /// The question (while it is open), the result of the last answer (after one), or nothing.
    func dateOrderBox(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        let d = v.t.dateOrder
        var out: HTML = ""
        if f["gelezen"] != nil, let event = try store.lastReread(id, item: item.id), let order = event.details["dateOrder"] {
            let n = { (k: String) in Int(event.details[k] ?? "") ?? 0 }
            out = "<p class=\"goed\" role=\"status\" id=\"datumvolgorde\">\(d.done(order: order, messages: n("messages"), before: n("messagesBefore"), marksDropped: n("marksDropped")))</p>"
        }
        guard let question = try DateOrderQuestion.of(item, store: store), question.isOpen,
              try store.withdrawals(id)[item.id] == nil else { return out }
        let example = try question.example(of: item, store: store)
        let ask: HTML = example.map { "<p>\(d.question(asWritten: $0.asWritten))</p>" } ?? "<p>\(d.questionWithoutExample)</p>"
        let choice = { (value: String, label: String) -> HTML in
            "<label class=\"keuze\"><input type=\"radio\" id=\"volgorde-\(value)\" name=\"volgorde\" value=\"\(value)\" required> \(label)</label>"
        }
        let first: HTML = choice("dmy", example.map { "\(d.day($0.dayFirst)) (\(d.dayFirst))" } ?? d.dayFirst)
        let second: HTML = choice("mdy", example.map { "\(d.day($0.monthFirst)) (\(d.monthFirst))" } ?? d.monthFirst)
        let error: HTML = f["datumvolgorde"] == "kies" ? "<p class=\"melding\" role=\"alert\">\(d.chooseOne)</p>" : ""
        return """
            \(out)<section class="vraag" id="datumvolgorde" aria-labelledby="datumvolgorde-kop">
            <h2 id="datumvolgorde-kop">\(d.heading)</h2>\(error)\(ask)
            <form method="post" action="/zaken/\(id.description)/stukken/\(item.id)/datumvolgorde">\(Layout.csrfField(v.session.csrf))
            <fieldset class="redenen"><legend>\(d.legend)</legend>\(first)\(second)</fieldset>
            <p class="uitleg">\(d.explain)</p>
            <button type="submit">\(d.button)</button>
            </form></section>
            """
    }
}

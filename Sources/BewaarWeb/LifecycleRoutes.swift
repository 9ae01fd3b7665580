import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// Closing, reopening and the legal hold on the case page (the case's afdelingsleider), and a
/// mentor's proposal to close. Each is a custody event in the case's chain.
extension WebApp {
    /// Closing (`uitkomst` and `reden`), proposing to close, or a reason alone (reopen, hold, release).
    struct LifecycleForm: Decodable {
        var uitkomst: String?
        var reden: String?
    }

    func addLifecycleRoutes(_ groups: RouteGroups) {
        let heads = groups.heads
        heads.post("/afsluiten") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: LifecycleForm.self)
            guard let outcome = form.uitkomst.flatMap(CaseOutcome.init(rawValue:)), let why = form.reden.nonBlank else {
                throw PageError.failed(v.t, v.t.lifecycle.needReason, back: "/zaken/\(id)#afsluiten")
            }
            do { try self.store.closeCase(id, outcome: outcome, reason: why, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#afsluiten")
            }
            return Self.saved(id, "afsluiten")
        }
        heads.post("/heropenen") { request, context -> Response in
            try await self.lifecycleChange(request, context) { id, why, actor in try self.store.reopenCase(id, reason: why, actor: actor) }
        }
        heads.post("/bewaarplicht") { request, context -> Response in
            try await self.lifecycleChange(request, context) { id, why, actor in try self.store.placeHold(id, reason: why, actor: actor) }
        }
        heads.post("/bewaarplicht/opheffen") { request, context -> Response in
            try await self.lifecycleChange(request, context) { id, why, actor in try self.store.releaseHold(id, reason: why, actor: actor) }
        }
        groups.managers.post("/afsluiten/voorstel") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: LifecycleForm.self)
            guard let outcome = form.uitkomst.flatMap(CaseOutcome.init(rawValue:)), let why = form.reden.nonBlank else {
                throw PageError.failed(v.t, v.t.lifecycle.needReason, back: "/zaken/\(id)#afsluiten")
            }
            do { try self.store.proposeClosing(id, outcome: outcome, reason: why, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#afsluiten")
            }
            return Self.saved(id, "afsluiten")
        }
    }

    /// A change that needs only a reason (reopening, placing or releasing a hold).
    private func lifecycleChange(
        _ request: Request, _ context: CaseContext,
        _ change: (CaseID, String, String) throws -> Case
    ) async throws -> Response {
        let (v, id) = (context.visit, context.caseID)
        let form = try await self.form(request, v.session, as: LifecycleForm.self)
        guard let why = form.reden.nonBlank else { throw PageError.failed(v.t, v.t.lifecycle.needReason, back: "/zaken/\(id)#afsluiten") }
        do { _ = try change(id, why, v.account.name) } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#afsluiten") }
        return Self.saved(id, "afsluiten")
    }

    /// The case's status with its hold and retention, for lists: "gesloten · bewaarplicht · bewaren tot …".
    func lifecycleLabel(_ c: Case, _ t: any PageText, now: Date) -> HTML {
        let l = t.lifecycle
        var parts: [HTML] = [HTML(stringLiteral: t.caseStatus(c.status))]
        if c.hold != nil { parts.append("<span class=\"let-op\">\(l.holdBadge)</span>") }
        if let due = c.retentionUntil {
            parts.append(
                c.isPastRetention(at: now)
                    ? "<span class=\"let-op\">\(l.duePassed(Layout.day(of: due, t)))</span>" : "\(l.keptUntil(Layout.day(of: due, t)))")
        } else {
            parts.append("\(l.running)")
        }
        return HTML.join(parts, separator: " · ")
    }

    /// The case page's section "Afsluiten en bewaren": status, retention, closing, hold, a standing
    /// proposal, and the forms of the visitor's role.
    func lifecycleSection(_ v: Visit, _ c: Case, note: HTML) throws -> HTML {
        let t = v.t
        let l = t.lifecycle
        let id = c.id.description
        let csrf = Layout.csrfField(v.session.csrf)
        var lines: [HTML] = ["<p>\(t.colStatus): \(lifecycleLabel(c, t, now: store.clock()))</p>"]
        if let closing = c.closing {
            let line = l.closedLine(at: Layout.time(closing.at, t), by: closing.by, outcome: closing.outcome.map(l.outcome) ?? "—")
            lines.append("<p>\(line)\(closing.reason.isEmpty ? "" : " " + closing.reason)</p>")
        }
        if let hold = c.hold {
            lines.append("<p class=\"let-op\" role=\"status\">\(l.holdLine(since: Layout.time(hold.since, t), by: hold.by, reason: hold.reason))</p>")
        }
        if c.status != .closed, let p = try store.closeProposals().first(where: { $0.caseID == c.id }) {
            lines.append("<p>\(l.proposal(by: p.by, at: Layout.time(p.at, t), outcome: p.outcome.map(l.outcome) ?? "—")) \(p.reason)</p>")
        }
        let outcomes: [HTML] = CaseOutcome.allCases.map { "<option value=\"\($0.rawValue)\">\(l.outcome($0))</option>" }
        func reasonForm(_ action: String, _ button: String, _ key: String, placeholder: String = "") -> HTML {
            """
            <form method="post" action="/zaken/\(id)/\(action)">\(csrf)
            <label for="reden-\(key)">\(l.reasonLabel)</label><input type="text" id="reden-\(key)" name="reden" required maxlength="500" placeholder="\(placeholder)">
            <div><button type="submit">\(button)</button></div></form>
            """
        }
        func closeForm(_ action: String, _ button: String, _ key: String) -> HTML {
            """
            <form method="post" action="/zaken/\(id)/\(action)">\(csrf)
            <label for="uitkomst-\(key)">\(l.outcomeLabel)</label><select id="uitkomst-\(key)" name="uitkomst">\(outcomes)</select>
            <label for="reden-\(key)">\(l.reasonLabel)</label><input type="text" id="reden-\(key)" name="reden" required maxlength="500">
            <div><button type="submit">\(button)</button></div></form>
            """
        }
        var forms: [HTML] = []
        if try policy.mayClose(v.account, c.id) {
            forms.append(
                c.status == .closed
                    ? reasonForm("heropenen", l.reopenButton, "heropenen")
                    : "<p class=\"uitleg\">\(l.closeExplain)</p>\(closeForm("afsluiten", l.closeButton, "sluiten"))")
            forms.append(
                c.hold == nil
                    ? reasonForm("bewaarplicht", l.holdButton, "bewaarplicht", placeholder: l.holdExample)
                    : reasonForm("bewaarplicht/opheffen", l.releaseButton, "opheffen"))
        } else if c.status != .closed, try policy.mayManageAccess(v.account, c.id) {
            forms.append(
                "<h3>\(l.proposeHeading)</h3><p class=\"uitleg\">\(l.proposeExplain)</p>\(closeForm("afsluiten/voorstel", l.proposeButton, "voorstel"))"
            )
        } else {
            forms.append("<p class=\"uitleg\">\(l.onlyHeadCloses)</p>")
        }
        return """
            <section aria-labelledby="afsluiten"><h2 id="afsluiten">\(l.heading)</h2>\(note)
            \(lines)\(forms)</section>
            """
    }
}

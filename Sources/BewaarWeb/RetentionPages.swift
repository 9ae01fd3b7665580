import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// /bewaartermijn: the retention overview of the afdelingsleiders and the beheerder — cases due
/// for destruction, those on legal hold, proposals to close, the destroyed cases — and the
/// destruction itself, behind a form where the case number is typed again. A title is shown
/// only to who may read the case: the beheerder reads no case and sees numbers and dates.
extension WebApp {
    static let retentionRoles: Set<AccountRole> = [.afdelingsleider, .beheerder]

    /// The school's retention policy, set by the beheerder.
    struct PolicyForm: Decodable {
        var maanden: String?
        var reden: String?
    }

    /// POST /beheer/bewaartermijn: the beheerder sets the retention policy (event in the store's chain).
    func addPolicyRoute(_ beheer: RouterGroup<SignedInContext>) {
        beheer.post("/bewaartermijn") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: PolicyForm.self)
            guard let months = form.maanden.nonBlank.flatMap({ Int($0) }), let why = form.reden.nonBlank else {
                throw PageError.failed(v.t, v.t.lifecycle.needReason, back: "/bewaartermijn#beleid")
            }
            do { try self.store.setRetentionPolicy(months: months, reason: why, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/bewaartermijn#beleid")
            }
            return .seeOther("/bewaartermijn#beleid")
        }
    }

    /// The destruction form: the case number typed again and the reason.
    struct DestroyForm: Decodable {
        var bevestiging: String?
        var reden: String?
    }

    func addRetentionRoutes(_ retention: RouterGroup<SignedInContext>) {
        retention.get("") { _, context -> Response in
            let v = context.visit
            return self.page(v, title: v.t.lifecycle.retentionTitle, current: "bewaartermijn", try self.retentionPage(v))
        }
        retention.get("/:id/vernietigen") { _, context -> Response in
            let v = context.visit
            let id = try self.retentionCase(context)
            return self.page(v, title: v.t.lifecycle.destroyTitle(id.description), current: "bewaartermijn", try self.destroyPage(v, id))
        }
        retention.post("/:id/vernietigen") { request, context -> Response in
            let v = context.visit
            let id = try self.retentionCase(context)
            let l = v.t.lifecycle
            let back = "/bewaartermijn/\(id)/vernietigen"
            let form = try await self.form(request, v.session, as: DestroyForm.self)
            guard let typed = form.bevestiging.nonBlank, CaseID(typed.trimmingCharacters(in: .whitespaces)) == id else {
                throw PageError.failed(v.t, l.confirmMismatch(id.description), back: back)
            }
            guard let why = form.reden.nonBlank else { throw PageError.failed(v.t, l.needReason, back: back) }
            let done: DestructionOutcome
            do {
                done = try self.store.destroyCase(id, actor: v.account.name, role: v.account.role.rawValue, reason: why)
            } catch { throw self.problem(error, v.t, back: "/bewaartermijn") }
            return self.page(
                v, title: l.destroyedTitle(id.description), current: "bewaartermijn",
                "<p class=\"goed\" role=\"status\">\(l.destroyedDone(id.description, originals: done.record.originals.count))</p><p><a href=\"/bewaartermijn\">\(l.retentionTitle)</a></p>"
            )
        }
    }

    private func retentionCase(_ context: SignedInContext) throws -> CaseID {
        let v = context.visit
        guard let raw = context.parameters.get("id"), raw.utf8.count <= 20, let id = CaseID(raw) else {
            throw PageError.notFound(v.t, v.t.noSuchCaseNumber)
        }
        return id
    }

    /// A case's title where the visitor may read it, else nothing.
    private func titleIfReadable(_ v: Visit, _ c: Case) -> HTML {
        ((try? policy.mayRead(v.account, c.id)) ?? false) ? " \(c.title)" : ""
    }

    func retentionPage(_ v: Visit) throws -> HTML {
        let t = v.t
        let l = t.lifecycle
        let now = store.clock()
        let (due, held) = try store.retentionOverview(at: now)
        func table(_ head: [String], _ rows: [HTML]) -> HTML {
            let cols: [HTML] = head.map { "<th scope=\"col\">\($0)</th>" }
            let body: [HTML] = rows.isEmpty ? ["<tr><td colspan=\"\(head.count)\">\(l.noneRow)</td></tr>"] : rows
            return "<table class=\"stapel\"><thead><tr>\(cols)</tr></thead><tbody>\(body)</tbody></table>"
        }
        let dueRows: [HTML] = due.map { c in
            """
            <tr><td data-kop="\(t.colCase)">\(c.id.description)\(titleIfReadable(v, c))</td>\
            <td data-kop="\(l.colClosed)">\(Layout.time(c.closing?.at, t))</td>\
            <td data-kop="\(l.colDue)">\(c.retentionUntil.map { Layout.day(of: $0, t) } ?? "—")</td>\
            <td><a class="knop" href="/bewaartermijn/\(c.id.description)/vernietigen">\(l.destroyLink)</a></td></tr>
            """
        }
        let holdRows: [HTML] = held.map { c in
            """
            <tr><td data-kop="\(t.colCase)">\(c.id.description)\(titleIfReadable(v, c))</td>\
            <td data-kop="\(l.colHold)">\(Layout.time(c.hold?.since, t)) – \(c.hold?.by ?? "")</td>\
            <td data-kop="\(l.colReason)">\(c.hold?.reason ?? "")</td>\
            <td data-kop="\(l.colDue)">\(c.retentionUntil.map { Layout.day(of: $0, t) } ?? l.running)</td></tr>
            """
        }
        let proposalRows: [HTML] = try store.closeProposals().map { p in
            """
            <tr><td data-kop="\(t.colCase)">\(p.caseID.description)</td><td data-kop="\(l.colBy)">\(p.by)</td>\
            <td data-kop="\(l.colWhen)">\(Layout.time(p.at, t))</td><td data-kop="\(l.outcomeLabel)">\(p.outcome.map(l.outcome) ?? "—")</td></tr>
            """
        }
        let destroyedRows: [HTML] = try store.destructionLog().reversed().map { r in
            """
            <tr><td data-kop="\(t.colCase)">\(r.caseID.description)</td><td data-kop="\(l.colWhen)">\(Layout.time(r.time, t))</td>\
            <td data-kop="\(l.colBy)">\(r.actor)</td><td data-kop="\(l.colReason)">\(r.reason)</td></tr>
            """
        }
        let months = try store.retentionPolicy().months
        let policyForm: HTML =
            v.account.role != .beheerder
            ? ""
            : """
            <details><summary>\(l.changePolicy)</summary><form method="post" action="/beheer/bewaartermijn">\(Layout.csrfField(v.session.csrf))
            <label for="maanden">\(l.monthsLabel)</label><input type="number" id="maanden" name="maanden" min="1" max="120" required value="\(String(months))">
            <label for="beleid-reden">\(l.reasonLabel)</label><input type="text" id="beleid-reden" name="reden" required maxlength="500">
            <div><button type="submit">\(l.changePolicy)</button></div></form></details>
            """
        return """
            <section aria-labelledby="beleid"><h2 id="beleid">\(l.policyHeading)</h2><p>\(l.policy(months: months))</p>\(policyForm)</section>
            <section aria-labelledby="verstreken"><h2 id="verstreken">\(l.dueHeading)</h2><p class="uitleg">\(l.dueExplain)</p>
            \(table([t.colCase, l.colClosed, l.colDue, ""], dueRows))</section>
            <section aria-labelledby="bewaarplicht"><h2 id="bewaarplicht">\(l.holdHeading)</h2><p class="uitleg">\(l.holdExplain)</p>
            \(table([t.colCase, l.colHold, l.colReason, l.colDue], holdRows))</section>
            <section aria-labelledby="voorstellen"><h2 id="voorstellen">\(l.proposalsHeading)</h2>
            \(table([t.colCase, l.colBy, l.colWhen, l.outcomeLabel], proposalRows))</section>
            <section aria-labelledby="vernietigd"><h2 id="vernietigd">\(l.destroyedHeading)</h2>
            \(table([t.colCase, l.colWhen, l.colBy, l.colReason], destroyedRows))</section>
            """
    }

    func destroyPage(_ v: Visit, _ id: CaseID) throws -> HTML {
        let t = v.t
        let l = t.lifecycle
        if let r = try store.destruction(of: id) {
            return "<p>\(l.destroyedNotice(id.description, at: Layout.time(r.time, t), by: r.actor, reason: r.reason))</p>"
        }
        guard let c = try? store.case(id) else { throw PageError.notFound(t, t.noSuchCaseNumber) }
        let status: HTML = "<p>\(c.id.description)\(titleIfReadable(v, c)): \(lifecycleLabel(c, t, now: store.clock()))</p>"
        guard c.isDueForDestruction(at: store.clock()) else {
            return "\(status)<p class=\"melding\">\(l.notDueYet)</p><p><a href=\"/bewaartermijn\">\(l.retentionTitle)</a></p>"
        }
        return """
            \(status)
            <p class="melding">\(l.destroyExplain)</p>
            <form method="post" action="/bewaartermijn/\(id.description)/vernietigen">\(Layout.csrfField(v.session.csrf))
            <label for="bevestiging">\(l.confirmLabel) (\(id.description))</label>
            <input type="text" id="bevestiging" name="bevestiging" required autocomplete="off" maxlength="20">
            <label for="reden">\(l.destroyReasonLabel)</label><input type="text" id="reden" name="reden" required maxlength="500">
            <div><button type="submit" class="gevaar">\(l.destroyButton)</button></div></form>
            """
    }

    /// The destroyed cases `account` had access to: what the case list tells them.
    func destroyedFor(_ account: Account) throws -> [DestructionRecord] {
        try store.destructionLog().filter { r in r.accounts.contains { $0.caseInsensitiveCompare(account.name) == .orderedSame } }
    }
}

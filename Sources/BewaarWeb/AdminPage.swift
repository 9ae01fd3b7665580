import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// /beheer: the beheerder's page. Accounts (create without a password, force a reset the owner
/// completes, disable, enable, remove), which accounts reach which case number (no titles,
/// names or evidence), and the security log. Every action is logged under the beheerder's name.
extension WebApp {
    /// The fields of the form that creates an account.
    struct NewAccountForm: Decodable {
        var naam: String?
        var rol: String?
    }

    /// The fields of an account's buttons (reset, disable, enable, remove) and of its e-mail
    /// address (`actie=email`).
    struct AccountActionForm: Decodable {
        var naam: String?
        var actie: String?
        var email: String?
    }

    /// The fields of the forms that grant and revoke access to a case number.
    struct CaseAccessForm: Decodable {
        var zaak: String?
        var link: String?
        var account: String?
        var reden: String?
    }

    func addAdminRoutes(_ beheer: RouterGroup<SignedInContext>) {
        beheer.get("") { _, context -> Response in
            let v = context.visit
            return self.page(v, title: v.t.accountsTitle, current: "beheer", try self.adminPage(v, message: nil))
        }
        beheer.post("") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: NewAccountForm.self)
            // A school's beheerder makes a school's accounts; the board's roles are made by the board.
            guard let name = form.naam.nonBlank, let role = form.rol.flatMap(AccountRole.init(rawValue:)), !role.isBoards else {
                return self.adminResponse(v, message: v.t.access.fillNameAndRole)
            }
            do {
                let code = try self.accounts.create(name: name, role: role, actor: v.account.name)
                return self.adminResponse(
                    v, message: nil, good: v.t.access.setupCodeShown(name: name, code: code.code, until: Layout.time(code.validUntil, v.t)))
            } catch {
                return self.adminResponse(v, message: Self.text(of: error, v.t))
            }
        }
        beheer.post("/account") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: AccountActionForm.self)
            guard let name = form.naam.nonBlank, let action = form.actie else { throw RequestInput.bad(v.t) }
            do {
                switch action {
                case "reset":
                    let code = try self.accounts.forceReset(name: name, actor: v.account.name)
                    return self.adminResponse(
                        v, message: nil,
                        good: v.t.access.setupCodeShown(
                            name: name, code: code.code,
                            until: Layout.time(code.validUntil, v.t)))
                case "uit": try self.store.setDisabled(true, account: name, actor: v.account.name)
                case "aan": try self.store.setDisabled(false, account: name, actor: v.account.name)
                case "email":
                    let typed = form.email?.trimmingCharacters(in: .whitespaces) ?? ""
                    let email = typed.isEmpty ? nil : EmailAddress.plausible(typed)
                    guard typed.isEmpty || email != nil else { return self.adminResponse(v, message: v.t.signOn.emailInvalid) }
                    try self.store.setEmail(email, account: name, actor: v.account.name)
                    return self.adminResponse(v, message: nil, good: v.t.signOn.emailSaved(name: name))
                case "verwijder":
                    guard name.caseInsensitiveCompare(v.account.name) != .orderedSame else { throw RequestInput.bad(v.t) }
                    try self.store.removeAccount(name, actor: v.account.name)
                default: throw RequestInput.bad(v.t)
                }
            } catch let e as PageError { throw e } catch {
                return self.adminResponse(v, message: Self.text(of: error, v.t))
            }
            return .seeOther("/beheer")
        }
        beheer.post("/toegang") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: CaseAccessForm.self)
            guard let raw = form.zaak.nonBlank, raw.utf8.count <= 20, let id = CaseID(raw) else { throw RequestInput.bad(v.t) }
            do {
                if let link = try RequestInput.id(form.link, v.t) {
                    try self.store.revokeAccess(id, link: link, actor: v.account.name, reason: form.reden.nonBlank)
                } else {
                    guard let name = form.account.nonBlank, let stored = try self.store.account(named: name) else { throw RequestInput.bad(v.t) }
                    try self.store.grantAccess(id, account: stored.name, role: stored.role, actor: v.account.name, reason: form.reden.nonBlank)
                }
            } catch let e as PageError { throw e } catch {
                return self.adminResponse(v, message: Self.text(of: error, v.t))
            }
            return .seeOther("/beheer#toegang")
        }
    }

    func adminResponse(_ v: Visit, message: String?, good: String? = nil) -> Response {
        do {
            return page(
                v, title: v.t.accountsTitle, current: "beheer", status: message == nil ? .ok : .badRequest,
                try adminPage(v, message: message, good: good))
        } catch {
            return html(Layout.bare(v.t, title: v.t.failedTitle, message: Self.text(of: error, v.t)), status: .internalServerError)
        }
    }

    func adminPage(_ v: Visit, message: String?, good: String? = nil) throws -> HTML {
        let t = v.t
        let a = t.access
        let csrf = Layout.csrfField(v.session.csrf)
        let all = try store.accounts()
        let rows: [HTML] = all.map { acc in
            let status = [
                acc.disabledAt != nil ? a.statusDisabled : nil, acc.passwordHash == "!" ? a.statusAwaitingPassword : nil,
                acc.lockedUntil.flatMap { $0 > store.clock() ? t.lockedUntil(Layout.time($0, t)) : nil },
            ].compactMap { $0 }
            func button(_ action: String, _ label: String) -> HTML {
                let ask: HTML = action == "verwijder" || action == "reset" ? " data-bevestig=\"\(a.confirmAction(label, acc.name))\"" : ""
                return """
                    <form method="post" action="/beheer/account" class="inline"\(ask)>\(csrf)<input type="hidden" name="naam" value="\(acc.name)">\
                    <input type="hidden" name="actie" value="\(action)"><button type="submit" class="licht">\(label)</button></form>
                    """
            }
            let own = acc.name.caseInsensitiveCompare(v.account.name) == .orderedSame
            let email: HTML = """
                <form method="post" action="/beheer/account" class="inline">\(csrf)<input type="hidden" name="naam" value="\(acc.name)">\
                <input type="hidden" name="actie" value="email">\
                <input type="email" name="email" value="\(acc.email ?? "")" maxlength="255" aria-label="\(t.signOn.emailLabel) \(acc.name)">\
                <button type="submit" class="licht">\(t.signOn.emailSave)</button></form>
                """
            let actions: [HTML] =
                own
                ? []
                : [
                    button("reset", a.forceResetButton),
                    acc.disabledAt == nil ? button("uit", a.disableButton) : button("aan", a.enableButton),
                    button("verwijder", a.removeButton),
                ]
            return """
                <tr><td>\(acc.name)</td><td>\(AccountRole(rawValue: acc.role).map(t.role) ?? acc.role)</td><td>\(Layout.time(acc.createdAt, t))</td>\
                <td>\(email)</td><td>\(status.joined(separator: ", "))</td><td>\(actions)</td></tr>
                """
        }
        let roles: [HTML] = AccountRole.schoolRoles.map { "<option value=\"\($0.rawValue)\">\(t.role($0))</option>" }
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        let done: HTML = good.map { "<p class=\"goed\" role=\"status\">\($0)</p>" } ?? ""
        // Access per case number: numbers and accounts only.
        let staff = all.filter { AccountRole(rawValue: $0.role)?.readsCases == true && $0.disabledAt == nil }
        let staffOptions: [HTML] = staff.map {
            "<option value=\"\($0.name)\">\($0.name) (\(AccountRole(rawValue: $0.role).map(t.role) ?? $0.role))</option>"
        }
        var accessRows: [HTML] = []
        for c in try store.cases() {
            let links = try store.accessLinks(c.id).filter(\.isActive)
            let items: [HTML] = links.map { l in
                """
                <li>\(l.account) (\(AccountRole(rawValue: l.role).map(t.role) ?? l.role)) \
                <form method="post" action="/beheer/toegang" class="inline">\(csrf)<input type="hidden" name="zaak" value="\(c.id.description)">\
                <input type="hidden" name="link" value="\(l.id)"><button type="submit" class="licht">\(a.revokeAccessButton)</button></form></li>
                """
            }
            let grant: HTML =
                staffOptions.isEmpty
                ? ""
                : """
                <form method="post" action="/beheer/toegang" class="inline">\(csrf)<input type="hidden" name="zaak" value="\(c.id.description)">\
                <label for="acc-\(c.id.description)">\(a.grantAccessLabel)</label><select id="acc-\(c.id.description)" name="account">\(staffOptions)</select>\
                <button type="submit" class="licht">\(a.grantAccessButton)</button></form>
                """
            accessRows.append("<tr><td>\(c.id.description)</td><td><ul>\(items)</ul>\(grant)</td></tr>")
        }
        let log: [HTML] = try store.securityLog(limit: 100).map { e in
            "<tr><td>\(Layout.time(e.time, t))</td><td>\(e.kind)</td><td>\(e.account ?? "—")</td><td>\(e.source ?? "—")</td><td>\(e.detail ?? "")</td></tr>"
        }
        return """
            <p class="uitleg">\(t.adminExplain)</p>
            <p><a href="/beheer/privacy">\(t.privacy.registerLink)</a></p>
            \(done)\(note)
            <table><thead><tr><th scope="col">\(t.colName)</th><th scope="col">\(t.colRole)</th><th scope="col">\(t.colCreated)</th><th scope="col">\(t.signOn.colEmail)</th><th scope="col">\(t.colLock)</th><th scope="col">\(a.colActions)</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(a.createAccountHeading)</h2>
            <form method="post" action="/beheer">\(csrf)
            <label for="naam">\(t.name)</label><input type="text" id="naam" name="naam" maxlength="100" required>
            <label for="rol">\(t.colRole)</label><select id="rol" name="rol">\(roles)</select>
            <div><button type="submit">\(t.save)</button></div>
            </form>
            <h2 id="toegang">\(a.adminAccessHeading)</h2>
            <p class="uitleg">\(a.adminAccessExplain)</p>
            <table><thead><tr><th scope="col">\(t.colCase)</th><th scope="col">\(a.colCaseAccess)</th></tr></thead><tbody>\(accessRows)</tbody></table>
            <h2>\(a.securityLogHeading)</h2>
            <p class="uitleg">\(a.securityLogExplain)</p>
            <table><thead><tr><th scope="col">\(t.colTime)</th><th scope="col">\(a.colKind)</th><th scope="col">\(t.colName)</th><th scope="col">\(a.colSourceAddress)</th><th scope="col">\(a.colDetail)</th></tr></thead><tbody>\(log)</tbody></table>
            """
    }
}

#if Web
import Foundation
import Hummingbird
import BewaarStore
import BewaarAccounts

/// /beheer: the beheerder's page. Accounts only, no case content.
extension WebApp {
    func addAdminRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/beheer") { request, _ -> Response in
            let v = try self.visit(request)
            try self.require(v, roles: [.beheerder], path: request.uri.path)
            return self.page(v, title: v.t.accountsTitle, current: "beheer", try self.adminPage(v, message: nil))
        }
        router.post("/beheer") { request, _ -> Response in
            let v = try self.visit(request)
            try self.require(v, roles: [.beheerder], path: request.uri.path)
            let form = try await self.form(request, v.session)
            guard let name = form.text("naam"), let role = form["rol"].flatMap(AccountRole.init(rawValue:)), let pw = form["wachtwoord"] else {
                return self.page(v, title: v.t.accountsTitle, current: "beheer", try self.adminPage(v, message: v.t.fillNameRolePassword))
            }
            do { try self.accounts.add(name: name, role: role, password: pw, actor: v.account.name) } catch {
                return self.page(v, title: v.t.accountsTitle, current: "beheer", try self.adminPage(v, message: Self.text(of: error, v.t)))
            }
            throw PageError.redirect("/beheer")
        }
    }

    func adminPage(_ v: Visit, message: String?) throws -> HTML {
        let t = v.t
        let rows: [HTML] = try store.accounts().map { a in
            "<tr><td>\(a.name)</td><td>\(AccountRole(rawValue: a.role).map(t.role) ?? a.role)</td><td>\(Layout.time(a.createdAt, t))</td><td>\(a.lockedUntil.map { t.lockedUntil(Layout.time($0, t)) } ?? "")</td></tr>"
        }
        let roles: [HTML] = AccountRole.allCases.map { "<option value=\"\($0.rawValue)\">\(t.role($0))</option>" }
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <p class="uitleg">\(t.adminExplain)</p>
            <table><thead><tr><th scope="col">\(t.colName)</th><th scope="col">\(t.colRole)</th><th scope="col">\(t.colCreated)</th><th scope="col">\(t.colLock)</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>\(t.addAccountHeading)</h2>
            \(note)
            <form method="post" action="/beheer">\(Layout.csrfField(v.session.csrf))
            <label for="naam">\(t.name)</label><input type="text" id="naam" name="naam" required>
            <label for="rol">\(t.colRole)</label><select id="rol" name="rol">\(roles)</select>
            <label for="wachtwoord">\(t.passwordMinimum(Accounts.minimumPasswordLength))</label><input type="password" id="wachtwoord" name="wachtwoord" autocomplete="new-password" required>
            <div><button type="submit">\(t.save)</button></div>
            </form>
            """
    }
}
#endif

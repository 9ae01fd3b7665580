#if Web
import Foundation
import Hummingbird
import BewaarStore
import BewaarAccounts

/// /beheer: the beheerder's page. Accounts only, no case content.
extension WebApp {
    func addAdminRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/beheer") { request, _ -> Response in
            let v = try await self.visit(request)
            try self.require(v, roles: [.beheerder], path: request.uri.path)
            return self.page(v, title: "Accounts", current: "beheer", try self.adminPage(v, message: nil))
        }
        router.post("/beheer") { request, _ -> Response in
            let v = try await self.visit(request)
            try self.require(v, roles: [.beheerder], path: request.uri.path)
            let form = try await self.form(request, v.session)
            guard let name = form.text("naam"), let role = form["rol"].flatMap(AccountRole.init(rawValue:)), let pw = form["wachtwoord"] else {
                return self.page(v, title: "Accounts", current: "beheer", try self.adminPage(v, message: "Vul naam, rol en wachtwoord in."))
            }
            do { try self.accounts.add(name: name, role: role, password: pw, actor: v.account.name) } catch {
                return self.page(v, title: "Accounts", current: "beheer", try self.adminPage(v, message: (error as? AccountError)?.dutch ?? "\(error)"))
            }
            throw PageError.redirect("/beheer")
        }
    }

    func adminPage(_ v: Visit, message: String?) throws -> HTML {
        let rows: [HTML] = try store.accounts().map { a in
            "<tr><td>\(a.name)</td><td>\(AccountRole(rawValue: a.role)?.dutch ?? a.role)</td><td>\(Layout.time(a.createdAt))</td><td>\(a.lockedUntil.map { "geblokkeerd tot " + Layout.time($0) } ?? "")</td></tr>"
        }
        let roles: [HTML] = AccountRole.allCases.map { "<option value=\"\($0.rawValue)\">\($0.dutch)</option>" }
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <p class="uitleg">Als beheerder beheert u accounts; zaken en bewijs kunt u niet inzien. Mentoren en afdelingsleiders zien een zaak als hun naam (precies zoals hier) bij de zaak staat of als de zaak naar hen is geëscaleerd.</p>
            <table><thead><tr><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Aangemaakt</th><th scope="col">Blokkade</th></tr></thead><tbody>\(rows)</tbody></table>
            <h2>Account toevoegen of wachtwoord opnieuw instellen</h2>
            \(note)
            <form method="post" action="/beheer">\(Layout.csrfField(v.session.csrf))
            <label for="naam">Naam</label><input type="text" id="naam" name="naam" required>
            <label for="rol">Rol</label><select id="rol" name="rol">\(roles)</select>
            <label for="wachtwoord">Wachtwoord (minstens \(Accounts.minimumPasswordLength) tekens)</label><input type="password" id="wachtwoord" name="wachtwoord" autocomplete="new-password" required>
            <div><button type="submit">Opslaan</button></div>
            </form>
            """
    }
}
#endif

#if Web
import Foundation
import Hummingbird
import BewaarAccounts

/// /inloggen and /uitloggen. The login form has its own CSRF token in a pre-login session.
extension WebApp {
    func addLoginRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/") { request, _ -> Response in
            let v = try await self.visit(request)
            switch v.account.role {
            case .systeembeheerder: throw PageError.redirect("/herkomst")
            case .beheerder: throw PageError.redirect("/beheer")
            default: throw PageError.redirect("/zaken")
            }
        }
        router.get("/inloggen") { request, _ -> Response in
            if let s = await self.session(request), s.account != nil { throw PageError.redirect("/") }
            let s = await self.sessions.create(account: nil)
            var r = self.html(self.loginPage(s, message: nil))
            r.setCookie(self.cookie(for: s))
            return r
        }
        router.post("/inloggen") { request, _ -> Response in
            guard let s = await self.session(request) else {
                let fresh = await self.sessions.create(account: nil)
                var r = self.html(self.loginPage(fresh, message: "Uw sessie was verlopen. Log opnieuw in."), status: .forbidden)
                r.setCookie(self.cookie(for: fresh))
                return r
            }
            let form = try await self.form(request, s)
            let name = form.text("naam") ?? ""
            let password = form["wachtwoord"] ?? ""
            let result = try self.accounts.login(name: name, password: password, source: "web")
            switch result {
            case .success(let account):
                await self.sessions.remove(s.id)
                let signed = await self.sessions.create(account: account)
                var r = Response(status: .seeOther, headers: [.location: "/"])
                r.setCookie(self.cookie(for: signed))
                return r
            case .failure(let failure):
                if self.config.failedLoginDelay > 0 {
                    try await Task.sleep(nanoseconds: UInt64(self.config.failedLoginDelay * 1_000_000_000))
                }
                let message: String
                switch failure {
                case .wrongCredentials: message = "Naam of wachtwoord klopt niet."
                case .locked(let until):
                    message = "Te veel mislukte pogingen. Dit account is tijdelijk geblokkeerd tot \(Layout.time(until)). "
                        + "De beheerder kan het wachtwoord opnieuw instellen."
                }
                return self.html(self.loginPage(s, message: message), status: .unauthorized)
            }
        }
        router.post("/uitloggen") { request, _ -> Response in
            if let s = await self.session(request) {
                _ = try await self.form(request, s)
                await self.sessions.remove(s.id)
            }
            var r = Response(status: .seeOther, headers: [.location: "/inloggen"])
            r.setCookie(self.clearedCookie())
            return r
        }
    }

    func loginPage(_ s: Session, message: String?) -> HTML {
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout.page(title: "Inloggen", account: nil, csrf: s.csrf, current: "inloggen", body: """
            \(note)
            <form method="post" action="/inloggen" class="inloggen">
            \(Layout.csrfField(s.csrf))
            <label for="naam">Naam</label>
            <input type="text" id="naam" name="naam" autocomplete="username" required autofocus>
            <label for="wachtwoord">Wachtwoord</label>
            <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required>
            <div><button type="submit">Inloggen</button></div>
            </form>
            <p class="uitleg">Een account krijgt u van de beheerder (<code>bewaar user add</code>). Na vijf mislukte pogingen wordt een account een kwartier geblokkeerd.</p>
            """)
    }
}
#endif

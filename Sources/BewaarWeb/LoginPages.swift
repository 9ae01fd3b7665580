#if Web
import Foundation
import Hummingbird
import BewaarAccounts

/// /inloggen and /uitloggen. The login form has its own CSRF token in a pre-login session.
extension WebApp {
    func addLoginRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/") { request, _ -> Response in
            let v = try self.visit(request)
            switch v.account.role {
            case .systeembeheerder: throw PageError.redirect("/herkomst")
            case .beheerder: throw PageError.redirect("/beheer")
            default: throw PageError.redirect("/zaken")
            }
        }
        router.get("/inloggen") { request, _ -> Response in
            let existing = try self.session(request)
            if existing?.account != nil { throw PageError.redirect("/") }
            // Reuse the login page's own session when the browser has one (a reload makes no new row).
            let s = try existing ?? self.sessions.create(account: nil)
            var r = self.html(self.loginPage(s, message: nil))
            r.setCookie(self.cookie(for: s))
            return r
        }
        router.post("/inloggen") { request, _ -> Response in
            guard let s = try self.session(request) else {
                let fresh = try self.sessions.create(account: nil)
                var r = self.html(self.loginPage(fresh, message: DutchText().sessionExpired), status: .forbidden)
                r.setCookie(self.cookie(for: fresh))
                return r
            }
            let form = try await self.form(request, s)
            let name = form.text("naam") ?? ""
            let password = form["wachtwoord"] ?? ""
            let result = try self.accounts.login(name: name, password: password, source: "web")
            let t = PageTexts.of(s.language)
            switch result {
            case .success(let account):
                try self.sessions.remove(s.id)
                let signed = try self.sessions.create(account: account)
                var r = Response(status: .seeOther, headers: [.location: "/"])
                r.setCookie(self.cookie(for: signed))
                return r
            case .failure(let failure):
                if self.config.failedLoginDelay > 0 {
                    try await Task.sleep(nanoseconds: UInt64(self.config.failedLoginDelay * 1_000_000_000))
                }
                let message: String
                switch failure {
                case .wrongCredentials: message = t.wrongCredentials
                case .locked(let until): message = t.locked(until: Layout.time(until, t))
                }
                return self.html(self.loginPage(s, message: message), status: .unauthorized)
            }
        }
        router.post("/uitloggen") { request, _ -> Response in
            if let s = try self.session(request) {
                _ = try await self.form(request, s)
                try self.sessions.remove(s.id)
            }
            var r = Response(status: .seeOther, headers: [.location: "/inloggen"])
            r.setCookie(self.clearedCookie())
            return r
        }
    }

    func loginPage(_ s: Session, message: String?) -> HTML {
        let t = PageTexts.of(s.language)
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout.page(t, title: t.loginTitle, account: nil, csrf: s.csrf, current: "inloggen", body: """
            \(note)
            <form method="post" action="/inloggen" class="inloggen">
            \(Layout.csrfField(s.csrf))
            <label for="naam">\(t.name)</label>
            <input type="text" id="naam" name="naam" autocomplete="username" required autofocus>
            <label for="wachtwoord">\(t.password)</label>
            <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required>
            <div><button type="submit">\(t.loginButton)</button></div>
            </form>
            <p class="uitleg">\(t.loginHelp)</p>
            """)
    }
}
#endif

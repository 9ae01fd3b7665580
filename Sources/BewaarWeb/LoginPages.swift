import Foundation
import Hummingbird
import BewaarAccounts

/// /inloggen, /uitloggen and /wachtwoord-instellen (open to everyone), and / (signed in: on to
/// the first page of the role). The login form has its own CSRF token in a
/// pre-login session. Every login attempt first takes from the client's budget (a flood from one
/// address is answered at once, touching no account), and the password is checked off the event
/// loops, a few at a time.
extension WebApp {
    /// The login form's fields.
    struct LoginForm: Decodable {
        var naam: String?
        var wachtwoord: String?
    }

    /// The fields of the form that sets a password with a set-up code.
    struct SetupForm: Decodable {
        var naam: String?
        var code: String?
        var wachtwoord: String?
        var herhaling: String?
    }

    func addLoginRoutes(_ groups: RouteGroups) {
        // Where a signed-in visitor starts: their role's first page.
        groups.signedIn.get("/") { _, context -> Response in
            switch context.visit.account.role {
            case .systeembeheerder: .seeOther("/herkomst")
            case .beheerder: .seeOther("/beheer")
            case .functionaris: .seeOther("/bestuur")
            default: .seeOther("/zaken")
            }
        }
        let router = groups.open
        router.get("/inloggen") { request, _ -> Response in
            let existing = try self.session(request)
            if existing?.account != nil { return .seeOther("/") }
            // Reuse the login page's own session when the browser has one (a reload makes no new row).
            let s = try existing ?? self.sessions.create(account: nil)
            let done = QueryFields(of: request)["ingesteld"] == "1"
            var r = self.html(self.loginPage(s, message: nil, good: done ? PageTexts.of(s.language).access.passwordSetDone : nil))
            r.setCookie(self.cookie(for: s))
            return r
        }
        router.post("/inloggen") { request, context -> Response in
            guard let s = try self.session(request) else { return try self.expiredLogin() }
            let form = try await self.form(request, s, as: LoginForm.self)
            let t = PageTexts.of(s.language)
            let client = self.client(request, context)
            if let wait = await self.throttle.take(client) {
                try self.store.recordSecurity(kind: "login-throttled", account: nil, source: client, detail: nil)
                var r = self.html(self.loginPage(s, message: t.access.tooManyLogins(seconds: wait)), status: .tooManyRequests)
                r.headers[.retryAfter] = String(wait)
                return r
            }
            let name = form.naam.nonBlank ?? ""
            let password = form.wachtwoord ?? ""
            let accounts = self.accounts
            let result: Result<Account, LoginFailure>
            do {
                result = try await self.passwordWork.run { try accounts.login(name: name, password: password, source: client) }
            } catch is PasswordWork.Busy {
                var r = self.html(self.loginPage(s, message: t.access.loginBusy), status: .serviceUnavailable)
                r.headers[.retryAfter] = "60"
                return r
            }
            switch result {
            case .success(let account):
                try self.sessions.remove(s.id)
                let signed = try self.sessions.create(account: account)
                var r = Response.seeOther("/")
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
                _ = try await self.form(request, s, as: CSRFField.self)
                let atSchool = try self.schoolSignOut(s)
                try self.sessions.remove(s.id)
                if let atSchool { return self.signOutPage(s.language, to: atSchool) }
            }
            var r = Response.seeOther("/inloggen")
            r.setCookie(self.clearedCookie())
            return r
        }
        router.get("/wachtwoord-instellen") { request, _ -> Response in
            let s = try self.session(request) ?? self.sessions.create(account: nil)
            var r = self.html(self.setupPage(s, message: nil))
            r.setCookie(self.cookie(for: s))
            return r
        }
        router.post("/wachtwoord-instellen") { request, context -> Response in
            guard let s = try self.session(request) else { return try self.expiredLogin() }
            let form = try await self.form(request, s, as: SetupForm.self)
            let t = PageTexts.of(s.language)
            let client = self.client(request, context)
            if let wait = await self.throttle.take(client) {
                try self.store.recordSecurity(kind: "setup-throttled", account: nil, source: client, detail: nil)
                return self.html(self.setupPage(s, message: t.access.tooManyLogins(seconds: wait)), status: .tooManyRequests)
            }
            let password = form.wachtwoord ?? ""
            guard password == (form.herhaling ?? "") else {
                return self.html(self.setupPage(s, message: t.access.passwordsDiffer), status: .badRequest)
            }
            let accounts = self.accounts
            let name = form.naam.nonBlank ?? "", code = form.code.nonBlank ?? ""
            let ok: Bool
            do {
                ok = try await self.passwordWork.run { try accounts.completeSetup(name: name, code: code, password: password) }
            } catch is PasswordWork.Busy {
                return self.html(self.setupPage(s, message: t.access.loginBusy), status: .serviceUnavailable)
            } catch let e as AccountError {
                return self.html(self.setupPage(s, message: t.choose(nl: e.dutch, en: e.english)), status: .badRequest)
            }
            guard ok else {
                try self.store.recordSecurity(kind: "setup-failed", account: nil, source: client, detail: nil)
                return self.html(self.setupPage(s, message: t.access.setupFailed), status: .unauthorized)
            }
            return .seeOther("/inloggen?ingesteld=1")
        }
    }

    /// The login page again with a fresh session, when the form's session was gone.
    func expiredLogin() throws -> Response {
        let fresh = try sessions.create(account: nil)
        var r = html(loginPage(fresh, message: DutchText().sessionExpired), status: .forbidden)
        r.setCookie(cookie(for: fresh))
        return r
    }

    func loginPage(_ s: Session, message: String?, good: String? = nil) -> HTML {
        let t = PageTexts.of(s.language)
        let alert: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        let note: HTML = "\(alert)\(schoolSignInBlock(t))"
        let done: HTML = good.map { "<p class=\"goed\" role=\"status\">\($0)</p>" } ?? ""
        return Layout.page(
            t, title: t.loginTitle, account: nil, csrf: s.csrf, current: "inloggen",
            body: """
                \(done)\(note)
                <form method="post" action="/inloggen" class="inloggen">
                \(Layout.csrfField(s.csrf))
                <label for="naam">\(t.name)</label>
                <input type="text" id="naam" name="naam" autocomplete="username" maxlength="100" required autofocus>
                <label for="wachtwoord">\(t.password)</label>
                <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required>
                <div><button type="submit">\(t.loginButton)</button></div>
                </form>
                <p class="uitleg">\(t.loginHelp)</p>
                <p><a href="/wachtwoord-instellen">\(t.access.setupLink)</a></p>
                """)
    }

    func setupPage(_ s: Session, message: String?) -> HTML {
        let t = PageTexts.of(s.language)
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout.page(
            t, title: t.access.setupTitle, account: nil, csrf: s.csrf, current: "inloggen",
            body: """
                \(note)
                <p class="uitleg">\(t.access.setupExplain)</p>
                <form method="post" action="/wachtwoord-instellen" class="inloggen">
                \(Layout.csrfField(s.csrf))
                <label for="naam">\(t.name)</label>
                <input type="text" id="naam" name="naam" autocomplete="username" maxlength="100" required>
                <label for="code">\(t.access.codeLabel)</label>
                <input type="text" id="code" name="code" autocomplete="one-time-code" maxlength="64" required>
                <label for="wachtwoord">\(t.access.newPassword)</label>
                <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="new-password" minlength="10" required>
                <label for="herhaling">\(t.access.repeatPassword)</label>
                <input type="password" id="herhaling" name="herhaling" autocomplete="new-password" minlength="10" required>
                <div><button type="submit">\(t.access.setupButton)</button></div>
                </form>
                """)
    }
}

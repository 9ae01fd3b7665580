import Foundation
import Hummingbird
import BewaarAccounts
import BewaarModel
import BewaarKit
import HTTPTypes
import BewaarDigest
import BewaarSignOn
import BewaarStore

/// /inloggen/school and /inloggen/school/terug (open to everyone): sign-in with the school's
/// accounts (OpenID Connect, authorization code flow with PKCE). The start takes from the same
/// per-client budget as a password login and keeps `state`, `nonce` and the PKCE verifier in the
/// store (`sign_on_requests`), bound to this browser by a short-lived cookie. The answer takes
/// that request once, whatever happens next; every parameter, the token answer and the ID token
/// are untrusted. A refusal shows a Dutch page and goes to the security log with its reason;
/// nothing is created for a person Bewaar does not know.
extension WebApp {
    /// The cookie that binds a sign-in under way to the browser that began it. `SameSite=Lax`:
    /// the provider sends the browser back with a top-level GET from its own site, and a
    /// `Strict` cookie would not come along.
    static let signOnCookieName = "bewaar_aanmelden"
    static let signOnPath = "/inloggen/school"
    static let signOnReturnPath = WebConfiguration.signOnReturnPath

    func addSchoolSignInRoutes(_ groups: RouteGroups) {
        let router = groups.open
        router.get(RouterPath(Self.signOnPath)) { request, context -> Response in
            guard let provider = self.config.signOn else { return self.signOnPage(.nl, title: nil, message: nil, status: .notFound) }
            let client = self.client(request, context)
            let t = PageTexts.of(.nl)
            if let wait = await self.throttle.take(client) {
                try self.store.recordSecurity(kind: "sign-on-throttled", account: nil, source: client, detail: nil)
                var r = self.signOnPage(.nl, title: t.signOn.failedTitle, message: t.access.tooManyLogins(seconds: wait), status: .tooManyRequests)
                r.headers[.retryAfter] = String(wait)
                return r
            }
            let secrets = SignOnSecrets.fresh()
            let binding = Random.hex(32)
            let now = self.config.clock()
            guard let target = provider.authorizationURL(secrets) else {
                return self.signOnRefused(.nl, reason: "authorization-url", client: client)
            }
            try self.store.saveSignOnRequest(
                StoredSignOnRequest(
                    stateSHA256: Self.digest(secrets.state), bindingSHA256: Self.digest(binding), nonce: secrets.nonce,
                    verifier: secrets.verifier, created: now),
                expiredBefore: now.addingTimeInterval(-self.config.signOnLifetime))
            var r = Response.seeOther(target.absoluteString)
            r.setCookie(
                Cookie(
                    name: Self.signOnCookieName, value: binding, maxAge: Int(max(60, min(self.config.signOnLifetime, 86_400))), path: Self.signOnPath,
                    secure: self.config.secureCookies, httpOnly: true, sameSite: .lax))
            return r
        }
        router.get(RouterPath(Self.signOnReturnPath)) { request, context -> Response in
            guard let provider = self.config.signOn else { return self.signOnPage(.nl, title: nil, message: nil, status: .notFound) }
            let client = self.client(request, context)
            let t = PageTexts.of(.nl)
            let query = QueryFields(of: request)
            guard let state = query["state"], !state.isEmpty, state.utf8.count <= 200 else {
                return self.signOnRefused(.nl, reason: "no-state", client: client, message: t.signOn.expired)
            }
            // Taken (deleted) before anything else is looked at: a state works once.
            guard let pending = try self.store.takeSignOnRequest(stateSHA256: Self.digest(state)) else {
                return self.signOnRefused(.nl, reason: "unknown-state", client: client, message: t.signOn.expired)
            }
            guard let binding = request.cookies[Self.signOnCookieName]?.value, binding.utf8.count == 64,
                Random.same(Self.digest(binding), pending.bindingSHA256)
            else {
                return self.signOnRefused(.nl, reason: "state-of-another-browser", client: client, message: t.signOn.expired)
            }
            let age = self.config.clock().timeIntervalSince(pending.created)
            guard age >= -60, age <= self.config.signOnLifetime else {
                return self.signOnRefused(.nl, reason: "state-expired", client: client, message: t.signOn.expired)
            }
            if let error = query["error"] {
                let said = String(error.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(60).map(Character.init))
                return self.signOnRefused(.nl, reason: "provider-error: \(said)", client: client, message: t.signOn.providerSaidNo)
            }
            guard let code = query["code"], !code.isEmpty, code.utf8.count <= 2_048 else {
                return self.signOnRefused(.nl, reason: "no-code", client: client)
            }
            let identity: VerifiedIdentity
            do {
                identity = try await provider.redeem(
                    code: code, secrets: SignOnSecrets(state: state, nonce: pending.nonce, verifier: pending.verifier))
            } catch let e as SignOnError {
                return self.signOnRefused(.nl, reason: e.reason, client: client, message: e.dutch)
            }
            switch try self.accounts.signOn(
                issuer: identity.issuer, subject: identity.subject, verifiedEmail: identity.verifiedEmail,
                email: identity.email, source: client)
            {
            case .signedIn(let account):
                if let old = try self.session(request) { try self.sessions.remove(old.id) }
                let signed = try self.sessions.create(account: account)
                try self.keepForSignOut(identity, session: signed, provider: provider)
                // A page, not a redirect: the browser came here from the provider's site, and a
                // redirect would still count as that site's navigation, without the Strict session
                // cookie. The refresh below is this site's own.
                let st = PageTexts.of(signed.language)
                var r = self.html(Self.continuePage(st))
                r.setCookie(self.cookie(for: signed))
                r.setCookie(Self.clearedSignOnCookie(secure: self.config.secureCookies))
                return r
            case .unknownPerson:
                return self.unknownPersonPage(.nl, identity: identity)
            case .disabled:
                return self.signOnPage(.nl, title: t.signOn.unknownTitle, message: t.signOn.disabled, status: .forbidden)
            }
        }
    }

    static func digest(_ text: String) -> String { StreamingSHA256.digest(utf8: text).hex }

    static func clearedSignOnCookie(secure: Bool) -> Cookie {
        Cookie(
            name: signOnCookieName, value: "", expires: Date(timeIntervalSince1970: 0), path: signOnPath, secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    /// Logs a refused sign-in with its reason and shows the Dutch page that says what to do.
    func signOnRefused(_ language: Language, reason: String, client: String, message: String? = nil) -> Response {
        try? store.recordSecurity(kind: "sign-on-refused", account: nil, source: client, detail: reason)
        let t = PageTexts.of(language)
        return signOnPage(language, title: t.signOn.failedTitle, message: message ?? SignOnError.refused(reason).dutch, status: .forbidden)
    }

    func signOnPage(_ language: Language, title: String?, message: String?, status: HTTPResponse.Status) -> Response {
        let t = PageTexts.of(language)
        var r = html(
            Layout.bare(t, title: title ?? t.signOn.failedTitle, message: message ?? t.signOn.notConfigured, back: "/inloggen"),
            status: status)
        r.setCookie(Self.clearedSignOnCookie(secure: config.secureCookies))
        return r
    }

    static func continuePage(_ t: any PageText) -> HTML {
        signOnDocument(t, title: t.signOn.signedInTitle, refresh: "/", main: "<p><a href=\"/\">\(t.signOn.continueLink)</a></p>")
    }

    /// A page of the sign-in with the school's accounts outside the signed-in layout: the title as
    /// heading, `main` below it, and with `refresh` a browser that moves on to that address by itself.
    static func signOnDocument(_ t: any PageText, title: String, refresh: String? = nil, main: HTML) -> HTML {
        let moveOn: HTML = refresh.map { "\n<meta http-equiv=\"refresh\" content=\"0;url=\($0)\">" } ?? ""
        return """
            <!doctype html>
            <html lang="\(t.language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\(moveOn)
            <title>\(title) – Bewaar</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><header><div class="merk">Bewaar</div></header><main id="inhoud"><h1>\(title)</h1>\
            \(main)</main></body>
            </html>
            """
    }

    /// The school-account button of the login page, when sign-in with the school's accounts is set up.
    func schoolSignInBlock(_ t: any PageText) -> HTML {
        guard config.signOn != nil else { return "" }
        return """
            <p><a class="knop" href="\(Self.signOnPath)" id="schoolaccount">\(t.signOn.schoolButton)</a></p>
            <p class="uitleg">\(t.signOn.orWithPassword)</p>
            """
    }
}

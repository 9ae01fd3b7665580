import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarSignOn
@testable import BewaarWeb
import BewaarTestSupport

/// Signing out of a session begun with a school account: Bewaar's session ends, and when the
/// provider has a sign-out page (`end_session_endpoint`, which oidc-provider-mock has) the
/// browser goes on to it with the sign-in's ID token as `id_token_hint` and Bewaar's public URL
/// to come back to. The token is kept sealed with the session id, only while it is needed.
@Suite(.enabled(if: OIDCProviderProcess.available, Comment(rawValue: OIDCProviderProcess.missing ?? "")))
struct SchoolSignOutTests {
    typealias Flow = SchoolSignInTests

    /// Signs J. Bakker in with her school account (`sub`, verified address) and returns the
    /// browser with the CSRF token of its forms.
    static func signedIn(_ client: some TestClientProtocol, _ s: Flow.Setup, sub: String) async throws -> Browser {
        try s.f.store.setEmail("j.bakker@voorbeeldcollege.example.org", account: "J. Bakker", actor: "B. Beheer")
        try await s.provider.setUser(sub, claims: ["email": "j.bakker@voorbeeldcollege.example.org", "email_verified": true])
        let o = try await Flow.signIn(client, s, sub: sub)
        let cookie = try #require(o.session, "\(o.body)")
        let page = try await client.execute(uri: "/zaken", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
        return Browser(cookie: cookie, csrf: try #require(csrfToken(in: page)))
    }

    static func signOut(
        _ client: some TestClientProtocol, _ b: Browser
    ) async throws -> (status: HTTPResponse.Status, location: String?, page: String) {
        let (h, body) = b.form(["_csrf": b.csrf])
        return try await client.execute(uri: "/uitloggen", method: .post, headers: h, body: body) { r in
            #expect(r.headers[values: .setCookie].contains { $0.hasPrefix(WebApp.cookieName + "=;") && $0.contains("Expires=Thu, 01 Jan 1970") })
            return (r.status, r.headers[.location], String(buffer: r.body))
        }
    }

    static func query(_ url: String) -> [String: String] {
        Dictionary((URLComponents(string: url)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func signingOutOfASchoolSessionSignsOutAtTheProviderToo() async throws {
        let s = try await Flow.setup()
        defer { s.f.cleanUp() }
        #expect(s.signOn.metadata.endSessionEndpoint?.absoluteString == s.provider.base + "/oauth2/end_session")
        try await Application(router: s.router).test(.live) { client in
            let b = try await Self.signedIn(client, s, sub: "bakker-uit-1")
            #expect(try s.f.store.signOnSessionCount() == 1, "the sign-in's ID token is kept for the sign-out")
            let out = try await Self.signOut(client, b)
            // A page that goes on to the provider (a form's redirect to another site would be stopped by the CSP).
            #expect(out.status == .ok && out.location == nil)
            let link = try #require(out.page.firstMatch(of: /id="afmelden-school" href="([^"]+)"/).map { String($0.output.1) })
            #expect(out.page.contains("<meta http-equiv=\"refresh\" content=\"0;url=\(link)\">"))
            #expect(out.page.contains("U bent uitgelogd bij Bewaar."))
            let target = link.replacingOccurrences(of: "&amp;", with: "&")
            #expect(target.hasPrefix(s.provider.base + "/oauth2/end_session?"))
            let q = Self.query(target)
            #expect(q["post_logout_redirect_uri"] == "http://127.0.0.1:8080/")
            #expect(q["client_id"] == Flow.clientID)
            // The hint is the provider's own token of this sign-in: its signature and claims still check out.
            let hint = try #require(q["id_token_hint"])
            let claims = try await s.signOn.keys.verified(hint, algorithms: s.signOn.metadata.signingAlgorithms)
            #expect(claims.sub == "bakker-uit-1" && claims.aud == [Flow.clientID] && claims.iss == s.provider.base)
            // The store never held it readable (it was sealed with the session id the cookie alone holds).
            for file in ["bewaar.sqlite", "bewaar.sqlite-wal"] {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: s.f.folder + "/" + file))) ?? Data()
                #expect(bytes.range(of: Data(hint.utf8)) == nil && bytes.range(of: Data(hint.prefix(60).utf8)) == nil, "\(file) holds the ID token")
            }
            #expect(try s.f.store.signOnSessionCount() == 0, "taken at the sign-out")
            // The provider's real sign-out page gets what Bewaar sent, and sends the browser back to Bewaar.
            let atProvider = try await s.provider.send(target, method: .GET, body: nil, type: nil)
            #expect(atProvider.status == 200)
            #expect(atProvider.body.contains(hint), "the provider received the id_token_hint")
            #expect(atProvider.body.contains("name=\"redirect_uri\" value=\"http://127.0.0.1:8080/\""), "\(atProvider.body)")
            let confirmed = try await s.provider.send(
                s.provider.base + "/oauth2/end_session/confirm", method: .POST, body: "redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F",
                type: "application/x-www-form-urlencoded")
            #expect(confirmed.location == "http://127.0.0.1:8080/")
            // Back at Bewaar the session is gone.
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/inloggen")
            }
        }
    }

    /// A password session on the same server, and a school session with a provider that has no
    /// sign-out page, sign out of Bewaar only, as before; nothing is kept for them.
    @Test func withoutASchoolSignInOrAProviderSignOutPageTheSignOutStaysLocal() async throws {
        let s = try await Flow.setup()
        defer { s.f.cleanUp() }
        try await Application(router: s.router).test(.live) { client in
            let b = try #require(try await login(client, "K. Smit"))
            let out = try await Self.signOut(client, b)
            #expect(out.status == .seeOther && out.location == "/inloggen")
        }
        var metadata = s.signOn.metadata
        metadata.endSessionEndpoint = nil
        let clock = s.f.clock
        let local = SignOnProvider(settings: s.signOn.settings, metadata: metadata, keys: s.signOn.keys, clock: { clock.now })
        #expect(local.endSessionURL(idTokenHint: "x") == nil)
        var config = s.f.configuration()
        config.signOn = local
        try await Application(router: WebServer.router(store: s.f.store, configuration: config)).test(.live) { client in
            let b = try await Self.signedIn(client, Flow.Setup(f: s.f, provider: s.provider, signOn: local), sub: "bakker-uit-2")
            #expect(try s.f.store.signOnSessionCount() == 0, "no sign-out page: the token is not kept")
            let out = try await Self.signOut(client, b)
            #expect(out.status == .seeOther && out.location == "/inloggen")
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { #expect($0.headers[.location] == "/inloggen") }
        }
    }

    /// A kept token whose session ended otherwise (expiry, a disabled account) is purged with the
    /// next one; a token opens only with its own session's id.
    @Test func aKeptTokenOpensOnlyWithItsSessionAndGoesWithIt() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiYWtrZXIifQ.handtekening"
        let id = String(repeating: "a1", count: 32), other = String(repeating: "b2", count: 32)
        let sealed = try #require(IDTokenSeal.seal(token, sessionID: id))
        #expect(sealed.range(of: Data(token.utf8)) == nil && sealed.range(of: Data("eyJzdWIiOiJiYWtrZXIifQ".utf8)) == nil)
        #expect(IDTokenSeal.open(sealed, sessionID: id) == token)
        #expect(IDTokenSeal.open(sealed, sessionID: other) == nil)
        var damaged = sealed
        damaged[damaged.count - 1] ^= 1
        #expect(IDTokenSeal.open(damaged, sessionID: id) == nil)
        // Kept for a live session, then the session ends without a sign-out: the next save purges it.
        let live = SessionStore.key(id)
        try f.store.saveWebSession(StoredWebSession(idSHA256: live, account: "J. Bakker", csrf: "c", created: f.clock.now, lastSeen: f.clock.now))
        try f.store.saveSignOnSession(sessionSHA256: live, sealedIDToken: sealed, created: f.clock.now)
        #expect(try f.store.signOnSessionCount() == 1)
        try f.store.deleteWebSession(idSHA256: live)
        let next = SessionStore.key(other)
        try f.store.saveWebSession(StoredWebSession(idSHA256: next, account: "K. Smit", csrf: "c", created: f.clock.now, lastSeen: f.clock.now))
        try f.store.saveSignOnSession(sessionSHA256: next, sealedIDToken: sealed, created: f.clock.now)
        #expect(try f.store.signOnSessionCount() == 1)
        #expect(try f.store.takeSignOnSession(sessionSHA256: live) == nil)
        #expect(try f.store.takeSignOnSession(sessionSHA256: next) == sealed)
        #expect(try f.store.takeSignOnSession(sessionSHA256: next) == nil, "taken once")
    }

    /// The address built for the provider's sign-out page: its own query kept, ours added and escaped.
    @Test func theSignOutAddressCarriesTheHintTheClientAndTheWayBack() throws {
        let settings = SignOnSettings(
            issuer: try #require(URL(string: "https://login.voorbeeldcollege.example.org")), clientID: "bewaar+school",
            clientSecret: "geheim",
            redirectURL: try #require(URL(string: "https://bewaar.voorbeeldcollege.example.org/school/inloggen/school/terug")),
            postLogoutRedirectURL: URL(string: "https://bewaar.voorbeeldcollege.example.org/school/"))
        let base = try ProviderMetadata.parse(
            Data(
                """
                {"issuer":"https://login.voorbeeldcollege.example.org","authorization_endpoint":"https://login.voorbeeldcollege.example.org/a",
                 "token_endpoint":"https://login.voorbeeldcollege.example.org/t","jwks_uri":"https://login.voorbeeldcollege.example.org/k",
                 "end_session_endpoint":"https://login.voorbeeldcollege.example.org/uit?p=1"}
                """.utf8), issuer: settings.issuer)
        let provider = SignOnProvider(settings: settings, metadata: base, keys: ProviderKeys(url: base.jwksURI, http: ProviderHTTP()))
        let url = try #require(provider.endSessionURL(idTokenHint: "a.b.c"))
        #expect(url.absoluteString.hasPrefix("https://login.voorbeeldcollege.example.org/uit?p=1&id_token_hint=a.b.c&"))
        #expect(url.absoluteString.contains("client_id=bewaar%2Bschool"))
        #expect(Self.query(url.absoluteString)["post_logout_redirect_uri"] == "https://bewaar.voorbeeldcollege.example.org/school/")
        // Without a public URL of its own, the way back is the root of the return address's site.
        let plain = SignOnSettings(issuer: settings.issuer, clientID: "c", clientSecret: "s", redirectURL: settings.redirectURL)
        #expect(plain.postLogoutRedirectURL.absoluteString == "https://bewaar.voorbeeldcollege.example.org/")
        // An empty one is none; a sign-out page on plain http to another machine is refused like every other endpoint.
        let empty = try ProviderMetadata.parse(
            Data(
                """
                {"issuer":"https://login.voorbeeldcollege.example.org","authorization_endpoint":"https://login.voorbeeldcollege.example.org/a",
                 "token_endpoint":"https://login.voorbeeldcollege.example.org/t","jwks_uri":"https://login.voorbeeldcollege.example.org/k",
                 "end_session_endpoint":""}
                """.utf8), issuer: settings.issuer)
        #expect(empty.endSessionEndpoint == nil)
        #expect(throws: SignOnError.self) {
            try ProviderMetadata.parse(
                Data(
                    """
                    {"issuer":"https://login.voorbeeldcollege.example.org","authorization_endpoint":"https://login.voorbeeldcollege.example.org/a",
                     "token_endpoint":"https://login.voorbeeldcollege.example.org/t","jwks_uri":"https://login.voorbeeldcollege.example.org/k",
                     "end_session_endpoint":"http://login.voorbeeldcollege.example.org/uit"}
                    """.utf8), issuer: settings.issuer)
        }
    }
}

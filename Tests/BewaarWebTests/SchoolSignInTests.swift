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

/// Sign-in with the school's accounts against a real OpenID Connect provider process
/// (oidc-provider-mock, see ``OIDCProviderProcess``): the web interface in-process, served over
/// real HTTP on loopback (HummingbirdTesting's live mode) and talking real HTTP to the provider
/// for discovery, keys and the token; the test plays the browser, signing in on the provider's
/// own page. The provider proves who someone is; Bewaar gives the role.
@Suite(.enabled(if: OIDCProviderProcess.available, Comment(rawValue: OIDCProviderProcess.missing ?? "")))
struct SchoolSignInTests {
    static let clientID = "bewaar-voorbeeldcollege"
    static let redirect = "http://127.0.0.1:8080" + WebConfiguration.signOnReturnPath

    /// A fixture whose server has sign-in with the school's accounts set up against the provider.
    struct Setup {
        let f: WebFixture
        let provider: OIDCProviderProcess
        let signOn: SignOnProvider
        var router: Router<WebContext> {
            var config = f.configuration()
            config.signOn = signOn
            return WebServer.router(store: f.store, configuration: config)
        }
    }

    static func setup() async throws -> Setup {
        let provider = try await OIDCProviderProcess.shared.value
        let f = try WebFixture()
        let clock = f.clock
        let settings = SignOnSettings(
            issuer: try #require(URL(string: provider.base)), clientID: clientID, clientSecret: "geheim-van-de-school",
            redirectURL: try #require(URL(string: redirect)))
        let signOn = try await SignOnProvider.discover(settings, clock: { clock.now })
        return Setup(f: f, provider: provider, signOn: signOn)
    }

    /// What came back from Bewaar's answer page.
    struct Outcome {
        var status: HTTPResponse.Status
        var body: String
        var session: String?
        var callback: String
        var binding: String
    }

    /// The browser's walk: the button on Bewaar's login page, the provider's page (signed in as
    /// `sub`), back to Bewaar. `tamper` may change the provider's address before the person signs
    /// in and `back` the return address before the browser follows it.
    static func signIn(
        _ client: some TestClientProtocol, _ s: Setup, sub: String, tamper: (String) -> String = { $0 },
        back: (String) -> String = { $0 }, withBinding: Bool = true, beforeReturn: () -> Void = {}
    ) async throws -> Outcome {
        let (location, binding) = try await client.execute(uri: "/inloggen/school", method: .get) { r in
            (r.headers[.location] ?? "", bindingCookie(r) ?? "")
        }
        #expect(location.hasPrefix(s.provider.base + "/oauth2/authorize?"))
        #expect(location.contains("code_challenge_method=S256") && location.contains("nonce=") && location.contains("state="))
        let returned = try #require(try await s.provider.approve(tamper(location), sub: sub))
        #expect(returned.hasPrefix(redirect + "?"))
        beforeReturn()
        let path = back(String(returned.dropFirst("http://127.0.0.1:8080".count)))
        let headers: HTTPFields = withBinding ? [.cookie: binding] : [:]
        return try await client.execute(uri: path, method: .get, headers: headers) { r in
            Outcome(status: r.status, body: String(buffer: r.body), session: sessionCookie(r), callback: path, binding: binding)
        }
    }

    static func bindingCookie(_ r: TestResponse) -> String? {
        r.headers[values: .setCookie].compactMap { v -> String? in
            let first = String(v.split(separator: ";")[0])
            return first.hasPrefix(WebApp.signOnCookieName + "=") && first.count > WebApp.signOnCookieName.count + 1 ? first : nil
        }.first
    }

    static func securityKinds(_ store: CaseStore) throws -> [String] { try store.securityLog().map { "\($0.kind): \($0.detail ?? "")" } }

    @Test func theLoginPageOffersTheSchoolAccountWhenItIsSetUp() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try await Application(router: s.router).test(.live) { client in
            try await client.execute(uri: "/inloggen", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Inloggen met uw schoolaccount"))
                #expect(page.contains("name=\"wachtwoord\""), "local passwords stay")
            }
        }
        try await Application(router: WebServer.router(store: s.f.store, configuration: s.f.configuration())).test(.live) { client in
            try await client.execute(uri: "/inloggen", method: .get) { #expect(!String(buffer: $0.body).contains("schoolaccount")) }
            try await client.execute(uri: "/inloggen/school", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func aVerifiedEmailFindsTheAccountTheFirstTimeAndItsRoleComesFromBewaar() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("j.bakker@voorbeeldcollege.example.org", account: "J. Bakker", actor: "B. Beheer")
        try await s.provider.setUser("bakker-1a", claims: ["email": "J.Bakker@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "bakker-1a")
            #expect(o.status == .ok, "\(o.body)")
            let session = try #require(o.session)
            #expect(o.body.contains("http-equiv=\"refresh\" content=\"0;url=/\""))
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { #expect($0.headers[.location] == "/zaken") }
            try await client.execute(uri: "/zaken", method: .get, headers: [.cookie: session]) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("Pesten in groepsapp 2B"))
            }
        }
        let account = try #require(try s.f.store.account(named: "J. Bakker"))
        #expect(account.oidcSubject == "bakker-1a" && account.oidcIssuer == s.provider.base)
        let events = try s.f.store.events(chain: CaseStore.storeChain).map(\.action.rawValue)
        #expect(events.suffix(2) == ["account-subject-linked", "login"])
        #expect(try s.f.store.signOnRequestCount() == 0, "the request was taken")
    }

    @Test func afterwardsTheSubjectFindsTheAccountWhateverTheEmailSays() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("k.smit@voorbeeldcollege.example.org", account: "K. Smit", actor: "B. Beheer")
        try await s.provider.setUser("smit-2b", claims: ["email": "k.smit@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            #expect(try await Self.signIn(client, s, sub: "smit-2b").session != nil)
            // The school changed her address (and says nothing about verifying it): the subject still finds her.
            try await s.provider.setUser("smit-2b", claims: ["email": "karin.smit@voorbeeldcollege.example.org"])
            let again = try await Self.signIn(client, s, sub: "smit-2b")
            #expect(again.status == .ok && again.session != nil, "\(again.body)")
            // Someone else with her old, verified address does not get her account: it is bound to her subject.
            try await s.provider.setUser("indringer-9", claims: ["email": "k.smit@voorbeeldcollege.example.org", "email_verified": true])
            let other = try await Self.signIn(client, s, sub: "indringer-9")
            #expect(other.status == .forbidden && other.session == nil)
            #expect(other.body.contains("U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder."))
        }
        #expect(try Self.securityKinds(s.f.store).contains { $0.hasPrefix("sign-on-subject-conflict") })
    }

    @Test func anUnverifiedEmailIsRefusedAndNothingIsCreated() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("a.degroot@voorbeeldcollege.example.org", account: "A. de Groot", actor: "B. Beheer")
        try await s.provider.setUser("groot-3c", claims: ["email": "a.degroot@voorbeeldcollege.example.org", "email_verified": false])
        let before = try s.f.store.accounts()
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "groot-3c")
            #expect(o.status == .forbidden && o.session == nil)
            #expect(o.body.contains("U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder."))
        }
        #expect(try s.f.store.accounts() == before)
        #expect(try Self.securityKinds(s.f.store).first?.contains("not verified") == true)
    }

    /// Entra ID sends no `email_verified`; its optional claim `xms_edov` says the domain's owner verified the address.
    @Test func anEntraStyleDomainOwnerVerifiedAddressCounts() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("a.degroot@voorbeeldcollege.example.org", account: "A. de Groot", actor: "B. Beheer")
        try await s.provider.setUser("groot-entra", claims: ["email": "a.degroot@voorbeeldcollege.example.org", "xms_edov": true])
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "groot-entra")
            #expect(o.status == .ok && o.session != nil, "\(o.body)")
        }
        #expect(try s.f.store.account(named: "A. de Groot")?.oidcSubject == "groot-entra")
    }

    @Test func anUnknownPersonGetsTheDutchPageAndNoAccount() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try await s.provider.setUser("nieuw-4d", claims: ["email": "nieuwe.collega@voorbeeldcollege.example.org", "email_verified": true])
        let before = try s.f.store.accounts().count
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "nieuw-4d")
            #expect(o.status == .forbidden && o.session == nil)
            #expect(o.body.contains("U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder."))
            #expect(o.body.contains("lang=\"nl\""))
        }
        #expect(try s.f.store.accounts().count == before)
        #expect(try Self.securityKinds(s.f.store).first?.hasPrefix("sign-on-unknown") == true)
    }

    @Test func aDisabledAccountStaysOut() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("s.systeem@voorbeeldcollege.example.org", account: "S. Systeem", actor: "B. Beheer")
        try s.f.store.setDisabled(true, account: "S. Systeem", actor: "B. Beheer")
        try await s.provider.setUser("systeem-5e", claims: ["email": "s.systeem@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "systeem-5e")
            #expect(o.status == .forbidden && o.session == nil)
            #expect(o.body.contains("uitgeschakeld"))
        }
        #expect(try s.f.store.account(named: "S. Systeem")?.oidcSubject == nil)
    }

    @Test func aReplayedStateAWrongStateAndAnotherBrowserAreRefused() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("j.bakker@voorbeeldcollege.example.org", account: "J. Bakker", actor: "B. Beheer")
        try await s.provider.setUser("bakker-6f", claims: ["email": "j.bakker@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "bakker-6f")
            #expect(o.session != nil)
            // The same answer again: the state was taken.
            try await client.execute(uri: o.callback, method: .get, headers: [.cookie: o.binding]) { r in
                #expect(r.status == .forbidden && sessionCookie(r) == nil)
                #expect(String(buffer: r.body).contains("verlopen, al gebruikt"))
            }
            // A state the server never made.
            let wrong = try await Self.signIn(
                client, s, sub: "bakker-6f",
                back: {
                    $0.replacingOccurrences(of: "state=", with: "state=x")
                })
            #expect(wrong.status == .forbidden && wrong.session == nil)
            // The right state in a browser that did not begin the sign-in (no binding cookie).
            let elsewhere = try await Self.signIn(client, s, sub: "bakker-6f", withBinding: false)
            #expect(elsewhere.status == .forbidden && elsewhere.session == nil)
            // Hostile parameters: no state at all, a huge one, a code of control characters.
            for bad in ["", "?state=", "?state=" + String(repeating: "a", count: 5_000), "?code=%00%01&state=%FF"] {
                try await client.execute(uri: WebConfiguration.signOnReturnPath + bad, method: .get, headers: [.cookie: o.binding]) { r in
                    #expect(r.status == .forbidden, "\(bad.prefix(40))")
                }
            }
        }
        let reasons = try Self.securityKinds(s.f.store)
        for reason in ["unknown-state", "state-of-another-browser", "no-state"] {
            #expect(reasons.contains("sign-on-refused: \(reason)"), "\(reason) in \(reasons)")
        }
    }

    @Test func anIDTokenWithAnotherNonceIsRefused() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("j.bakker@voorbeeldcollege.example.org", account: "J. Bakker", actor: "B. Beheer")
        try await s.provider.setUser("bakker-7g", claims: ["email": "j.bakker@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            // Someone swaps the nonce in the address on its way to the provider: the signed token carries theirs.
            let o = try await Self.signIn(
                client, s, sub: "bakker-7g",
                tamper: {
                    $0.replacingOccurrences(of: "nonce=", with: "nonce=aanvaller")
                })
            #expect(o.status == .forbidden && o.session == nil)
        }
        #expect(try Self.securityKinds(s.f.store).contains("sign-on-refused: nonce-mismatch"))
    }

    /// The start takes from the same per-client budget as a password login.
    @Test func startingSignInsCountsAgainstTheLoginBudget() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        var config = s.f.configuration(loginBurst: 2)
        config.signOn = s.signOn
        let router = WebServer.router(store: s.f.store, configuration: config)
        try await Application(router: router).test(.live) { client in
            for expected in [HTTPResponse.Status.seeOther, .seeOther, .tooManyRequests] {
                try await client.execute(uri: "/inloggen/school", method: .get) { #expect($0.status == expected) }
            }
            // The password form shares the budget: it is spent too.
            let (cookie, token) = try await client.execute(uri: "/inloggen", method: .get) { r in
                (sessionCookie(r) ?? "", csrfToken(in: String(buffer: r.body)) ?? "")
            }
            let (h, b) = Browser(cookie: cookie, csrf: token).form(["_csrf": token, "naam": "J. Bakker", "wachtwoord": WebFixture.password])
            try await client.execute(uri: "/inloggen", method: .post, headers: h, body: b) { #expect($0.status == .tooManyRequests) }
        }
        #expect(try s.f.store.signOnRequestCount() == 2)
        #expect(try Self.securityKinds(s.f.store).contains("sign-on-throttled: "))
    }

    @Test func aSignInThatTookTooLongIsRefused() async throws {
        let s = try await Self.setup()
        defer { s.f.cleanUp() }
        try await s.provider.setUser("bakker-8h", claims: ["email": "j.bakker@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            let o = try await Self.signIn(client, s, sub: "bakker-8h", beforeReturn: { s.f.clock.advance(11 * 60) })
            #expect(o.status == .forbidden && o.session == nil)
        }
        #expect(try Self.securityKinds(s.f.store).contains("sign-on-refused: state-expired"))
    }

    // MARK: The ID token itself (real tokens of the provider, and forged ones made with jwt-kit)

    /// Bewaar's view of the provider, on `clock`.
    static func discovered(_ provider: OIDCProviderProcess, clock: TestClock) async throws -> SignOnProvider {
        let settings = SignOnSettings(
            issuer: try #require(URL(string: provider.base)), clientID: clientID, clientSecret: "geheim",
            redirectURL: try #require(URL(string: redirect)))
        return try await SignOnProvider.discover(settings, clock: { clock.now })
    }

    @Test func anExpiredTokenATokenForAnotherClientAndAForgedOneAreRefused() async throws {
        let (provider, clock) = (try await OIDCProviderProcess.shared.value, TestClock())
        let signOn = try await Self.discovered(provider, clock: clock)
        let good = try await provider.idToken(sub: "bakker-9i", clientID: Self.clientID, nonce: "n-9i")
        #expect(try await signOn.verify(idToken: good, nonce: "n-9i").subject == "bakker-9i")
        await #expect(throws: SignOnError.refused("nonce-mismatch")) { try await signOn.verify(idToken: good, nonce: "n-other") }
        // Another client's token (a token Bewaar was not its audience for).
        let theirs = try await provider.idToken(sub: "bakker-9i", clientID: "ander-systeem", nonce: "n-9i")
        await #expect(throws: SignOnError.refused("wrong-audience")) { try await signOn.verify(idToken: theirs, nonce: "n-9i") }
        // Two hours later the same token has expired.
        clock.advance(2 * 3600)
        await #expect(throws: SignOnError.refused("token-expired")) { try await signOn.verify(idToken: good, nonce: "n-9i") }
    }

    @Test func aTokenSignedWithAnotherKeyIsRefusedAndAnUnknownKeyIsFetchedOnce() async throws {
        let (provider, clock) = (try await OIDCProviderProcess.shared.value, TestClock())
        let signOn = try await Self.discovered(provider, clock: clock)
        let good = try await provider.idToken(sub: "bakker-10j", clientID: Self.clientID, nonce: "n-10j")
        _ = try await signOn.verify(idToken: good, nonce: "n-10j")
        #expect(await signOn.keys.fetches == 1)
        // The provider's own tokens name no key (it has one); its key set names it.
        #expect(ForgedToken.kid(of: good) == nil)
        struct KeySet: Decodable { struct Key: Decodable { var kid: String }; var keys: [Key] }
        let kid = try #require(try JSONDecoder().decode(KeySet.self, from: Data(try await provider.get("/jwks").body.utf8)).keys.first?.kid)
        let now = Date().timeIntervalSince1970
        let claims = IDTokenClaims(
            iss: provider.base, sub: "bakker-10j", aud: [Self.clientID], exp: now + 600, iat: now, nonce: "n-10j",
            email: "j.bakker@voorbeeldcollege.example.org", emailVerified: true)
        // The provider's key id, or none as in the provider's own tokens, with a key of the forger's own:
        // the signature fails, no new fetch.
        for forgedKid in [kid, nil] {
            let forged = try await ForgedToken.rs256(claims, kid: forgedKid)
            await #expect(throws: SignOnError.refused("bad-signature")) { try await signOn.verify(idToken: forged, nonce: "n-10j") }
        }
        #expect(await signOn.keys.fetches == 1)
        // An unknown key id a minute later: the keys are fetched once more (a rotation?), then refused.
        clock.advance(60)
        let newKid = try await ForgedToken.rs256(claims, kid: "sleutel-van-de-vervalser")
        await #expect(throws: SignOnError.refused("unknown-kid")) { try await signOn.verify(idToken: newKid, nonce: "n-10j") }
        #expect(await signOn.keys.fetches == 2)
        // A second one at once does not make the provider's keys be fetched again.
        await #expect(throws: SignOnError.refused("unknown-kid")) { try await signOn.verify(idToken: newKid, nonce: "n-10j") }
        #expect(await signOn.keys.fetches == 2)
        // alg "none", an HMAC with the public key as secret, garbage: refused before any key is used.
        for forged in [
            try ForgedToken.unsigned(claims, kid: kid), try await ForgedToken.hs256(claims, kid: kid), "a.b", "...",
            String(repeating: "x.", count: 9_000),
        ] {
            await #expect(throws: SignOnError.self) { try await signOn.verify(idToken: forged, nonce: "n-10j") }
        }
        #expect(try await signOn.verify(idToken: good, nonce: "n-10j").subject == "bakker-10j", "the real token still passes")
    }
}

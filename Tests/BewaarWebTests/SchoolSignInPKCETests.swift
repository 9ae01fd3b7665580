import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarStore
import BewaarAccounts
import BewaarSignOn
@testable import BewaarWeb
import BewaarTestSupport

/// PKCE (RFC 7636) in the sign-in with the school's accounts: the authorization request carries
/// the S256 challenge of a verifier that stays on the server, and the token request carries that
/// verifier. Checked on the requests Bewaar builds, in what the real provider logged that it
/// received, and by the provider itself: the test provider has authlib's PKCE check added (see
/// `scripts/lib/oidc_provider_pkce.py`), so a challenge changed on the way makes the code useless.
@Suite struct SchoolSignInPKCETests {
    /// RFC 7636 appendix B: this verifier's S256 challenge.
    @Test func theChallengeIsTheS256OfTheVerifierAndOnlyTheTokenRequestCarriesTheVerifier() throws {
        let secrets = SignOnSecrets(state: "toestand", nonce: "eenmalig", verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        #expect(secrets.challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let fresh = SignOnSecrets.fresh()
        #expect(fresh.verifier.count == 43 && fresh.verifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(fresh.verifier != SignOnSecrets.fresh().verifier)
        let issuer = try #require(URL(string: "https://login.voorbeeldcollege.example.org"))
        let metadata = try ProviderMetadata.parse(
            Data(
                """
                {"issuer":"https://login.voorbeeldcollege.example.org","authorization_endpoint":"https://login.voorbeeldcollege.example.org/a",
                 "token_endpoint":"https://login.voorbeeldcollege.example.org/t","jwks_uri":"https://login.voorbeeldcollege.example.org/k",
                 "code_challenge_methods_supported":["plain","S256"]}
                """.utf8), issuer: issuer)
        let settings = SignOnSettings(
            issuer: issuer, clientID: "bewaar", clientSecret: "geheim",
            redirectURL: try #require(URL(string: "https://bewaar.voorbeeldcollege.example.org/inloggen/school/terug")))
        let provider = SignOnProvider(settings: settings, metadata: metadata, keys: ProviderKeys(url: metadata.jwksURI))
        let start = try #require(provider.authorizationURL(secrets)).absoluteString
        let q = SchoolSignOutTests.query(start)
        #expect(q["code_challenge"] == secrets.challenge && q["code_challenge_method"] == "S256")
        #expect(!start.contains(secrets.verifier), "the verifier never goes through the browser")
        let token = provider.tokenRequest(code: "de-code", secrets: secrets)
        #expect(token.url == metadata.tokenEndpoint)
        #expect(token.field("code_verifier") == secrets.verifier && token.field("grant_type") == "authorization_code")
        #expect(token.field("code") == "de-code" && token.field("redirect_uri") == settings.redirectURL.absoluteString)
        #expect(token.headers.first { $0.name == "Authorization" }?.value == "Basic " + Data("bewaar:geheim".utf8).base64EncodedString())
        #expect(token.field("client_secret") == nil, "client_secret_basic: the secret is in the header only")
    }

    @Test(.enabled(if: OIDCProviderProcess.available, Comment(rawValue: OIDCProviderProcess.missing ?? "")))
    func theProviderReceivesTheChallengeAndRefusesACodeWhoseChallengeWasChanged() async throws {
        let s = try await SchoolSignInTests.setup()
        defer { s.f.cleanUp() }
        try s.f.store.setEmail("j.bakker@voorbeeldcollege.example.org", account: "J. Bakker", actor: "B. Beheer")
        try await s.provider.setUser("bakker-pkce", claims: ["email": "j.bakker@voorbeeldcollege.example.org", "email_verified": true])
        try await Application(router: s.router).test(.live) { client in
            // The start: what Bewaar kept for this sign-in, and what the provider logged that it received.
            let location = try await client.execute(uri: "/inloggen/school", method: .get) { $0.headers[.location] ?? "" }
            let q = SchoolSignOutTests.query(location)
            let state = try #require(q["state"])
            let kept = try #require(try s.f.store.takeSignOnRequest(stateSHA256: WebApp.digest(state)))
            let challenge = SignOnSecrets(state: state, nonce: kept.nonce, verifier: kept.verifier).challenge
            #expect(q["code_challenge"] == challenge && q["code_challenge_method"] == "S256")
            _ = try await s.provider.approve(location, sub: "bakker-pkce")
            let received = s.provider.logged().split(separator: "\n").filter { $0.contains("/oauth2/authorize?") && $0.contains("state=\(state)") }
            #expect(received.count == 1 && received.first?.contains("code_challenge=\(challenge)&code_challenge_method=S256") == true, "\(received)")
            // A whole sign-in passes the provider's PKCE check (Bewaar sends the right verifier).
            let good = try await SchoolSignInTests.signIn(client, s, sub: "bakker-pkce")
            #expect(good.status == .ok && good.session != nil, "\(good.body)")
            // The challenge swapped on the way to the provider (for one of someone else's making):
            // the code that comes back is worth nothing with Bewaar's verifier.
            let other = SignOnSecrets.fresh().challenge
            let swapped = try await SchoolSignInTests.signIn(
                client, s, sub: "bakker-pkce",
                tamper: { $0.replacingOccurrences(of: "code_challenge=", with: "code_challenge=\(other)&x=") })
            #expect(swapped.status == .forbidden && swapped.session == nil)
        }
        #expect(try SchoolSignInTests.securityKinds(s.f.store).first == "sign-on-refused: token-endpoint: invalid_grant")
    }
}

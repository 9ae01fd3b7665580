import Foundation

/// What `bewaar serve` needs to know to send people to the school's identity provider.
public struct SignOnSettings: Sendable, Hashable {
    /// The issuer, exactly as the provider's discovery document gives it.
    public var issuer: URL
    public var clientID: String
    /// The client secret (from the environment or a file, never from a flag).
    public var clientSecret: String
    /// Where the provider sends the browser back: the public base URL + `/inloggen/school/terug`.
    public var redirectURL: URL
    /// Where the provider sends the browser after signing out there (`post_logout_redirect_uri`):
    /// the public base URL, ending in `/`. The school registers it at the provider beside
    /// ``redirectURL``.
    public var postLogoutRedirectURL: URL
    /// The scopes asked for: the subject and the e-mail address, nothing more.
    public var scopes = "openid email"

    /// `postLogoutRedirectURL` defaults to the root of `redirectURL`'s site.
    public init(issuer: URL, clientID: String, clientSecret: String, redirectURL: URL, postLogoutRedirectURL: URL? = nil) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURL = redirectURL
        self.postLogoutRedirectURL = postLogoutRedirectURL ?? Self.root(of: redirectURL)
    }

    static func root(of url: URL) -> URL {
        guard var c = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        c.path = "/"
        c.query = nil
        c.fragment = nil
        return c.url ?? url
    }
}

/// The token request of one sign-in, as it is sent to the provider's token endpoint (built apart
/// from sending it, so the PKCE verifier and the client's proof can be checked).
public struct TokenRequest: Sendable {
    public var url: URL
    /// The form fields, in order (`application/x-www-form-urlencoded`).
    public var fields: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]

    /// The value of form field `name`, or nil.
    public func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}

/// One OpenID Connect provider as Bewaar uses it (the relying party's side of the authorization
/// code flow with PKCE): made by discovery at start, then used for every sign-in.
public final class SignOnProvider: Sendable {
    public let settings: SignOnSettings
    public let metadata: ProviderMetadata
    public let keys: ProviderKeys
    let http: ProviderHTTP
    let clock: @Sendable () -> Date

    public init(
        settings: SignOnSettings, metadata: ProviderMetadata, keys: ProviderKeys, http: ProviderHTTP = ProviderHTTP(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.metadata = metadata
        self.keys = keys
        self.http = http
        self.clock = clock
    }

    /// Fetches and checks `ISSUER/.well-known/openid-configuration` and the provider's keys.
    /// Throws a ``SignOnError`` that says, in Dutch and English, what to fix.
    public static func discover(
        _ settings: SignOnSettings, http: ProviderHTTP = ProviderHTTP(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> SignOnProvider {
        let issuer = try ProviderAddress.checked(settings.issuer.absoluteString, what: "--oidc-issuer")
        var base = issuer.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        guard let discovery = URL(string: base + "/.well-known/openid-configuration") else {
            throw SignOnError(
                "discovery-address", nl: "Uit --oidc-issuer is geen adres voor het configuratiedocument te maken.",
                en: "No address for the configuration document can be made from --oidc-issuer.")
        }
        let data: Data
        do {
            data = try await http.getJSON(discovery, what: "discovery")
        } catch let e as SignOnError {
            throw SignOnError(
                "discovery-failed: \(e.reason)",
                nl:
                    "De inlogdienst op \(discovery.absoluteString) gaf geen configuratie (\(e.reason)). Controleer --oidc-issuer en of deze server die dienst kan bereiken.",
                en:
                    "The sign-in service at \(discovery.absoluteString) gave no configuration (\(e.reason)). Check --oidc-issuer and whether this server can reach that service."
            )
        }
        let metadata = try ProviderMetadata.parse(data, issuer: issuer)
        let keys = ProviderKeys(url: metadata.jwksURI, http: http, clock: clock)
        return SignOnProvider(settings: settings, metadata: metadata, keys: keys, http: http, clock: clock)
    }

    /// The address the browser is sent to: the provider's sign-in page for this sign-in.
    public func authorizationURL(_ secrets: SignOnSecrets) -> URL? {
        guard var c = URLComponents(url: metadata.authorizationEndpoint, resolvingAgainstBaseURL: false) else { return nil }
        let ours = [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: settings.redirectURL.absoluteString), URLQueryItem(name: "scope", value: settings.scopes),
            URLQueryItem(name: "state", value: secrets.state), URLQueryItem(name: "nonce", value: secrets.nonce),
            URLQueryItem(name: "code_challenge", value: secrets.challenge), URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        c.queryItems = (c.queryItems ?? []) + ours
        // URLComponents leaves `+` alone in a query; a provider would read it as a space.
        c.percentEncodedQuery = c.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return c.url
    }

    /// The token request that trades `code` for tokens: the PKCE verifier (RFC 7636 4.5), the
    /// return address, and the client secret the way the provider asks for it.
    public func tokenRequest(code: String, secrets: SignOnSecrets) -> TokenRequest {
        var fields = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURL.absoluteString),
            ("code_verifier", secrets.verifier),
        ]
        var headers: [(String, String)] = []
        switch metadata.clientAuthentication {
        case .basic:
            let pair = ProviderHTTP.formEscaped(settings.clientID) + ":" + ProviderHTTP.formEscaped(settings.clientSecret)
            headers.append(("Authorization", "Basic " + Data(pair.utf8).base64EncodedString()))
        case .post:
            fields += [("client_id", settings.clientID), ("client_secret", settings.clientSecret)]
        }
        return TokenRequest(
            url: metadata.tokenEndpoint, fields: fields.map { (name: $0.0, value: $0.1) }, headers: headers.map { (name: $0.0, value: $0.1) })
    }

    /// Trades the authorization code for tokens (with the PKCE verifier and the client secret)
    /// and checks the ID token: signature, issuer, audience, times, nonce.
    public func redeem(code: String, secrets: SignOnSecrets) async throws -> VerifiedIdentity {
        guard !code.isEmpty, code.utf8.count <= 2_048 else { throw SignOnError.refused("bad-code") }
        let request = tokenRequest(code: code, secrets: secrets)
        let answer = try await http.postForm(
            request.url, fields: request.fields.map { ($0.name, $0.value) }, headers: request.headers.map { ($0.name, $0.value) },
            what: "token")
        struct TokenAnswer: Decodable {
            var id_token: String?
            var error: String?
        }
        let token = try? JSONDecoder().decode(TokenAnswer.self, from: answer.body)
        guard answer.status == 200 else {
            let said = token?.error.map { String($0.prefix(60)) } ?? "HTTP \(answer.status)"
            throw SignOnError.refused("token-endpoint: \(said)")
        }
        guard let idToken = token?.id_token else { throw SignOnError.refused("no-id-token") }
        return try await verify(idToken: idToken, nonce: secrets.nonce)
    }

    /// Where to send the browser to sign out at the provider too (OpenID Connect RP-Initiated
    /// Logout 1.0): the provider's `end_session_endpoint` with the ID token of the sign-in as
    /// `id_token_hint`, this client, and the public URL to come back to. Nil when the provider
    /// has no such page: then signing out ends Bewaar's session only.
    public func endSessionURL(idTokenHint: String) -> URL? {
        guard let endpoint = metadata.endSessionEndpoint,
            var c = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)
        else { return nil }
        c.queryItems =
            (c.queryItems ?? []) + [
                URLQueryItem(name: "id_token_hint", value: idTokenHint), URLQueryItem(name: "client_id", value: settings.clientID),
                URLQueryItem(name: "post_logout_redirect_uri", value: settings.postLogoutRedirectURL.absoluteString),
            ]
        c.percentEncodedQuery = c.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return c.url
    }

    /// Checks an ID token's signature against the provider's keys and its claims against this
    /// sign-in's nonce and Bewaar's clock.
    public func verify(idToken: String, nonce: String) async throws -> VerifiedIdentity {
        let claims = try await keys.verified(idToken, algorithms: metadata.signingAlgorithms)
        var identity = try IDTokenCheck(issuer: metadata.issuer, clientID: settings.clientID).identity(of: claims, nonce: nonce, now: clock())
        identity.idToken = idToken
        return identity
    }
}

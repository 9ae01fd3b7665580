import Foundation

/// What the provider's `/.well-known/openid-configuration` says (OpenID Connect Discovery 1.0),
/// checked: the issuer is exactly the one configured, every endpoint is https (or loopback http
/// next to a loopback issuer), the code flow and S256 are possible.
public struct ProviderMetadata: Sendable, Hashable {
    public var issuer: String
    public var authorizationEndpoint: URL
    public var tokenEndpoint: URL
    public var jwksURI: URL
    /// How the client proves itself at the token endpoint: `client_secret_basic` unless the
    /// provider lists only `client_secret_post`.
    public var clientAuthentication: ClientAuthentication
    /// The signature algorithms the provider uses for ID tokens (RS256 when it says none).
    public var signingAlgorithms: [String]
    /// Where the browser is sent to sign out at the provider too (OpenID Connect RP-Initiated
    /// Logout 1.0), when the provider has such a page; nil: signing out ends Bewaar's session only.
    public var endSessionEndpoint: URL? = nil

    public enum ClientAuthentication: String, Sendable, Hashable {
        case basic = "client_secret_basic"
        case post = "client_secret_post"
    }

    /// The algorithms Bewaar accepts at all (asymmetric only: never `none`, never an HMAC that
    /// would use a public key as secret).
    public static let acceptedAlgorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]

    private struct Document: Decodable {
        var issuer: String?
        var authorization_endpoint: String?
        var token_endpoint: String?
        var jwks_uri: String?
        var response_types_supported: [String]?
        var code_challenge_methods_supported: [String]?
        var token_endpoint_auth_methods_supported: [String]?
        var id_token_signing_alg_values_supported: [String]?
        var end_session_endpoint: String?
    }

    /// Reads and checks a discovery document fetched for `issuer`.
    public static func parse(_ data: Data, issuer: URL) throws -> ProviderMetadata {
        let doc: Document
        do {
            doc = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw SignOnError(
                "discovery-unreadable", nl: "Het configuratiedocument van de inlogdienst is geen leesbare JSON.",
                en: "The sign-in service's configuration document is not readable JSON.")
        }
        let configured = issuer.absoluteString
        guard let said = doc.issuer,
            said == configured || said == configured + "/" && configured.last != "/"
                || said + "/" == configured
        else {
            throw SignOnError(
                "discovery-issuer-mismatch",
                nl:
                    "De inlogdienst noemt zich \"\(doc.issuer?.prefix(200) ?? "—")\", niet \(configured). Geef bij --oidc-issuer precies de issuer uit het configuratiedocument.",
                en:
                    "The sign-in service calls itself \"\(doc.issuer?.prefix(200) ?? "—")\", not \(configured). Give exactly the document's issuer to --oidc-issuer."
            )
        }
        func endpoint(_ text: String?, _ name: String) throws -> URL {
            guard let text, text.utf8.count <= 2_000, let url = URL(string: text), ProviderAddress.sameKind(url, as: issuer) else {
                throw SignOnError(
                    "discovery-\(name)", nl: "Het configuratiedocument van de inlogdienst heeft geen bruikbaar \(name) (https nodig).",
                    en: "The sign-in service's configuration document has no usable \(name) (https needed).")
            }
            return url
        }
        let authorization = try endpoint(doc.authorization_endpoint, "authorization_endpoint")
        let token = try endpoint(doc.token_endpoint, "token_endpoint")
        let jwks = try endpoint(doc.jwks_uri, "jwks_uri")
        // An empty one is taken as none.
        let endSession = try doc.end_session_endpoint.flatMap { $0.isEmpty ? nil : $0 }.map { try endpoint($0, "end_session_endpoint") }
        if let types = doc.response_types_supported, !types.contains("code") {
            throw SignOnError(
                "discovery-no-code-flow",
                nl: "De inlogdienst ondersteunt de authorization code flow niet (response_type code); zet die aan voor Bewaar.",
                en: "The sign-in service does not support the authorization code flow (response_type code); enable it for Bewaar.")
        }
        if let methods = doc.code_challenge_methods_supported, !methods.contains("S256") {
            throw SignOnError(
                "discovery-no-s256", nl: "De inlogdienst ondersteunt PKCE met S256 niet; Bewaar heeft dat nodig.",
                en: "The sign-in service does not support PKCE with S256; Bewaar needs it.")
        }
        let methods = doc.token_endpoint_auth_methods_supported ?? ["client_secret_basic"]
        let auth: ClientAuthentication
        if methods.contains("client_secret_basic") {
            auth = .basic
        } else if methods.contains("client_secret_post") {
            auth = .post
        } else {
            throw SignOnError(
                "discovery-no-secret-auth",
                nl: "De inlogdienst kent client_secret_basic noch client_secret_post; Bewaar meldt zich met een client secret.",
                en: "The sign-in service knows neither client_secret_basic nor client_secret_post; Bewaar signs in with a client secret.")
        }
        let algorithms = (doc.id_token_signing_alg_values_supported ?? ["RS256"]).filter { acceptedAlgorithms.contains($0) }
        guard !algorithms.isEmpty else {
            throw SignOnError(
                "discovery-no-algorithm", nl: "De inlogdienst ondertekent ID-tokens met geen enkel algoritme dat Bewaar aanvaardt (zoals RS256).",
                en: "The sign-in service signs ID tokens with no algorithm Bewaar accepts (such as RS256).")
        }
        return ProviderMetadata(
            issuer: said, authorizationEndpoint: authorization, tokenEndpoint: token, jwksURI: jwks,
            clientAuthentication: auth, signingAlgorithms: algorithms, endSessionEndpoint: endSession)
    }
}

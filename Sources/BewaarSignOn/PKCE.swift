import Crypto
import Foundation

/// The random values of one sign-in: `state` (ties the answer to this browser), `nonce` (ties
/// the ID token to this sign-in) and the PKCE verifier with its S256 challenge (RFC 7636), so a
/// stolen authorization code is useless without the verifier that stays on the server.
public struct SignOnSecrets: Sendable, Hashable {
    public var state: String
    public var nonce: String
    public var verifier: String

    public init(state: String, nonce: String, verifier: String) {
        self.state = state
        self.nonce = nonce
        self.verifier = verifier
    }

    /// Fresh values from the system's random generator: 32 bytes each, base64url without padding
    /// (a 43-character verifier, inside RFC 7636's 43…128).
    public static func fresh() -> SignOnSecrets {
        SignOnSecrets(state: randomText(), nonce: randomText(), verifier: randomText())
    }

    /// BASE64URL(SHA-256(verifier)), the `code_challenge` for `code_challenge_method=S256`.
    public var challenge: String { Self.base64URL(Data(SHA256.hash(data: Data(verifier.utf8)))) }

    static func randomText() -> String {
        var rng = SystemRandomNumberGenerator()
        return base64URL(Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

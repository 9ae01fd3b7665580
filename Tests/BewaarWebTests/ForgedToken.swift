import Foundation
import JWTKit
import _CryptoExtras
import BewaarSignOn

/// ID tokens a forger makes with jwt-kit: signed with a key of their own (under the provider's
/// key id or another), with an HMAC whose secret is public, or not signed at all.
enum ForgedToken {
    /// The `kid` in a token's header.
    static func kid(of token: String) -> String? {
        guard let first = token.split(separator: ".").first, let data = base64URLDecoded(String(first)),
            let header = try? JSONDecoder().decode([String: String].self, from: data)
        else { return nil }
        return header["kid"]
    }

    /// Signed RS256 with a new key of the forger's own, under `kid` (none: no `kid` in the header).
    static func rs256(_ claims: IDTokenClaims, kid: String?) async throws -> String {
        let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let keys = JWTKeyCollection()
        await keys.add(rsa: key, digestAlgorithm: .sha256, kid: kid.map { JWKIdentifier(string: $0) })
        return try await keys.sign(claims, kid: kid.map { JWKIdentifier(string: $0) })
    }

    static func hs256(_ claims: IDTokenClaims, kid: String) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: "de publieke sleutel van de school"), digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }

    static func unsigned(_ claims: IDTokenClaims, kid: String) throws -> String {
        let header = try JSONSerialization.data(withJSONObject: ["alg": "none", "kid": kid])
        let body = try JSONEncoder().encode(claims)
        return base64URL(header) + "." + base64URL(body) + "."
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
            of: "=", with: "")
    }

    static func base64URLDecoded(_ text: String) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.utf8.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s)
    }
}

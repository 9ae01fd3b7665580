import Foundation
import JWTKit

/// The claims of an ID token that Bewaar reads, decoded leniently in shape (an `aud` may be one
/// string or a list, `email_verified` a boolean or the text "true") and strictly in meaning:
/// ``IDTokenCheck`` decides. jwt-kit only checks the signature; its `verify` hook does nothing,
/// because the claims are checked afterwards against Bewaar's own clock.
public struct IDTokenClaims: JWTPayload, Hashable {
    public var iss: String?
    public var sub: String?
    public var aud: [String]
    public var azp: String?
    public var exp: Double?
    public var iat: Double?
    public var nbf: Double?
    public var nonce: String?
    public var email: String?
    public var emailVerified: Bool
    public var name: String?

    public init(
        iss: String?, sub: String?, aud: [String], azp: String? = nil, exp: Double?, iat: Double?, nbf: Double? = nil,
        nonce: String?, email: String? = nil, emailVerified: Bool = false, name: String? = nil
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.azp = azp
        self.exp = exp
        self.iat = iat
        self.nbf = nbf
        self.nonce = nonce
        self.email = email
        self.emailVerified = emailVerified
        self.name = name
    }

    enum Key: String, CodingKey {
        case iss, sub, aud, azp, exp, iat, nbf, nonce, email, name
        case emailVerified = "email_verified"
        /// Microsoft Entra ID's optional claim: the e-mail's domain owner is verified.
        case emailDomainOwnerVerified = "xms_edov"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        iss = try c.decodeIfPresent(String.self, forKey: .iss)
        sub = try c.decodeIfPresent(String.self, forKey: .sub)
        if let one = try? c.decodeIfPresent(String.self, forKey: .aud) {
            aud = [one]
        } else {
            aud = try c.decodeIfPresent([String].self, forKey: .aud) ?? []
        }
        azp = try c.decodeIfPresent(String.self, forKey: .azp)
        exp = try c.decodeIfPresent(Double.self, forKey: .exp)
        iat = try c.decodeIfPresent(Double.self, forKey: .iat)
        nbf = try c.decodeIfPresent(Double.self, forKey: .nbf)
        nonce = try c.decodeIfPresent(String.self, forKey: .nonce)
        email = try? c.decodeIfPresent(String.self, forKey: .email)
        name = try? c.decodeIfPresent(String.self, forKey: .name)
        // `email_verified` (OpenID Connect), or Entra ID's `xms_edov`; a boolean, or the text "true" or "1".
        func flag(_ key: Key) -> Bool {
            if let b = try? c.decodeIfPresent(Bool.self, forKey: key) { return b }
            let text = try? c.decodeIfPresent(String.self, forKey: key)
            return text == "true" || text == "1"
        }
        emailVerified = flag(.emailVerified) || flag(.emailDomainOwnerVerified)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(iss, forKey: .iss)
        try c.encodeIfPresent(sub, forKey: .sub)
        if aud.count == 1, let one = aud.first { try c.encode(one, forKey: .aud) } else { try c.encode(aud, forKey: .aud) }
        try c.encodeIfPresent(azp, forKey: .azp)
        try c.encodeIfPresent(exp, forKey: .exp)
        try c.encodeIfPresent(iat, forKey: .iat)
        try c.encodeIfPresent(nbf, forKey: .nbf)
        try c.encodeIfPresent(nonce, forKey: .nonce)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encode(emailVerified, forKey: .emailVerified)
        try c.encodeIfPresent(name, forKey: .name)
    }

    /// Claims are checked by ``IDTokenCheck`` with Bewaar's clock, not here.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}

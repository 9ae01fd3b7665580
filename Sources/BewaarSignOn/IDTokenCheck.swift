import Foundation
import BewaarModel

/// Who the provider says signed in, after every check passed.
public struct VerifiedIdentity: Sendable, Hashable {
    /// The issuer (`iss`): subjects are unique only per issuer.
    public var issuer: String
    /// The provider's stable id of the person (`sub`).
    public var subject: String
    /// The e-mail address, only when the provider says it verified it (`email_verified`, or
    /// Entra ID's `xms_edov`).
    public var verifiedEmail: String?
    /// The e-mail address the token carried, verified or not (for the log and the refusal).
    public var email: String?
    /// The ID token itself, as signed by the provider: kept only to name the sign-in when signing
    /// out at the provider (`id_token_hint`).
    public var idToken: String? = nil
}

/// The checks of OpenID Connect Core 3.1.3.7 on a signed ID token's claims: the issuer is the
/// provider's, the audience holds this client (and `azp` names it when there are several), the
/// token is within its time (with a small leeway for clocks), and the nonce is this sign-in's.
public struct IDTokenCheck: Sendable {
    public var issuer: String
    public var clientID: String
    /// Clock difference tolerated on `exp`, `iat` and `nbf`.
    public var leeway: TimeInterval = 60
    /// How old `iat` may be.
    public var maximumAge: TimeInterval = 3_600
    /// Longest subject or e-mail accepted (the provider's values are untrusted too).
    public static let claimLimit = 255

    public init(issuer: String, clientID: String) {
        self.issuer = issuer
        self.clientID = clientID
    }

    /// The identity, or ``SignOnError`` naming the claim that failed.
    public func identity(of claims: IDTokenClaims, nonce: String, now: Date) throws -> VerifiedIdentity {
        guard claims.iss == issuer else { throw SignOnError.refused("wrong-issuer") }
        guard claims.aud.contains(clientID), claims.aud.count <= 50 else { throw SignOnError.refused("wrong-audience") }
        if claims.aud.count > 1 || claims.azp != nil {
            guard claims.azp == clientID else { throw SignOnError.refused("wrong-azp") }
        }
        let t = now.timeIntervalSince1970
        guard let exp = claims.exp, exp.isFinite else { throw SignOnError.refused("no-exp") }
        guard t <= exp + leeway else { throw SignOnError.refused("token-expired") }
        guard let iat = claims.iat, iat.isFinite else { throw SignOnError.refused("no-iat") }
        guard iat <= t + leeway else { throw SignOnError.refused("iat-in-future") }
        guard t - iat <= maximumAge + leeway else { throw SignOnError.refused("token-too-old") }
        if let nbf = claims.nbf { guard nbf.isFinite, nbf <= t + leeway else { throw SignOnError.refused("not-yet-valid") } }
        guard let said = claims.nonce, !nonce.isEmpty, Self.same(said, nonce) else { throw SignOnError.refused("nonce-mismatch") }
        guard let sub = claims.sub, Self.acceptableSubject(sub) else { throw SignOnError.refused("bad-subject") }
        let email = claims.email.flatMap { EmailAddress.plausible($0) }
        return VerifiedIdentity(issuer: issuer, subject: sub, verifiedEmail: claims.emailVerified ? email : nil, email: email)
    }

    /// Whether `subject` can be a provider's `sub` for Bewaar: 1 to ``claimLimit`` bytes, no
    /// control characters.
    public static func acceptableSubject(_ subject: String) -> Bool {
        !subject.isEmpty && subject.utf8.count <= claimLimit && !subject.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var d: UInt8 = 0
        for (p, q) in zip(x, y) { d |= p ^ q }
        return d == 0
    }
}

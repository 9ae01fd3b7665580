import Foundation
import BewaarStore

/// What Bewaar makes of a person the school's identity provider signed in. The provider proves
/// who someone is; Bewaar alone decides whether they have an account and which role it has.
public enum SignOnMatch: Sendable, Equatable {
    /// Signed in as this account (found by subject, or by verified e-mail on the first sign-in).
    case signedIn(Account)
    /// Nobody in Bewaar matches: nothing is created.
    case unknownPerson
    /// The account exists but is disabled.
    case disabled
}

extension Accounts {
    /// Finds the account of a person the provider signed in: by the provider's subject when it
    /// was stored before, else by a verified e-mail address equal to the account's (then the
    /// subject is stored, so a later change of address at the school changes nothing). An
    /// unverified address never matches; an account that already holds another subject of this
    /// provider is not taken over by an address. Every outcome is logged (the custody log for a
    /// sign-in, the security log for a refusal).
    public func signOn(issuer: String, subject: String, verifiedEmail: String?, email: String?, source: String) throws -> SignOnMatch {
        var found = try store.account(issuer: issuer, subject: subject)
        var link = false
        if found == nil, let verifiedEmail, let byEmail = try store.account(email: verifiedEmail) {
            if byEmail.oidcSubject == nil {
                found = byEmail
                link = true
            } else {
                try store.recordSecurity(
                    kind: "sign-on-subject-conflict", account: byEmail.name, source: source,
                    detail: "the account holds another subject; the e-mail address alone does not sign in")
            }
        }
        guard let stored = found else {
            let why =
                email == nil
                ? "no e-mail address in the token"
                : verifiedEmail == nil ? "e-mail address \(email ?? "") not verified by the provider" : "no account with \(email ?? "")"
            try store.recordSecurity(kind: "sign-on-unknown", account: nil, source: source, detail: "subject \(subject) of \(issuer): \(why)")
            return .unknownPerson
        }
        guard stored.disabledAt == nil, let role = AccountRole(rawValue: stored.role) else {
            try store.recordSecurity(kind: "sign-on-disabled", account: stored.name, source: source, detail: nil)
            return .disabled
        }
        guard try store.recordSignOn(name: stored.name, issuer: issuer, subject: subject, link: link, source: source) else {
            try store.recordSecurity(kind: "sign-on-disabled", account: stored.name, source: source, detail: "changed during the sign-in")
            return .disabled
        }
        return .signedIn(Account(name: stored.name, role: role))
    }
}

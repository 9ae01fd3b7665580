import Foundation
import BewaarModel
import BewaarStore

/// A sign-in with the school's accounts under way, as the store keeps it (see ``SignOnSchema``).
public struct StoredSignOnRequest: Sendable, Hashable {
    /// SHA-256 of the `state` sent to the provider.
    public var stateSHA256: String
    /// SHA-256 of the value in the browser's binding cookie.
    public var bindingSHA256: String
    public var nonce: String
    public var verifier: String
    public var created: Date

    public init(stateSHA256: String, bindingSHA256: String, nonce: String, verifier: String, created: Date) {
        self.stateSHA256 = stateSHA256
        self.bindingSHA256 = bindingSHA256
        self.nonce = nonce
        self.verifier = verifier
        self.created = created
    }
}

extension CustodyAction {
    /// The provider's subject was stored on an account at its first sign-in with a school account.
    public static let accountSubjectLinked: CustodyAction = "account-subject-linked"
    /// The beheerder set or cleared an account's e-mail address.
    public static let accountEmailSet: CustodyAction = "account-email-set"
    /// A manager removed the provider's subject from an account (`bewaar user subject --clear`).
    public static let accountSubjectUnlinked: CustodyAction = "account-subject-unlinked"
}

extension CaseStore {
    /// Sign-ins under way kept at most (the oldest go first), so starting sign-ins over and over
    /// cannot fill the store.
    public static let signOnRequestLimit = 10_000

    /// Stores a sign-in under way, after removing those made before `expiredBefore` and all but
    /// the newest ``signOnRequestLimit``.
    public func saveSignOnRequest(_ r: StoredSignOnRequest, expiredBefore: Date) throws {
        try writing { c in
            try c.execute("DELETE FROM sign_on_requests WHERE created < ?1", [.text(expiredBefore.stored)])
            try c.execute(
                """
                DELETE FROM sign_on_requests WHERE state_sha256 NOT IN (
                    SELECT state_sha256 FROM sign_on_requests ORDER BY created DESC LIMIT ?1)
                """, [SQLValue(Self.signOnRequestLimit - 1)])
            try c.execute(
                "INSERT INTO sign_on_requests (state_sha256, binding_sha256, nonce, verifier, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                [.text(r.stateSHA256), .text(r.bindingSHA256), .text(r.nonce), .text(r.verifier), .text(r.created.stored)])
        }
    }

    /// Takes the sign-in under way with this `state` hash: it is deleted in the same statement,
    /// so a second answer with the same state finds nothing.
    public func takeSignOnRequest(stateSHA256: String) throws -> StoredSignOnRequest? {
        try writing { c in
            guard let row = try c.fetchOne("DELETE FROM sign_on_requests WHERE state_sha256 = ?1 RETURNING *", [.text(stateSHA256)])
            else { return nil }
            let r = StoredRow(row, table: "sign_on_requests", key: "state_sha256")
            guard let created = try r.lenientDate("created") else { return nil }
            return StoredSignOnRequest(
                stateSHA256: try r("state_sha256"), bindingSHA256: try r("binding_sha256"), nonce: try r("nonce"),
                verifier: try r("verifier"), created: created)
        }
    }

    /// How many sign-ins are under way (tests and the bound read it).
    public func signOnRequestCount() throws -> Int {
        try reading { c in try c.fetchValue("SELECT COUNT(*) FROM sign_on_requests", as: Int.self) ?? 0 }
    }

    /// The account that signed in before with this subject of this issuer, or nil.
    public func account(issuer: String, subject: String) throws -> StoredAccount? {
        try reading { c in
            try c.fetchOne(
                AccountRow.self, "SELECT * FROM accounts WHERE oidc_issuer = ?1 AND oidc_subject = ?2", [.text(issuer), .text(subject)]
            )?.value
        }
    }

    /// The account with this e-mail address (case-insensitive), or nil.
    public func account(email: String) throws -> StoredAccount? {
        try reading { c in
            try c.fetchOne(AccountRow.self, "SELECT * FROM accounts WHERE lower(email) = lower(?1)", [.text(email)])?.value
        }
    }

    /// Sets (or, with nil, clears) an account's e-mail address (custody event `account-email-set`).
    /// An address another account has is an error. Changing it also forgets the provider's
    /// subject, so the next sign-in finds the account by its new address again.
    public func setEmail(_ email: String?, account name: String, actor: String) throws {
        try writing { c in
            if let email,
                let other = try c.fetchValue(
                    "SELECT name FROM accounts WHERE lower(email) = lower(?1) AND NOT \(AccountsTable.nameIs("?2"))",
                    [.text(email), .text(name)], as: String.self)
            {
                throw StoreError(
                    .invalidValue, nl: "Account \(other) heeft al het e-mailadres \(email).",
                    en: "Account \(other) already has the e-mail address \(email).")
            }
            // The subject stays only when the address stays the same (compared as the address is:
            // without regard to case; NULL the same as NULL).
            let same = "(lower(email) = lower(?1) OR (email IS NULL AND ?1 IS NULL))"
            let changed = try c.execute(
                """
                UPDATE accounts SET oidc_issuer = CASE WHEN \(same) THEN oidc_issuer END,
                    oidc_subject = CASE WHEN \(same) THEN oidc_subject END, email = ?1 WHERE \(AccountsTable.nameIs("?2"))
                """, [SQLValue(email), .text(name)])
            guard changed == 1 else { throw Self.noAccount(name) }
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: .accountEmailSet,
                details: ["account": name, "email": email ?? "—"])
        }
    }

    /// Records a sign-in with a school account, only if the account is (still) not disabled:
    /// stores the subject when `link` (custody event `account-subject-linked`, once) and logs
    /// custody event `login` with `method: school-account`. Returns false, changing nothing,
    /// when the account is disabled or gone, or when it already holds another subject.
    public func recordSignOn(name: String, issuer: String, subject: String, link: Bool, source: String) throws -> Bool {
        try writing { c in
            try actForSchool(ofAccount: name, c)
            if link {
                let changed = try c.execute(
                    """
                    UPDATE accounts SET oidc_issuer = ?2, oidc_subject = ?3
                    WHERE \(AccountsTable.byName) AND disabled_at IS NULL AND oidc_subject IS NULL
                    """, [.text(name), .text(issuer), .text(subject)])
                guard changed == 1 else { return false }
                try appendEvent(
                    c, chain: Self.storeChain, actor: name, action: .accountSubjectLinked,
                    details: ["account": name, "issuer": StoredText.bounded(issuer, limit: 200)])
            } else {
                guard
                    try c.fetchValue(
                        """
                        SELECT COUNT(*) FROM accounts WHERE \(AccountsTable.byName) AND disabled_at IS NULL AND oidc_issuer = ?2 AND oidc_subject = ?3
                        """, [.text(name), .text(issuer), .text(subject)], as: Int.self) ?? 0 == 1
                else { return false }
            }
            try appendEvent(
                c, chain: Self.storeChain, actor: name, action: "login",
                details: ["source": StoredText.bounded(source, limit: 100), "method": "school-account"])
            return true
        }
    }

    /// Links an account to a provider's subject by hand (`bewaar user subject`), for a provider
    /// that sends no verified e-mail address: custody event `account-subject-linked` with
    /// `method: by-hand`, the issuer and the subject. Returns false, changing nothing, when the
    /// account holds exactly this subject already. An account that holds another subject, or a
    /// subject another account holds, is an error that says what to do.
    @discardableResult
    public func linkSubject(issuer: String, subject: String, account name: String, actor: String) throws -> Bool {
        try writing { c in
            guard
                let row = try c.fetchOne(
                    "SELECT name, oidc_issuer, oidc_subject FROM accounts WHERE \(AccountsTable.byName)", [.text(name)])
            else { throw Self.noAccount(name) }
            let r = StoredRow(row, table: "accounts", key: "name")
            let stored: String = try r("name")
            if let other = try c.fetchValue(
                "SELECT name FROM accounts WHERE oidc_issuer = ?1 AND oidc_subject = ?2 AND NOT lower(name) = lower(?3)",
                [.text(issuer), .text(subject), .text(stored)], as: String.self)
            {
                throw StoreError(
                    .invalidValue,
                    nl: "Account \(other) is al gekoppeld aan dit schoolaccount. Ontkoppel het eerst: bewaar user subject \"\(other)\" --clear",
                    en: "Account \(other) is linked to this school account already. Unlink it first: bewaar user subject \"\(other)\" --clear")
            }
            let heldIssuer = try r.optional("oidc_issuer", as: String.self), heldSubject = try r.optional("oidc_subject", as: String.self)
            if heldIssuer == issuer && heldSubject == subject { return false }
            if heldSubject != nil {
                throw StoreError(
                    .invalidValue,
                    nl:
                        "Account \(stored) is al gekoppeld aan een ander schoolaccount. Ontkoppel het eerst: bewaar user subject \"\(stored)\" --clear",
                    en:
                        "Account \(stored) is linked to another school account already. Unlink it first: bewaar user subject \"\(stored)\" --clear")
            }
            let changed = try c.execute(
                "UPDATE accounts SET oidc_issuer = ?2, oidc_subject = ?3 WHERE \(AccountsTable.byName) AND oidc_subject IS NULL",
                [.text(stored), .text(issuer), .text(subject)])
            guard changed == 1 else { throw Self.noAccount(name) }
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: .accountSubjectLinked,
                details: [
                    "account": stored, "issuer": StoredText.bounded(issuer, limit: 200), "subject": StoredText.bounded(subject, limit: 255),
                    "method": "by-hand",
                ])
            return true
        }
    }

    /// Removes the provider's subject from an account (custody event `account-subject-unlinked`)
    /// and ends the account's sessions, so someone linked by mistake is signed out at once. The
    /// next sign-in with a school account finds the account by its verified e-mail address
    /// again, or not at all. Returns false, changing nothing, when the account holds no subject.
    @discardableResult
    public func unlinkSubject(account name: String, actor: String) throws -> Bool {
        try writing { c in
            guard
                let row = try c.fetchOne(
                    "SELECT name, oidc_issuer, oidc_subject FROM accounts WHERE \(AccountsTable.byName)", [.text(name)])
            else { throw Self.noAccount(name) }
            let r = StoredRow(row, table: "accounts", key: "name")
            let stored: String = try r("name")
            guard let subject = try r.optional("oidc_subject", as: String.self) else { return false }
            let issuer = try r.optional("oidc_issuer", as: String.self) ?? ""
            try c.execute("UPDATE accounts SET oidc_issuer = NULL, oidc_subject = NULL WHERE \(AccountsTable.byName)", [.text(stored)])
            try AccountsTable.endSessions(c, of: stored)
            try appendEvent(
                c, chain: Self.storeChain, actor: actor, action: .accountSubjectUnlinked,
                details: [
                    "account": stored, "issuer": StoredText.bounded(issuer, limit: 200), "subject": StoredText.bounded(subject, limit: 255),
                ])
            return true
        }
    }
}

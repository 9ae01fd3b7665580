import Foundation
import BewaarModel
import GRDB
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
        try write { db in
            try db.execute(cached: "DELETE FROM sign_on_requests WHERE created < ?", arguments: [expiredBefore.stored])
            try db.execute(
                cached: """
                    DELETE FROM sign_on_requests WHERE state_sha256 NOT IN (
                        SELECT state_sha256 FROM sign_on_requests ORDER BY created DESC LIMIT ?)
                    """, arguments: [Self.signOnRequestLimit - 1])
            try db.execute(
                cached: """
                    INSERT INTO sign_on_requests (state_sha256, binding_sha256, nonce, verifier, created) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [r.stateSHA256, r.bindingSHA256, r.nonce, r.verifier, r.created.stored])
        }
    }

    /// Takes the sign-in under way with this `state` hash: it is deleted in the same statement,
    /// so a second answer with the same state finds nothing.
    public func takeSignOnRequest(stateSHA256: String) throws -> StoredSignOnRequest? {
        try write { db in
            guard
                let row = try Row.fetchOne(
                    db, cached: "DELETE FROM sign_on_requests WHERE state_sha256 = ? RETURNING *",
                    arguments: [stateSHA256])
            else { return nil }
            guard let created = Date(stored: row["created"] as String?) else { return nil }
            return StoredSignOnRequest(
                stateSHA256: row["state_sha256"], bindingSHA256: row["binding_sha256"], nonce: row["nonce"],
                verifier: row["verifier"], created: created)
        }
    }

    /// How many sign-ins are under way (tests and the bound read it).
    public func signOnRequestCount() throws -> Int {
        try read { db in try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM sign_on_requests") ?? 0 }
    }

    /// The account that signed in before with this subject of this issuer, or nil.
    public func account(issuer: String, subject: String) throws -> StoredAccount? {
        try read { db in
            try AccountRow.fetchOne(
                db, cached: "SELECT * FROM accounts WHERE oidc_issuer = ? AND oidc_subject = ?",
                arguments: [issuer, subject])?.value
        }
    }

    /// The account with this e-mail address (case-insensitive), or nil.
    public func account(email: String) throws -> StoredAccount? {
        try read { db in try AccountRow.fetchOne(db, cached: "SELECT * FROM accounts WHERE email = ?", arguments: [email])?.value }
    }

    /// Sets (or, with nil, clears) an account's e-mail address (custody event `account-email-set`).
    /// An address another account has is an error. Changing it also forgets the provider's
    /// subject, so the next sign-in finds the account by its new address again.
    public func setEmail(_ email: String?, account name: String, actor: String) throws {
        try write { db in
            if let email,
                let other = try String.fetchOne(
                    db, cached: "SELECT name FROM accounts WHERE email = ? AND name <> ?",
                    arguments: [email, name])
            {
                throw StoreError(
                    .invalidValue, nl: "Account \(other) heeft al het e-mailadres \(email).",
                    en: "Account \(other) already has the e-mail address \(email).")
            }
            try db.execute(
                cached: """
                    UPDATE accounts SET oidc_issuer = CASE WHEN email IS ? THEN oidc_issuer END,
                        oidc_subject = CASE WHEN email IS ? THEN oidc_subject END, email = ? WHERE name = ?
                    """, arguments: [email, email, email, name])
            guard db.changesCount == 1 else { throw Self.noAccount(name) }
            try appendEvent(
                db, chain: Self.storeChain, actor: actor, action: .accountEmailSet,
                details: ["account": name, "email": email ?? "—"])
        }
    }

    /// Records a sign-in with a school account, only if the account is (still) not disabled:
    /// stores the subject when `link` (custody event `account-subject-linked`, once) and logs
    /// custody event `login` with `method: school-account`. Returns false, changing nothing,
    /// when the account is disabled or gone, or when it already holds another subject.
    public func recordSignOn(name: String, issuer: String, subject: String, link: Bool, source: String) throws -> Bool {
        try write { db in
            if link {
                try db.execute(
                    cached: """
                        UPDATE accounts SET oidc_issuer = ?, oidc_subject = ?
                        WHERE name = ? AND disabled_at IS NULL AND oidc_subject IS NULL
                        """, arguments: [issuer, subject, name])
                guard db.changesCount == 1 else { return false }
                try appendEvent(
                    db, chain: Self.storeChain, actor: name, action: .accountSubjectLinked,
                    details: ["account": name, "issuer": StoredText.bounded(issuer, limit: 200)])
            } else {
                guard
                    try Int.fetchOne(
                        db,
                        cached: """
                            SELECT COUNT(*) FROM accounts WHERE name = ? AND disabled_at IS NULL AND oidc_issuer = ? AND oidc_subject = ?
                            """, arguments: [name, issuer, subject]) ?? 0 == 1
                else { return false }
            }
            try appendEvent(
                db, chain: Self.storeChain, actor: name, action: "login",
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
        try write { db in
            guard let row = try Row.fetchOne(db, cached: "SELECT name, oidc_issuer, oidc_subject FROM accounts WHERE name = ?", arguments: [name])
            else { throw Self.noAccount(name) }
            let stored: String = row["name"]
            if let other = try String.fetchOne(
                db, cached: "SELECT name FROM accounts WHERE oidc_issuer = ? AND oidc_subject = ? AND name <> ?",
                arguments: [issuer, subject, stored])
            {
                throw StoreError(
                    .invalidValue,
                    nl: "Account \(other) is al gekoppeld aan dit schoolaccount. Ontkoppel het eerst: bewaar user subject \"\(other)\" --clear",
                    en: "Account \(other) is linked to this school account already. Unlink it first: bewaar user subject \"\(other)\" --clear")
            }
            let heldIssuer: String? = row["oidc_issuer"], heldSubject: String? = row["oidc_subject"]
            if heldIssuer == issuer && heldSubject == subject { return false }
            if heldSubject != nil {
                throw StoreError(
                    .invalidValue,
                    nl:
                        "Account \(stored) is al gekoppeld aan een ander schoolaccount. Ontkoppel het eerst: bewaar user subject \"\(stored)\" --clear",
                    en:
                        "Account \(stored) is linked to another school account already. Unlink it first: bewaar user subject \"\(stored)\" --clear")
            }
            try db.execute(
                cached: "UPDATE accounts SET oidc_issuer = ?, oidc_subject = ? WHERE name = ? AND oidc_subject IS NULL",
                arguments: [issuer, subject, stored])
            guard db.changesCount == 1 else { throw Self.noAccount(name) }
            try appendEvent(
                db, chain: Self.storeChain, actor: actor, action: .accountSubjectLinked,
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
        try write { db in
            guard let row = try Row.fetchOne(db, cached: "SELECT name, oidc_issuer, oidc_subject FROM accounts WHERE name = ?", arguments: [name])
            else { throw Self.noAccount(name) }
            let stored: String = row["name"]
            guard let subject: String = row["oidc_subject"] else { return false }
            let issuer: String = row["oidc_issuer"] ?? ""
            try db.execute(cached: "UPDATE accounts SET oidc_issuer = NULL, oidc_subject = NULL WHERE name = ?", arguments: [stored])
            try db.execute(cached: "DELETE FROM web_sessions WHERE account = ?", arguments: [stored])
            try appendEvent(
                db, chain: Self.storeChain, actor: actor, action: .accountSubjectUnlinked,
                details: [
                    "account": stored, "issuer": StoredText.bounded(issuer, limit: 200), "subject": StoredText.bounded(subject, limit: 255),
                ])
            return true
        }
    }
}

import BewaarStore
import Foundation

/// The statements on `accounts` that more than one operation uses, on either database.
///
/// Account names and e-mail addresses are compared without regard to case. SQLite's columns are
/// `COLLATE NOCASE`; PostgreSQL has no such collation, and its unique indexes are on
/// `lower(name)` and `lower(email)` (`PostgresSchema.accounts`). So the statements compare
/// `lower(name) = lower(?)`, which means the same on both for ASCII (SQLite's `lower` and `NOCASE`
/// fold ASCII only; PostgreSQL's `lower` folds other letters too, as its index does).
package enum AccountsTable {
    /// The condition that finds an account by name, `?1` being the name.
    static let byName = nameIs("?1")

    /// The condition that finds an account by name, `placeholder` being the name.
    static func nameIs(_ placeholder: String) -> String { "lower(name) = lower(\(placeholder))" }

    /// The account called `name` (any case), or nil.
    package static func named(_ c: any StoreConnection, _ name: String) throws -> StoredAccount? {
        try c.fetchOne(AccountRow.self, "SELECT * FROM accounts WHERE \(byName)", [.text(name)])?.value
    }

    /// The name as stored of the account called `name` (any case), or nil.
    static func storedName(_ c: any StoreConnection, _ name: String) throws -> String? {
        try c.fetchValue("SELECT name FROM accounts WHERE \(byName)", [.text(name)], as: String.self)
    }

    /// Whether an account called `name` (any case) exists.
    package static func exists(_ c: any StoreConnection, _ name: String) throws -> Bool {
        try c.fetchValue("SELECT COUNT(*) FROM accounts WHERE \(byName)", [.text(name)], as: Int.self) ?? 0 > 0
    }

    /// Adds an account without a password, set with a code before `until`.
    package static func insert(
        _ c: any StoreConnection, name: String, role: String, setupCodeSHA256: String, until: Date, at: Date, by actor: String
    ) throws {
        try c.execute(
            """
            INSERT INTO accounts (name, role, password_hash, created_at, created_by, setup_code_sha256, setup_code_until, setup_code_by)
            VALUES (?1, ?2, '!', ?3, ?4, ?5, ?6, ?4)
            """, [.text(name), .text(role), .text(at.stored), .text(actor), .text(setupCodeSHA256), .text(until.stored)])
    }

    /// Ends every session of the account called `name` (any case), or every one but `keep`'s.
    @discardableResult
    static func endSessions(_ c: any StoreConnection, of name: String, except keep: String? = nil) throws -> Int {
        if let keep {
            return try c.execute("DELETE FROM web_sessions WHERE lower(account) = lower(?1) AND id_sha256 <> ?2", [.text(name), .text(keep)])
        }
        return try c.execute("DELETE FROM web_sessions WHERE lower(account) = lower(?1)", [.text(name)])
    }
}

import Foundation
import BewaarModel
import GRDB
import BewaarStore

/// One line of the security log.
public struct SecurityLogEntry: Sendable, Hashable {
    public var time: Date
    /// `login-failed`, `account-locked`, `login-throttled`, `login-unknown-name`, …
    public var kind: String
    public var account: String?
    public var source: String?
    public var detail: String?
}

extension CaseStore {
    /// Rows the security log keeps; older ones are dropped as new ones come.
    public static let securityLogRows = 10_000

    /// Adds a line to the security log: what anonymous visitors cause (failed logins, locks,
    /// throttling). Bounded in rows and in field sizes, and outside the hash-chained custody
    /// log, so nobody can grow the permanent record from the login page. Never pass text typed
    /// into a name field that matched no account: it may be a password.
    public func recordSecurity(kind: String, account: String?, source: String?, detail: String?) throws {
        try write { db in try appendSecurity(db, kind: kind, account: account, source: source, detail: detail) }
    }

    func appendSecurity(_ db: Database, kind: String, account: String?, source: String?, detail: String?) throws {
        try db.execute(cached: "INSERT INTO security_log (time, kind, account, source, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [now().stored, StoredText.bounded(kind, limit: 40),
                                   account.map { StoredText.bounded($0, limit: Self.accountNameLimit) },
                                   source.map { StoredText.bounded($0, limit: 100) }, detail.map { StoredText.bounded($0, limit: 500) }])
        let newest = db.lastInsertedRowID
        if newest % 100 == 0 {
            try db.execute(cached: "DELETE FROM security_log WHERE id <= ?", arguments: [newest - Int64(Self.securityLogRows)])
        }
    }

    /// The newest lines of the security log, newest first.
    public func securityLog(limit: Int = 200) throws -> [SecurityLogEntry] {
        try read { db in
            try SecurityLogRow.fetchAll(db, cached: "SELECT * FROM security_log ORDER BY id DESC LIMIT ?",
                                        arguments: [max(0, min(limit, Self.securityLogRows))]).map(\.value)
        }
    }

    /// How many lines the security log holds.
    public func securityLogCount() throws -> Int {
        try read { db in try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM security_log") ?? 0 }
    }
}

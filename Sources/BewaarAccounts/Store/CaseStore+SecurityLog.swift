import Foundation
import BewaarModel
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
        try writing { c in _ = try SecurityLogTable.append(c, at: now(), kind: kind, account: account, source: source, detail: detail) }
    }

    /// The newest lines of the security log, newest first.
    public func securityLog(limit: Int = 200) throws -> [SecurityLogEntry] {
        try reading { c in try SecurityLogTable.newest(c, limit: max(0, min(limit, Self.securityLogRows))) }
    }

    /// How many lines the security log holds.
    public func securityLogCount() throws -> Int {
        try reading { c in try SecurityLogTable.count(c) }
    }
}

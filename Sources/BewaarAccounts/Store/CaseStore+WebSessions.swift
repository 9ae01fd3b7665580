import Foundation
import BewaarModel
import BewaarStore

/// A browser session of the web interface as the store keeps it: the SHA-256 of its id (the id
/// itself lives only in the browser's cookie), the CSRF token of its forms, who is signed in
/// (nil on the login page) and its times.
public struct StoredWebSession: Sendable, Hashable {
    /// SHA-256 of the session id, lower-case hex.
    public var idSHA256: String
    /// The account signed in, or nil before login.
    public var account: String?
    public var csrf: String
    public var created: Date
    public var lastSeen: Date

    public init(idSHA256: String, account: String?, csrf: String, created: Date, lastSeen: Date) {
        self.idSHA256 = idSHA256
        self.account = account
        self.csrf = csrf
        self.created = created
        self.lastSeen = lastSeen
    }
}

extension CaseStore {
    /// Stores a new session. Times come from the caller (the web interface's clock).
    public func saveWebSession(_ s: StoredWebSession) throws {
        try writing { c in try WebSessionsTable.insert(c, s) }
    }

    /// The session with this id hash, or nil. Expiry is the caller's rule (``purgeWebSessions``).
    public func webSession(idSHA256: String) throws -> StoredWebSession? {
        try reading { c in try WebSessionsTable.find(c, idSHA256: idSHA256) }
    }

    /// Records that the session was used at `time`.
    public func touchWebSession(idSHA256: String, at time: Date) throws {
        try writing { c in try WebSessionsTable.touch(c, idSHA256: idSHA256, at: time) }
    }

    /// Removes a session (logout, expiry, or the login page's session once signed in).
    public func deleteWebSession(idSHA256: String) throws {
        try writing { c in _ = try WebSessionsTable.delete(c, idSHA256: idSHA256) }
    }

    /// Removes every session unused since before `idleBefore` or made before `createdBefore`,
    /// and all but the newest `keepAnonymous` sessions of the login page (nobody signed in), so
    /// asking for the login page over and over cannot fill the store. Returns how many went.
    @discardableResult
    public func purgeWebSessions(idleBefore: Date, createdBefore: Date, keepAnonymous: Int) throws -> Int {
        try writing { c in
            try WebSessionsTable.purge(c, idleBefore: idleBefore, createdBefore: createdBefore, keepAnonymous: keepAnonymous)
        }
    }
}

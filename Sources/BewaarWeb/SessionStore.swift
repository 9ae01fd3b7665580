import Foundation
import BewaarAccounts
import BewaarDigest
import BewaarKit
import BewaarStore

/// One browser session: who is signed in (nil on the login page), the language of their pages,
/// and the CSRF token of its forms.
struct Session: Sendable {
    /// The session id as the cookie carries it (the store keeps only its SHA-256).
    var id: String
    var account: Account?
    var language: Language
    var csrf: String
    var created: Date
    var lastUsed: Date

    /// The key the store and the flash box know this session by.
    var key: String { SessionStore.key(id) }
}

/// Sessions kept in the store's SQLite, so a restart of `bewaar serve` signs nobody out. The
/// store holds the SHA-256 of each id, never the id. A session ends after `idle` without use or
/// `maximum` after it began; logging out deletes it; expired rows are purged when a new session
/// is made. The account's role and language are read fresh on every request, so a changed role
/// or setting counts at once.
final class SessionStore: Sendable {
    let store: CaseStore
    let idle: TimeInterval
    let maximum: TimeInterval
    let clock: @Sendable () -> Date
    /// Last use is written at most this often (a write per request would double the writes;
    /// a session may therefore end up to this much before its idle time is quite over).
    static let touchInterval: TimeInterval = 60
    /// Sessions of the login page (nobody signed in) kept at most.
    static let anonymousLimit = 10_000
    let flashes = FlashBox()

    init(store: CaseStore, idle: TimeInterval, maximum: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.idle = idle
        self.maximum = maximum
        self.clock = clock
    }

    static func key(_ id: String) -> String { StreamingSHA256.digest(utf8: id).hex }

    /// A new session with fresh random id and CSRF token; purges expired ones first.
    func create(account: Account?, language: Language = .nl) throws -> Session {
        let now = clock()
        try store.purgeWebSessions(idleBefore: now.addingTimeInterval(-idle), createdBefore: now.addingTimeInterval(-maximum),
                                   keepAnonymous: Self.anonymousLimit)
        let s = Session(id: Random.hex(32), account: account, language: language, csrf: Random.hex(32), created: now, lastUsed: now)
        try store.saveWebSession(StoredWebSession(idSHA256: s.key, account: account?.name, csrf: s.csrf, created: now, lastSeen: now))
        return s
    }

    /// The live session with this id (touching it), or nil when unknown, expired, or its
    /// account is gone.
    func session(_ id: String) throws -> Session? {
        let now = clock()
        let key = Self.key(id)
        guard let row = try store.webSession(idSHA256: key) else { return nil }
        if now.timeIntervalSince(row.lastSeen) > idle || now.timeIntervalSince(row.created) > maximum {
            try store.deleteWebSession(idSHA256: key)
            return nil
        }
        var account: Account?
        var language = Language.nl
        if let name = row.account {
            guard let stored = try store.account(named: name), stored.disabledAt == nil, let role = AccountRole(rawValue: stored.role) else {
                try store.deleteWebSession(idSHA256: key)
                return nil
            }
            account = Account(name: stored.name, role: role)
            language = Language(rawValue: stored.language) ?? .nl
        }
        if now.timeIntervalSince(row.lastSeen) >= Self.touchInterval { try store.touchWebSession(idSHA256: key, at: now) }
        return Session(id: id, account: account, language: language, csrf: row.csrf, created: row.created, lastUsed: now)
    }

    /// Ends a session (logout).
    func remove(_ id: String) throws { try store.deleteWebSession(idSHA256: Self.key(id)) }
}

/// The results of the last upload of each session, shown once on the next page (kept in memory:
/// after a restart they are simply not shown again).
actor FlashBox {
    private var entries: [String: (token: String, outcomes: [UploadOutcome])] = [:]

    /// Keeps the results of the last upload; returns the token that shows them.
    func set(_ key: String, _ outcomes: [UploadOutcome]) -> String {
        if entries.count > 1000 { entries.removeAll() }
        let token = Random.hex(8)
        entries[key] = (token, outcomes)
        return token
    }

    /// The results of the last upload when `token` is the one its redirect carried (so reloading
    /// shows them again, and a progress-bar upload that follows the redirect twice still sees them).
    func get(_ key: String, token: String?) -> [UploadOutcome] {
        guard let e = entries[key], let token, Random.same(token, e.token) else { return [] }
        return e.outcomes
    }
}

/// Random tokens from the system generator (getrandom).
enum Random {
    static func hex(_ bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var out = ""
        for _ in 0..<bytes {
            let b = UInt8.random(in: 0...255, using: &rng)
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return out
    }

    /// Compares two tokens in constant time.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var d: UInt8 = 0
        for i in x.indices { d |= x[i] ^ y[i] }
        return d == 0
    }
}

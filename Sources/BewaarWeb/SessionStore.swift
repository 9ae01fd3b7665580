import Foundation
import BewaarAccounts
import BewaarDigest
import BewaarKit
import BewaarModel
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
    let flashes: FlashBox

    init(store: CaseStore, idle: TimeInterval, maximum: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.store = store
        self.idle = idle
        self.maximum = maximum
        self.clock = clock
        flashes = FlashBox(store: store, clock: clock)
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

/// What one upload's redirect shows: the mentor's results on the case page, the pupil's
/// receipt. Kept in the store's `web_flashes` (sealed with the case's key in an encrypted store)
/// for an hour, one per session, so the redirect may land on any server. Only the random token
/// the redirect carried shows it: reloading shows it again (the progress-bar upload follows the
/// redirect twice), another session or an old link nothing.
struct FlashBox: Sendable {
    let store: CaseStore
    let clock: @Sendable () -> Date
    static let lifetime: TimeInterval = 3600

    /// Keeps `value` for session `key` (replacing its earlier flash); returns the redirect's token.
    func keep(_ value: some Encodable, kind: String, session key: String, case id: CaseID) throws -> String {
        let token = Random.hex(8)
        let body = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let now = clock()
        try store.keepWebFlash(
            sessionSHA256: key, token: token, kind: kind, case: id, body: body, until: now.addingTimeInterval(Self.lifetime), now: now)
        return token
    }

    /// The value session `key` kept when `token` is its redirect's, with its case; nil otherwise.
    func value<T: Decodable>(_ type: T.Type, kind: String, session key: String, token: String?) -> (value: T, caseID: CaseID)? {
        guard let token, token.utf8.count == 16,
            let flash = try? store.webFlash(sessionSHA256: key, kind: kind, now: clock()), Random.same(token, flash.token),
            let value = try? JSONDecoder().decode(T.self, from: Data(flash.body.utf8))
        else { return nil }
        return (value, flash.caseID)
    }

    /// Keeps the results of the last upload to case `id`; returns the token that shows them.
    func set(_ key: String, case id: CaseID, _ outcomes: [UploadOutcome]) throws -> String {
        try keep(outcomes, kind: "upload", session: key, case: id)
    }

    /// The results of the last upload to case `id` when `token` is the one its redirect carried.
    func get(_ key: String, case id: CaseID, token: String?) -> [UploadOutcome] {
        guard let kept = value([UploadOutcome].self, kind: "upload", session: key, token: token), kept.caseID == id else { return [] }
        return kept.value
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

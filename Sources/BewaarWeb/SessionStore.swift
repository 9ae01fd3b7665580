#if Web
import Foundation
import BewaarAccounts

/// One browser session: who is signed in (nil before login), the CSRF token of its forms, and
/// one-shot results to show on the next page.
struct Session: Sendable {
    var id: String
    var account: Account?
    var csrf: String
    var created: Date
    var lastUsed: Date
    var flash: [UploadOutcome] = []
    /// The token in the redirect after an upload that shows `flash` (so reloading shows it again,
    /// and a progress-bar upload that follows the redirect twice still sees it).
    var flashToken = ""
}

/// Sessions in memory (a restart signs everyone out, which is acceptable for a school machine).
actor SessionStore {
    private var sessions: [String: Session] = [:]
    let idle: TimeInterval
    let maximum: TimeInterval
    let clock: @Sendable () -> Date

    init(idle: TimeInterval, maximum: TimeInterval, clock: @escaping @Sendable () -> Date) {
        self.idle = idle
        self.maximum = maximum
        self.clock = clock
    }

    /// A new session with fresh random id and CSRF token.
    func create(account: Account?) -> Session {
        let now = clock()
        if sessions.count > 10_000 { purge(now) }
        let s = Session(id: Random.hex(32), account: account, csrf: Random.hex(32), created: now, lastUsed: now)
        sessions[s.id] = s
        return s
    }

    /// The live session with this id (touching it), or nil when unknown or expired.
    func session(_ id: String) -> Session? {
        let now = clock()
        guard var s = sessions[id] else { return nil }
        if now.timeIntervalSince(s.lastUsed) > idle || now.timeIntervalSince(s.created) > maximum {
            sessions[id] = nil
            return nil
        }
        s.lastUsed = now
        sessions[id] = s
        return s
    }

    func remove(_ id: String) { sessions[id] = nil }

    /// Keeps the results of the last upload; returns the token that shows them.
    func setFlash(_ id: String, _ flash: [UploadOutcome]) -> String {
        let token = Random.hex(8)
        sessions[id]?.flash = flash
        sessions[id]?.flashToken = token
        return token
    }

    /// The results of the last upload when `token` is the one its redirect carried.
    func flash(_ id: String, token: String?) -> [UploadOutcome] {
        guard let s = sessions[id], let token, Random.same(token, s.flashToken) else { return [] }
        return s.flash
    }

    private func purge(_ now: Date) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastUsed) <= idle && now.timeIntervalSince($0.value.created) <= maximum }
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
#endif

import Foundation
import BewaarModel

/// A link just made, kept in memory only for the session that made it and only for a while:
/// the store never holds the token, so this is the one place the mentor's page can still show
/// the link, its QR code and the instruction sheet.
struct FreshUploadLink: Sendable {
    var caseID: CaseID
    var linkID: Int64
    var url: String
    var madeAt: Date
}

/// One line of a pupil's receipt.
struct ReceiptLine: Sendable {
    enum Result: Sendable {
        case stored, alreadyThere, empty
        case failed(String)
    }
    var name: String
    var size: Int64
    var sha256: String
    var result: Result
}

/// What came in through one upload, shown once after the redirect.
struct UploadReceipt: Sendable {
    /// The SHA-256 of the link's token: a receipt is only shown under its own link.
    var tokenSHA256: String
    var at: Date
    var lines: [ReceiptLine]
}

/// The web interface's memory for upload links: links just made (per session, half an hour),
/// the last receipt of each pupil's session, and the request budgets of the public pages — per
/// client address and per link — so neither one machine nor one leaked link can flood the store.
final class UploadLinkDesk: @unchecked Sendable {
    /// Requests to the pupil's pages one client may make at once, and per minute after that
    /// (a whole class behind the school's one address must still fit).
    let perClient: LoginThrottle
    /// Requests one link may get at once, and per minute after that.
    let perToken: LoginThrottle
    let clock: @Sendable () -> Date
    static let freshFor: TimeInterval = 30 * 60
    private let lock = NSLock()
    private var fresh: [String: [FreshUploadLink]] = [:]
    private var receipts: [String: (flash: String, receipt: UploadReceipt)] = [:]
    /// Sessions remembered at most (the oldest entries go first when full).
    static let remembered = 1_000

    init(clock: @escaping @Sendable () -> Date, clientBurst: Int = 120, clientPerMinute: Int = 60,
         tokenBurst: Int = 30, tokenPerMinute: Int = 10) {
        self.clock = clock
        perClient = LoginThrottle(capacity: clientBurst, perMinute: clientPerMinute, clock: clock)
        perToken = LoginThrottle(capacity: tokenBurst, perMinute: tokenPerMinute, clock: clock)
    }

    /// Takes one request from the client's budget and the link's; nil when allowed, else the
    /// seconds to wait.
    func take(client: String, tokenSHA256: String) async -> Int? {
        if let wait = await perClient.take(client) { return wait }
        return await perToken.take(tokenSHA256)
    }

    /// Keeps a link just made for the session `key`.
    func remember(_ link: FreshUploadLink, session key: String) {
        lock.lock(); defer { lock.unlock() }
        let now = clock()
        if fresh.count >= Self.remembered { fresh = fresh.filter { $0.value.contains { now.timeIntervalSince($0.madeAt) < Self.freshFor } } }
        if fresh.count >= Self.remembered { fresh.removeAll() }
        var list = (fresh[key] ?? []).filter { now.timeIntervalSince($0.madeAt) < Self.freshFor }
        list.append(link)
        fresh[key] = Array(list.suffix(10))
    }

    /// The links the session `key` made for case `id` in the last half hour.
    func fresh(session key: String, case id: CaseID) -> [FreshUploadLink] {
        lock.lock(); defer { lock.unlock() }
        let now = clock()
        return (fresh[key] ?? []).filter { $0.caseID == id && now.timeIntervalSince($0.madeAt) < Self.freshFor }
    }

    /// Forgets a link (it was revoked).
    func forget(link: Int64, case id: CaseID) {
        lock.lock(); defer { lock.unlock() }
        for (key, list) in fresh { fresh[key] = list.filter { !($0.linkID == link && $0.caseID == id) } }
    }

    /// Keeps the receipt of the pupil's session `key`; returns the token its redirect carries.
    func keep(_ receipt: UploadReceipt, session key: String) -> String {
        lock.lock(); defer { lock.unlock() }
        if receipts.count >= Self.remembered { receipts.removeAll() }
        let flash = Random.hex(8)
        receipts[key] = (flash, receipt)
        return flash
    }

    /// The receipt of session `key` when `flash` is the token of its redirect (a reload shows it again).
    func receipt(session key: String, flash: String?) -> UploadReceipt? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = receipts[key], let flash, Random.same(flash, entry.flash) else { return nil }
        return entry.receipt
    }
}

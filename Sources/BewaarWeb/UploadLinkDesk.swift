import Foundation
import BewaarModel
import BewaarStore

/// One line of a pupil's receipt.
struct ReceiptLine: Sendable, Codable {
    enum Result: Sendable, Codable {
        case stored, alreadyThere, empty
        case failed(String)
    }
    var name: String
    var size: Int64
    var sha256: String
    var result: Result
}

/// What came in through one upload, shown once after the redirect.
struct UploadReceipt: Sendable, Codable {
    /// The SHA-256 of the link's token: a receipt is only shown under its own link.
    var tokenSHA256: String
    var at: Date
    var lines: [ReceiptLine]
}

/// The web interface's desk for the pupils' upload pages: the request budgets of the public
/// pages — per client address and per link — so neither one machine nor one leaked link can
/// flood the store, and the receipt of each pupil's session. Budgets and receipts are in the
/// store, shared by every server; a link just made is never kept anywhere (its page shows it once).
struct UploadLinkDesk: Sendable {
    /// Requests to the pupil's pages one client may make at once, and per minute after that
    /// (a whole class behind the school's one address must still fit).
    let perClient: LoginThrottle
    /// Requests one link may get at once, and per minute after that.
    let perToken: LoginThrottle
    let flashes: FlashBox

    init(
        store: CaseStore, clock: @escaping @Sendable () -> Date, clientBurst: Int = 120, clientPerMinute: Int = 60,
        tokenBurst: Int = 30, tokenPerMinute: Int = 10
    ) {
        perClient = LoginThrottle(store: store, scope: "upload-client", capacity: clientBurst, perMinute: clientPerMinute, clock: clock)
        perToken = LoginThrottle(store: store, scope: "upload-link", capacity: tokenBurst, perMinute: tokenPerMinute, clock: clock)
        flashes = FlashBox(store: store, clock: clock)
    }

    /// Takes one request from the client's budget and the link's; nil when allowed, else the
    /// seconds to wait.
    func take(client: String, tokenSHA256: String) async -> Int? {
        if let wait = await perClient.take(client) { return wait }
        return await perToken.take(tokenSHA256)
    }

    /// Keeps the receipt of the pupil's session `key` for an upload to case `id`; returns the
    /// token its redirect carries.
    func keep(_ receipt: UploadReceipt, session key: String, case id: CaseID) throws -> String {
        try flashes.keep(receipt, kind: "receipt", session: key, case: id)
    }

    /// The receipt of session `key` when `flash` is the token of its redirect (a reload shows it again).
    func receipt(session key: String, flash: String?) -> UploadReceipt? {
        flashes.value(UploadReceipt.self, kind: "receipt", session: key, token: flash)?.value
    }
}

import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest

/// What remains of a destroyed case: one entry of the store-wide destruction log. It proves
/// that the case existed, what was removed, by whom, when and why — and holds no pupil data:
/// no names, no message text, no title, only counts, hashes and staff names.
///
/// The entries form a hash chain like the custody log's: each one's ``hash`` is the SHA-256 of
/// its ``canonicalText`` (compact JSON, keys sorted), which names the hash of the entry before.
public struct DestructionRecord: Sendable, Hashable {
    /// 1-based position in the destruction log.
    public var sequence: Int
    public var caseID: CaseID
    public var time: Date
    /// Who destroyed it (an account or the `--by` name) and in which role.
    public var actor: String
    public var actorRole: String
    public var reason: String
    /// Destroyed before its retention date had passed (an erasure request, a case opened by mistake).
    public var early: Bool
    /// The case's custody chain as it was destroyed: its last hash and number of events.
    public var custodyHead: String
    public var custodyCount: Int
    /// Rows removed per table (and `objects`, `packet-folders`).
    public var removed: [String: Int]
    /// The SHA-256 of each original removed from `objects/`.
    public var originals: [String]
    /// The SHA-256 of the case's originals kept because another case uses the same bytes.
    public var keptOriginals: [String]
    /// The accounts that had (or once had) access to the case: who may be told it was destroyed.
    public var accounts: [String]
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int, caseID: CaseID, time: Date, actor: String, actorRole: String, reason: String, early: Bool,
        custodyHead: String, custodyCount: Int, removed: [String: Int], originals: [String], keptOriginals: [String],
        accounts: [String], previousHash: String, hash: String = ""
    ) {
        self.sequence = sequence
        self.caseID = caseID
        self.time = time
        self.actor = actor
        self.actorRole = actorRole
        self.reason = reason
        self.early = early
        self.custodyHead = custodyHead
        self.custodyCount = custodyCount
        self.removed = removed
        self.originals = originals
        self.keptOriginals = keptOriginals
        self.accounts = accounts
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The text the hash covers: every field but the hash, as compact JSON with sorted keys.
    public var canonicalText: String { JSONValue.object(fields).serialized() }

    /// The entry as one JSON line (the canonical fields plus the hash).
    public var jsonLine: String {
        var f = fields
        f["hash"] = .string(hash)
        return JSONValue.object(f).serialized()
    }

    private var fields: [String: JSONValue] {
        [
            "sequence": .int(Int64(sequence)), "caseId": .string(caseID.description), "time": .string(time.utcMillisString),
            "actor": .string(actor), "actorRole": .string(actorRole), "reason": .string(reason), "early": .bool(early),
            "custodyHead": .string(custodyHead), "custodyCount": .int(Int64(custodyCount)),
            "removed": .object(removed.mapValues { .int(Int64($0)) }),
            "originals": .array(originals.map(JSONValue.string)), "keptOriginals": .array(keptOriginals.map(JSONValue.string)),
            "accounts": .array(accounts.map(JSONValue.string)), "previousHash": .string(previousHash),
        ]
    }

    /// Reads an entry back from its stored canonical text and hash.
    package init(canonical text: String, hash: String) throws {
        let bad = StoreError(
            .damagedRow, nl: "Een regel van het vernietigingslogboek is onleesbaar; `bewaar check` toont welke.",
            en: "An entry of the destruction log cannot be read; `bewaar check` shows which.")
        guard let v = try? JSONValue.parse(text), let id = v["caseId"]?.stringValue.flatMap(CaseID.init),
            let seq = v["sequence"]?.intValue, let time = v["time"]?.stringValue.flatMap({ Timestamp(rfc3339: $0)?.date })
        else { throw bad }
        func strings(_ key: String) -> [String] { v[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        var early = false
        if case .bool(let b)? = v["early"] { early = b }
        self.init(
            sequence: Int(seq), caseID: id, time: time, actor: v["actor"]?.stringValue ?? "", actorRole: v["actorRole"]?.stringValue ?? "",
            reason: v["reason"]?.stringValue ?? "", early: early, custodyHead: v["custodyHead"]?.stringValue ?? "",
            custodyCount: Int(v["custodyCount"]?.intValue ?? 0),
            removed: (v["removed"]?.objectValue ?? [:]).compactMapValues { $0.intValue.map { Int($0) } },
            originals: strings("originals"), keptOriginals: strings("keptOriginals"), accounts: strings("accounts"),
            previousHash: v["previousHash"]?.stringValue ?? "", hash: hash)
    }

    /// The entry of a destroyed case, if it was destroyed.
    package static func fetch(_ connection: any StoreConnection, caseID: CaseID) throws -> DestructionRecord? {
        guard let row = try connection.fetchOne("SELECT record, hash FROM destruction_log WHERE case_id = ?1", [.text(caseID.description)])
        else { return nil }
        let r = StoredRow(row, table: "destruction_log", key: "hash")
        return try DestructionRecord(canonical: try r("record"), hash: try r("hash"))
    }
}

extension StoreError {
    /// The case was destroyed: what remains is its entry in the destruction log.
    package static func destroyedCase(_ r: DestructionRecord) -> StoreError {
        StoreError(
            .destroyedCase,
            nl:
                "Zaak \(r.caseID) is vernietigd op \(r.time.stored) door \(StoredText.plain(r.actor)) (\(StoredText.plain(r.reason))). Alleen het bewijs van vernietiging is bewaard: `bewaar retention log`.",
            en:
                "Case \(r.caseID) was destroyed on \(r.time.stored) by \(StoredText.plain(r.actor)) (\(StoredText.plain(r.reason))). Only the proof of destruction is kept: `bewaar retention log`."
        )
    }
}

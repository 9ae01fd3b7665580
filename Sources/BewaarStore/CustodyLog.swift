import Foundation
import GRDB
import BewaarModel
import BewaarJSON
import BewaarDigest

extension CaseStore {
    /// The chain that holds events outside any case (store-wide actions).
    public static let storeChain = "store"

    /// Appends an event to `chain` inside the caller's transaction and returns it.
    @discardableResult
    package func appendEvent(
        _ db: Database, chain: String, actor: String, action: CustodyAction, details: [String: String]
    ) throws -> CustodyEvent {
        let last = try Row.fetchOne(
            db, cached: "SELECT seq, hash FROM custody WHERE chain = ? ORDER BY seq DESC LIMIT 1",
            arguments: [chain])
        let sequence = (last?["seq"] as Int? ?? 0) + 1
        let previous = last?["hash"] as String? ?? CustodyEvent.genesisHash
        // Every stored field is bounded: nothing typed into a form grows the log without limit.
        let actor = StoredText.bounded(actor, limit: StoredText.nameLimit)
        let details = details.mapValues { StoredText.bounded($0) }
        var event = CustodyEvent(
            chain: chain, sequence: sequence, time: now(), actor: actor, action: action,
            details: details, previousHash: previous)
        event.hash = StreamingSHA256.digest(utf8: event.canonicalText).hex
        try db.execute(
            cached: """
                INSERT INTO custody (chain, seq, time, actor, action, details, prev_hash, hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """,
            arguments: [
                chain, sequence, event.time.stored, actor, action.rawValue,
                try sealer.seal("custody", "details", case: chain, JSONValue.object(details.mapValues(JSONValue.string)).serialized()),
                previous, event.hash,
            ])
        try db.execute(
            cached: """
                INSERT INTO chain_heads (chain, count, head) VALUES (?, ?, ?)
                ON CONFLICT(chain) DO UPDATE SET count = excluded.count, head = excluded.head
                """, arguments: [chain, sequence, event.hash])
        return event
    }

    /// The events of a chain in order.
    public func events(chain: String) throws -> [CustodyEvent] {
        try read { db in try fetchEvents(db, chain: chain) }
    }

    func fetchEvents(_ db: Database, chain: String) throws -> [CustodyEvent] {
        try sealer.fetchAll(
            CustodyEventRow.self, db, table: "custody", cached: "SELECT * FROM custody WHERE chain = ? ORDER BY seq", arguments: [chain]
        ).map(\.value)
    }

    /// Checks a chain: every hash recomputed, every link followed, no gap in the numbering,
    /// and the recorded head matches the last event.
    public func verifyChain(_ chain: String) throws -> ChainReport {
        try read { db in
            let events = try fetchEvents(db, chain: chain)
            let rows = try Row.fetchAll(db, cached: "SELECT seq, time FROM custody WHERE chain = ? ORDER BY seq", arguments: [chain])
            let head = try Row.fetchOne(db, cached: "SELECT count, head FROM chain_heads WHERE chain = ?", arguments: [chain])
            return ChainVerifier.verify(
                events: events, storedTimes: rows.map { $0["time"] as String },
                head: head.map { ($0["count"] as Int, $0["head"] as String) })
        }
    }

    /// Every chain in the store (case ids and `store`).
    public func chains() throws -> [String] {
        try read { db in
            try String.fetchAll(db, cached: "SELECT chain FROM custody UNION SELECT chain FROM chain_heads ORDER BY 1")
        }
    }
}

/// The result of checking one custody chain.
public struct ChainReport: Sendable {
    public var chain: String
    public var eventCount: Int
    public var problems: [ChainProblem]
    public var intact: Bool { problems.isEmpty }
    public var headHash: String?
}

/// One thing wrong in a chain, with the event it concerns.
public struct ChainProblem: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case edited, missing, brokenLink, headMismatch
    }
    public var kind: Kind
    public var sequence: Int
    public var dutch: String
    public var english: String
}

/// Recomputes and follows a chain of custody events. Pure: usable on events read from a
/// store or from a bundle's `custody.jsonl`.
public enum ChainVerifier {
    public static func verify(
        events: [CustodyEvent], storedTimes: [String]? = nil,
        head: (count: Int, hash: String)?
    ) -> ChainReport {
        var problems: [ChainProblem] = []
        var expectedPrevious = CustodyEvent.genesisHash
        var expectedSeq = 1
        let chain = events.first?.chain ?? ""
        for (i, e) in events.enumerated() {
            if e.sequence != expectedSeq {
                let missing = e.sequence > expectedSeq ? Array(expectedSeq..<e.sequence) : []
                for m in missing {
                    problems.append(
                        ChainProblem(
                            kind: .missing, sequence: m,
                            dutch: "gebeurtenis \(m) ontbreekt (verwijderd)",
                            english: "event \(m) is missing (deleted)"))
                }
            }
            var recomputed = StreamingSHA256.digest(utf8: e.canonicalText).hex
            if let times = storedTimes, i < times.count, times[i] != e.time.utcMillisString {
                recomputed = ""  // the stored time is not in canonical form: it was edited
            }
            if recomputed != e.hash {
                problems.append(
                    ChainProblem(
                        kind: .edited, sequence: e.sequence,
                        dutch: "gebeurtenis \(e.sequence) (\(e.action.rawValue)) is gewijzigd: de hash klopt niet meer",
                        english: "event \(e.sequence) (\(e.action.rawValue)) was changed: its hash no longer matches"))
            }
            if e.previousHash != expectedPrevious && e.sequence == expectedSeq {
                problems.append(
                    ChainProblem(
                        kind: .brokenLink, sequence: e.sequence,
                        dutch: "gebeurtenis \(e.sequence) verwijst niet naar de gebeurtenis ervoor",
                        english: "event \(e.sequence) does not link to the event before it"))
            }
            expectedPrevious = e.hash
            expectedSeq = e.sequence + 1
        }
        if let head {
            if head.count > (events.last?.sequence ?? 0) {
                for m in ((events.last?.sequence ?? 0) + 1)...head.count {
                    problems.append(
                        ChainProblem(
                            kind: .missing, sequence: m,
                            dutch: "gebeurtenis \(m) ontbreekt aan het eind (verwijderd)",
                            english: "event \(m) is missing at the end (deleted)"))
                }
            } else if head.hash != events.last?.hash {
                problems.append(
                    ChainProblem(
                        kind: .headMismatch, sequence: head.count,
                        dutch: "het laatste gebeurtenis komt niet overeen met de vastgelegde kop van het logboek",
                        english: "the last event does not match the recorded head of the log"))
            }
        }
        return ChainReport(chain: chain, eventCount: events.count, problems: problems, headHash: events.last?.hash)
    }
}

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
        try appendEvent(SQLiteStoreConnection(db), heads: dialect.chains, chain: chain, actor: actor, action: action, details: details)
    }

    /// ``appendEvent(_:chain:actor:action:details:)`` on any database: the head is held through
    /// `heads`, the details sealed with the case's key (the store's own chain stays plain).
    @discardableResult
    package func appendEvent(
        _ connection: any StoreConnection, heads: any ChainHeads, chain: String, actor: String, action: CustodyAction,
        details: [String: String]
    ) throws -> CustodyEvent {
        let sealer = sealer
        return try CustodyChain.append(
            chain: chain, actor: actor, action: action, details: details, now: now,
            sealDetails: { try sealer.seal("custody", "details", case: .text(chain), $0) }, heads: heads, in: connection)
    }

    /// The events of a chain in order.
    public func events(chain: String) throws -> [CustodyEvent] {
        try reading { c in try fetchEvents(c, chain: chain) }
    }

    func fetchEvents(_ c: any StoreConnection, chain: String) throws -> [CustodyEvent] {
        try sealer.fetchAll(CustodyEventRow.self, c, table: "custody", "SELECT * FROM custody WHERE chain = ?1 ORDER BY seq", [.text(chain)])
            .map(\.value)
    }

    /// Checks a chain: every hash recomputed, every link followed, no gap in the numbering,
    /// and the recorded head matches the last event.
    public func verifyChain(_ chain: String) throws -> ChainReport {
        try reading { c in
            let events = try fetchEvents(c, chain: chain)
            // The stored times as text, exactly as written (the event's time is parsed).
            let times = try c.fetch("SELECT chain, seq, time FROM custody WHERE chain = ?1 ORDER BY seq", [.text(chain)]).map { row in
                try StoredRow(row, table: "custody", key: "chain", "seq")("time", as: String.self)
            }
            // Read as it is (a reading transaction takes no lock; ``ChainHeads/recordedHead(of:in:)`` holds it).
            let head = try c.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1", [.text(chain)]).map {
                ChainHead(count: Int($0[0].int ?? 0), hash: $0[1].text ?? CustodyEvent.genesisHash)
            }
            return ChainVerifier.verify(events: events, storedTimes: times, head: head.map { ($0.count, $0.hash) })
        }
    }

    /// Every chain in the store (case ids and `store`).
    public func chains() throws -> [String] {
        try reading { c in try c.fetchValues("SELECT chain FROM custody UNION SELECT chain FROM chain_heads ORDER BY 1", as: String.self) }
    }
}

/// Appending to a custody chain: the one implementation of an event's numbering, linking and
/// hashing, on either database (the head is held by the database's ``ChainHeads``).
package enum CustodyChain {
    /// Appends an event to `chain` inside the caller's transaction and returns it: takes the
    /// head (held until the transaction ends), numbers and links the event, hashes its canonical
    /// text, inserts it and moves the head. `now` gives the event's time, read once the head is
    /// held (milliseconds, as stored); `sealDetails` turns the details' JSON into the value to
    /// store. Every stored field is bounded: nothing typed into a form grows the log without limit.
    @discardableResult
    package static func append(
        chain: String, actor: String, action: CustodyAction, details: [String: String], now: () -> Date,
        sealDetails: (String) throws -> SQLValue, heads: any ChainHeads, in connection: any StoreConnection
    ) throws -> CustodyEvent {
        let head = try heads.headForAppend(to: chain, in: connection)
        let sequence = head.count + 1
        let actor = StoredText.bounded(actor, limit: StoredText.nameLimit)
        let details = details.mapValues { StoredText.bounded($0) }
        var event = CustodyEvent(
            chain: chain, sequence: sequence, time: now(), actor: actor, action: action,
            details: details, previousHash: head.hash)
        event.hash = StreamingSHA256.digest(utf8: event.canonicalText).hex
        try connection.execute(
            """
            INSERT INTO custody (chain, seq, time, actor, action, details, prev_hash, hash)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """,
            [
                .text(chain), SQLValue(sequence), .text(event.time.stored), .text(actor), .text(action.rawValue),
                try sealDetails(JSONValue.object(details.mapValues(JSONValue.string)).serialized()),
                .text(head.hash), .text(event.hash),
            ])
        try heads.advance(chain, to: ChainHead(count: sequence, hash: event.hash), in: connection)
        return event
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

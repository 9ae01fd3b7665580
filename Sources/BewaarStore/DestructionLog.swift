import Foundation
import BewaarModel
import BewaarDigest

extension CaseStore {
    /// Every entry of the destruction log, oldest first. A restored backup re-applies these
    /// (``destroyIfPresent(_:actor:reason:)``) so that a destroyed case never comes back.
    public func destructionLog() throws -> [DestructionRecord] {
        try reading { c in try Self.fetchDestructionLog(c) }
    }

    /// The destruction log's entry for a case, if it was destroyed.
    public func destruction(of id: CaseID) throws -> DestructionRecord? {
        try reading { c in try DestructionRecord.fetch(c, caseID: id) }
    }

    static func fetchDestructionLog(_ c: any StoreConnection) throws -> [DestructionRecord] {
        try c.fetch("SELECT seq, record, hash FROM destruction_log ORDER BY seq").map { found in
            let row = StoredRow(found, table: "destruction_log", key: "seq")
            return try DestructionRecord(canonical: try row("record"), hash: try row("hash"))
        }
    }

    /// Appends `record` (its sequence and previous hash filled in here) inside the caller's
    /// transaction, the log's head held as the store's database holds it, moves the recorded
    /// head and returns the entry with its hash.
    func appendDestruction(
        _ connection: any StoreConnection, _ record: DestructionRecord, year: Int, number: Int, caseNo: Int64?
    ) throws -> DestructionRecord {
        try DestructionChain.append(record, year: year, number: number, caseNo: caseNo, heads: dialect.chains, in: connection)
    }

    /// Checks the destruction log as ``verifyChain(_:)`` checks a custody chain: every hash
    /// recomputed from the stored text, every link followed, no gap, the columns agreeing with
    /// the text, and the recorded head matching the last entry.
    public func verifyDestructionLog() throws -> [IntegrityProblem] {
        try reading { c in try DestructionChain.problems(in: c) }
    }
}

/// The destruction log's hash chain: the one implementation of an entry's numbering, linking and
/// hashing, and of its check, on either database (the head is held by the database's
/// ``ChainHeads``; its recorded value is the `store_settings` row ``headKey``).
package enum DestructionChain {
    /// The `store_settings` key of the log's recorded head.
    package static let headKey = "destruction-log-head"

    /// The recorded head's value: `"<count> <hash>"`.
    package static func headValue(_ head: ChainHead) -> String { "\(head.count) \(head.hash)" }

    /// The head a recorded value stands for, or nil when it is not of that form.
    package static func head(recorded value: String) -> ChainHead? {
        let parts = value.split(separator: " ").map(String.init)
        guard parts.count == 2, let count = Int(parts[0]) else { return nil }
        return ChainHead(count: count, hash: parts[1])
    }

    /// Appends `record` (its sequence and previous hash filled in here) inside the caller's
    /// transaction, moves the log's recorded head and returns the entry with its hash.
    package static func append(
        _ record: DestructionRecord, year: Int, number: Int, caseNo: Int64?, heads: any ChainHeads, in connection: any StoreConnection
    ) throws -> DestructionRecord {
        var r = record
        let head = try heads.destructionHeadForAppend(in: connection)
        r.sequence = head.count + 1
        r.previousHash = head.hash
        r.hash = StreamingSHA256.digest(utf8: r.canonicalText).hex
        try connection.execute(
            """
            INSERT INTO destruction_log (seq, case_id, year, number, case_no, time, actor, record, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                SQLValue(r.sequence), .text(r.caseID.description), SQLValue(year), SQLValue(number), caseNo.map { SQLValue.int($0) } ?? .null,
                .text(r.time.stored), .text(r.actor), .text(r.canonicalText), .text(r.previousHash), .text(r.hash),
            ])
        try heads.advanceDestructionHead(to: ChainHead(count: r.sequence, hash: r.hash), in: connection)
        return r
    }

    /// Checks the log as ``CaseStore/verifyChain(_:)`` checks a custody chain: every hash
    /// recomputed from the stored text, every link followed, no gap, the columns agreeing with
    /// the text, and the recorded head matching the last entry.
    package static func problems(in connection: any StoreConnection) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        func problem(_ seq: Int, _ nl: String, _ en: String) {
            problems.append(
                IntegrityProblem(
                    kind: .destructionLog, subject: "destruction_log",
                    dutch: "vernietigingslogboek, regel \(seq): \(nl)", english: "destruction log, entry \(seq): \(en)"))
        }
        var previous = CustodyEvent.genesisHash
        var expected = 1
        for row in try connection.fetch("SELECT seq, case_id, record, prev_hash, hash FROM destruction_log ORDER BY seq") {
            let seq = Int(row["seq"]?.int ?? 0)
            let text = row["record"]?.text ?? ""
            let hash = row["hash"]?.text ?? ""
            if seq != expected { problem(expected, "ontbreekt (verwijderd)", "is missing (deleted)") }
            if StreamingSHA256.digest(utf8: text).hex != hash {
                problem(seq, "is gewijzigd: de hash klopt niet meer", "was changed: its hash no longer matches")
            }
            if let r = try? DestructionRecord(canonical: text, hash: hash) {
                if r.previousHash != previous || row["prev_hash"]?.text != r.previousHash {
                    problem(seq, "verwijst niet naar de regel ervoor", "does not link to the entry before it")
                }
                if r.sequence != seq || row["case_id"]?.text != r.caseID.description {
                    problem(seq, "de kolommen komen niet overeen met de vastgelegde tekst", "its columns do not match its recorded text")
                }
            } else {
                problem(seq, "is onleesbaar", "cannot be read")
            }
            previous = hash
            expected = seq + 1
        }
        let value = try connection.fetchOne("SELECT value FROM store_settings WHERE key = ?", [.text(headKey)])?[0].text
        let recorded: ChainHead? = value == nil ? .empty : value.flatMap(head(recorded:))
        if recorded != ChainHead(count: expected - 1, hash: previous) {
            problem(
                expected - 1, "het einde komt niet overeen met de vastgelegde kop (een regel aan het eind verwijderd?)",
                "the end does not match the recorded head (an entry at the end deleted?)")
        }
        return problems
    }
}

import Foundation
import GRDB
import BewaarModel
import BewaarDigest

extension CaseStore {
    /// Every entry of the destruction log, oldest first. A restored backup re-applies these
    /// (``destroyIfPresent(_:actor:reason:)``) so that a destroyed case never comes back.
    public func destructionLog() throws -> [DestructionRecord] {
        try read { db in try Self.fetchDestructionLog(db) }
    }

    /// The destruction log's entry for a case, if it was destroyed.
    public func destruction(of id: CaseID) throws -> DestructionRecord? {
        try read { db in try DestructionRecord.fetch(db, caseID: id) }
    }

    static func fetchDestructionLog(_ db: Database) throws -> [DestructionRecord] {
        try Row.fetchAll(db, sql: "SELECT record, hash FROM destruction_log ORDER BY seq").map {
            try DestructionRecord(canonical: $0["record"], hash: $0["hash"])
        }
    }

    static let destructionHeadKey = "destruction-log-head"

    /// Appends `record` (its sequence and previous hash filled in here) inside the caller's
    /// transaction, moves the log's recorded head and returns the entry with its hash.
    func appendDestruction(_ db: Database, _ record: DestructionRecord, year: Int, number: Int, caseNo: Int64?) throws -> DestructionRecord {
        var r = record
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM destruction_log ORDER BY seq DESC LIMIT 1")
        r.sequence = (last?["seq"] as Int? ?? 0) + 1
        r.previousHash = last?["hash"] as String? ?? CustodyEvent.genesisHash
        r.hash = StreamingSHA256.digest(utf8: r.canonicalText).hex
        try db.execute(
            sql: """
                INSERT INTO destruction_log (seq, case_id, year, number, case_no, time, actor, record, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [r.sequence, r.caseID.description, year, number, caseNo, r.time.stored, r.actor, r.canonicalText, r.previousHash, r.hash])
        try db.execute(
            sql: "INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [Self.destructionHeadKey, "\(r.sequence) \(r.hash)"])
        return r
    }

    /// Checks the destruction log as ``verifyChain(_:)`` checks a custody chain: every hash
    /// recomputed from the stored text, every link followed, no gap, the columns agreeing with
    /// the text, and the recorded head matching the last entry.
    public func verifyDestructionLog() throws -> [IntegrityProblem] {
        try read { db in
            var problems: [IntegrityProblem] = []
            func problem(_ seq: Int, _ nl: String, _ en: String) {
                problems.append(
                    IntegrityProblem(
                        kind: .destructionLog, subject: "destruction_log",
                        dutch: "vernietigingslogboek, regel \(seq): \(nl)", english: "destruction log, entry \(seq): \(en)"))
            }
            var previous = CustodyEvent.genesisHash
            var expected = 1
            for row in try Row.fetchAll(db, sql: "SELECT seq, case_id, record, prev_hash, hash FROM destruction_log ORDER BY seq") {
                let seq: Int = row["seq"]
                let text: String = row["record"]
                let hash: String = row["hash"]
                if seq != expected { problem(expected, "ontbreekt (verwijderd)", "is missing (deleted)") }
                if StreamingSHA256.digest(utf8: text).hex != hash {
                    problem(seq, "is gewijzigd: de hash klopt niet meer", "was changed: its hash no longer matches")
                }
                if let r = try? DestructionRecord(canonical: text, hash: hash) {
                    if r.previousHash != previous || row["prev_hash"] != r.previousHash {
                        problem(seq, "verwijst niet naar de regel ervoor", "does not link to the entry before it")
                    }
                    if r.sequence != seq || r.caseID.description != row["case_id"] {
                        problem(seq, "de kolommen komen niet overeen met de vastgelegde tekst", "its columns do not match its recorded text")
                    }
                } else {
                    problem(seq, "is onleesbaar", "cannot be read")
                }
                previous = hash
                expected = seq + 1
            }
            let head = try String.fetchOne(db, sql: "SELECT value FROM store_settings WHERE key = ?", arguments: [Self.destructionHeadKey])
            let recorded = head.map { $0.split(separator: " ").map(String.init) } ?? ["0", CustodyEvent.genesisHash]
            if recorded.count != 2 || Int(recorded[0]) != expected - 1 || recorded[1] != previous {
                problem(
                    expected - 1, "het einde komt niet overeen met de vastgelegde kop (een regel aan het eind verwijderd?)",
                    "the end does not match the recorded head (an entry at the end deleted?)")
            }
            return problems
        }
    }
}

import Foundation
import GRDB
import BewaarModel
import BewaarDigest
import BewaarJSON

/// One problem `bewaar check` found, named so a person can act on it.
public struct IntegrityProblem: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case changedObject = "changed-object"
        case missingObject = "missing-object"
        case orphanObject = "orphan-object"
        case chain = "custody-chain"
        case originOutOfRange = "origin-out-of-range"
        case searchIndex = "search-index"
        /// An item's records are not the rows its `first_record` and `message_count` say (``ItemRecordRange``).
        case recordPlacement = "record-placement"
        /// The destruction log's hash chain is broken (``CaseStore/verifyDestructionLog()``).
        case destructionLog = "destruction-log"
    }

    public var kind: Kind
    /// What it concerns: an object hash, a chain id.
    public var subject: String
    public var dutch: String
    public var english: String
    /// Orphans are harmless leftovers of an interrupted ingest; the rest are real problems.
    public var isHarmless: Bool { kind == .orphanObject }
}

/// The outcome of a full store check.
public struct IntegrityReport: Sendable {
    public var objectsChecked: Int
    public var bytesChecked: Int64
    public var chains: [ChainReport]
    public var problems: [IntegrityProblem]
    /// No problem other than harmless orphans.
    public var intact: Bool { problems.allSatisfy(\.isHarmless) }
}

extension CaseStore {
    /// Re-hashes every original, re-checks every custody chain and every record's origin
    /// range, and lists objects nothing refers to. Changes nothing.
    public func check() throws -> IntegrityReport {
        var problems: [IntegrityProblem] = []
        let referenced: [(String, Int64)] = try reading { c in
            try c.fetch("SELECT sha256, MAX(size) AS size FROM items GROUP BY sha256 ORDER BY sha256").map { found in
                let row = StoredRow(found, table: "items", key: "sha256")
                return (try row("sha256"), try row("size"))
            }
        }
        var bytes: Int64 = 0
        var checked = 0
        for (hex, _) in referenced {
            guard let digest = SHA256Digest(hex: hex) else { continue }
            let path = objects.path(for: digest)
            guard FileManager.default.fileExists(atPath: path) else {
                problems.append(
                    IntegrityProblem(
                        kind: .missingObject, subject: hex,
                        dutch: "origineel \(hex) ontbreekt in objects/",
                        english: "original \(hex) is missing from objects/"))
                continue
            }
            do {
                let (actual, size) = try withOriginal(digest) { try FileReader.sha256(path: $0) }
                bytes += size
                checked += 1
                if actual != digest {
                    problems.append(
                        IntegrityProblem(
                            kind: .changedObject, subject: hex,
                            dutch: "origineel \(hex) is gewijzigd: de inhoud heeft nu hash \(actual.hex)",
                            english: "original \(hex) was changed: its content now hashes to \(actual.hex)"))
                }
            } catch {
                problems.append(
                    IntegrityProblem(
                        kind: .missingObject, subject: hex,
                        dutch: "origineel \(hex) kan niet worden gelezen (\(error))",
                        english: "original \(hex) cannot be read (\(error))"))
            }
        }
        let known = Set(referenced.map(\.0))
        for d in objects.allDigests() where !known.contains(d.hex) {
            problems.append(
                IntegrityProblem(
                    kind: .orphanObject, subject: d.hex,
                    dutch: "los object \(d.hex): door geen bewijsstuk gebruikt (overblijfsel van een afgebroken invoer; onschadelijk)",
                    english: "orphan object \(d.hex): not used by any item (left by an interrupted ingest; harmless)"))
        }
        let caseIDs = try reading { c in try c.fetchValues("SELECT id FROM cases ORDER BY id", as: String.self) }
        var reports: [ChainReport] = []
        for chain in Set(try chains() + caseIDs).sorted() {
            var r = try verifyChain(chain)
            r.chain = chain
            if r.eventCount == 0 && caseIDs.contains(chain) {
                r.problems.append(
                    ChainProblem(
                        kind: .missing, sequence: 1, dutch: "het logboek van deze zaak is leeg",
                        english: "this case's log is empty"))
            }
            reports.append(r)
            for p in r.problems {
                problems.append(
                    IntegrityProblem(
                        kind: .chain, subject: chain,
                        dutch: "logboek \(chain): \(p.dutch)", english: "log \(chain): \(p.english)"))
            }
        }
        // A record past its original's end is fine when its origin names a part (a file inside
        // the original): the JSON of `verbatim` or `rest`, sealed, is read here in Swift.
        let outOfRange = try read { db in
            let sealer = sealer
            var found: [Row] = []
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT m.item_id, m.seq, m.case_no, m.origin_offset, m.verbatim, m.rest FROM messages m JOIN items i ON i.id = m.item_id
                        WHERE m.origin_offset < 0 OR m.origin_offset + m.origin_length > i.size
                        """))
            while found.count < 100, let row = try rows.next() {
                let inPart =
                    try (row["origin_offset"] as Int64) >= 0
                    && ["verbatim", "rest"].contains { column in
                        guard let text = try sealer.open(row[column], case: row["case_no"] as DatabaseValue),
                            let part = (try? JSONParser.parse(text))?["origin"]?["part"]
                        else { return false }
                        if case .null = part { return false }
                        return true
                    }
                if !inPart { found.append(row.copy()) }
            }
            return found
        }
        for row in outOfRange {
            let item: Int64 = row["item_id"]
            let seq: Int = row["seq"]
            problems.append(
                IntegrityProblem(
                    kind: .originOutOfRange, subject: String(item),
                    dutch: "record \(seq + 1) van bewijsstuk \(item) wijst buiten het origineel",
                    english: "record \(seq + 1) of item \(item) points outside its original"))
        }
        // Each item's records must be the rows its first_record and message_count name: item
        // windows and bundles find them there (ItemRecordRange). One pass over the records.
        let misplaced = try read { db in
            try Row.fetchAll(
                db,
                cached: """
                    SELECT i.id, i.name, i.case_id FROM items i
                    LEFT JOIN (SELECT item_id, COUNT(*) AS n, MIN(id - seq) AS low, MAX(id - seq) AS high, MIN(seq) AS s0, MAX(seq) AS s1
                               FROM messages GROUP BY item_id) r ON r.item_id = i.id
                    WHERE i.first_record IS NOT NULL
                      AND (COALESCE(r.n, 0) != i.message_count
                           OR (r.n > 0 AND (r.low != i.first_record OR r.high != i.first_record OR r.s0 != 0 OR r.s1 != r.n - 1)))
                    LIMIT 100
                    """)
        }
        for row in misplaced {
            let item: Int64 = row[0]
            let name = try sealer.open(row[1], case: row[2] as DatabaseValue) ?? ""
            problems.append(
                IntegrityProblem(
                    kind: .recordPlacement, subject: String(item),
                    dutch: "de berichten van bewijsstuk \(item) (\(name)) staan niet waar het bewijsstuk zegt; "
                        + "vensters en bundels kunnen berichten missen",
                    english: "the records of item \(item) (\(name)) are not where the item says; windows and bundles may miss records"))
        }
        problems += try verifyDestructionLog()
        // The search index must hold exactly the records' texts (FTS5 compares it with them).
        do {
            try db.writeWithoutTransaction { try $0.execute(cached: "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)") }
        } catch {
            problems.append(
                IntegrityProblem(
                    kind: .searchIndex, subject: "messages_fts",
                    dutch: "de zoekindex komt niet overeen met de berichten (\(error)); zoeken kan berichten missen",
                    english: "the search index does not match the records (\(error)); searches may miss records"))
        }
        return IntegrityReport(objectsChecked: checked, bytesChecked: bytes, chains: reports, problems: problems)
    }
}

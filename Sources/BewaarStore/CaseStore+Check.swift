import Foundation
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
        /// Records whose item or case is gone (PostgreSQL: a restore that skipped the triggers).
        case orphanRecord = "orphan-record"
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
        let outOfRange = try reading { c in
            let sealer = sealer
            var hits: [(item: Int64, seq: Int)] = []
            try c.forEach(
                """
                SELECT m.item_id, m.seq, m.case_no, m.origin_offset, m.verbatim, m.rest FROM messages m JOIN items i ON i.id = m.item_id
                WHERE m.origin_offset < 0 OR m.origin_offset + m.origin_length > i.size
                """, []
            ) { found in
                guard hits.count < 100 else { return }
                let row = StoredRow(found, table: "messages", key: "item_id", "seq")
                let caseNo = found["case_no"] ?? .null
                let inPart =
                    try row("origin_offset", as: Int64.self) >= 0
                    && ["verbatim", "rest"].contains { column in
                        guard let text = try sealer.open(found[column] ?? .null, case: caseNo),
                            let part = (try? JSONParser.parse(text))?["origin"]?["part"]
                        else { return false }
                        if case .null = part { return false }
                        return true
                    }
                if !inPart { hits.append((try row("item_id"), try row("seq"))) }
            }
            return hits
        }
        for (item, seq) in outOfRange {
            problems.append(
                IntegrityProblem(
                    kind: .originOutOfRange, subject: String(item),
                    dutch: "record \(seq + 1) van bewijsstuk \(item) wijst buiten het origineel",
                    english: "record \(seq + 1) of item \(item) points outside its original"))
        }
        // Where each item's records are, and the search index: the database's own checks.
        let own = try dialect.maintenance.problems(opening: sealer)
        problems += own.filter { $0.kind != .searchIndex }
        problems += try verifyDestructionLog()
        problems += own.filter { $0.kind == .searchIndex }
        return IntegrityReport(objectsChecked: checked, bytesChecked: bytes, chains: reports, problems: problems)
    }
}

extension IntegrityProblem {
    /// The records of `item` are not where the item says (``Kind/recordPlacement``).
    package static func misplacedRecords(item: Int64, name: String) -> IntegrityProblem {
        IntegrityProblem(
            kind: .recordPlacement, subject: String(item),
            dutch: "de berichten van bewijsstuk \(item) (\(name)) staan niet waar het bewijsstuk zegt; "
                + "vensters en bundels kunnen berichten missen",
            english: "the records of item \(item) (\(name)) are not where the item says; windows and bundles may miss records")
    }

    /// The search index does not hold exactly the records' texts (``Kind/searchIndex``).
    package static func searchIndexDiffers(_ error: any Error) -> IntegrityProblem {
        IntegrityProblem(
            kind: .searchIndex, subject: "messages_fts",
            dutch: "de zoekindex komt niet overeen met de berichten (\(error)); zoeken kan berichten missen",
            english: "the search index does not match the records (\(error)); searches may miss records")
    }

    /// `count` records of `item` (case number `caseNo`) whose item or case is gone
    /// (``Kind/orphanRecord``).
    package static func orphanedRecords(item: Int64, caseNo: Int64, count: Int, itemGone: Bool, caseGone: Bool) -> IntegrityProblem {
        let (nl, en) =
            itemGone && caseGone
            ? ("hun bewijsstuk en hun zaak bestaan niet meer", "their item and their case no longer exist")
            : itemGone
                ? ("hun bewijsstuk bestaat niet meer", "their item no longer exists")
                : ("hun zaak bestaat niet meer", "their case no longer exists")
        return IntegrityProblem(
            kind: .orphanRecord, subject: String(item),
            dutch: "\(count) bericht(en) van bewijsstuk \(item) (zaaknummer \(caseNo)) zijn achtergebleven: \(nl). "
                + "Is de database teruggezet zonder controles (pg_restore --disable-triggers)? Zet de reservekopie opnieuw terug met de controles aan, of meld dit.",
            english: "\(count) record(s) of item \(item) (case number \(caseNo)) were left behind: \(en). "
                + "Was the database restored without its checks (pg_restore --disable-triggers)? Restore the backup again with its checks on, or report this."
        )
    }
}

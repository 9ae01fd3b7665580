#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB
import BewaarModel

/// The outcome of a destruction: the entry in the destruction log and what the clean-up of the
/// store's files did.
public struct DestructionOutcome: Sendable {
    public var record: DestructionRecord
    public var cleanup: SecureCleanup
}

/// What ``CaseStore/secureCleanup()`` did to the files: whether the write-ahead log could be
/// emptied (another process reading can stop that until its next checkpoint) and the file's size.
public struct SecureCleanup: Sendable {
    public var walEmptied: Bool
    public var databaseBytes: Int64
    /// Originals that could not be unlinked, with the reason.
    public var failures: [String]
}

extension CaseStore {
    /// Destroys case `id` with proof: removes every trace of it from the store — originals no
    /// other case uses, records and their search-index entries, authors, items, warnings, people,
    /// handles, talks, statements, observations, escalations, marks, checklist, traces,
    /// withdrawals, its custody chain, the modules' rows (access links, upload links) and the
    /// packet folders made inside the store folder — and writes one entry in the destruction log
    /// (``DestructionRecord``) and a `case-destroyed` event in the store's chain.
    ///
    /// A case on legal hold is never destroyed. Without `early`, only a closed case past its
    /// retention date is; `early` (an erasure request, a case opened by mistake) is recorded.
    /// The deletes run with `secure_delete` on; afterwards the search index is merged, the
    /// database rebuilt (`VACUUM`) and the write-ahead log emptied, so no byte of the case stays
    /// in the files (``secureCleanup()``).
    public func destroyCase(_ id: CaseID, actor: String, role: String, reason: String, early: Bool = false) throws -> DestructionOutcome {
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        let record = try writeSecurely { db in
            let c = try fetchCase(db, id)
            if let hold = c.hold {
                let heldFor = StoredText.plain(hold.reason)
                throw StoreError(
                    .notDestroyable,
                    nl: "Zaak \(id) staat op bewaarplicht sinds \(hold.since.stored) (\(heldFor)) en kan niet worden vernietigd. "
                        + "Hef de bewaarplicht eerst op met `bewaar case release \(id) --reason …` als de politie het bewijs niet meer nodig heeft.",
                    en: "Case \(id) is on legal hold since \(hold.since.stored) (\(heldFor)) and cannot be destroyed. "
                        + "Release the hold first with `bewaar case release \(id) --reason …` once the police no longer need the evidence.")
            }
            if !early && !c.isPastRetention(at: now()) {
                if let due = c.retentionUntil {
                    throw StoreError(
                        .notDestroyable,
                        nl:
                            "De bewaartermijn van zaak \(id) loopt tot \(due.stored); vernietigen kan daarna. Voor een verzoek tot verwijdering: --early.",
                        en: "Case \(id) is kept until \(due.stored); it can be destroyed after that. For an erasure request: --early.")
                }
                throw StoreError(
                    .notDestroyable,
                    nl: "Zaak \(id) loopt nog (niet gesloten); sluit hem eerst met `bewaar case close`. Voor een verzoek tot verwijdering: --early.",
                    en: "Case \(id) is still running (not closed); close it first with `bewaar case close`. For an erasure request: --early.")
            }
            return try removeCase(db, c, actor: actor, role: role, reason: why, early: early)
        }
        purgeDestroyedPackets(record.caseID)
        sealing.keyring?.forget(caseID: record.caseID.description)
        // The case is destroyed once the transaction committed: a clean-up that fails is reported
        // (and can be finished with `bewaar retention cleanup`), not thrown.
        var cleanup: SecureCleanup
        do { cleanup = try secureCleanup() } catch { cleanup = SecureCleanup(walEmptied: false, databaseBytes: 0, failures: ["\(error)"]) }
        cleanup.failures = purgeDestroyedOriginals(record.originals) + cleanup.failures
        return DestructionOutcome(record: record, cleanup: cleanup)
    }

    /// Destroys those of `ids` that are still in the store, whatever their hold or date (for a
    /// restored backup: their destruction was decided in the store the backup came from), and
    /// removes originals of destroyed cases still on disk. Idempotent: an absent case is skipped;
    /// running it twice changes nothing the second time. Returns the new log entries.
    @discardableResult
    public func destroyIfPresent(_ ids: [CaseID], actor: String, reason: String) throws -> [DestructionRecord] {
        let why = try Self.required(reason, what: ("een reden", "a reason"))
        var made: [DestructionRecord] = []
        for id in ids {
            let present = try read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?)", arguments: [id.description]) ?? false
            }
            guard present else { continue }
            made.append(
                try writeSecurely { db in
                    try removeCase(db, try fetchCase(db, id), actor: actor, role: "herstel", reason: why, early: true)
                })
            purgeDestroyedPackets(id)
        }
        let failures = purgeDestroyedOriginals(try destructionLog().flatMap(\.originals))
        if !made.isEmpty { _ = try secureCleanup() }
        if let first = failures.first {
            throw StoreError(
                .writeFailed, nl: "Een origineel van een vernietigde zaak kon niet worden verwijderd: \(first).",
                en: "An original of a destroyed case could not be removed: \(first).")
        }
        return made
    }

    /// Runs `body` in an immediate transaction on the writer with `secure_delete` on (deleted
    /// content is overwritten with zeros), and puts the setting back afterwards.
    func writeSecurely<T>(_ body: (Database) throws -> T) throws -> T {
        try db.writeWithoutTransaction { db in
            let before = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = \(before == 0 ? "OFF" : before == 1 ? "ON" : "FAST")") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw StoreError(.writeFailed, nl: "Vernietigen mislukt.", en: "Destruction failed.") }
            return result
        }
    }

    /// Removes every row of case `c` inside the caller's transaction and logs the destruction.
    private func removeCase(_ db: Database, _ c: Case, actor: String, role: String, reason: String, early: Bool) throws -> DestructionRecord {
        let id = c.id.description
        let caseNo = try Int64.fetchOne(db, sql: "SELECT no FROM cases WHERE id = ?", arguments: [id])
        let connection = SQLiteStoreConnection(db)
        let head = try dialect.chains.recordedHead(of: id, in: connection)
        let own = Set(try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM items WHERE case_id = ?", arguments: [id]))
        let shared = Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT sha256 FROM items WHERE case_id != ?1 AND sha256 IN (SELECT sha256 FROM items WHERE case_id = ?1)
                    """, arguments: [id]))
        var removed: [String: Int] = [:]
        var accounts: Set<String> = []
        for module in modules {
            let r = try module.destroying(c.id, in: SQLiteStoreConnection(db))
            removed.merge(r.removed, uniquingKeysWith: +)
            accounts.formUnion(r.accounts)
        }
        func delete(_ table: String, where condition: String, _ arguments: StatementArguments) throws {
            try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)", arguments: arguments)
            removed[table, default: 0] += db.changesCount
        }
        let items = "(SELECT id FROM items WHERE case_id = ?1)"
        let records = "(SELECT id FROM messages WHERE case_no = ?2)"
        try delete(
            "record_links", where: "item_id IN \(items) OR other_item IN \(items) OR record_id IN \(records) OR other_record IN \(records)",
            [id, caseNo])
        for table in ["marks", "withdrawals", "traces"] { try delete(table, where: "case_id = ?", [id]) }
        // The search index's delete trigger removes each record's terms with it.
        try delete("messages", where: "case_no = ?", [caseNo])
        try delete("authors", where: "case_no = ?", [caseNo])
        try delete("warnings", where: "item_id IN \(items)", [id])
        try delete("acquisitions", where: "item_id IN \(items)", [id])
        try delete("items", where: "case_id = ?", [id])
        for table in ["handles", "people", "talks", "statements", "observations", "escalations", "checklist"] {
            try delete(table, where: "case_id = ?", [id])
        }
        try delete("custody", where: "chain = ?", [id])
        try delete("chain_heads", where: "chain = ?", [id])
        // Last, the keys (the search index needed the case's key to take its terms out): without
        // them no copy of the case's text or originals, in any backup, opens again.
        if try db.tableExists("case_keys") {
            try delete("object_keys", where: "case_id = ?", [id])
            try delete("case_keys", where: "case_id = ?", [id])
        }
        try delete("cases", where: "id = ?", [id])
        // No table may still hold the case: one the destruction does not know (a new module's)
        // makes it fail, and nothing is destroyed, rather than keep the case's data unseen.
        for table in try dialect.catalog.caseTables(in: connection) where table.name != "destruction_log" {
            for column in table.columns {
                let value: SQLValue = column == "case_id" ? .text(id) : caseNo.map { SQLValue.int($0) } ?? .null
                if try connection.fetchOne("SELECT EXISTS (SELECT 1 FROM \"\(table.name)\" WHERE \(column) = ?)", [value])?[0] == .int(1) {
                    throw StoreError(
                        .notDestroyable,
                        nl: "Tabel \(table.name) houdt nog gegevens van zaak \(id) en de vernietiging kent die tabel niet: er is niets vernietigd. "
                            + "Open de opslag met alle modules (`bewaar`), of meld dit.",
                        en: "Table \(table.name) still holds data of case \(id) and the destruction does not know that table: nothing was destroyed. "
                            + "Open the store with every module (`bewaar`), or report this.")
                }
            }
        }
        removed["objects"] = own.subtracting(shared).count
        let entry = DestructionRecord(
            sequence: 0, caseID: c.id, time: now(), actor: StoredText.bounded(actor, limit: StoredText.nameLimit), actorRole: role,
            reason: reason, early: early, custodyHead: head?.hash ?? CustodyEvent.genesisHash, custodyCount: head?.count ?? 0,
            removed: removed.filter { $0.value > 0 }, originals: own.subtracting(shared).sorted(), keptOriginals: shared.sorted(),
            accounts: accounts.sorted(), previousHash: "")
        let logged = try appendDestruction(db, entry, year: c.id.year, number: c.id.number, caseNo: caseNo)
        try appendEvent(
            db, chain: Self.storeChain, actor: actor, action: .caseDestroyed,
            details: ["caseId": id, "destructionLogEntry": String(logged.sequence), "destructionHash": logged.hash, "role": role])
        return logged
    }

    /// Unlinks the originals named that no item uses any more; returns what could not be removed.
    /// (Overwriting a file before unlinking it is pointless on journaling and copy-on-write file
    /// systems and SSDs: the old blocks are not rewritten in place.)
    func purgeDestroyedOriginals(_ hashes: [String]) -> [String] {
        var failures: [String] = []
        for hex in Set(hashes).sorted() {
            guard let digest = SHA256Digest(hex: hex) else { continue }
            let used =
                (try? read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM items WHERE sha256 = ?)", arguments: [hex]) }) ?? true
            let path = objects.path(for: digest)
            guard used == false, FileManager.default.fileExists(atPath: path) else { continue }
            if unlink(path) != 0 {
                failures.append("\(path): \(String(cString: strerror(errno)))")
            } else {
                rmdir((path as NSString).deletingLastPathComponent)  // only when empty
            }
        }
        return failures
    }

    /// Removes the packet folders made for the case inside the store folder (`pakketten/ID`, and
    /// `pakket-ID` of the demo). Packets handed out or written elsewhere are outside the store.
    func purgeDestroyedPackets(_ id: CaseID) {
        for folder in [path + "/pakketten/" + id.description, path + "/pakket-" + id.description] {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Makes deleted content leave the files: merges the search index into one segment (the
    /// terms of deleted records are dropped, not only marked), rebuilds the database without its
    /// free pages (`VACUUM`) and empties the write-ahead log (`wal_checkpoint(TRUNCATE)`). A
    /// reader in another process (a running `bewaar serve`) can keep the log from being emptied
    /// until the next checkpoint; ``SecureCleanup/walEmptied`` says so.
    public func secureCleanup() throws -> SecureCleanup {
        let done = try SQLiteMaintenance(writer: db, databasePath: path + "/" + Self.databaseName).cleanUp(afterDeletingFrom: [])
        return SecureCleanup(walEmptied: done.walEmptied, databaseBytes: done.databaseBytes ?? 0, failures: [])
    }
}

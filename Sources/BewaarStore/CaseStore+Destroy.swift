#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
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
    /// Whether the database did all it can: SQLite, its file rebuilt and its write-ahead log
    /// emptied; PostgreSQL, the tables vacuumed (it can promise no more, see ``dutch``).
    public var complete: Bool
    /// What the database did, as the destruction report may say it (never more than it can stand behind).
    public var dutch: String
    public var english: String

    init(_ outcome: MaintenanceOutcome?, failures: [String]) {
        walEmptied = outcome?.walEmptied ?? false
        databaseBytes = outcome?.databaseBytes ?? 0
        self.failures = failures
        switch outcome {
        case .fileRebuilt(let emptied, _)?: complete = emptied
        case .vacuumed?: complete = true
        case nil: complete = false
        }
        dutch = outcome?.dutch ?? "De database is niet opgeschoond."
        english = outcome?.english ?? "The database was not cleaned up."
    }
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
        let record = try dialect.maintenance.writingSecurely { connection in
            let c = try fetchCase(connection, id)
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
            return try removeCase(connection, c, actor: actor, role: role, reason: why, early: early)
        }
        purgeDestroyedPackets(record.caseID)
        sealing.keyring?.forget(caseID: record.caseID.description)
        // The case is destroyed once the transaction committed: a clean-up that fails is reported
        // (and can be finished with `bewaar retention cleanup`), not thrown.
        var cleanup: SecureCleanup
        do { cleanup = try secureCleanup(afterDeletingFrom: Self.cleanedTables + record.removed.keys) } catch {
            cleanup = SecureCleanup(nil, failures: ["\(error)"])
        }
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
            let present = try reading { c in
                try c.fetchValue("SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?1)", [.text(id.description)], as: Bool.self) ?? false
            }
            guard present else { continue }
            made.append(
                try dialect.maintenance.writingSecurely { c in
                    try removeCase(c, try fetchCase(c, id), actor: actor, role: "herstel", reason: why, early: true)
                })
            purgeDestroyedPackets(id)
        }
        let failures = purgeDestroyedOriginals(try destructionLog().flatMap(\.originals))
        if !made.isEmpty { _ = try secureCleanup(afterDeletingFrom: Self.cleanedTables + made.flatMap(\.removed.keys)) }
        if let first = failures.first {
            throw StoreError(
                .writeFailed, nl: "Een origineel van een vernietigde zaak kon niet worden verwijderd: \(first).",
                en: "An original of a destroyed case could not be removed: \(first).")
        }
        return made
    }

    /// Removes every row of case `c` inside the caller's transaction and logs the destruction.
    private func removeCase(
        _ connection: any StoreConnection, _ c: Case, actor: String, role: String, reason: String, early: Bool
    ) throws -> DestructionRecord {
        let id = c.id.description
        let caseNo = try connection.fetchValue("SELECT no FROM cases WHERE id = ?1", [.text(id)], as: Int64.self)
        let head = try dialect.chains.recordedHead(of: id, in: connection)
        let own = Set(try connection.fetchValues("SELECT DISTINCT sha256 FROM items WHERE case_id = ?1", [.text(id)], as: String.self))
        let shared = Set(
            try connection.fetchValues(
                "SELECT DISTINCT sha256 FROM items WHERE case_id != ?1 AND sha256 IN (SELECT sha256 FROM items WHERE case_id = ?1)",
                [.text(id)], as: String.self))
        var removed: [String: Int] = [:]
        var accounts: Set<String> = []
        for module in modules {
            let r = try module.destroying(c.id, in: connection)
            removed.merge(r.removed, uniquingKeysWith: +)
            accounts.formUnion(r.accounts)
        }
        removed.merge(try CaseRemoval.deleteRows(of: id, caseNo: caseNo, in: connection), uniquingKeysWith: +)
        try CaseRemoval.checkNoneLeft(of: id, caseNo: caseNo, catalog: dialect.catalog, in: connection)
        removed["objects"] = own.subtracting(shared).count
        let entry = DestructionRecord(
            sequence: 0, caseID: c.id, time: now(), actor: StoredText.bounded(actor, limit: StoredText.nameLimit), actorRole: role,
            reason: reason, early: early, custodyHead: head?.hash ?? CustodyEvent.genesisHash, custodyCount: head?.count ?? 0,
            removed: removed.filter { $0.value > 0 }, originals: own.subtracting(shared).sorted(), keptOriginals: shared.sorted(),
            accounts: accounts.sorted(), previousHash: "")
        let logged = try appendDestruction(connection, entry, year: c.id.year, number: c.id.number, caseNo: caseNo)
        try appendEvent(
            connection, chain: Self.storeChain, actor: actor, action: .caseDestroyed,
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
                (try? reading { c in try c.fetchValue("SELECT EXISTS (SELECT 1 FROM items WHERE sha256 = ?1)", [.text(hex)], as: Bool.self) })
                ?? true
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

    /// Makes deleted content leave the files as far as the store's database can
    /// (``StoreDialect/maintenance``). SQLite: merges the search index into one segment (the
    /// terms of deleted records are dropped, not only marked), rebuilds the database without its
    /// free pages (`VACUUM`) and empties the write-ahead log (`wal_checkpoint(TRUNCATE)`). A
    /// reader in another process (a running `bewaar serve`) can keep the log from being emptied
    /// until the next checkpoint; ``SecureCleanup/walEmptied`` says so.
    public func secureCleanup() throws -> SecureCleanup {
        try secureCleanup(afterDeletingFrom: Self.cleanedTables)
    }

    /// ``secureCleanup()`` after rows were deleted from `tables` (PostgreSQL vacuums those).
    func secureCleanup(afterDeletingFrom tables: [String]) throws -> SecureCleanup {
        let done = try dialect.maintenance.cleanUp(afterDeletingFrom: Array(Set(tables)).sorted())
        return SecureCleanup(done, failures: [])
    }

    /// The tables every destruction deletes from or writes to: the core's, the destruction log
    /// and the recorded head (a module's tables are added from its count of removed rows).
    static let cleanedTables = CaseRemoval.tables + ["destruction_log", "store_settings"]
}

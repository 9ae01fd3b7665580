#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Foundation
import GRDB
import BewaarModel

extension CaseStore {
    /// Whether the store keeps each case's text and originals sealed with a key of that case.
    public var isEncrypted: Bool { sealing.keyring != nil }

    /// The keys of an encrypted SQLite store at `databasePath`, opened with `source` (the key
    /// file beside the store when nil); nil when the store is not encrypted. Read through a
    /// read-only connection of its own, before the store's pool opens.
    static func openKeys(databasePath: String, storePath: String, source: StoreKeySource?) throws -> CaseKeyring? {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(60)
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: databasePath, configuration: config) } catch { throw StoreError.unreadable(storePath, error) }
        // A store made before v12-case-keys has no such table until it is migrated: not encrypted.
        guard try queue.read({ try $0.tableExists("store_keys") }) else { return nil }
        return try openKeys(
            in: SQLiteDatabase(queue), storePath: storePath, source: source,
            keyring: { CaseKeyring(master: $0, databasePath: databasePath) })
    }

    /// The keys of the encrypted store in `database` (which has `store_keys`), opened with
    /// `source`; nil when the store is not encrypted. `keyring` makes the store's keyring for
    /// the master key, which then unwraps every case key.
    package static func openKeys(
        in database: any StoreDatabase, storePath: String, source: StoreKeySource?, keyring: (MasterKey) -> CaseKeyring
    ) throws -> CaseKeyring? {
        struct Stored {
            var source: String
            var salt: [UInt8]?
            var rounds: Int?
            var check: String
        }
        let stored = try database.read { c -> Stored? in
            try c.fetchOne("SELECT source, salt, rounds, key_check FROM store_keys").map { found in
                let row = StoredRow(found, table: "store_keys", key: "source")
                return Stored(source: try row("source"), salt: try row("salt"), rounds: try row("rounds"), check: try row("key_check"))
            }
        }
        guard let stored else { return nil }
        let master: MasterKey
        switch source ?? .keyFile(StoreKeySource.defaultKeyFile(forStore: storePath)) {
        case .keyFile(let file):
            guard stored.source == "key-file" else {
                throw StoreError(
                    .keyMissing, nl: "Deze opslag is versleuteld met een wachtwoordzin: geef die in BEWAAR_PASSPHRASE.",
                    en: "This store is encrypted with a passphrase: give it in BEWAAR_PASSPHRASE.")
            }
            master = try MasterKey.read(file: file)
        case .passphrase(let phrase):
            guard stored.source == "passphrase", let salt = stored.salt, let rounds = stored.rounds else {
                throw StoreError(
                    .keyMissing, nl: "Deze opslag is versleuteld met een sleutelbestand: geef het met --key-file.",
                    en: "This store is encrypted with a key file: name it with --key-file.")
            }
            master = try MasterKey.derive(passphrase: phrase, salt: salt, rounds: rounds)
        }
        guard master.check == stored.check else {
            throw StoreError(
                .wrongKey,
                nl:
                    "Deze sleutel hoort niet bij de opslag in \(storePath): er is niets geopend of veranderd. Geef de juiste sleutel (--key-file of BEWAAR_PASSPHRASE).",
                en:
                    "This key does not belong to the store in \(storePath): nothing was opened or changed. Give the right key (--key-file or BEWAAR_PASSPHRASE)."
            )
        }
        let opened = keyring(master)
        try database.read { try opened.loadAll($0) }
        return opened
    }

    /// A keyring for `master` that reads a key another process added from this store's database.
    func keyring(for master: MasterKey) -> CaseKeyring {
        keyringMaker(master)
    }

    /// The key of a case in an encrypted store (nil in a plain one).
    func caseKey(_ id: CaseID) throws -> CaseKey? {
        guard let keyring = sealing.keyring else { return nil }
        guard let key = keyring.key(for: .text(id.description)) else {
            throw StoreError(.wrongKey, nl: "Zaak \(id) heeft geen sleutel in deze opslag.", en: "Case \(id) has no key in this store.")
        }
        return key
    }

    /// Gives a newly opened case its key, in the transaction that inserts it (after the `cases`
    /// row: the key row refers to it). Nothing when the store is not encrypted.
    func addCaseKey(_ c: any StoreConnection, caseID: String) throws {
        guard let keyring = sealing.keyring else { return }
        // A board's master key may have been replaced while this server ran (`bewaar store
        // rekey`): a key wrapped with the old one would never open again.
        if dialect.hasSchools, try c.fetchOne("SELECT key_check FROM store_keys")?[0].text != keyring.master.check {
            throw StoreError(
                .wrongKey,
                nl:
                    "De hoofdsleutel van het schoolbestuur is vervangen terwijl deze server liep; er is niets opgeslagen. Geef de server het nieuwe sleutelbestand en start hem opnieuw.",
                en:
                    "The school board's master key was replaced while this server was running; nothing was stored. Give the server the new key file and restart it."
            )
        }
        let key = keyring.key(for: .text(caseID)) ?? CaseKey.random()
        try c.execute(
            "INSERT INTO case_keys (case_id, wrapped) VALUES (?1, ?2)", [.text(caseID), .bytes(keyring.master.wrap(key, caseID: caseID))])
        let number = try c.fetchValue("SELECT no FROM cases WHERE id = ?1", [.text(caseID)], as: Int64.self)
        keyring.remember(key, caseID: caseID, number: number)
    }

    /// Makes sure a case about to be inserted can seal its text: its key is made first (in
    /// memory; ``addCaseKey(_:caseID:)`` stores it with the case).
    func prepareCaseKey(caseID: String) {
        guard let keyring = sealing.keyring, keyring.key(for: .text(caseID)) == nil else { return }
        keyring.remember(CaseKey.random(), caseID: caseID, number: nil)
    }

    /// Encrypts a plain store in place, in one transaction: a master key (a new key file, mode
    /// 0600, outside the store folder; or a passphrase), a key for every case, every case's text
    /// sealed, the search index rebuilt from hashed terms; then the file is rewritten (VACUUM) so
    /// no plain page stays behind. On any failure nothing has changed.
    ///
    /// SQLite only, and on GRDB: it rewrites a plain SQLite store's file in place (the text is
    /// sealed by the `bw_seal` SQL function, the FTS5 index rebuilt). A store in PostgreSQL is
    /// encrypted from the start (`notes/issue-17-store-design.md` §14), and a plain SQLite store
    /// is sealed on its way there (`bewaar store migrate`).
    public func encrypt(with source: StoreKeySource, actor: String) throws -> Int {
        guard !isEncrypted else {
            throw StoreError(.invalidValue, nl: "Deze opslag is al versleuteld.", en: "This store is encrypted already.")
        }
        let new = try NewMasterKey(source, storePath: path)
        let master = new.key
        let keyring = self.keyring(for: master)
        var count = 0
        var sealedObjects: [(digest: BewaarModel.SHA256Digest, sealed: String, key: SymmetricKey)] = []
        do {
            // Every original sealed beside itself first; put in its place once the keys are committed.
            let held = try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM items") }
            for hex in held {
                guard let digest = BewaarModel.SHA256Digest(hex: hex) else { continue }
                let (sealed, key) = try objects.sealCopy(of: digest)
                sealedObjects.append((digest, sealed, key))
            }
            try sqlite.writeWithoutTransaction { db in
                // Pages the plain text leaves are zeroed as they are freed.
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: "INSERT INTO store_keys (id, source, salt, rounds, key_check, created) VALUES (1, ?, ?, ?, ?, ?)",
                        arguments: [new.source, new.salt, new.rounds, master.check, now().stored])
                    for row in try Row.fetchAll(db, sql: "SELECT id, no FROM cases") {
                        let id: String = row[0]
                        let key = CaseKey.random()
                        try db.execute(
                            sql: "INSERT INTO case_keys (case_id, wrapped) VALUES (?, ?)",
                            arguments: [id, Data(master.wrap(key, caseID: id))])
                        keyring.remember(key, caseID: id, number: row[1])
                        count += 1
                    }
                    sealing.keyring = keyring
                    for (digest, _, key) in sealedObjects {
                        for caseID in try String.fetchAll(db, sql: "SELECT DISTINCT case_id FROM items WHERE sha256 = ?", arguments: [digest.hex]) {
                            guard let caseKey = keyring.key(for: .text(caseID)) else { continue }
                            try db.execute(
                                sql: "INSERT INTO object_keys (sha256, case_id, wrapped) VALUES (?, ?, ?)",
                                arguments: [digest.hex, caseID, Data(ObjectKeys.wrap(key, digest, caseKey))])
                        }
                    }
                    for sql in try SealedColumns.sealStatements(SealedColumns.core, db) { try db.execute(sql: sql) }
                    try db.execute(sql: SealingSchema.sealedIndex)
                    try appendEvent(
                        db, chain: Self.storeChain, actor: actor, action: "store-encrypted",
                        details: ["cases": String(count), "key": new.source])
                    return .commit
                }
            }
        } catch {
            sealing.keyring = nil
            new.abandon()
            for o in sealedObjects { unlink(o.sealed) }
            throw error
        }
        // The keys are committed: each sealed copy replaces its plain original (a crash here
        // leaves plain originals that still read; running this again is not needed to read them).
        for o in sealedObjects { try objects.replace(o.digest, with: o.sealed) }
        // Committed: the file is rewritten so that no page of the plain store remains in it.
        try compactAfterRemoval()
        return count
    }

    /// Rewrites the database file (VACUUM, with freed pages zeroed) and empties the write-ahead
    /// log, so that nothing removed from the store survives in its files (PostgreSQL: vacuums
    /// the store's tables; ``StoreMaintenance/compact(afterRewriting:)``).
    public func compactAfterRemoval() throws {
        try dialect.maintenance.compact(afterRewriting: Self.cleanedTables + ["store_keys"])
    }
}

import Crypto
import Foundation
import GRDB
import Synchronization
import BewaarModel

/// The keys of an encrypted store's originals: each original has a random key of its own,
/// wrapped in `object_keys` by the key of every case that holds it. A key made while writing an
/// original waits here until the ingest that uses it records it for its case.
final class ObjectKeys: Sendable {
    private let sealing: SealFunctions
    private let pool: Mutex<DatabasePool?> = Mutex(nil)
    private let pending = Mutex<[BewaarModel.SHA256Digest: SymmetricKey]>([:])

    init(sealing: SealFunctions) { self.sealing = sealing }

    func attach(_ pool: DatabasePool) { self.pool.withLock { $0 = pool } }

    /// Whether new originals are written encrypted.
    var isEncrypted: Bool { sealing.keyring != nil }

    /// Decides, in one step for all of this process's writers, whether a newly sealed copy of an
    /// original (sealed with `key`) is put in place: false when the store has a key for the copy
    /// it holds (recorded, or made by a writer of this process whose ingest is still running) —
    /// then the new copy is dropped and the existing key used. Two uploads of the same bytes at
    /// once can therefore never leave the file sealed with a key that no case records.
    func claim(_ digest: BewaarModel.SHA256Digest, key: SymmetricKey, fileExists: Bool) -> Bool {
        pending.withLock { p in
            if p[digest] != nil { return false }
            if fileExists && recorded(digest) { return false }
            p[digest] = key
            return true
        }
    }

    private func recorded(_ digest: BewaarModel.SHA256Digest) -> Bool {
        let db = pool.withLock { $0 }
        return (try? db?.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM object_keys WHERE sha256 = ?", arguments: [digest.hex]) }) == true
    }

    /// The original's key: made in this process and not yet recorded, or unwrapped with the key
    /// of a case that holds it.
    func key(_ db: Database, _ digest: BewaarModel.SHA256Digest) throws -> SymmetricKey? {
        if let k = pending.withLock({ $0[digest] }) { return k }
        guard let keyring = sealing.keyring else { return nil }
        for row in try Row.fetchAll(db, sql: "SELECT case_id, wrapped FROM object_keys WHERE sha256 = ?", arguments: [digest.hex]) {
            guard let caseKey = keyring.key(for: (row["case_id"] as String).databaseValue) else { continue }
            if let k = Self.unwrap([UInt8](row["wrapped"] as Data), digest, caseKey) { return k }
        }
        return nil
    }

    /// Records in `db`'s transaction that case `caseID` holds these originals: each one's key
    /// wrapped with the case's key (nothing for an original already recorded for the case, or
    /// one that is not encrypted).
    func record(_ db: Database, caseID: String, _ digests: [BewaarModel.SHA256Digest]) throws {
        guard let keyring = sealing.keyring, let caseKey = keyring.key(for: caseID.databaseValue) else { return }
        for digest in Set(digests) {
            let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM object_keys WHERE sha256 = ? AND case_id = ?", arguments: [digest.hex, caseID])
            guard known != true, let key = try key(db, digest) else { continue }
            try db.execute(
                sql: "INSERT INTO object_keys (sha256, case_id, wrapped) VALUES (?, ?, ?)",
                arguments: [digest.hex, caseID, Data(Self.wrap(key, digest, caseKey))])
        }
    }

    /// Forgets keys made in this process once they are recorded (or their ingest failed).
    func settle(_ digests: [BewaarModel.SHA256Digest]) { pending.withLock { for d in digests { $0[d] = nil } } }

    static func wrap(_ key: SymmetricKey, _ digest: BewaarModel.SHA256Digest, _ caseKey: CaseKey) -> [UInt8] {
        let box = key.withUnsafeBytes { try? AES.GCM.seal($0, using: caseKey.sealing, authenticating: Data(("origineel " + digest.hex).utf8)) }
        guard let combined = box?.combined else { preconditionFailure("AES-GCM failed to wrap a key") }
        return [UInt8](combined)
    }

    static func unwrap(_ wrapped: [UInt8], _ digest: BewaarModel.SHA256Digest, _ caseKey: CaseKey) -> SymmetricKey? {
        guard let box = try? AES.GCM.SealedBox(combined: wrapped),
            let raw = try? AES.GCM.open(box, using: caseKey.sealing, authenticating: Data(("origineel " + digest.hex).utf8)),
            raw.count == 32
        else { return nil }
        return SymmetricKey(data: raw)
    }
}

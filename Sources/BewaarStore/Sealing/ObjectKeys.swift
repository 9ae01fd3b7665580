#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    private let database: Mutex<(any StoreDatabase)?> = Mutex(nil)
    /// Originals this process placed whose keys are not recorded yet.
    private let pending = Mutex<[BewaarModel.SHA256Digest: Claim]>([:])

    /// An original this process placed: its key, and the open file that holds a lock on it until
    /// the key is recorded (or its ingest failed): how other processes tell a copy being recorded
    /// from one left behind.
    struct Claim {
        var key: SymmetricKey
        var lock: Int32
        /// The ingests of this process using the key (the one that placed the copy, and those
        /// that dropped theirs for it): the key is kept until the last one settles.
        var holders = 1
    }

    /// What a writer does with its sealed copy (``placing(_:lockFile:_:)``).
    enum Placing { case placed, drop, wait }

    /// How long a writer waits for another process to record the key of the same original.
    static let placingPatience: TimeInterval = 30

    init(sealing: SealFunctions) { self.sealing = sealing }

    func attach(_ database: any StoreDatabase) { self.database.withLock { $0 = database } }

    /// Whether new originals are written encrypted.
    var isEncrypted: Bool { sealing.keyring != nil }

    /// Runs `body` while no other writer — in this process, or in any process sharing the
    /// store's folder (`flock` on `lockFile`) — decides where a sealed original goes.
    func placing(
        _ digest: BewaarModel.SHA256Digest, lockFile: String, _ body: (inout [BewaarModel.SHA256Digest: Claim]) throws -> Placing
    ) throws -> Placing {
        try pending.withLock { claims in
            let lock = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard lock >= 0 else {
                throw StoreError(.writeFailed, nl: "Kan \(lockFile) niet openen.", en: "Cannot open \(lockFile).")
            }
            defer { close(lock) }
            while flock(lock, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw StoreError(.writeFailed, nl: "Kan \(lockFile) niet vergrendelen.", en: "Cannot lock \(lockFile).")
                }
            }
            return try body(&claims)
        }
    }

    /// Whether a key for this original is recorded in the store.
    func recorded(_ digest: BewaarModel.SHA256Digest) -> Bool {
        let database = database.withLock { $0 }
        return (try? database?.read { try $0.fetchOne("SELECT 1 FROM object_keys WHERE sha256 = ?1", [.text(digest.hex)]) != nil }) == true
    }

    /// The original's key: made in this process and not yet recorded, or unwrapped with the key
    /// of a case that holds it.
    func key(_ c: any StoreConnection, _ digest: BewaarModel.SHA256Digest) throws -> SymmetricKey? {
        if let k = pending.withLock({ $0[digest]?.key }) { return k }
        guard let keyring = sealing.keyring else { return nil }
        for row in try c.fetch("SELECT case_id, wrapped FROM object_keys WHERE sha256 = ?1", [.text(digest.hex)]) {
            let stored = StoredRow(row, table: "object_keys", key: "case_id")
            guard let caseKey = keyring.key(for: try stored("case_id", as: String.self).databaseValue) else { continue }
            if let k = Self.unwrap(try stored("wrapped", as: [UInt8].self), digest, caseKey) { return k }
        }
        return nil
    }

    /// ``key(_:_:)`` for code still on GRDB.
    func key(_ db: Database, _ digest: BewaarModel.SHA256Digest) throws -> SymmetricKey? {
        try key(SQLiteStoreConnection(db), digest)
    }

    /// Records in `c`'s transaction that case `caseID` holds these originals: each one's key
    /// wrapped with the case's key (nothing for an original already recorded for the case, or
    /// one that is not encrypted).
    func record(_ c: any StoreConnection, caseID: String, _ digests: [BewaarModel.SHA256Digest]) throws {
        guard let keyring = sealing.keyring, let caseKey = keyring.key(for: caseID.databaseValue) else { return }
        for digest in Set(digests) {
            let known = try c.fetchOne("SELECT 1 FROM object_keys WHERE sha256 = ?1 AND case_id = ?2", [.text(digest.hex), .text(caseID)])
            guard known == nil, let key = try key(c, digest) else { continue }
            try c.execute(
                "INSERT INTO object_keys (sha256, case_id, wrapped) VALUES (?1, ?2, ?3)",
                [.text(digest.hex), .text(caseID), .bytes(Self.wrap(key, digest, caseKey))])
        }
    }

    /// Forgets keys made in this process once they are recorded (or their ingest failed), and
    /// lets go of the originals' locks.
    func settle(_ digests: [BewaarModel.SHA256Digest]) {
        pending.withLock {
            for d in digests {
                guard var claim = $0[d] else { continue }
                claim.holders -= 1
                if claim.holders > 0 {
                    $0[d] = claim
                } else {
                    close(claim.lock)
                    $0[d] = nil
                }
            }
        }
    }

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

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB

extension CaseStore {
    /// Replaces the master key of an encrypted store: every case key is wrapped again with the
    /// new key in one transaction (the cases' text and originals are not touched), then the file
    /// is rewritten so the old wrappings are gone. A new key file is written first, beside the
    /// old one, and put in the old one's place only once the store uses it; on any failure the
    /// old key still opens the store.
    public func rekey(to source: StoreKeySource, replacing oldKeyFile: String?, actor: String) throws {
        guard let keyring = sealing.keyring else {
            throw StoreError(
                .invalidValue, nl: "Deze opslag is niet versleuteld: versleutel hem eerst met `bewaar store encrypt`.",
                en: "This store is not encrypted: encrypt it first with `bewaar store encrypt`.")
        }
        let new = try NewMasterKey(source, storePath: path, replacing: oldKeyFile)
        let master = new.key
        do {
            try db.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
                try db.inTransaction(.immediate) {
                    for row in try Row.fetchAll(db, sql: "SELECT case_id, wrapped FROM case_keys") {
                        let id: String = row["case_id"]
                        guard let key = keyring.master.unwrap([UInt8](row["wrapped"] as Data), caseID: id) else {
                            throw StoreError(.wrongKey, nl: "De sleutel van zaak \(id) gaat niet open.", en: "The key of case \(id) does not open.")
                        }
                        try db.execute(
                            sql: "UPDATE case_keys SET wrapped = ? WHERE case_id = ?", arguments: [Data(master.wrap(key, caseID: id)), id])
                    }
                    try db.execute(
                        sql: "UPDATE store_keys SET source = ?, salt = ?, rounds = ?, key_check = ?",
                        arguments: [new.source, new.salt, new.rounds, master.check])
                    try appendEvent(
                        db, chain: Self.storeChain, actor: actor, action: "store-rekeyed",
                        details: ["key": new.source])
                    return .commit
                }
            }
        } catch {
            new.abandon()
            throw error
        }
        sealing.keyring = CaseKeyring(master: master, databasePath: path + "/" + Self.databaseName)
        try read { try sealing.keyring?.loadAll($0) }
        if let written = new.file, written.temporary != written.final {
            guard rename(written.temporary, written.final) == 0 else {
                throw StoreError(
                    .writeFailed,
                    nl: "De opslag gebruikt de nieuwe sleutel, maar die staat nog in \(written.temporary): zet hem zelf op \(written.final).",
                    en: "The store uses the new key, but it is still in \(written.temporary): move it to \(written.final) yourself.")
            }
        }
        try compactAfterRemoval()
    }
}

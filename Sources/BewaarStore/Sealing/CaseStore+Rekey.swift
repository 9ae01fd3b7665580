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
        let master: MasterKey
        var salt: Data?
        var rounds: Int?
        var written: (temporary: String, final: String)?
        switch source {
        case .keyFile(let file):
            let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            guard !absolute.hasPrefix(path.hasSuffix("/") ? path : path + "/") else {
                throw StoreError(
                    .invalidValue, nl: "Het sleutelbestand mag niet in de opslagmap staan.",
                    en: "The key file must not be inside the store folder.")
            }
            master = MasterKey.random()
            let replacing = absolute == oldKeyFile
            let temporary = replacing ? absolute + ".nieuw" : absolute
            try master.write(toFile: temporary)
            written = (temporary, absolute)
        case .passphrase(let phrase):
            let s = (0..<16).map { _ in UInt8.random(in: 0...255) }
            rounds = MasterKey.scryptRounds
            master = try MasterKey.derive(passphrase: phrase, salt: s, rounds: MasterKey.scryptRounds)
            salt = Data(s)
        }
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
                        arguments: [written == nil ? "passphrase" : "key-file", salt, rounds, master.check])
                    try appendEvent(
                        db, chain: Self.storeChain, actor: actor, action: "store-rekeyed",
                        details: ["key": written == nil ? "passphrase" : "key-file"])
                    return .commit
                }
            }
        } catch {
            if let written { unlink(written.temporary) }
            throw error
        }
        sealing.keyring = CaseKeyring(master: master, databasePath: path + "/" + Self.databaseName)
        try read { try sealing.keyring?.loadAll($0) }
        if let written, written.temporary != written.final {
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

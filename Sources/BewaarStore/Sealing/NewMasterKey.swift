#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A master key made for a store (``CaseStore/encrypt(with:actor:)``, ``CaseStore/rekey(to:replacing:actor:)``):
/// a new random key written to a key file outside the store folder, or one from a passphrase
/// with a new salt; and what `store_keys` keeps of it.
package struct NewMasterKey {
    let key: MasterKey
    /// `key-file` or `passphrase`, as `store_keys.source` names it.
    let source: String
    let salt: Data?
    let rounds: Int?
    /// The key file written (`temporary`), and where it belongs once the store uses the key.
    let file: (temporary: String, final: String)?

    /// Makes the key. A key file goes to `.nieuw` beside `replacing` when it would overwrite that
    /// (the old key must open the store until the new one is committed).
    package init(_ source: StoreKeySource, storePath: String, replacing: String? = nil) throws {
        switch source {
        case .keyFile(let name):
            let absolute = Self.absolute(name)
            guard !absolute.hasPrefix(storePath.hasSuffix("/") ? storePath : storePath + "/") else {
                throw StoreError(
                    .invalidValue,
                    nl:
                        "Het sleutelbestand mag niet in de opslagmap staan (wie de map kopieert, heeft dan ook de sleutel). Kies een andere plek met --key-file.",
                    en:
                        "The key file must not be inside the store folder (whoever copies the folder would have the key too). Choose another place with --key-file."
                )
            }
            key = MasterKey.random()
            let temporary = replacing.map(Self.absolute) == absolute ? absolute + ".nieuw" : absolute
            try key.write(toFile: temporary)
            self.source = "key-file"
            file = (temporary, absolute)
            salt = nil
            rounds = nil
        case .passphrase(let phrase):
            let s = (0..<16).map { _ in UInt8.random(in: 0...255) }
            key = try MasterKey.derive(passphrase: phrase, salt: s, rounds: MasterKey.scryptRounds)
            self.source = "passphrase"
            salt = Data(s)
            rounds = MasterKey.scryptRounds
            file = nil
        }
    }

    /// Removes the key file written, when what it was for failed.
    package func abandon() {
        if let file { unlink(file.temporary) }
    }

    /// Puts this key's check in `store_keys` in place of the old one's, in transaction `c`.
    package func replaceCheck(in c: any StoreConnection) throws {
        try c.execute(
            "UPDATE store_keys SET source = ?1, salt = ?2, rounds = ?3, key_check = ?4",
            [.text(source), salt.map { .bytes([UInt8]($0)) } ?? .null, rounds.map { SQLValue($0) } ?? .null, .text(key.check)])
    }

    /// Once the store uses this key: the key file written beside the old one (`.nieuw`) takes
    /// the old one's place.
    package func settle() throws {
        guard let file, file.temporary != file.final else { return }
        guard rename(file.temporary, file.final) == 0 else {
            throw StoreError(
                .writeFailed,
                nl: "De opslag gebruikt de nieuwe sleutel, maar die staat nog in \(file.temporary): zet hem zelf op \(file.final).",
                en: "The store uses the new key, but it is still in \(file.temporary): move it to \(file.final) yourself.")
        }
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

extension NewMasterKey {
    /// Makes the master key of a database that has none yet (a board's PostgreSQL database,
    /// which is always encrypted) and records its check in `store_keys`: a new key file (mode
    /// 0600, outside `storePath`), or a passphrase's salt. Refused when the database has a key;
    /// when recording fails the key file is removed again.
    package static func create(
        _ source: StoreKeySource, storePath: String, in database: any StoreDatabase, at time: Date
    ) throws {
        let held = try database.read { try $0.fetchOne("SELECT 1 FROM store_keys") != nil }
        guard !held else {
            throw StoreError(
                .invalidValue, nl: "Deze database heeft al een hoofdsleutel; er is niets veranderd.",
                en: "This database has a master key already; nothing was changed.")
        }
        let new = try NewMasterKey(source, storePath: storePath)
        do {
            try database.write(retryable: false) { c in
                try c.execute(
                    "INSERT INTO store_keys (id, source, salt, rounds, key_check, created) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                    [
                        .text(new.source), new.salt.map { .bytes([UInt8]($0)) } ?? .null, new.rounds.map { .int(Int64($0)) } ?? .null,
                        .text(new.key.check), .text(time.stored),
                    ])
            }
        } catch {
            new.abandon()
            throw error
        }
    }
}

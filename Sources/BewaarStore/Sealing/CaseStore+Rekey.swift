#if canImport(Glibc)
import Glibc
#endif
import Foundation

extension CaseStore {
    /// Replaces the master key of an encrypted store: every case key is wrapped again with the
    /// new key in one transaction (the cases' text and originals are not touched), then the file
    /// is rewritten so the old wrappings are gone (PostgreSQL: the two tables vacuumed). A new
    /// key file is written first, beside the old one, and put in the old one's place only once
    /// the store uses it; on any failure the old key still opens the store.
    public func rekey(to source: StoreKeySource, replacing oldKeyFile: String?, actor: String) throws {
        guard let keyring = sealing.keyring else {
            throw StoreError(
                .invalidValue, nl: "Deze opslag is niet versleuteld: versleutel hem eerst met `bewaar store encrypt`.",
                en: "This store is not encrypted: encrypt it first with `bewaar store encrypt`.")
        }
        // A board's master key wraps the case keys of every school, and a school's store sees only
        // its own: rewrapping them here would leave the other schools' keys under the old master
        // key while the database already checks for the new one.
        guard !dialect.hasSchools else {
            throw StoreError(
                .invalidValue,
                nl:
                    "De hoofdsleutel van een schoolbestuur geldt voor alle scholen samen en kan nog niet vanuit één school worden vervangen; er is niets veranderd.",
                en: "A school board's master key serves all its schools together and cannot yet be replaced from one school; nothing was changed.")
        }
        let new = try NewMasterKey(source, storePath: path, replacing: oldKeyFile)
        let master = new.key
        do {
            try dialect.maintenance.writingSecurely { c in
                for found in try c.fetch("SELECT case_id, wrapped FROM case_keys") {
                    let row = StoredRow(found, table: "case_keys", key: "case_id")
                    let id: String = try row("case_id")
                    guard let key = keyring.master.unwrap(try row("wrapped"), caseID: id) else {
                        throw StoreError(.wrongKey, nl: "De sleutel van zaak \(id) gaat niet open.", en: "The key of case \(id) does not open.")
                    }
                    try c.execute("UPDATE case_keys SET wrapped = ?1 WHERE case_id = ?2", [.bytes(master.wrap(key, caseID: id)), .text(id)])
                }
                try c.execute(
                    "UPDATE store_keys SET source = ?1, salt = ?2, rounds = ?3, key_check = ?4",
                    [.text(new.source), new.salt.map { .bytes([UInt8]($0)) } ?? .null, new.rounds.map { SQLValue($0) } ?? .null, .text(master.check)])
                try appendEvent(c, chain: Self.storeChain, actor: actor, action: "store-rekeyed", details: ["key": new.source])
            }
        } catch {
            new.abandon()
            throw error
        }
        sealing.keyring = self.keyring(for: master)
        try reading { c in try sealing.keyring?.loadAll(c) }
        if let written = new.file, written.temporary != written.final {
            guard rename(written.temporary, written.final) == 0 else {
                throw StoreError(
                    .writeFailed,
                    nl: "De opslag gebruikt de nieuwe sleutel, maar die staat nog in \(written.temporary): zet hem zelf op \(written.final).",
                    en: "The store uses the new key, but it is still in \(written.temporary): move it to \(written.final) yourself.")
            }
        }
        try dialect.maintenance.compact(afterRewriting: ["case_keys", "store_keys"])
    }
}

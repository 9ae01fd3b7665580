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
        guard sealing.keyring != nil else {
            throw StoreError(
                .invalidValue, nl: "Deze opslag is niet versleuteld: versleutel hem eerst met `bewaar store encrypt`.",
                en: "This store is not encrypted: encrypt it first with `bewaar store encrypt`.")
        }
        // A board's master key wraps the case keys of every school, and a school's store sees only
        // its own: rewrapping them here would leave the other schools' keys under the old master
        // key while the database already checks for the new one. The board replaces it for all
        // schools at once (`PostgresBoard.rekey`).
        guard !dialect.hasSchools else {
            throw StoreError(
                .invalidValue,
                nl:
                    "De hoofdsleutel van een schoolbestuur geldt voor alle scholen samen: vervang hem zonder --school (`bewaar store rekey`), voor het hele bestuur. Er is niets veranderd.",
                en:
                    "A school board's master key serves all its schools together: replace it without --school (`bewaar store rekey`), for the whole board. Nothing was changed."
            )
        }
        let new = try NewMasterKey(source, storePath: path, replacing: oldKeyFile)
        do {
            try dialect.maintenance.writingSecurely { c in
                _ = try rewrapCaseKeys(c, to: new, actor: actor)
                try new.replaceCheck(in: c)
            }
        } catch {
            new.abandon()
            throw error
        }
        sealing.keyring = self.keyring(for: new.key)
        try reading { c in try sealing.keyring?.loadAll(c) }
        try new.settle()
        try dialect.maintenance.compact(afterRewriting: ["case_keys", "store_keys"])
    }

    /// Wraps every case key that transaction `c` sees again with `new`'s master key (they open
    /// with this store's), and logs `store-rekeyed` in the store's chain; returns how many. The
    /// caller records `new`'s check in `store_keys` in the same transaction. On a board's
    /// database `c` acts for one school at a time (``PostgresBoard``'s rekey goes through them all).
    package func rewrapCaseKeys(_ c: any StoreConnection, to new: NewMasterKey, actor: String) throws -> Int {
        guard let keyring = sealing.keyring else {
            throw StoreError(
                .invalidValue, nl: "Deze opslag is niet versleuteld: versleutel hem eerst met `bewaar store encrypt`.",
                en: "This store is not encrypted: encrypt it first with `bewaar store encrypt`.")
        }
        var count = 0
        for found in try c.fetch("SELECT case_id, wrapped FROM case_keys ORDER BY case_id") {
            let row = StoredRow(found, table: "case_keys", key: "case_id")
            let id: String = try row("case_id")
            guard let key = keyring.master.unwrap(try row("wrapped"), caseID: id) else {
                throw StoreError(.wrongKey, nl: "De sleutel van zaak \(id) gaat niet open.", en: "The key of case \(id) does not open.")
            }
            try c.execute("UPDATE case_keys SET wrapped = ?1 WHERE case_id = ?2", [.bytes(new.key.wrap(key, caseID: id)), .text(id)])
            count += 1
        }
        try appendEvent(c, chain: Self.storeChain, actor: actor, action: "store-rekeyed", details: ["key": new.source])
        return count
    }
}

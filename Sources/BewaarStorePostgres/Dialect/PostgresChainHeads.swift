import BewaarModel
import BewaarStore

/// ``ChainHeads`` on PostgreSQL (`notes/issue-17-store-design.md` §3): each chain's head is a
/// row of `chain_heads`, read `FOR UPDATE`, so a second server appending to the same chain waits
/// at that read until the first one's transaction ends, and then (READ COMMITTED) reads the head
/// that one committed. The primary key `(chain, seq)` of `custody` is the backstop: an append
/// that skipped the lock would fail, never fork the chain.
///
/// A case chain's head row is made by the case's opening (``makeHead(of:in:)``) and deleted by
/// its destruction, never made by an append: an append that finds no row fails with
/// ``StoreError/chainWithoutHead(_:)``. So a page view that waited for the head while another
/// server destroyed the case fails instead of starting a new chain for the destroyed case. Only
/// the store's own chain (never destroyed) gets its row on its first event.
///
/// Chains are per school: a head's key is `(school_id, chain)`, and the row-level policy shows a
/// transaction only its school's heads, so each school has its own `store` chain and its own
/// `2026-0001` (`PostgresSchema.schools`).
///
/// The destruction log's head is the `store_settings` row ``DestructionChain/headKey``
/// (`"<count> <hash>"`, as on SQLite), locked the same way and made on the log's first entry.
package struct PostgresChainHeads: ChainHeads {
    package init() {}

    package func headForAppend(to chain: String, in connection: any StoreConnection) throws -> ChainHead {
        if let head = try recordedHead(of: chain, in: connection) { return head }
        guard chain == CaseStore.storeChain else { throw StoreError.chainWithoutHead(chain) }
        // Two servers may make it at once: the second waits for the first's row, then leaves it.
        try connection.execute(
            "INSERT INTO chain_heads (chain, count, head) VALUES (?1, 0, ?2) ON CONFLICT (school_id, chain) DO NOTHING",
            [.text(chain), .text(CustodyEvent.genesisHash)])
        guard let head = try recordedHead(of: chain, in: connection) else { throw StoreError.chainWithoutHead(chain) }
        return head
    }

    package func advance(_ chain: String, to head: ChainHead, in connection: any StoreConnection) throws {
        let changed = try connection.execute(
            "UPDATE chain_heads SET count = ?2, head = ?3 WHERE chain = ?1", [.text(chain), .int(Int64(head.count)), .text(head.hash)])
        guard changed == 1 else { throw StoreError.chainWithoutHead(chain) }
    }

    package func makeHead(of chain: String, in connection: any StoreConnection) throws {
        try connection.execute(
            "INSERT INTO chain_heads (chain, count, head) VALUES (?1, 0, ?2)", [.text(chain), .text(CustodyEvent.genesisHash)])
    }

    package func recordedHead(of chain: String, in connection: any StoreConnection) throws -> ChainHead? {
        guard let row = try connection.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1 FOR UPDATE", [.text(chain)]) else {
            return nil
        }
        guard let count = row[0].int, let hash = row[1].text else { throw Self.damagedHead(chain) }
        return ChainHead(count: Int(count), hash: hash)
    }

    package func destructionHeadForAppend(in connection: any StoreConnection) throws -> ChainHead {
        let key = SQLValue.text(DestructionChain.headKey)
        let lock = "SELECT value FROM store_settings WHERE key = ?1 FOR UPDATE"
        var value = try connection.fetchOne(lock, [key])?[0].text
        if value == nil {
            // The log's first entry (two servers at once: as the store chain's row above).
            try connection.execute(
                "INSERT INTO store_settings (key, value) VALUES (?1, ?2) ON CONFLICT (school_id, key) DO NOTHING",
                [key, .text(DestructionChain.headValue(.empty))])
            value = try connection.fetchOne(lock, [key])?[0].text
        }
        guard let value, let head = DestructionChain.head(recorded: value) else { throw Self.damagedHead("destruction_log") }
        return head
    }

    package func advanceDestructionHead(to head: ChainHead, in connection: any StoreConnection) throws {
        try connection.execute(
            "UPDATE store_settings SET value = ?2 WHERE key = ?1", [.text(DestructionChain.headKey), .text(DestructionChain.headValue(head))])
    }

    /// A head row that cannot be read: the chain is damaged, and nothing is appended to it.
    static func damagedHead(_ chain: String) -> StoreError {
        StoreError(
            .damagedRow,
            nl:
                "De vastgelegde kop van het logboek \(chain) is onleesbaar; er is niets toegevoegd. Voer `bewaar check` uit en meld dit aan de beheerder.",
            en: "The recorded head of the log \(chain) cannot be read; nothing was added. Run `bewaar check` and tell the administrator.")
    }
}

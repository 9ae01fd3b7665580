import BewaarModel

/// ``ChainHeads`` on SQLite, exactly as the store has always done it: a writing transaction is
/// IMMEDIATE, so it holds the whole store and nothing needs locking. The head to append to is
/// read from the chain's last event (the genesis hash when it has none), and `chain_heads` is
/// upserted after each event, so a case chain's head row appears with its first event.
package struct SQLiteChainHeads: ChainHeads {
    package init() {}

    package func headForAppend(to chain: String, in connection: any StoreConnection) throws -> ChainHead {
        let last = try connection.fetchOne("SELECT seq, hash FROM custody WHERE chain = ? ORDER BY seq DESC LIMIT 1", [.text(chain)])
        return ChainHead(
            count: Int(last?["seq"]?.int ?? 0), hash: last?["hash"]?.text ?? CustodyEvent.genesisHash)
    }

    package func advance(_ chain: String, to head: ChainHead, in connection: any StoreConnection) throws {
        try connection.execute(
            """
            INSERT INTO chain_heads (chain, count, head) VALUES (?, ?, ?)
            ON CONFLICT(chain) DO UPDATE SET count = excluded.count, head = excluded.head
            """, [.text(chain), SQLValue(head.count), .text(head.hash)])
    }

    /// Nothing: the first event's ``advance(_:to:in:)``, in the same transaction, makes the row.
    package func makeHead(of chain: String, in connection: any StoreConnection) throws {}

    package func recordedHead(of chain: String, in connection: any StoreConnection) throws -> ChainHead? {
        try connection.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?", [.text(chain)]).map {
            ChainHead(count: Int($0["count"]?.int ?? 0), hash: $0["head"]?.text ?? CustodyEvent.genesisHash)
        }
    }

    package func destructionHeadForAppend(in connection: any StoreConnection) throws -> ChainHead {
        let last = try connection.fetchOne("SELECT seq, hash FROM destruction_log ORDER BY seq DESC LIMIT 1")
        return ChainHead(count: Int(last?["seq"]?.int ?? 0), hash: last?["hash"]?.text ?? CustodyEvent.genesisHash)
    }

    package func advanceDestructionHead(to head: ChainHead, in connection: any StoreConnection) throws {
        try connection.execute(
            "INSERT INTO store_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [.text(DestructionChain.headKey), .text(DestructionChain.headValue(head))])
    }
}

import BewaarModel

extension CaseStore {
    /// Copies a school's SQLite store (`source`) into this store, a school of a board's database
    /// that has nothing yet (`bewaar store migrate`): every row of ``MovedTables`` with its own
    /// numbers, so that every custody chain is copied as it is and every reference in it stays
    /// true; each case keeps its key (wrapped again with the board's master key), so sealed
    /// values come out byte for byte the same; the originals into this school's folder.
    ///
    /// - Everything is read from one snapshot of the store. The originals are copied first (sealed
    ///   ones as they are, plain ones sealed on the way), then every row in one transaction: when
    ///   anything fails, the school still has nothing (an original copied without its row is
    ///   harmless, `bewaar check` calls it unknown).
    /// - Run again after it succeeded, it finds every chain of `source` here with the same head
    ///   and changes nothing (``MoveInOutcome/copiedNow`` false). A school with other rows is
    ///   refused.
    /// - The store's own chain gets one event more here, `school-moved-in`; every case chain and
    ///   the destruction log are exactly the source's.
    package func moveIn(from source: CaseStore, actor: String, hooks: MoveInHooks) throws -> MoveInOutcome {
        guard dialect.hasSchools, let keyring = sealing.keyring else {
            throw StoreError(
                .invalidValue, nl: "Een opslag verhuist alleen naar een school in de database van een schoolbestuur.",
                en: "A store moves only into a school in a school board's database.")
        }
        guard !source.dialect.hasSchools else {
            throw StoreError(
                .invalidValue, nl: "Alleen een SQLite-opslag (één school) kan verhuizen.", en: "Only a SQLite store (one school) can be moved.")
        }
        // One snapshot of the store for everything: its chains, the originals its items name, its
        // rows (a store still in use cannot gain a row whose original was not copied).
        let outcome = try source.reading { s -> MoveInOutcome in
            let heads = try s.fetch(
                "SELECT h.chain, h.count, h.head, (SELECT c.hash FROM custody c WHERE c.chain = h.chain AND c.seq = 1) FROM chain_heads h ORDER BY h.chain"
            ).map { row in
                MovedChain(chain: row[0].text ?? "", count: row[1].int ?? 0, head: row[2].text ?? "", first: row[3].text ?? "")
            }
            if let earlier = try earlierMove(of: heads) { return earlier }

            let originals = try copyOriginals(from: source, s)
            var outcome = MoveInOutcome(
                copiedNow: true, cases: 0, records: 0, chains: heads.count, originals: originals.copied.count,
                sealedOnTheWay: originals.newKeys.count, missing: originals.missing.map(\.hex), accounts: 0, accountsKept: [])
            try writing { c in
                let caseKeys = try caseKeys(from: source, s, keyring: keyring)
                outcome.cases = caseKeys.count
                for table in MovedTables.copied {
                    let n = try copyTable(table, from: source, s, into: c, hooks: hooks)
                    if table.name == "messages" { outcome.records = n }
                    if table.name == "cases" {
                        for (id, wrapped) in caseKeys {
                            try c.execute("INSERT INTO case_keys (case_id, wrapped) VALUES (?1, ?2)", [.text(id), .bytes(wrapped)])
                        }
                    }
                }
                try copyObjectKeys(originals, from: s, into: c, keyring: keyring)
                (outcome.accounts, outcome.accountsKept) = try copyAccounts(from: source, s, into: c)
                try copySecurityLog(from: source, s, into: c)
                try hooks.afterCopy(c)
                try appendEvent(
                    c, chain: Self.storeChain, actor: actor, action: "school-moved-in",
                    details: [
                        "from": source.path, "cases": String(outcome.cases), "records": String(outcome.records),
                        "chains": String(heads.count), "originals": String(outcome.originals),
                    ])
            }
            return outcome
        }
        guard outcome.copiedNow else { return outcome }
        // Fresh statistics for the records just copied, as after a large ingest: without them
        // PostgreSQL plans a timeline page as if the case held a few records.
        try dialect.maintenance.tidy(afterIngesting: outcome.records)
        return outcome
    }

    /// When this school already holds rows: the outcome of the earlier move of `heads`' store
    /// (every chain here, up to the same head), or an error that says why nothing is copied.
    /// Nil when the school has nothing yet.
    private func earlierMove(of heads: [MovedChain]) throws -> MoveInOutcome? {
        try reading { c in
            let held = try c.fetchOne(
                """
                SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM custody), (SELECT count(*) FROM destruction_log),
                       (SELECT count(*) FROM messages)
                """)
            let cases = held?[0].int ?? 0
            let events = held?[1].int ?? 0
            guard cases + events + (held?[2].int ?? 0) > 0 else { return nil }
            for h in heads {
                let here = try c.fetchOne("SELECT hash FROM custody WHERE chain = ?1 AND seq = ?2", [.text(h.chain), .int(h.count)])?[0].text
                guard here == h.head else {
                    // The same chain (its first event's hash) with another head: the store went on after its move.
                    let first = try c.fetchOne("SELECT hash FROM custody WHERE chain = ?1 AND seq = 1", [.text(h.chain)])?[0].text
                    let changed = first == h.first
                    throw StoreError(
                        .invalidValue,
                        nl: changed
                            ? "Het logboek \(h.chain) van de opslag is veranderd sinds die naar deze school verhuisde (daar nu \(h.count) gebeurtenissen). Een opslag verhuist één keer; er is niets veranderd."
                            : "Deze school heeft al zaken of logboekregels die niet uit deze opslag komen. Een opslag verhuist alleen naar een school zonder gegevens: maak een nieuwe met `bewaar school add`. Er is niets veranderd.",
                        en: changed
                            ? "The store's chain \(h.chain) has changed since it moved to this school (\(h.count) events there now). A store moves once; nothing was changed."
                            : "This school already has cases or custody events that do not come from this store. A store moves only into a school that has nothing: make a new one with `bewaar school add`. Nothing was changed."
                    )
                }
            }
            return MoveInOutcome(
                copiedNow: false, cases: Int(cases), records: Int(held?[3].int ?? 0), chains: heads.count, originals: 0, sealedOnTheWay: 0,
                missing: [], accounts: 0, accountsKept: [])
        }
    }

    /// Every case's key: the source's (an encrypted store) or a new one (a plain store), made
    /// known to this store's keyring by id and number, and wrapped with its master key.
    private func caseKeys(from source: CaseStore, _ s: any StoreConnection, keyring: CaseKeyring) throws -> [(String, [UInt8])] {
        try s.fetch("SELECT id, no FROM cases ORDER BY year, number").compactMap { row in
            guard let id = row[0].text else { return nil }
            let key: CaseKey
            if let sourceKeys = source.sealing.keyring {
                guard let known = sourceKeys.key(for: .text(id)) else {
                    throw StoreError(.wrongKey, nl: "Zaak \(id) heeft geen sleutel in de opslag.", en: "Case \(id) has no key in the store.")
                }
                key = known
            } else {
                key = CaseKey.random()
            }
            keyring.remember(key, caseID: id, number: row[1].int)
            return (id, keyring.master.wrap(key, caseID: id))
        }
    }
}

/// A custody chain of a store moving in, as its head row and first event give it.
struct MovedChain {
    var chain: String
    var count: Int64
    var head: String
    /// The hash of its first event: the same in every copy of the chain.
    var first: String
}

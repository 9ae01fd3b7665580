/// Where the heads of the hash chains are kept and how an append holds one, so that two
/// writers never build on the same head (`notes/issue-17-store-design.md` §3). One
/// implementation per database: ``SQLiteChainHeads`` (the IMMEDIATE transaction already holds
/// the whole store) and `PostgresChainHeads` (the head row, `SELECT … FOR UPDATE`).
///
/// Every call runs inside the caller's writing transaction, and what it holds stays held until
/// that transaction ends. The entries themselves, and their hashes, are written by the one Swift
/// implementation of each chain (``CustodyChain/append(chain:actor:action:details:now:sealDetails:heads:in:)``,
/// ``DestructionChain/append(_:year:number:caseNo:heads:in:)``); this protocol only reads and
/// moves heads.
///
/// **Lock order** (against deadlocks between two servers): a transaction takes case chains
/// first, in case-id order, then the destruction log, then the store's chain.
package protocol ChainHeads: Sendable {
    /// The head to append the next event of `chain` to, held until the transaction ends.
    ///
    /// A case chain's head exists from ``makeHead(of:in:)`` (the case's opening) until the case
    /// is destroyed; when it is missing the append fails with a ``StoreError`` of code
    /// `unknownCase` and nothing is written, so that an append that waited for a destruction
    /// never starts a new chain for the destroyed case. The store's own chain
    /// (``CaseStore/storeChain``) is never destroyed and may be made here on its first event.
    func headForAppend(to chain: String, in connection: any StoreConnection) throws -> ChainHead

    /// Records `head` as the head of `chain`, after its event was inserted.
    func advance(_ chain: String, to head: ChainHead, in connection: any StoreConnection) throws

    /// Makes the head of a new case's chain (``ChainHead/empty``), in the transaction that opens
    /// the case: the only place a case chain's head is made.
    func makeHead(of chain: String, in connection: any StoreConnection) throws

    /// The head recorded for `chain` (nil when there is none), held until the transaction ends:
    /// what a destruction counts in its record, so that no event appended by another writer
    /// between this read and the chain's deletion goes uncounted.
    func recordedHead(of chain: String, in connection: any StoreConnection) throws -> ChainHead?

    /// The destruction log's head to append the next entry to, held until the transaction ends.
    func destructionHeadForAppend(in connection: any StoreConnection) throws -> ChainHead

    /// Records `head` as the destruction log's head, after its entry was inserted.
    func advanceDestructionHead(to head: ChainHead, in connection: any StoreConnection) throws
}

extension StoreError {
    /// An append to the chain of a case that does not exist (any more): its head is missing.
    package static func chainWithoutHead(_ chain: String) -> StoreError {
        StoreError(
            .unknownCase,
            nl: "Zaak \(chain) bestaat niet (meer) in deze opslag: het logboek van de zaak heeft geen begin, dus is er niets vastgelegd. "
                + "Is de zaak net vernietigd? `bewaar case list` toont de zaken.",
            en: "Case \(chain) does not exist (any more) in this store: the case's log has no start, so nothing was recorded. "
                + "Was the case just destroyed? `bewaar case list` shows the cases.")
    }
}

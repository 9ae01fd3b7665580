import BewaarModel

/// The head of one hash chain (a case's custody chain, the store's chain, the destruction log):
/// how many entries it has and the hash of the last one (the genesis hash while it is empty).
package struct ChainHead: Sendable, Hashable {
    /// The number of entries, which is also the sequence number of the last one.
    package var count: Int
    /// The hash of the last entry, or ``CustodyEvent/genesisHash``.
    package var hash: String

    package init(count: Int, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// The head of a chain without entries.
    package static let empty = ChainHead(count: 0, hash: CustodyEvent.genesisHash)
}

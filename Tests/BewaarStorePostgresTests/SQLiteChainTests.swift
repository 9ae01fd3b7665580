import BewaarStore
import Testing

/// ``ChainBehaviour`` on SQLite: the dialect pieces that hold today's code (``SQLiteChainHeads``,
/// ``SQLiteCaseNumbering``) give what the store always gave, with two pools on one file.
struct SQLiteChainTests {
    @Test func twoServersAppendToOneChain() async throws { try await ChainBehaviour.appendsMakeOneChain(.sqlite) }
    @Test func twoServersStartTheStoreChain() async throws { try await ChainBehaviour.theStoreChainStartsOnce(.sqlite) }
    @Test func twoServersOpenCases() async throws { try await ChainBehaviour.openingsNumberWithoutGaps(.sqlite) }
    @Test func twoServersAppendToTheDestructionLog() async throws { try await ChainBehaviour.theDestructionLogStaysOneChain(.sqlite) }
}

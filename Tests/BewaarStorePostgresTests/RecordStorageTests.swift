import BewaarPostgresTestSupport
import Testing

@testable import BewaarStorePostgres

/// ``RecordStorageBehaviour`` on SQLite: ``SQLiteRecordStorage`` (today's writer and reader,
/// behind the dialect) in an encrypted store.
struct SQLiteRecordStorageTests {
    @Test func recordsComeBackAsGiven() async throws { try await RecordStorageBehaviour.recordsComeBackAsGiven(RecordStorageBehaviour.sqlite()) }
    @Test func placedRecordsComeBackInOrder() async throws {
        try await RecordStorageBehaviour.placedRecordsComeBackInOrder(RecordStorageBehaviour.sqlite())
    }
    @Test func aDiscardKeepsOnlyWhatCameAfter() async throws {
        try await RecordStorageBehaviour.aDiscardKeepsOnlyWhatCameAfter(RecordStorageBehaviour.sqlite())
    }
    @Test func kindConditionFindsKinds() async throws { try await RecordStorageBehaviour.kindConditionFindsKinds(RecordStorageBehaviour.sqlite()) }
}

/// ``RecordStorageBehaviour`` on PostgreSQL: ``PostgresRecordRanges`` as the dialect's records
/// (``PostgresRecordWriter`` sealing with the case's key and making each record's terms).
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresRecordStorageTests {
    @Test func recordsComeBackAsGiven() async throws { try await RecordStorageBehaviour.recordsComeBackAsGiven(RecordStorageBehaviour.postgres()) }
    @Test func placedRecordsComeBackInOrder() async throws {
        try await RecordStorageBehaviour.placedRecordsComeBackInOrder(RecordStorageBehaviour.postgres())
    }
    @Test func aDiscardKeepsOnlyWhatCameAfter() async throws {
        try await RecordStorageBehaviour.aDiscardKeepsOnlyWhatCameAfter(RecordStorageBehaviour.postgres())
    }
    @Test func kindConditionFindsKinds() async throws { try await RecordStorageBehaviour.kindConditionFindsKinds(RecordStorageBehaviour.postgres()) }

    /// Through the dialect, PostgreSQL's records are sealed with the case's key (text and author
    /// names) and carry the keyed terms of their words (``PostgresTermMaker``).
    @Test func recordsAreSealedAndCarryTheirTerms() async throws {
        let place = try await RecordStorageBehaviour.postgres()
        let given = RecordStorageBehaviour.messages(50)
        let (item, _) = try await place.write { w in for m in given { try w.add(m) } }
        let database = place.database
        let (stored, names) = try await offThread {
            try database.read { c in
                (
                    try PostgresRecordRanges.records(item: item, seqs: 0...Int64.max, in: c),
                    try c.fetch("SELECT name FROM authors").compactMap { $0[0].bytes }
                )
            }
        }
        let key = try #require(place.key)
        var maker = PostgresTermMaker(key: key)
        let terms = given.map { maker.terms(of: $0.text) }
        #expect(stored.count == 50)
        #expect(stored.map { key.open($0.text).map { String(decoding: $0, as: UTF8.self) } } == given.map(\.text))
        #expect(stored.map(\.terms) == terms)
        #expect(terms.allSatisfy { !$0.isEmpty })
        #expect(
            Set(names.compactMap { key.open($0).map { String(decoding: $0, as: UTF8.self) } }) == [
                "Daan Jansen", "Sanne de Vries", "Lotte 🌸", "06-12345678",
            ])
    }
}

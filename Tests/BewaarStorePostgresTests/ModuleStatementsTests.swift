import Testing

/// ``ModuleStatementsBehaviour`` on the tables a SQLite store's module migrations make.
@Suite struct SQLiteModuleStatementsTests {
    @Test func lastTokenGoesOnce() async throws { try await ModuleStatementsBehaviour.lastTokenGoesOnce(.made(.sqlite)) }
    @Test func bucketsCountEveryTake() async throws { try await ModuleStatementsBehaviour.bucketsCountEveryTake(.made(.sqlite)) }
    @Test func flashPutAndFound() async throws { try await ModuleStatementsBehaviour.flashPutAndFound(.made(.sqlite)) }
    @Test func accountFoundByNameInAnyCase() async throws { try await ModuleStatementsBehaviour.accountFoundByNameInAnyCase(.made(.sqlite)) }
    @Test func webSessionMadeAndFound() async throws { try await ModuleStatementsBehaviour.webSessionMadeAndFound(.made(.sqlite)) }
    @Test func securityLogAppended() async throws { try await ModuleStatementsBehaviour.securityLogAppended(.made(.sqlite)) }
    @Test func accessLinksGoWithTheirCase() async throws { try await ModuleStatementsBehaviour.accessLinksGoWithTheirCase(.made(.sqlite)) }
}

/// ``ModuleStatementsBehaviour`` on PostgreSQL's baseline schema (`pg-baseline-v15`), a new
/// database per test. Skipped, saying why, when PostgreSQL is not installed.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresModuleStatementsTests {
    @Test func lastTokenGoesOnce() async throws { try await ModuleStatementsBehaviour.lastTokenGoesOnce(.made(.postgres)) }
    @Test func bucketsCountEveryTake() async throws { try await ModuleStatementsBehaviour.bucketsCountEveryTake(.made(.postgres)) }
    @Test func flashPutAndFound() async throws { try await ModuleStatementsBehaviour.flashPutAndFound(.made(.postgres)) }
    @Test func accountFoundByNameInAnyCase() async throws { try await ModuleStatementsBehaviour.accountFoundByNameInAnyCase(.made(.postgres)) }
    @Test func webSessionMadeAndFound() async throws { try await ModuleStatementsBehaviour.webSessionMadeAndFound(.made(.postgres)) }
    @Test func securityLogAppended() async throws { try await ModuleStatementsBehaviour.securityLogAppended(.made(.postgres)) }
    @Test func accessLinksGoWithTheirCase() async throws { try await ModuleStatementsBehaviour.accessLinksGoWithTheirCase(.made(.postgres)) }
}

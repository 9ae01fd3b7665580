import BewaarPostgresTestSupport
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
    @Test func sameNewAccountAtOnce() async throws {
        // Writers take turns: the second finds the first's account, retried or not.
        #expect(try await ModuleStatementsBehaviour.sameNewAccountAtOnce(.made(.sqlite), retryable: true).sorted() == ["exists", "made"])
        #expect(try await ModuleStatementsBehaviour.sameNewAccountAtOnce(.made(.sqlite), retryable: false).sorted() == ["exists", "made"])
    }
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
    @Test func sameNewAccountAtOnce() async throws {
        #expect(try await ModuleStatementsBehaviour.sameNewAccountAtOnce(.made(.postgres), retryable: true).sorted() == ["exists", "made"])
        // Without the retry the one that inserts last gets the server's unique-key error, not the
        // store's message (the second commits first: the first still pauses before its insert).
        let unretried = try await ModuleStatementsBehaviour.sameNewAccountAtOnce(.made(.postgres), retryable: false)
        #expect(unretried.filter { $0 == "made" }.count == 1)
        #expect(unretried.filter { $0.contains("SQLSTATE 23505") }.count == 1)
    }
    /// SQLite keeps the lines in a side file, which cannot point at the store's cases.
    @Test func progressLinesGoWithTheirCase() async throws {
        let left = try await ModuleStatementsBehaviour.progressLinesGoWithTheirCase(.made(.postgres))
        #expect(left.ofCase == 0)
        #expect(left.other == 1)
    }
    /// SQLite's writers take turns, so `grantAccess`'s check suffices there; PostgreSQL has the
    /// partial unique index `case_access_active`.
    @Test func oneActiveLinkPerRole() async throws {
        let found = try await ModuleStatementsBehaviour.oneActiveLinkPerRole(.made(.postgres))
        #expect(found.second == false, "a second active link of one account and role is refused")
        #expect(found.afterRevoke == true, "after a revocation a new link can be given")
    }
}

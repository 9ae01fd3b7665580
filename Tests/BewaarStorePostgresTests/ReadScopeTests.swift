import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// A page's reads in one transaction (``ReadScope``) on PostgreSQL: the reads of a scope share one
/// (the same transaction start), a write ends it so that what follows sees the write, an error
/// ends it and the next read works, a read inside a read runs apart, and the scope's connection
/// goes back to the pool — with a pool of one connection, a write that did not end the scope's
/// transaction, or a scope that kept its connection, would wait for ever.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct ReadScopeTests {
    @Test func aScopesReadsShareOneTransactionUntilAWrite() async throws {
        let found = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let pool = try PostgresStoreDatabase(url: database.url, connections: 1, settings: ["bewaar.school": "1"])
            defer { pool.close() }
            func started() throws -> String {
                try pool.read { c in try c.fetchOne("SELECT (extract(epoch FROM now()) * 1000000)::bigint::text")?[0].text ?? "" }
            }
            let scope = ReadScope()
            return try ReadScope.$current.withValue(scope) { () throws -> [String] in
                let first = try started()
                Thread.sleep(forTimeInterval: 0.01)
                let second = try started()
                // A read inside a read (the scope is busy): its own transaction (on a second connection,
                // as without a scope), no hang.
                let two = try PostgresStoreDatabase(url: database.url, connections: 2)
                let nested = try two.read { _ in
                    try two.read { c in try c.fetchOne("SELECT (extract(epoch FROM now()) * 1000000)::bigint::text")?[0].text ?? "" }
                }
                // (The scope's transaction is now `two`'s: ended before that pool closes.)
                scope.end()
                two.close()
                let school = try pool.read { c in try c.fetchOne("SELECT current_setting('bewaar.school')")?[0].text ?? "" }
                // A write ends the scope's transaction (with one connection it would wait forever otherwise).
                try pool.write(retryable: false) { c in _ = try c.execute("SELECT 1") }
                let afterWrite = try started()
                // An error ends it too; the next read opens a new one.
                let failed = (try? pool.read { c in try c.execute("SELECT 1/0") }) == nil
                let afterError = try started()
                // The scope ends with the page: its connection goes back to the pool (of one).
                scope.end()
                let outside = try ReadScope.$current.withValue(nil) { try pool.read { c in try c.fetchOne("SELECT 'vrij'")?[0].text ?? "" } }
                return [
                    String(first == second), String(nested != first), school, String(afterWrite != first), String(failed),
                    String(afterError != afterWrite), outside,
                ]
            }
        }
        #expect(found == ["true", "true", "1", "true", "true", "true", "vrij"])
    }
}

import BewaarModel
import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// Schools as tenants at the query level (`PostgresSchema.schools`, plan §7): a board's database
/// with two schools, reached as the application's role of a least-privilege setup (it owns no
/// table and is no superuser, so row-level security holds for it), one pool per school.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresSchoolTests {
    static func board() async throws -> SchoolBoard { try await offThread { try SchoolBoard() } }

    /// Every table is a school's (with `school_id`, row-level security forced, the policy) or
    /// the board's (listed with its reason): a new table must say which.
    @Test func everyTableBelongsToASchoolOrToTheBoard() async throws {
        let t = try await TestDatabase.made(.postgres)
        let (tables, schoolTables) = try await offThread {
            let db = try t.schoolStore()
            return try db.read { c in
                (
                    Set(try c.fetch("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'").compactMap { $0[0].text }),
                    Set(
                        try c.fetch(
                            """
                            SELECT c.relname::text FROM pg_class c
                            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'school_id' AND a.attnotnull
                            JOIN pg_policy p ON p.polrelid = c.oid AND p.polname = 'school'
                            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity
                            """
                        ).compactMap { $0[0].text })
                )
            }
        }
        #expect(schoolTables == Set(PostgresSchema.schoolTables))
        #expect(tables == Set(PostgresSchema.schoolTables).union(PostgresSchema.boardTables.keys))
        #expect(tables.contains("messages") && tables.contains("accounts"), "the query saw the schema")
    }

    /// Two schools each have their own `2026-0001`, their own numbers, chains and `store` chain;
    /// each sees only its own; with no school set, nothing is seen.
    @Test func eachSchoolSeesOnlyItsOwnCasesAndChains() async throws {
        let board = try await Self.board()
        let found = try await offThread {
            let a1 = try board.openCase(board.schoolA)
            let b1 = try board.openCase(board.schoolB)
            let a2 = try board.openCase(board.schoolA)
            for school in [board.schoolA, board.schoolB] {
                try school.write(retryable: false) { c in
                    try board.steps.append(to: CaseStore.storeChain, action: .accountAdded, details: ["account": "J. Bakker"], in: c)
                }
            }
            let cases = "SELECT id FROM cases ORDER BY id"
            let heads = "SELECT chain || ' ' || count FROM chain_heads ORDER BY chain"
            func seen(_ school: PostgresStoreDatabase) throws -> [String] {
                try school.read { c in
                    try (c.fetch(cases) + c.fetch(heads)).compactMap { $0[0].text }
                        + [try TwoServers.verify("2026-0001", in: c).intact ? "2026-0001 verified" : "2026-0001 broken"]
                }
            }
            return (
                [a1, b1, a2].map(\.description), try seen(board.schoolA), try seen(board.schoolB),
                try board.noSchool.read { c in try c.fetchValue("SELECT count(*) FROM cases", as: Int.self) },
                try board.owner.withoutTransaction { c in try c.fetchValue("SELECT count(*) FROM cases", as: Int.self) }
            )
        }
        #expect(found.0 == ["2026-0001", "2026-0001", "2026-0002"], "case numbers are per school")
        #expect(found.1 == ["2026-0001", "2026-0002", "2026-0001 1", "2026-0002 1", "store 1", "2026-0001 verified"])
        #expect(found.2 == ["2026-0001", "2026-0001 1", "store 1", "2026-0001 verified"])
        #expect(found.3 == 0, "with no school set, no case is seen")
        #expect(found.4 == 0, "nor does the tables' owner with no school set: the policy is forced on it too")
    }

    /// A school cannot write a row of another school, change or delete one, point at one by
    /// its case number or by a row id, nor switch the policy off; with no school set, nothing
    /// can be written.
    @Test func aSchoolCannotReachIntoAnother() async throws {
        let board = try await Self.board()
        let found = try await offThread {
            _ = try board.openCase(board.schoolA)
            _ = try board.openCase(board.schoolB)
            let onlyB = try board.openCase(board.schoolB).description
            let itemB = try board.schoolB.write(retryable: false) { c in
                try c.fetchValue(
                    """
                    INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, extra)
                    VALUES (?1, 'ab12', ?2, 10, 'text/plain', 'whatsapp', 'J. Bakker', '2026-03-02T19:05:00Z', ?2) RETURNING id
                    """, [.text(onlyB), .bytes(Array("chat.txt".utf8))], as: Int64.self) ?? -1
            }
            let newCase = "INSERT INTO cases (id, year, number, title, opened, status, summary"
            return [
                board.outcome(
                    board.schoolA, newCase + ", school_id) VALUES ('2026-0009', 2026, 9, ?1, 'x', 'open', ?1, 2)", [.bytes([1])]),
                board.outcome(board.schoolA, "UPDATE cases SET status = 'closed' WHERE id = ?1", [.text(onlyB)]),
                board.outcome(board.schoolA, "DELETE FROM chain_heads WHERE chain = ?1", [.text(onlyB)]),
                board.outcome(
                    board.schoolA,
                    """
                    INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, extra)
                    VALUES (?1, 'cd34', ?2, 10, 'text/plain', 'whatsapp', 'J. Bakker', '2026-03-02T19:05:00Z', ?2)
                    """, [.text(onlyB), .bytes([1])]),
                board.outcome(
                    board.schoolA, "INSERT INTO acquisitions (item_id, name, collected_by, at) VALUES (?1, ?2, 'J. Bakker', 'x')",
                    [.int(itemB), .bytes([1])]),
                board.outcome(
                    board.schoolA,
                    """
                    INSERT INTO messages (item_id, case_no, seq, kind, text, origin_offset, origin_length)
                    VALUES (?1, 1, 0, 'text', ?2, 0, 1)
                    """, [.int(itemB), .bytes([1])]),
                board.outcome(board.noSchool, newCase + ") VALUES ('2026-0009', 2026, 9, ?1, 'x', 'open', ?1)", [.bytes([1])]),
                board.outcome(board.schoolA, "ALTER TABLE cases DISABLE ROW LEVEL SECURITY"),
                board.outcome(board.schoolB, "UPDATE cases SET status = 'closed' WHERE id = ?1", [.text(onlyB)]),
            ]
        }
        #expect(found[0] == "42501", "a row of another school is refused by the policy's check")
        #expect(found[1] == "none, 0 row(s)", "another school's case is not there to change")
        #expect(found[2] == "none, 0 row(s)", "nor its chain to delete")
        #expect(found[3] == "23503", "an item in a case only the other school has: no such case")
        #expect(found[4] == "23503", "a row pointing at another school's item by its id")
        #expect(found[5] == "23503", "a record of another school's item (the statement-level parent check)")
        #expect(found[6] == "23502" || found[6] == "42501", "with no school set, nothing is written (\(found[6]))")
        #expect(found[7] == "42501", "the application's role cannot switch the policy off")
        #expect(found[8] == "none, 1 row(s)", "the school itself can (the statements above were sound)")
    }

    /// The board's privacy officer sees every school's destruction log and retention overview
    /// through the two functions, with no title and no names; setting `bewaar.overview` itself
    /// gets the application's role nothing more; nobody else may call the functions.
    @Test func theBoardSeesTheOverviewOfEverySchoolAndNoContent() async throws {
        let board = try await Self.board()
        let found = try await offThread {
            let a1 = try board.openCase(board.schoolA).description
            _ = try board.openCase(board.schoolA)
            let b1 = try board.openCase(board.schoolB).description
            try board.schoolA.write(retryable: false) { c in
                try c.execute("UPDATE cases SET hold_since = '2026-11-02T08:00:00.000Z', hold_by = 'A. de Wit' WHERE id = ?1", [.text(a1)])
            }
            try board.schoolB.write(retryable: false) { c in
                try c.execute(
                    "UPDATE cases SET status = 'closed', closed_at = '2026-06-30T12:00:00.000Z', retention_until = '2027-06-30' WHERE id = ?1",
                    [.text(b1)])
            }
            for (school, caseID) in [(board.schoolA, "2025-0004"), (board.schoolB, "2025-0011")] {
                try school.write(retryable: false) { c in
                    try c.execute(
                        """
                        INSERT INTO destruction_log (seq, case_id, year, number, time, actor, record, prev_hash, hash)
                        VALUES (1, ?1, 2025, 4, '2026-09-01T10:00:00.000Z', 'M. Jansen', '{}', 'genesis', ?2)
                        """, [.text(caseID), .text("hash-" + caseID)])
                }
            }
            let overview = try board.schoolA.read { c in
                try c.fetch("SELECT * FROM board_retention_overview()")
            }
            let lines = overview.map { row in
                "\(row[1].text ?? "") \(row[2].text ?? "") \(row[3].text ?? "") \(row[6].text ?? "-") \(row[7] == .int(1) ? "hold" : "")"
            }
            let log = try board.schoolB.read { c in
                try c.fetch("SELECT school, case_id, hash FROM board_destruction_log()").map {
                    "\($0[0].text ?? "") \($0[1].text ?? "") \($0[2].text ?? "")"
                }
            }
            let curious = board.schoolA.with(settings: ["bewaar.school": "1", "bewaar.overview": "on"])
            let nosy = board.noSchool.with(settings: ["bewaar.overview": "on"])
            return (
                overview.first?.columnNames ?? [], lines, log,
                try curious.read { c in try c.fetchValue("SELECT count(*) FROM cases", as: Int.self) },
                try nosy.read { c in try c.fetchValue("SELECT count(*) FROM destruction_log", as: Int.self) },
                try board.owner.read { c in
                    // grantee 0 is PUBLIC
                    try c.fetchValue(
                        """
                        SELECT count(*) FROM pg_proc p, aclexplode(p.proacl) a
                        WHERE p.proname IN ('board_destruction_log', 'board_retention_overview') AND a.grantee = 0
                        """, as: Int.self)
                }
            )
        }
        #expect(found.0 == ["school_id", "school", "case_id", "status", "opened", "closed_at", "retention_until", "on_hold"])
        #expect(
            found.1 == [
                "Het Testlyceum 2026-0001 open - hold", "Het Testlyceum 2026-0002 open - ",
                "Het Vechtdal College 2026-0001 closed 2027-06-30 ",
            ])
        #expect(found.2 == ["Het Testlyceum 2025-0004 hash-2025-0004", "Het Vechtdal College 2025-0011 hash-2025-0011"])
        #expect(found.3 == 2, "setting bewaar.overview shows the application's role no other school's case")
        #expect(found.4 == 0, "nor, without a school, any destruction")
        #expect(found.5 == 0, "PUBLIC may not call the board's functions")
    }
}

import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// What every ``StoreDatabase`` must do, written once and run on SQLite
/// (``SQLiteDatabaseTests``) and on PostgreSQL (``PostgresDatabaseTests``).
enum StoreDatabaseBehaviour {
    struct Planned: Error {}
    struct NoHead: Error {}

    static let texts = [
        "", "Daan", "Zoë de Vries: ‘gênant’, één café, naïef 😢🙈", "Wat? 'ja' \"nee\" ?1 $1 -- geen commentaar /* ook niet */",
        String(repeating: "lang ", count: 5000),
    ]
    static let integers: [Int64] = [0, 1, -1, Int64.max, Int64.min, 31_415_926_535]
    static let doubles: [Double] = [0.1, -2.5, .pi, 1e300, -1e-300, 6.02214076e23]
    static let blobs: [[UInt8]] = [[], [0], [0, 0, 0], [0, 1, 2, 0, 255, 254, 0], Array(0...255)]

    // Each behaviour runs the blocking database work on a thread of its own (`TestDatabase.read`
    // and `write`), hands back what it found, and checks it here, in the test's task: an #expect
    // on another thread is recorded for an «unknown» test and cannot fail the test it belongs to.

    /// Every kind of value goes in as an argument and comes back the same, from a typed column
    /// and from the parameter itself; NULL in every column.
    static func valuesRoundTrip(_ t: TestDatabase) async throws {
        try await t.write { c throws in
            try c.execute("CREATE TABLE vals (id bigint PRIMARY KEY, n bigint, d double precision, t text, b bytea)")
            var id: Int64 = 0
            for n in integers {
                id += 1
                try c.execute("INSERT INTO vals (id, n) VALUES (?1, ?2)", [.int(id), .int(n)])
            }
            for d in doubles {
                id += 1
                try c.execute("INSERT INTO vals (id, d) VALUES (?1, ?2)", [.int(id), .double(d)])
            }
            for text in texts {
                id += 1
                try c.execute("INSERT INTO vals (id, t) VALUES (?1, ?2)", [.int(id), .text(text)])
            }
            for bytes in blobs {
                id += 1
                try c.execute("INSERT INTO vals (id, b) VALUES (?1, ?2)", [.int(id), .bytes(bytes)])
            }
            id += 1
            try c.execute("INSERT INTO vals (id, n, d, t, b) VALUES (?1, ?2, ?3, ?4, ?5)", [.int(id), .null, .null, .null, .null])
        }
        let expected: [SQLValue] = integers.map(SQLValue.int) + doubles.map(SQLValue.double) + texts.map(SQLValue.text) + blobs.map(SQLValue.bytes)
        let (stored, nulls) = try await t.read { c throws in
            let rows = try c.fetch("SELECT n, d, t, b FROM vals ORDER BY id")
            let stored = rows.dropLast().map { row in row.values.first { !$0.isNull } ?? .null }
            return (stored, rows.last?.values ?? [])
        }
        #expect(stored == expected)
        #expect(nulls == [.null, .null, .null, .null])
        // Each value sent and selected straight back, without a column in between.
        for value in expected + [.null] {
            let echoed = try await t.read { try $0.fetchOne("SELECT ?1 AS v", [value])?["v"] }
            #expect(echoed == value)
        }
    }

    /// `execute` counts the rows a statement changed; `fetchOne` is nil without rows; names are
    /// found without regard to case; positions count from 0.
    static func countsAndNames(_ t: TestDatabase) async throws {
        let counts = try await t.write { c throws in
            [
                try c.execute("CREATE TABLE pupils (id bigint PRIMARY KEY, name text, class text)"),
                try c.execute("INSERT INTO pupils VALUES (1, 'Sanne', '2b'), (2, 'Daan', '2b'), (3, 'Zoë', '3a')"),
                try c.execute("UPDATE pupils SET class = '2c' WHERE class = ?1", [.text("2b")]),
                try c.execute("DELETE FROM pupils WHERE id = ?1", [.int(99)]),
                try c.execute("DELETE FROM pupils WHERE id = ?1", [.int(3)]),
            ]
        }
        #expect(counts == [0, 3, 2, 0, 1])
        let (none, found, ids) = try await t.read { c throws in
            let none = try c.fetchOne("SELECT name FROM pupils WHERE id = ?1", [.int(42)]) == nil
            let found = try c.fetchOne("SELECT name AS Naam, class, id FROM pupils WHERE id = ?1", [.int(1)]).map { row in
                (count: row.count, names: row.columnNames, naam: row["naam"], NAAM: row["NAAM"], missing: row["missing"], one: row[1], two: row[2])
            }
            return (none, found, try c.fetch("SELECT id FROM pupils ORDER BY id").map { $0[0] })
        }
        #expect(none)
        let row = try #require(found)
        #expect(row.count == 3)
        #expect(row.names.map { $0.lowercased() } == ["naam", "class", "id"])
        #expect(row.naam == .text("Sanne"))
        #expect(row.NAAM == .text("Sanne"))
        #expect(row.missing == nil)
        #expect(row.one == .text("2c"))
        #expect(row.two == .int(1))
        #expect(ids == [.int(1), .int(2)])
    }

    /// Numbered and plain placeholders bind the right arguments; a `?` inside a literal, a quoted
    /// name or a comment is text, not a parameter.
    static func placeholders(_ t: TestDatabase) async throws {
        let row = try await t.read { c throws in
            try c.fetchOne(
                """
                SELECT ?2 AS b, ?1 AS a, ? AS c, ?1 AS a_again, 'Waarom? Daarom.' AS literal, 'it''s ?' AS quoted,
                       ?4 AS "echt?" -- waarom ?9 hier niet telt
                /* ook ?7 niet (SQLite nests no comments, so none are nested here) */
                """, [.text("een"), .text("twee"), .text("drie"), .int(4)]
            ).map { ($0.values, $0.columnNames) }
        }
        let (values, names) = try #require(row)
        #expect(values == [.text("twee"), .text("een"), .text("drie"), .text("een"), .text("Waarom? Daarom."), .text("it's ?"), .int(4)])
        #expect(names.last == "echt?")
    }

    /// A body that throws leaves nothing behind, and its error is what the caller gets.
    static func rollbackOnThrow(_ t: TestDatabase) async throws {
        try await t.write { try $0.execute("CREATE TABLE notes (id bigint PRIMARY KEY, text text)") }
        await #expect(throws: Planned.self) {
            try await t.write { c throws in
                try c.execute("INSERT INTO notes VALUES (1, 'gesprek met ouders')")
                throw Planned()
            }
        }
        // A failed statement rolls back the whole transaction too.
        await #expect(throws: (any Error).self) {
            try await t.write { c throws in
                try c.execute("INSERT INTO notes VALUES (2, 'eerste')")
                try c.execute("INSERT INTO notes VALUES (2, 'dubbel')")
            }
        }
        #expect(try await t.read { try $0.fetchOne("SELECT count(*) FROM notes")?[0] } == .int(0))
        // And the next transaction works.
        try await t.write { try $0.execute("INSERT INTO notes VALUES (3, 'daarna')") }
        #expect(try await t.read { try $0.fetchOne("SELECT count(*) FROM notes")?[0] } == .int(1))
    }

    /// A savepoint that throws undoes only its own work; the outer transaction keeps the rest and
    /// goes on, also after a statement inside the savepoint failed (which aborts a PostgreSQL
    /// transaction without the savepoint). Savepoints nest.
    static func savepoints(_ t: TestDatabase) async throws {
        let (thrown, failed, kept, nested) = try await t.write { c throws in
            try c.execute("CREATE TABLE steps (id bigint PRIMARY KEY, what text)")
            try c.execute("INSERT INTO steps VALUES (1, 'bewaren')")
            let thrown = Result {
                try c.savepoint {
                    try c.execute("INSERT INTO steps VALUES (2, 'blokkeren')")
                    throw Planned()
                }
            }
            let failed = Result { try c.savepoint { try c.execute("INSERT INTO steps VALUES (1, 'dubbel')") } }
            var nested: Result<Void, any Error> = .success(())
            let kept = try c.savepoint {
                try c.execute("INSERT INTO steps VALUES (3, 'dader opsporen')")
                nested = Result {
                    try c.savepoint {
                        try c.execute("INSERT INTO steps VALUES (4, 'ouders')")
                        throw Planned()
                    }
                }
                return "binnen"
            }
            try c.execute("INSERT INTO steps VALUES (5, 'doorverwijzen')")
            return (thrown, failed, kept, nested)
        }
        #expect(throws: Planned.self) { try thrown.get() }
        #expect(throws: (any Error).self) { try failed.get() }
        #expect(throws: Planned.self) { try nested.get() }
        #expect(kept == "binnen")
        let ids = try await t.read { try $0.fetch("SELECT id FROM steps ORDER BY id").map { $0[0] } }
        #expect(ids == [.int(1), .int(3), .int(5)])
    }

    /// A read transaction cannot write.
    static func readIsReadOnly(_ t: TestDatabase) async throws {
        try await t.write { try $0.execute("CREATE TABLE cases (id text PRIMARY KEY)") }
        await #expect(throws: (any Error).self) {
            try await t.read { try $0.execute("INSERT INTO cases VALUES ('2026-0001')") }
        }
        #expect(try await t.read { try $0.fetchOne("SELECT count(*) FROM cases")?[0] } == .int(0))
    }

    /// Four writers append 100 events each to one hash chain at once. Each append reads the
    /// chain's head row (locked `FOR UPDATE` on PostgreSQL; SQLite's writers take turns), writes
    /// the event with the head's hash and moves the head: the result is one unbroken chain of 400.
    static func concurrentChain(_ t: TestDatabase, writers: Int = 4, appends: Int = 100) async throws {
        try await t.write { c throws in
            try c.execute("CREATE TABLE chain_heads (chain text PRIMARY KEY, count bigint NOT NULL, head text NOT NULL)")
            try c.execute(
                "CREATE TABLE custody (chain text NOT NULL, seq bigint NOT NULL, actor text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, PRIMARY KEY (chain, seq))"
            )
            try c.execute("INSERT INTO chain_heads VALUES ('2026-0001', 0, 'genesis')")
        }
        let database = t.database
        let lock = t.forUpdate
        try await offThread {
            try onThreads(writers) { writer in
                for i in 0..<appends {
                    try database.write(retryable: true) { c throws in
                        let head = try c.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1" + lock, [.text("2026-0001")])
                        guard let count = head?["count"]?.int, let prev = head?["head"]?.text else { throw NoHead() }
                        let seq = count + 1
                        let hash = Self.hash(prev + "|\(seq)|mentor \(writer)|\(i)")
                        try c.execute(
                            "INSERT INTO custody VALUES (?1, ?2, ?3, ?4, ?5)",
                            [.text("2026-0001"), .int(seq), .text("mentor \(writer)"), .text(prev), .text(hash)])
                        try c.execute("UPDATE chain_heads SET count = ?2, head = ?3 WHERE chain = ?1", [.text("2026-0001"), .int(seq), .text(hash)])
                    }
                }
            }
        }
        let (broken, seq, previous, head, mine) = try await t.read { c throws in
            var previous = "genesis"
            var seq: Int64 = 0
            var broken: [String] = []
            try c.forEach("SELECT seq, prev_hash, hash FROM custody WHERE chain = ?1 ORDER BY seq", [.text("2026-0001")]) { row in
                seq += 1
                if row["seq"] != .int(seq) || row["prev_hash"] != .text(previous), broken.count < 5 {
                    broken.append("event \(seq): \(row.values)")
                }
                previous = row["hash"]?.text ?? ""
            }
            let head = try c.fetchOne("SELECT count, head FROM chain_heads").map { (count: $0["count"], head: $0["head"]) }
            let mine = try (0..<writers).map { writer in
                try c.fetchOne("SELECT count(*) FROM custody WHERE actor = ?1", [.text("mentor \(writer)")])?[0]
            }
            return (broken, seq, previous, head, mine)
        }
        #expect(broken.isEmpty, "each event follows the one before it")
        #expect(seq == Int64(writers * appends))
        #expect(head?.count == .int(Int64(writers * appends)))
        #expect(head?.head == .text(previous))
        #expect(mine == Array(repeating: .int(Int64(appends)), count: writers), "each writer's events are all there")
    }

    /// `forEach` hands over 100,000 rows one at a time, in order; `inside` is called at the first
    /// row with the connection and says whether what it looked at holds (PostgreSQL's test looks
    /// at the open cursor there). A body that throws stops the query, and the transaction goes on.
    static func streamedRows(_ t: TestDatabase, inside: @escaping @Sendable (any StoreConnection) throws -> Bool = { _ in true }) async throws {
        let total: Int64 = 100_000
        let numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) SELECT i, 'regel ' || i AS line FROM n"
        let (held, wrong, count, sum, stopped, seen, after) = try await t.read { c throws in
            var count: Int64 = 0
            var sum: Int64 = 0
            var wrong: [String] = []
            var held = false
            try c.forEach(numbers, [.int(total)]) { row in
                count += 1
                if count == 1 { held = try inside(c) }
                let i = row[0].int ?? -1
                if i != count || row["line"] != .text("regel \(i)"), wrong.count < 5 { wrong.append("row \(count): \(row.values)") }
                sum += i
            }
            var seen = 0
            let stopped = Result {
                try c.forEach(numbers, [.int(total)]) { _ in
                    seen += 1
                    if seen == 10 { throw Planned() }
                }
            }
            return (held, wrong, count, sum, stopped, seen, try c.fetchOne("SELECT 1 + 1")?[0])
        }
        #expect(held, "what was looked at the first row holds")
        #expect(wrong.isEmpty, "rows come in order, each with its line")
        #expect(count == total)
        #expect(sum == total * (total + 1) / 2)
        #expect(throws: Planned.self) { try stopped.get() }
        #expect(seen == 10)
        #expect(after == .int(2))
    }

    /// SHA-256 stand-in for the custody hash: any function of the text does (FNV-1a, 64 bits, hex).
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}

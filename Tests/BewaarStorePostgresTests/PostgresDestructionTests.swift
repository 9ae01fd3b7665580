import BewaarPostgresTestSupport
import BewaarModel
import BewaarTestSupport
import Foundation
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres
@testable import BewaarWeb

/// A destruction's SQL on PostgreSQL with the whole schema, for one school, without a
/// whole `CaseStore` there yet: the modules' rows and the core's deleted in one transaction in an
/// order the foreign keys allow, the leftover check through the catalog, the destruction log
/// appended with the head locked; and the check's own PostgreSQL pieces.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresDestructionTests {
    /// Case 2026-0001 leaves every table in one transaction; 2026-0002 keeps every row.
    @Test func aCaseLeavesEveryTableAndTheOtherStays() async throws {
        let (t, db, one, two) = try await DestructionFixture.made()
        defer { withExtendedLifetime(t) {} }
        let before = try await offThread { try DestructionFixture.rows(of: two, in: db) }
        let (head, removed, logged) = try await offThread {
            try db.write(retryable: false) { c in
                let head = try PostgresChainHeads().recordedHead(of: one.id, in: c)
                for module in WebServer.storeModules { _ = try module.destroying(CaseID(one.id)!, in: c) }
                let removed = try CaseRemoval.deleteRows(of: one.id, caseNo: one.no, in: c)
                try CaseRemoval.checkNoneLeft(of: one.id, caseNo: one.no, catalog: PostgresSchemaCatalog(), in: c)
                let entry = DestructionRecord(
                    sequence: 0, caseID: CaseID(one.id)!, time: Date(timeIntervalSince1970: 1_780_000_000), actor: "J. Bakker",
                    actorRole: "afdelingsleider", reason: "bewaartermijn verstreken", early: false, custodyHead: head?.hash ?? "",
                    custodyCount: head?.count ?? 0, removed: removed.filter { $0.value > 0 }, originals: [], keptOriginals: [], accounts: [],
                    previousHash: "")
                let logged = try DestructionChain.append(entry, year: 2026, number: 1, caseNo: one.no, heads: PostgresChainHeads(), in: c)
                return (head, removed, logged)
            }
        }
        #expect(head == ChainHead(count: 1, hash: "h-2026-0001"))
        #expect(removed.filter { $0.value > 0 } == DestructionFixture.rowsPerCase)
        #expect(Set(removed.keys) == Set(CaseRemoval.tables))
        #expect(logged.sequence == 1)
        let (left, after, problems) = try await offThread {
            (
                try DestructionFixture.rows(of: one, in: db), try DestructionFixture.rows(of: two, in: db),
                try db.read { c in try DestructionChain.problems(in: c) }
            )
        }
        #expect(left.values.allSatisfy { $0 == 0 }, "\(left.filter { $0.value > 0 })")
        #expect(left.count > 20)
        #expect(after == before)
        #expect(after.filter { $0.value > 0 }.count == DestructionFixture.rowsPerCase.count)
        #expect(problems.isEmpty)
    }

    /// A table the destruction does not know that holds the case: the transaction fails naming
    /// it, and every row of the case is still there.
    @Test func anUnknownTableKeepsTheWholeCase() async throws {
        let (t, db, one, _) = try await DestructionFixture.made()
        defer { withExtendedLifetime(t) {} }
        let before = try await offThread {
            try db.write(retryable: false) { c in
                try c.execute("CREATE TABLE nieuwe_module (id bigint, case_id text)")
                try c.execute("INSERT INTO nieuwe_module (id, case_id) VALUES (1, ?1)", [.text(one.id)])
            }
            return try DestructionFixture.rows(of: one, in: db)
        }
        let failure = try await offThread {
            Result {
                try db.write(retryable: false) { c in
                    _ = try CaseRemoval.deleteRows(of: one.id, caseNo: one.no, in: c)
                    try CaseRemoval.checkNoneLeft(of: one.id, caseNo: one.no, catalog: PostgresSchemaCatalog(), in: c)
                }
            }
        }
        let error = try #require(failure.caught as? StoreError)
        #expect(error.code == .notDestroyable)
        #expect(error.english.hasPrefix("Table nieuwe_module still holds data of case 2026-0001"))
        #expect(error.dutch.contains("er is niets vernietigd"))
        let after = try await offThread { try DestructionFixture.rows(of: one, in: db) }
        #expect(after == before)
        #expect(after["nieuwe_module.case_id"] == 1)
        #expect(after["items.case_id"] == 2)
    }

    /// The check's PostgreSQL part: records whose item or case a restore without triggers took
    /// away, and an item whose count is not its records; a whole store has none.
    @Test func theCheckFindsOrphanedAndMisplacedRecords() async throws {
        let (t, db, one, two) = try await DestructionFixture.made()
        defer { withExtendedLifetime(t) {} }
        let maintenance = StoreDialect.postgres(db).maintenance
        let whole = try await offThread { try maintenance.problems(opening: Sealer(keyring: nil)) }
        #expect(whole.isEmpty, "\(whole.map(\.english))")
        let (childItem, parentItem) = try await offThread {
            try db.write(retryable: false) { c in
                let items = try c.fetchValues("SELECT id FROM items WHERE case_id = ?1 ORDER BY id", [.text(one.id)], as: Int64.self)
                // As `pg_restore --disable-triggers` would leave it: the triggers and foreign keys off.
                try c.execute("SET LOCAL session_replication_role = replica")
                try c.execute("DELETE FROM items WHERE id = ?1", [.int(items[0])])
                try c.execute("DELETE FROM cases WHERE id = ?1", [.text(two.id)])
                try c.execute("UPDATE items SET message_count = 5 WHERE id = ?1", [.int(items[1])])
                return (items[1], items[0])
            }
        }
        let found = try await offThread { try maintenance.problems(opening: Sealer(keyring: nil)) }
        let orphans = found.filter { $0.kind == .orphanRecord }
        #expect(orphans.map(\.subject) == [String(parentItem), String(try #require(two.firstItem))])
        #expect(
            orphans.first?.english.hasPrefix(
                "2 record(s) of item \(parentItem) (case number \(one.no)) were left behind: their item no longer exists.") == true)
        #expect(orphans.last?.english.contains("their case no longer exists") == true)
        #expect(orphans.allSatisfy { !$0.isHarmless && $0.dutch.contains("pg_restore --disable-triggers") })
        let misplaced = found.filter { $0.kind == .recordPlacement }
        #expect(misplaced.map(\.subject) == [String(childItem)])
        #expect(
            misplaced.first?.english
                == "the records of item \(childItem) (bijlage.jpg) are not where the item says; windows and bundles may miss records")
        #expect(found.count == orphans.count + misplaced.count)
    }
}

/// Two cases of one school on a new PostgreSQL database with the whole schema, each with a row
/// in every table of the core that holds a case's rows.
enum DestructionFixture {
    struct Seeded: Sendable {
        var id: String
        var no: Int64
        var firstItem: Int64?
    }

    /// What a destruction of one seeded case deletes, per table.
    static let rowsPerCase = [
        "record_links": 1, "marks": 1, "withdrawals": 1, "traces": 1, "messages": 2, "authors": 1, "warnings": 1, "acquisitions": 1,
        "items": 2, "handles": 1, "people": 1, "talks": 1, "statements": 1, "observations": 1, "escalations": 1, "checklist": 1,
        "custody": 1, "chain_heads": 1, "object_keys": 1, "case_keys": 1, "cases": 1,
    ]

    static func made() async throws -> (TestDatabase, PostgresStoreDatabase, Seeded, Seeded) {
        try await offThread {
            let t = try TestDatabase.make(.postgres)
            let db = try t.schoolStore()
            let one = try db.write(retryable: false) { c in try seed("2026-0001", number: 1, in: c) }
            let two = try db.write(retryable: false) { c in try seed("2026-0002", number: 2, in: c) }
            return (t, db, one, two)
        }
    }

    /// The rows of case `s` in every table that holds cases (by the catalog, `table.column`),
    /// and in its custody chain and chain head.
    static func rows(of s: Seeded, in db: PostgresStoreDatabase) throws -> [String: Int] {
        try db.read { c in
            var counts: [String: Int] = [:]
            for table in try PostgresSchemaCatalog().caseTables(in: c) where table.name != "destruction_log" {
                for column in table.columns {
                    let value: SQLValue = column == "case_id" ? .text(s.id) : .int(s.no)
                    counts[table.name + "." + column] = Int(
                        try c.fetchValue("SELECT COUNT(*) FROM \"\(table.name)\" WHERE \(column) = ?1", [value], as: Int64.self) ?? -1)
                }
            }
            counts["cases.id"] = Int(try c.fetchValue("SELECT COUNT(*) FROM cases WHERE id = ?1", [.text(s.id)], as: Int64.self) ?? -1)
            for table in ["custody", "chain_heads"] {
                counts[table + ".chain"] = Int(
                    try c.fetchValue("SELECT COUNT(*) FROM \(table) WHERE chain = ?1", [.text(s.id)], as: Int64.self) ?? -1)
            }
            counts["record_links.item"] = Int(
                try c.fetchValue(
                    "SELECT COUNT(*) FROM record_links WHERE item_id IN (SELECT id FROM items WHERE case_id = ?1)", [.text(s.id)], as: Int64.self)
                    ?? -1)
            counts["warnings.item"] = Int(
                try c.fetchValue(
                    "SELECT COUNT(*) FROM warnings WHERE item_id IN (SELECT id FROM items WHERE case_id = ?1)", [.text(s.id)], as: Int64.self) ?? -1)
            counts["acquisitions.item"] = Int(
                try c.fetchValue(
                    "SELECT COUNT(*) FROM acquisitions WHERE item_id IN (SELECT id FROM items WHERE case_id = ?1)", [.text(s.id)], as: Int64.self)
                    ?? -1)
            return counts
        }
    }

    /// A case with one row in every core table (two items, the second inside the first; two
    /// records of the first, linked; a person with a handle; its chain's first event and head).
    static func seed(_ id: String, number: Int, in c: any StoreConnection) throws -> Seeded {
        let when = SQLValue.text("2026-03-02T19:05:00.000Z")
        let caseID = SQLValue.text(id)
        let no = try c.insertedID(
            "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES (?1, 2026, ?2, 'Pesten in klas 2B'::bytea, ?3, 'open', ''::bytea) RETURNING no",
            [caseID, SQLValue(number), when])
        let person = try c.insertedID(
            "INSERT INTO people (case_id, name, role) VALUES (?1, 'Sanne de Jong'::bytea, 'victim') RETURNING id", [caseID])
        try c.execute("INSERT INTO handles (case_id, person_id, value, kind) VALUES (?1, ?2, '06-12345001'::bytea, 'phone')", [caseID, .int(person)])
        let sha = String(repeating: String(number), count: 64)
        let item = try c.insertedID(
            """
            INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, message_count, extra)
            VALUES (?1, ?2, 'chat.zip'::bytea, 100, 'application/zip', 'whatsapp', 'J. Bakker', ?3, 2, '{}'::bytea) RETURNING id
            """, [caseID, .text(sha), when])
        let child = try c.insertedID(
            """
            INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, parent_id, extra)
            VALUES (?1, ?2, 'bijlage.jpg'::bytea, 10, 'image/jpeg', 'image', 'J. Bakker', ?3, ?4, '{}'::bytea) RETURNING id
            """, [caseID, .text(sha), when, .int(item)])
        try c.execute(
            "INSERT INTO acquisitions (item_id, name, collected_by, at) VALUES (?1, 'chat.zip'::bytea, 'J. Bakker', ?2)", [.int(item), when])
        try c.execute("INSERT INTO warnings (item_id, message) VALUES (?1, 'regel 3 onleesbaar'::bytea)", [.int(item)])
        let author = try c.insertedID("INSERT INTO authors (case_no, name) VALUES (?1, 'Sanne'::bytea) RETURNING id", [.int(no)])
        var records: [Int64] = []
        for seq in 0..<2 {
            records.append(
                try c.insertedID(
                    """
                    INSERT INTO messages (item_id, case_no, seq, author_no, kind, text, origin_offset, origin_length)
                    VALUES (?1, ?2, ?3, ?4, 'text', 'hoi'::bytea, ?5, 10) RETURNING id
                    """, [.int(item), .int(no), SQLValue(seq), .int(author), SQLValue(seq * 10)]))
        }
        try c.execute(
            "INSERT INTO record_links (record_id, kind, other_item, other_record, score, item_id) VALUES (?1, 'reply', ?2, ?3, 90, ?2)",
            [.int(records[0]), .int(item), .int(records[1])])
        try c.execute(
            "INSERT INTO marks (message_id, case_id, reason, by, at) VALUES (?1, ?2, 'bedreiging', 'J. Bakker', ?3)",
            [.int(records[0]), caseID, when])
        try c.execute(
            "INSERT INTO withdrawals (item_id, case_id, by, at, reason) VALUES (?1, ?2, 'J. Bakker', ?3, 'dubbel'::bytea)",
            [.int(child), caseID, when])
        try c.execute(
            """
            INSERT INTO traces (case_id, item_id, created, actor, mail_name, mail_sha256, certainty, conclusion, result, result_sha256)
            VALUES (?1, ?2, ?3, 'P. Visser', 'mail.eml'::bytea, ?4, 'likely', 'school'::bytea, '{}'::bytea, ?4)
            """, [caseID, .int(item), when, .text(sha)])
        try c.execute("INSERT INTO checklist (case_id, step, status, fields) VALUES (?1, 1, 'done', '{}'::bytea)", [caseID])
        try c.execute(
            """
            INSERT INTO talks (case_id, held_on, participants, with_whom, summary, agreements, recorded_by, recorded_at)
            VALUES (?1, '2026-03-03', 'mentor'::bytea, 'ouders'::bytea, 'gesprek'::bytea, 'afspraak'::bytea, 'J. Bakker', ?2)
            """, [caseID, when])
        try c.execute(
            "INSERT INTO escalations (case_id, to_name, reason, by, at) VALUES (?1, 'afdelingsleider', 'herhaling', 'J. Bakker', ?2)", [caseID, when])
        try c.execute(
            "INSERT INTO observations (case_id, kind, description, recorded_by, recorded_at) VALUES (?1, 'seen', 'op het plein'::bytea, 'J. Bakker', ?2)",
            [caseID, when])
        try c.execute(
            """
            INSERT INTO statements (case_id, kind, person, given_on, text, recorded_by, recorded_at)
            VALUES (?1, 'victim', 'Sanne'::bytea, '2026-03-03', 'verklaring'::bytea, 'J. Bakker', ?2)
            """, [caseID, when])
        try c.execute(
            "INSERT INTO custody (chain, seq, time, actor, action, details, prev_hash, hash) VALUES (?1, 1, ?2, 'J. Bakker', 'case-opened', '{}'::bytea, 'g', ?3)",
            [caseID, when, .text("h-" + id)])
        try c.execute("INSERT INTO chain_heads (chain, count, head) VALUES (?1, 1, ?2)", [caseID, .text("h-" + id)])
        try c.execute("INSERT INTO case_keys (case_id, wrapped) VALUES (?1, '\\x00'::bytea)", [caseID])
        try c.execute("INSERT INTO object_keys (sha256, case_id, wrapped) VALUES (?1, ?2, '\\x00'::bytea)", [.text(sha), caseID])
        return Seeded(id: id, no: no, firstItem: item)
    }
}

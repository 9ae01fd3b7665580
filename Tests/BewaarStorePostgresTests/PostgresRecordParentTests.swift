import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// The foreign keys of `messages` (to `items` and to `authors`), which the baseline checks once
/// per statement with triggers (`PostgresSchema.recordParentChecks`): a record naming a missing
/// parent is refused with 23503 and leaves nothing, a parent that still has records cannot be
/// deleted or renumbered, and a deletion racing an insert never leaves an orphan. The blocking
/// work runs on threads of its own and hands back what it found; the checks run here.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresRecordParentTests {
    /// Batches naming an item or an author that does not exist are refused with 23503, naming the
    /// missing one, in Dutch and English; the item's earlier batch in the same savepoint goes too.
    /// An UPDATE that points a record at a missing author is refused the same way.
    @Test func aBatchNamingAMissingParentIsRefusedAndLeavesNothing() async throws {
        let t = try await TestDatabase.made(.postgres)
        let (noItem, noAuthor, update, counts) = try await t.write { c throws in
            let (caseNo, item) = try RecordFixture.item(in: c)
            let author = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo).authorNumber(sealedName: Array("Daan (verzegeld)".utf8))
            let noItem = Result {
                try c.savepoint {
                    let w = try PostgresRecordWriter(c, itemID: 987_654, caseNo: caseNo)
                    try w.add(contentsOf: (0..<10).map { PostgresRecordTests.chatLine($0, writer: 0) })
                    try w.finish()
                }
            }
            // One good batch of 1,000, then a batch of which one record names a missing author.
            let noAuthor = Result {
                try c.savepoint {
                    let w = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
                    try w.add(
                        contentsOf: (0..<1_500).map { n in
                            var r = PostgresRecordTests.chatLine(n, writer: 0)
                            r.author = n == 1_234 ? 876_543 : author
                            return r
                        })
                    try w.finish()
                }
            }
            let kept = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
            try kept.add(contentsOf: (0..<3).map { PostgresRecordTests.chatLine($0, writer: 1) })
            try kept.finish()
            let update = Result { try c.savepoint { try c.execute("UPDATE messages SET author_no = 765432 WHERE seq = 1") } }
            let counts = try c.fetch("SELECT count(*), count(author_no) FROM messages").first.map { [$0[0].int, $0[1].int] }
            return (noItem, noAuthor, update, counts)
        }
        let itemError = #expect(throws: PostgresStoreError.self) { try noItem.get() }
        #expect(itemError?.sqlState == "23503")
        #expect(itemError?.code == .statementFailed)
        #expect(itemError?.english.contains("item 987654 does not exist") == true, "\(itemError?.english ?? "")")
        #expect(itemError?.dutch.contains("SQLSTATE 23503") == true && itemError?.dutch.contains("Er is niets opgeslagen") == true)
        let authorError = #expect(throws: PostgresStoreError.self) { try noAuthor.get() }
        #expect(authorError?.sqlState == "23503")
        #expect(authorError?.english.contains("author 876543 does not exist") == true, "\(authorError?.english ?? "")")
        let updateError = #expect(throws: PostgresStoreError.self) { try update.get() }
        #expect(updateError?.sqlState == "23503")
        #expect(updateError?.english.contains("author 765432 does not exist") == true)
        // Only the three records written outside the failed savepoints, none with an author.
        #expect(counts == [3, 0])
        let after = try await t.read { c throws in try c.fetchOne("SELECT count(*) FROM messages")?[0].int }
        #expect(after == 3)
    }

    /// An item or an author that records still name cannot be deleted, renumbered or truncated
    /// away (23503); other changes to them go through, and once their records are gone they can
    /// be deleted.
    @Test func aParentWithRecordsCannotBeRemoved() async throws {
        let t = try await TestDatabase.made(.postgres)
        let (refused, allowed, left) = try await t.write { c throws in
            let (caseNo, item) = try RecordFixture.item(in: c)
            let writer = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
            let author = try writer.authorNumber(sealedName: Array("Daan (verzegeld)".utf8))
            let unused = try writer.authorNumber(sealedName: Array("Sanne (verzegeld)".utf8))
            try writer.add(
                contentsOf: (0..<5).map { n in
                    var r = PostgresRecordTests.chatLine(n, writer: 0)
                    r.author = author
                    return r
                })
            try writer.finish()
            let attempts = [
                "DELETE FROM items WHERE id = \(item)",
                "UPDATE items SET id = id + 1000 WHERE id = \(item)",
                "DELETE FROM authors",
                "UPDATE authors SET id = id + 1000 WHERE id = \(author)",
                "TRUNCATE authors",
            ]
            let refused = attempts.map { sql in Result { try c.savepoint { try c.execute(sql) } } }
            let allowed = [
                Result { try c.execute("UPDATE items SET message_count = 5 WHERE id = \(item)") },
                Result { try c.execute("DELETE FROM authors WHERE id = \(unused)") },
                Result { try c.execute("DELETE FROM messages") },
                Result { try c.execute("DELETE FROM authors") },
                Result { try c.execute("DELETE FROM items") },
            ]
            let left = try c.fetchOne("SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM authors)")?[0].int
            return (refused, allowed, left)
        }
        for (n, result) in refused.enumerated() {
            let error = #expect(throws: PostgresStoreError.self, "attempt \(n)") { try result.get() }
            #expect(error?.sqlState == "23503", "attempt \(n): \(error?.english ?? "")")
        }
        #expect(allowed.map { (try? $0.get()) != nil } == [true, true, true, true, true])
        #expect(allowed.map { try? $0.get() } == [1, 1, 5, 1, 1])
        #expect(left == 0)
    }

    /// One connection inserts records of an item while another deletes that item, in both
    /// orders: the first one's lock holds the second until it commits, and the second then fails
    /// (23503). Neither order leaves a record whose item is gone. Without the `FOR KEY SHARE`
    /// lock (insert first) or without the deletion's check seeing committed rows (delete first),
    /// one of them would leave an orphan.
    @Test func anItemDeletedWhileItsRecordsGoInLeavesNoOrphan() async throws {
        let t = try await TestDatabase.made(.postgres)
        let (caseNo, first, second) = try await t.write { c throws in
            let (caseNo, first) = try RecordFixture.item(in: c)
            return (caseNo, first, try RecordFixture.item(in: c, newCase: false).1)
        }
        let database = t.database
        // Insert first: the insert's transaction stays open for a moment after its batch; the
        // deletion starts in that moment.
        let insertFirst = try await offThread { try Self.race(database, caseNo: caseNo, item: first, insertFirst: true) }
        // Delete first: the deletion's transaction stays open; the insert starts meanwhile.
        let deleteFirst = try await offThread { try Self.race(database, caseNo: caseNo, item: second, insertFirst: false) }
        #expect(insertFirst.insert == nil, "\(insertFirst.insert ?? "")")
        #expect(insertFirst.delete?.hasPrefix("23503") == true, "\(insertFirst.delete ?? "no error")")
        #expect(insertFirst.waited, "the deletion waited for the insert's commit")
        #expect(deleteFirst.delete == nil, "\(deleteFirst.delete ?? "")")
        #expect(deleteFirst.insert?.hasPrefix("23503") == true, "\(deleteFirst.insert ?? "no error")")
        #expect(deleteFirst.waited, "the insert waited for the deletion's commit")
        let (orphans, records, items) = try await t.read { c throws in
            (
                try c.fetchOne("SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = m.item_id)")?[0].int,
                try c.fetchOne("SELECT count(*) FROM messages")?[0].int,
                try c.fetch("SELECT id FROM items ORDER BY id").compactMap { $0[0].int }
            )
        }
        #expect(orphans == 0)
        #expect(records == 1_000)
        #expect(items == [first])
    }

    /// What one race gave: each side's error (SQLSTATE and message) or nil, and whether the second
    /// side finished only after the first had committed.
    struct Race: Sendable {
        var insert: String?
        var delete: String?
        var waited: Bool
    }

    /// Runs the insert of one batch of `item`'s records and the deletion of `item` on two
    /// connections at once. The side that goes first does its statement, lets the other start,
    /// and commits 0.5 s later.
    static func race(_ database: any StoreDatabase, caseNo: Int64, item: Int64, insertFirst: Bool) throws -> Race {
        let started = DispatchSemaphore(value: 0)
        let box = RaceBox()
        try onThreads(2) { side in
            let isInsert = side == 0
            let goesFirst = isInsert == insertFirst
            if !goesFirst { started.wait() }
            let outcome = Result {
                try database.write(retryable: false) { c throws in
                    if isInsert {
                        let w = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
                        try w.add(contentsOf: (0..<1_000).map { PostgresRecordTests.chatLine($0, writer: 0) })
                        try w.finish()
                    } else {
                        try c.execute("DELETE FROM items WHERE id = ?1", [.int(item)])
                    }
                    if goesFirst {
                        started.signal()
                        Thread.sleep(forTimeInterval: 0.5)
                        box.committing()
                    }
                }
            }
            box.record(isInsert: isInsert, goesFirst: goesFirst, outcome)
        }
        return box.race
    }

    final class RaceBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result = Race(insert: nil, delete: nil, waited: false)
        private var firstCommitting: Date?
        func committing() { lock.withLock { firstCommitting = Date() } }
        func record(isInsert: Bool, goesFirst: Bool, _ outcome: Result<Void, any Error>) {
            lock.withLock {
                var message: String?
                if case .failure(let error) = outcome {
                    message = (error as? PostgresStoreError).map { "\($0.sqlState ?? "-") \($0.english)" } ?? "\(error)"
                }
                if isInsert { result.insert = message } else { result.delete = message }
                if !goesFirst, let committing = firstCommitting { result.waited = Date() >= committing }
            }
        }
        var race: Race { lock.withLock { result } }
    }
}

import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// Records on PostgreSQL: written in `unnest` batches, found by `(item_id, seq)`, on the baseline
/// schema. The blocking work runs on threads of its own and hands back what it found; the checks
/// run here.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresRecordTests {
    /// Every column's values come back as written, NULLs included (mixed with values in one batch,
    /// so the arrays carry NULL elements): Dutch and emoji in `kind` and in the (sealed) bytes,
    /// bytes 0…255, a text of 1 MB, no terms and many, the extremes of each number. 2,500
    /// records given in shuffled order go in as three batches and come back in `seq` order; a
    /// range across a batch's edge gives just that range.
    @Test func recordsComeBackAsWritten() async throws {
        let t = try await TestDatabase.made(.postgres)
        let records = Self.varied(2_500).shuffled()
        let (back, middle, count, authors) = try await t.write { c throws in
            let (caseNo, item) = try RecordFixture.item(in: c)
            let writer = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
            let daan = try writer.authorNumber(sealedName: Array("Daan Jansen (verzegeld)".utf8))
            let again = try writer.authorNumber(sealedName: Array("Daan Jansen (verzegeld)".utf8))
            try writer.add(
                contentsOf: records.map { r in
                    var r = r
                    if r.author != nil { r.author = daan }
                    return r
                })
            let count = try writer.finish()
            return (
                try PostgresRecordRanges.records(item: item, seqs: 0...Int64.max, in: c),
                try PostgresRecordRanges.records(item: item, seqs: 998...1_001, in: c),
                count, [daan, again]
            )
        }
        #expect(count == 2_500)
        #expect(authors[0] == authors[1])
        let expected = records.sorted { $0.seq < $1.seq }.map { r in
            var r = r
            if r.author != nil { r.author = authors[0] }
            return r
        }
        #expect(back.count == expected.count)
        let wrong = zip(back, expected).filter { $0 != $1 }.prefix(3).map { "\($0.0.seq): \($0.0) ≠ \($0.1)" }
        #expect(wrong.isEmpty, "every record as written")
        #expect(middle.map(\.seq) == [998, 999, 1_000, 1_001])
        #expect(back.contains { $0.text.count == 1 << 20 } && back.contains { $0.terms.isEmpty } && back.contains { $0.time == nil })
    }

    /// Two writers on two connections, each in its own transaction on its own thread, insert an
    /// item of 20,000 records at once, taking turns batch by batch so that their row ids
    /// interleave. Both items come back complete and in order, although neither item's ids are
    /// consecutive (which is why records are found by `(item_id, seq)`, not by `first id + seq`).
    @Test func twoWritersAtOnce() async throws {
        let t = try await TestDatabase.made(.postgres)
        let items = try await t.write { c throws in
            let (caseNo, first) = try RecordFixture.item(in: c)
            return [(caseNo, first), (caseNo, try RecordFixture.item(in: c, newCase: false).1)]
        }
        let perItem = 20_000
        let turns = Turns()
        let database = t.database
        try await offThread {
            try onThreads(2) { writer in
                let (caseNo, item) = items[writer]
                try database.write(retryable: false) { c throws in
                    let w = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
                    for batch in 0..<(perItem / PostgresRecordWriter.batchSize) {
                        turns.wait(for: writer)
                        defer { turns.pass(from: writer) }
                        let from = batch * PostgresRecordWriter.batchSize
                        try w.add(contentsOf: (from..<from + PostgresRecordWriter.batchSize).map { Self.chatLine($0, writer: writer) })
                    }
                    try w.finish()
                }
            }
        }
        let (back, ids) = try await t.read { c throws in
            let back = try items.map { try PostgresRecordRanges.records(item: $0.1, seqs: 0...Int64.max, in: c) }
            let ids = try items.map { item in
                try c.fetch("SELECT id FROM messages WHERE item_id = ?1 ORDER BY seq", [.int(item.1)]).compactMap { $0[0].int }
            }
            return (back, ids)
        }
        for writer in 0..<2 {
            #expect(back[writer].count == perItem)
            #expect(back[writer].map(\.seq) == (0..<Int64(perItem)).map { $0 }, "item \(writer + 1) in order")
            #expect(back[writer] == (0..<perItem).map { Self.chatLine($0, writer: writer) }, "item \(writer + 1) as written")
            // The ids of one item are not one run: the other writer's batches came between.
            #expect((ids[writer].last ?? 0) - (ids[writer].first ?? 0) + 1 > Int64(perItem), "item \(writer + 1)'s ids interleave")
        }
    }

    /// A batch that fails (a place used twice: the unique `(item_id, seq)` refuses it) inside a
    /// savepoint takes the item's earlier batches with it; the transaction goes on and commits the
    /// rest. Places that leave a gap are refused at `finish()`, and a negative place at once.
    @Test func aFailedBatchInsideASavepointLeavesNothing() async throws {
        let t = try await TestDatabase.made(.postgres)
        let (failure, gap, negative, kept, left) = try await t.write { c throws in
            let (caseNo, kept) = try RecordFixture.item(in: c)
            let (_, failed) = try RecordFixture.item(in: c, newCase: false)
            let keeper = try PostgresRecordWriter(c, itemID: kept, caseNo: caseNo)
            try keeper.add(contentsOf: (0..<1_500).map { Self.chatLine($0, writer: 0) })
            try keeper.finish()
            let failure = Result {
                try c.savepoint {
                    let w = try PostgresRecordWriter(c, itemID: failed, caseNo: caseNo)
                    try w.add(contentsOf: (0..<1_000).map { Self.chatLine($0, writer: 1) })  // in: one batch
                    try w.add(contentsOf: (1_000..<1_999).map { Self.chatLine($0, writer: 1) } + [Self.chatLine(5, writer: 1)])
                    try w.finish()
                }
            }
            let gap = Result {
                try c.savepoint {
                    let w = try PostgresRecordWriter(c, itemID: failed, caseNo: caseNo)
                    try w.add(contentsOf: [0, 1, 3].map { Self.chatLine($0, writer: 1) })
                    try w.finish()
                }
            }
            let negative = Result {
                try c.savepoint {
                    let w = try PostgresRecordWriter(c, itemID: failed, caseNo: caseNo, batchSize: 1)
                    try w.add(Self.chatLine(-1, writer: 1))
                }
            }
            return (
                failure, gap, negative, try PostgresRecordRanges.count(item: kept, in: c), try PostgresRecordRanges.count(item: failed, in: c)
            )
        }
        let refused = #expect(throws: PostgresStoreError.self) { try failure.get() }
        #expect(refused?.sqlState == "23505")
        let gapError = #expect(throws: PostgresStoreError.self) { try gap.get() }
        #expect(gapError?.code == .invalidRecords)
        let negativeError = #expect(throws: PostgresStoreError.self) { try negative.get() }
        #expect(negativeError?.code == .invalidRecords)
        #expect(kept == 1_500)
        #expect(left == 0)
        // And after the commit, the same: the first item whole, nothing of the second.
        let counts = try await t.read { c throws in
            try c.fetch("SELECT item_id, count(*) FROM messages GROUP BY item_id ORDER BY item_id").map { [$0[0], $0[1]] }
        }
        #expect(counts.count == 1)
        #expect(counts.first?[1] == .int(1_500))
    }

    /// A realistic chat line of writer `writer` at place `n` (the bytes stand in for sealed ones).
    static func chatLine(_ n: Int, writer: Int) -> PostgresRecord {
        let text = "[\(writer)] bericht \(n): " + ["doe normaal", "wie komt er morgen", "ga weg uit deze groep 😂", "Daan stop nou"][n & 3]
        return PostgresRecord(
            seq: Int64(n), time: 1_772_355_600 + Double(n) * 61, utcOffset: 3_600, author: nil, kind: "message", text: Array(text.utf8),
            originLine: Int64(n + 1), originOffset: Int64(n) * 64, originLength: 60, terms: [Int32(n), Int32(writer), -Int32(n & 7)])
    }

    /// `count` records at places 0..<count that differ in every column, with NULLs in each
    /// nullable one on some records (an author is marked by any value; the test gives the real one).
    static func varied(_ count: Int) -> [PostgresRecord] {
        let texts = ["", "doe normaal", "Zoë: ‘gênant’, één café, naïef 😢🙈", "Wat? 'ja' \"nee\" $1 -- /* */ {1,2} NULL"]
        return (0..<count).map { n in
            let big = n == 7 ? [UInt8](repeating: 0x61, count: 1 << 20) : nil
            let text = big ?? (n % 11 == 0 ? Array(0...255) : Array(texts[n % texts.count].utf8))
            return PostgresRecord(
                seq: Int64(n), time: n % 3 == 0 ? nil : [0, -1.5, 1_772_355_600.25, 1e15][n % 4],
                utcOffset: n % 3 == 0 ? nil : [3_600, 7_200, -18_000][n % 3],
                author: n % 5 == 0 ? nil : 1, kind: ["message", "system", "média", "bijlage 📎"][n % 4], text: text,
                originLine: n % 2 == 0 ? nil : Int64(n), originOffset: n == 1 ? Int64.max : Int64(n) * 100, originLength: n == 2 ? 0 : 99,
                rest: n % 4 == 1 ? Array("{\"flags\":[\"bewerkt\"]}".utf8) : (n % 4 == 2 ? [] : nil), verbatim: n % 6 == 1 ? [0, 1, 0] : nil,
                terms: n % 3 == 0 ? [] : (0..<(n % 40)).map { Int32(truncatingIfNeeded: $0 &* 2_654_435_761 &+ n) } + [Int32.min, Int32.max])
        }
    }
}

/// A case and an item on the baseline schema, for the records' tests.
enum RecordFixture {
    /// Makes case 2026-0001 (unless `newCase` is false: it is there) and an item in it; with
    /// `schema`, the baseline's core tables and the checks of `messages`' parents first.
    /// Returns the case's number and the item's id.
    static func item(in c: any StoreConnection, newCase: Bool = true, schema: Bool = true) throws -> (Int64, Int64) {
        if newCase {
            if schema { for statement in PostgresSchema.core + PostgresSchema.recordParentChecks { try c.execute(statement) } }
            try c.execute(
                "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES ('2026-0001', 2026, 1, ?1, '2026-03-02', 'open', ?1)",
                [.bytes(Array("Klas 2B (verzegeld)".utf8))])
        }
        let caseNo = try c.fetchOne("SELECT no FROM cases WHERE id = '2026-0001'")?[0].int ?? -1
        let item =
            try c.fetchOne(
                """
                INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, extra)
                VALUES ('2026-0001', ?1, ?2, 1000, 'text/plain', 'whatsapp', 'J. Bakker', '2026-03-02T19:05:00Z', ?2) RETURNING id
                """, [.text(UUID().uuidString), .bytes(Array("WhatsApp-chat met Klas 2B.txt".utf8))])?[0].int ?? -1
        return (caseNo, item)
    }
}

/// Two threads taking turns: `wait(for: i)` returns when it is `i`'s turn (or after a minute, so
/// that a writer that failed cannot hang the other), `pass(from: i)` gives the turn to the other.
final class Turns: @unchecked Sendable {
    private let condition = NSCondition()
    private var turn = 0
    func wait(for i: Int) {
        let deadline = Date().addingTimeInterval(60)
        condition.lock()
        while turn != i, condition.wait(until: deadline) {}
        condition.unlock()
    }
    func pass(from i: Int) {
        condition.lock()
        turn = 1 - i
        condition.broadcast()
        condition.unlock()
    }
}

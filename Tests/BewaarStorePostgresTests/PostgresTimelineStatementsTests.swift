import BewaarPostgresTestSupport
import BewaarModel
import Foundation
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres

/// The timeline's own statements that moved onto ``StoreConnection`` (issue 17, step 2b) run on
/// PostgreSQL's baseline schema and count what they should: the timeline's record count, the
/// search order's stamp, the records per day's rows and an author's look-up in an item. (The
/// statements that select a record's columns wait for the records' dialect: `kind` is text on
/// PostgreSQL, and an item's records are found by `(item_id, seq)` there.)
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresTimelineStatementsTests {
    @Test func theTimelinesCountsStampAndLookUpsRunOnPostgres() async throws {
        let t = try await TestDatabase.made(.postgres, connections: 1)
        let found = try await t.write { c throws in
            let (caseNo, item) = try RecordFixture.item(in: c)
            let writer = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
            let daan = try writer.authorNumber(sealedName: Array("Daan Jansen".utf8))
            let sanne = try writer.authorNumber(sealedName: Array("Sanne de Vries".utf8))
            // 30 records: every third by Sanne, every fifth a system message, every seventh undated.
            var records: [PostgresRecord] = []
            for n in 0..<30 {
                let time: Double? = n % 7 == 6 ? nil : 1_772_478_400 + Double(n) * 36_000
                let author: Int64 = n % 3 == 0 ? sanne : daan
                let kind = n % 5 == 4 ? "system" : "message"
                records.append(
                    PostgresRecord(
                        seq: Int64(n), time: time, utcOffset: 3_600, author: author, kind: kind, text: Array("bericht \(n)".utf8),
                        originLine: Int64(n + 1), originOffset: Int64(n) * 20, originLength: 20, terms: []))
            }
            try writer.add(contentsOf: records)
            _ = try writer.finish()
            try c.execute("UPDATE items SET message_count = 30 WHERE id = ?1", [.int(item)])
            // A screenshot (another item, no records of its own here) whose first record repeats
            // one shown before: the timeline shows it once.
            let (_, second) = try RecordFixture.item(in: c, newCase: false)
            let first = try c.fetchValue("SELECT id FROM messages WHERE item_id = ?1 AND seq = 0", [.int(item)], as: Int64.self) ?? -1
            try c.execute(
                "INSERT INTO record_links (record_id, kind, other_item, other_record, score, item_id) VALUES (?1, 'repeat', ?2, NULL, 90, ?3)",
                [.int(first), .int(item), .int(second)])
            let count = try c.fetchValue(CaseStore.timelineCountSQL, [.text("2026-0001")], as: Int64.self)
            let stamp = try c.fetchValue(CaseStore.searchStampSQL, as: String.self)
            // PostgreSQL's `kind` is the text alone (SQLite binds the code and the text).
            var days: [String: Int] = [:]
            var authors: Set<String> = []
            try c.forEach(CaseStore.messagesPerDaySQL + " AND NOT (m.kind IN (?2))", [.text("2026-0001"), .text("system")]) { row in
                let name = String(decoding: row[0].bytes ?? [], as: UTF8.self)
                authors.insert(name)
                guard name == "Sanne de Vries", let ts = row[2].double else { return }
                let day = String(Timestamp(date: Date(timeIntervalSince1970: ts), in: TimeZone(identifier: "Europe/Amsterdam")!).rfc3339.prefix(10))
                days[day, default: 0] += 1
            }
            let inItem = try c.fetchOne(CaseStore.authorInItemSQL(indexHints: false), [.int(sanne), .int(item)]) != nil
            let notInItem = try c.fetchOne(CaseStore.authorInItemSQL(indexHints: false), [.int(sanne), .int(second)]) != nil
            return (count, stamp, days, authors.sorted(), inItem, notInItem)
        }
        // The item's 30 records, less the one repeated on a screenshot of another item (which counts its own 0).
        #expect(found.0 == 29)
        #expect(found.1?.split(separator: "/").count == 5)
        // Sanne: records 0, 3, …, 27 less the system ones (9, 24) and the undated ones (6, 27): 6, one per 10-hour step's day.
        #expect(found.2.values.reduce(0, +) == 6)
        #expect(found.3 == ["Daan Jansen", "Sanne de Vries"])
        #expect(found.4 && !found.5)
    }
}

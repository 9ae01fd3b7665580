import Foundation
import Testing
import GRDB
import BewaarModel
@testable import BewaarStore

/// Records kept compactly (migration v9): case numbers, an authors table and kind codes instead
/// of texts in every row and index entry. A store made before v9 converts in place and gives back
/// every record exactly; the queries that filter on case, author and kind find the same records.
@Suite struct CompactRecordsTests {
    /// Two cases; the first item's records use every record field (StoredRecordTests.records),
    /// an author in both cases, a kind with no code, an empty author and a verbatim record.
    static let second: [Message] = [
        Message(
            timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_478_400), utcOffsetSeconds: 3600), author: "Daan Jansen",
            text: "stemmen maar", kind: "poll", origin: Origin(line: 1, offset: 0, length: 20)),
        Message(
            timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_478_500), utcOffsetSeconds: 3600), author: "Tim Bos",
            text: "ik ook", origin: Origin(line: 2, offset: 20, length: 10)),
    ]

    @Test func aStoreFromBeforeV9ConvertsInPlaceAndKeepsEveryRecordExactly() throws {
        let f = try StoreFixture()
        try FileManager.default.createDirectory(atPath: f.storePath, withIntermediateDirectories: true)
        for sub in ["/objects", "/tmp"] { try FileManager.default.createDirectory(atPath: f.storePath + sub, withIntermediateDirectories: true) }
        let digest = try ObjectStore(root: f.storePath + "/objects", tmp: f.storePath + "/tmp")
            .put(file: try f.file("chat.txt", String(repeating: "x", count: 200))).digest
        // The last record of the first item is kept verbatim (its JSON not in the canonical form).
        let odd = #"{"text": "hand", "kind":"message","author":null,"timestamp":null,"attachments":[],"origin":{"offset":0,"length":1,"line":1}}"#
        let first = Array(StoredRecordTests.records.prefix(4))  // the ids and authors below count on these four
        do {
            let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
            try Schema.migrator().migrate(queue, upTo: "v6-records-once")
            try queue.write { db in
                for (n, id) in ["2026-0002", "2026-0001"].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO cases (id, year, number, title, opened, status, retention_until)
                            VALUES (?, 2026, ?, 'Zaak', '2026-03-02T19:05:00.000Z', 'open', '2028-03-02T19:05:00.000Z')
                            """, arguments: [id, 2 - n])
                }
                for (caseID, records) in [("2026-0001", first), ("2026-0002", Self.second)] {
                    try db.execute(
                        sql: """
                            INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, message_count)
                            VALUES (?, ?, 'chat.txt', 200, 'text/plain', 'whatsapp', 'J. Bakker', '2026-03-02T19:05:00.000Z', ?)
                            """, arguments: [caseID, digest.hex, records.count])
                    let item = db.lastInsertedRowID
                    for (seq, m) in records.enumerated() { try insertV6(db, caseID, item: item, seq: seq, m) }
                    if caseID == "2026-0001" {
                        try insertV6(
                            db, caseID, item: item, seq: records.count,
                            Message(
                                timestamp: nil, author: nil, text: "hand",
                                origin: Origin(line: 1, offset: 0, length: 1)), verbatim: odd)
                    }
                }
                try db.execute(
                    sql: """
                        INSERT INTO marks (message_id, case_id, reason, by, at) VALUES (1, '2026-0001', 'anders', 'J. Bakker', '2026-03-02T19:05:00.000Z');
                        INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
                        """)
            }
        }
        let store = try f.open()
        let one = CaseID("2026-0001")!, two = CaseID("2026-0002")!
        var json: [String] = []
        try store.forEachRecordJSON(item: 1) { json.append($0) }
        #expect(json == first.map { $0.json.serialized() } + [odd])
        json = []
        try store.forEachRecordJSON(item: 2) { json.append($0) }
        #expect(json == Self.second.map { $0.json.serialized() })
        #expect(try store.messages(item: 1).prefix(4) == first[...])
        #expect(try store.messages(item: 2) == Self.second)
        // Case numbers follow the case ids; each case has its own authors; kinds are codes.
        let (numbers, authors, kinds, broken) = try store.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT id, no FROM cases ORDER BY no").map { "\($0[0] as String)=\($0[1] as Int)" },
                try Row.fetchAll(db, sql: "SELECT case_no, name FROM authors ORDER BY id").map { "\($0[0] as Int) \($0[1] as String)" },
                try DatabaseValue.fetchAll(db, sql: "SELECT kind FROM messages WHERE item_id = 2 ORDER BY seq"),
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            )
        }
        #expect(numbers == ["2026-0001=1", "2026-0002=2"])
        #expect(authors == ["1 ", "1 Daan Jansen", "1 Sanne \"de\" Vries", "2 Daan Jansen", "2 Tim Bos"])
        #expect(kinds == ["poll".databaseValue, 0.databaseValue])
        #expect(broken == 0)
        // Item 2's records are consecutive rows from 6; item 1 says it holds 4 records but holds
        // 5, so it is not trusted: its records are found by scanning, the same ones.
        let firsts = try store.read { db in try Int64?.fetchAll(db, sql: "SELECT first_record FROM items ORDER BY id") }
        #expect(firsts == [nil, 6])
        for item in [1, 2] as [Int64] {
            let all = try store.messages(item: item)
            var seen: [Message] = []
            var position = RecordPosition.start
            while true {
                let w = try store.records(item: item, at: position, limit: 2)
                seen += w.entries.map(\.message)
                guard w.hasLater, let last = w.sequence.last else { break }
                position = .from(last + 1)
            }
            #expect(seen == all)
            let back = try store.records(item: item, at: .before(Int64(all.count)), limit: 2)
            #expect(back.entries.map(\.message) == Array(all.suffix(2)))
            #expect(back.hasEarlier == (all.count > 2) && !back.hasLater)
        }
        #expect(try store.records(item: 2, at: .before(.min), limit: 2).entries.isEmpty)
        #expect(try store.records(item: 2, at: .from(.max), limit: 2).entries.isEmpty)
        let fromBefore = try store.records(item: 1, at: .from(-3), limit: 2)
        #expect(fromBefore.sequence == [0, 1] && fromBefore.hasLater && !fromBefore.hasEarlier)
        #expect(try store.records(item: 2, at: .around(messageID: 7), limit: 5).sequence == [0, 1])
        #expect(try store.context(around: 7, before: 1, after: 1).map(\.id) == [6, 7])
        #expect(try store.context(around: 2, before: 1, after: 1).map(\.id) == [1, 2, 3])
        #expect(try store.mark(of: 1) != nil)
        #expect(try store.messageCount(one) == 5)
        #expect(try store.messageCount(two) == 2)
        // Author, kind and text filters find the same records as before.
        var q = TimelineQuery()
        q.handle = "Daan Jansen"
        #expect(try store.timeline(one, q).entries.map(\.id) == [1])
        #expect(try store.timeline(two, q).entries.map(\.id) == [6])
        q = TimelineQuery()
        q.kinds = ["poll", "media"]
        #expect(try store.timeline(one, q).entries.map(\.id) == [2])
        #expect(try store.timeline(two, q).entries.map(\.id) == [6])
        q = TimelineQuery()
        q.search = "coordinator"
        #expect(try store.timeline(one, q).entries.map(\.message) == [first[3]])
        #expect(try store.timeline(two, q).entries.isEmpty)
        #expect(try store.authors(item: 1) == ["", "Daan Jansen", "Sanne \"de\" Vries"])
        #expect(try store.authors(item: 2) == ["Daan Jansen", "Tim Bos"])
        #expect(try store.unlinkedAuthors(two).map(\.author) == ["Daan Jansen", "Tim Bos"])
        #expect(try store.unlinkedAuthors(one).map(\.author) == ["", "Daan Jansen", "Sanne \"de\" Vries"])
        // A case opened after the conversion gets the next number; its records go in under it.
        let third = try store.openCase(title: "Nieuw", actor: "J. Bakker")
        let path = try f.file("nieuw.txt", String(repeating: "y", count: 200))
        let (d, size) = try store.objects.put(file: path)
        _ = try store.recordIngest(
            NewEvidence(
                name: "nieuw.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "J. Bakker", messages: Self.second), in: third.id)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT no FROM cases WHERE id = ?", arguments: [third.id.description]) } == 3)
        #expect(try store.messageCount(third.id) == 2)
        #expect(try store.timeline(third.id, TimelineQuery()).entries.map(\.message) == Self.second)
        #expect(try store.messageCount(two) == 2)
    }

    @Test func theCheckFindsRecordsThatAreNotWhereTheirItemSays() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let (d, size) = try store.objects.put(file: try f.file("chat.txt", String(repeating: "z", count: 200)))
        let item = try store.recordIngest(
            NewEvidence(
                name: "chat.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "J. Bakker", messages: Self.second), in: c.id
        ).item
        #expect(try store.check().intact)
        try store.write { db in try db.execute(sql: "UPDATE items SET first_record = first_record + 1 WHERE id = ?", arguments: [item.id]) }
        let problems = try store.check().problems
        #expect(problems.map(\.kind) == [.recordPlacement])
        #expect(problems.first?.subject == String(item.id))
    }

    @Test func theTimelineIndexServesTheKeysetAndTheFilters() throws {
        let f = try StoreFixture()
        let store = try f.open()
        try store.read { db in
            func plan(_ sql: String, _ arguments: StatementArguments = []) throws -> String {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }.joined(separator: "; ")
            }
            let page = try plan(
                """
                SELECT m.id FROM messages m WHERE m.case_no = (SELECT no FROM cases WHERE id = '2026-0001') AND COALESCE(m.ts, 1e18) >= 1
                AND (COALESCE(m.ts, 1e18) > 1 OR m.id > 1) ORDER BY COALESCE(m.ts, 1e18), m.id LIMIT 10
                """)
            #expect(page.contains("USING INDEX messages_case_order (case_no=? AND <expr>>?)"))
            #expect(!page.contains("TEMP B-TREE"))
            let back = try plan("SELECT m.id FROM messages m WHERE m.case_no = 1 ORDER BY COALESCE(m.ts, 1e18) DESC, m.id DESC LIMIT 10")
            #expect(back.contains("USING INDEX messages_case_order (case_no=?)") && !back.contains("TEMP B-TREE"))
            let window = try plan(
                "SELECT m.id FROM messages m WHERE \(ItemRecordRange.condition(item: "?1", low: "?2", high: "?3")) ORDER BY m.seq", [1, 0, 10])
            #expect(window.contains("USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"))
            let person = try plan(
                "SELECT m.id FROM messages m WHERE m.case_no = 1 AND m.author_no IN (1, 2) ORDER BY COALESCE(m.ts, 1e18), m.id LIMIT 10")
            #expect(person.contains("messages_author") || person.contains("messages_case_order"))
        }
    }

    private func insertV6(_ db: Database, _ caseID: String, item: Int64, seq: Int, _ m: Message, verbatim: String? = nil) throws {
        try db.execute(
            sql: """
                INSERT INTO messages (item_id, case_id, seq, ts, utc_offset, author, kind, text, origin_line, origin_offset, origin_length,
                                      rest, verbatim)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                item, caseID, seq, m.timestamp?.date.timeIntervalSince1970, m.timestamp?.utcOffsetSeconds, m.author,
                m.kind.rawValue, m.text, m.origin.line, m.origin.offset, m.origin.length, StoredRecord.rest(of: m), verbatim,
            ])
    }
}

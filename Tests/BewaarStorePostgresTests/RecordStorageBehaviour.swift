import BewaarPostgresTestSupport
import BewaarJSON
import BewaarModel
import BewaarTestSupport
import Foundation
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres

/// An item's records written and read through ``RecordStorage`` (the dialect's records: what the
/// ingest and the reread use), written once and run on SQLite (an encrypted store, the records
/// bound through SQLite's C API) and on PostgreSQL (`unnest` batches, found by `(item_id, seq)`).
/// The blocking work runs on threads of its own and hands back what it found; the checks run in
/// the test's task.
enum RecordStorageBehaviour {
    /// Where the records go: a database with a case and its key, and the dialect's records.
    struct Place: @unchecked Sendable {
        var database: any StoreDatabase
        var storage: any RecordStorage
        var sealer: Sealer
        var key: CaseKey?
        var caseNo: Int64
        /// Keeps the store's folder or the test database alive.
        var keep: Any

        /// A new item of the case (`message_count` 0).
        func newItem(_ c: any StoreConnection) throws -> Int64 { try RecordFixture.item(in: c, newCase: false).1 }

        /// Writes `body`'s records for a new item and sets its count, as the store's ingest does
        /// (on a thread of its own); gives the item and its count.
        func write(_ body: @escaping @Sendable (RecordWriter) throws -> Void) async throws -> (item: Int64, count: Int) {
            try await offThread {
                try database.write(retryable: false) { c in
                    let item = try newItem(c)
                    let writer = try RecordWriter(c, storage: storage, itemID: item, caseNo: caseNo, key: key)
                    try body(writer)
                    try writer.finish()
                    try c.execute("UPDATE items SET message_count = ?1 WHERE id = ?2", [SQLValue(writer.count), .int(item)])
                    return (item, writer.count)
                }
            }
        }

        /// The item's records read back as messages (at most `limit`) and as JSON.
        func read(_ item: Int64, limit: Int? = nil) async throws -> (messages: [Message], json: [String]) {
            try await offThread {
                try database.read { c in
                    var messages: [Message] = []
                    var json: [String] = []
                    try storage.forEachMessage(item: item, limit: limit, sealer: sealer, key: { key }, in: c) { messages.append($0) }
                    try storage.forEachRecordJSON(item: item, sealer: sealer, key: { key }, in: c) {
                        json.append(String(decoding: $0, as: UTF8.self))
                    }
                    return (messages, json)
                }
            }
        }

        /// The first column of `sql`'s first row as a number.
        func count(_ sql: String, _ arguments: [SQLValue]) async throws -> Int? {
            try await offThread { try database.read { c in try c.fetchValue(sql, arguments, as: Int.self) } }
        }
    }

    /// An encrypted SQLite store with case 2026-0001.
    static func sqlite() async throws -> Place {
        try await offThread { try makeSQLite() }
    }

    private static func makeSQLite() throws -> Place {
        let folder = TempDir()
        let clock = TestClock(Date(timeIntervalSince1970: 1_772_478_300), tick: 1)
        let store = try CaseStore(path: folder.file("store"), create: true, clock: { clock.now })
        _ = try store.encrypt(with: .keyFile(folder.file("sleutel")), actor: "beheerder")
        let encrypted = try CaseStore(path: folder.file("store"), create: false, clock: { clock.now }, key: .keyFile(folder.file("sleutel")))
        let c = try encrypted.openCase(title: "Klas 2B", actor: "J. Bakker")
        let caseNo = try encrypted.reading { try encrypted.caseNumber($0, c.id) }
        return Place(
            database: encrypted.database, storage: encrypted.dialect.records, sealer: encrypted.sealer, key: try encrypted.caseKey(c.id),
            caseNo: caseNo, keep: [folder, encrypted, clock] as [Any])
    }

    /// A PostgreSQL database with the core tables and case 2026-0001, its key a new one.
    static func postgres() async throws -> Place {
        let t = try await TestDatabase.made(.postgres)
        let caseNo = try await t.write { c in try RecordFixture.item(in: c).0 }
        return Place(
            database: t.database, storage: PostgresRecordRanges(), sealer: Sealer(keyring: nil), key: CaseKey.random(), caseNo: caseNo,
            keep: t)
    }

    /// Varied records: Dutch and emoji, every kind code and one kept as text, no time, no
    /// author, no line, a part, attachments, flags and format fields (`rest`), author names
    /// repeating.
    static func messages(_ n: Int, from first: Int = 0) -> [Message] {
        let authors: [String?] = ["Daan Jansen", "Sanne de Vries", "Lotte 🌸", "06-12345678", nil]
        let kinds: [MessageKind] = ["message", "system", "media", "reactie", "deleted", "view-once", "post"]
        return (first..<(first + n)).map { i in
            let time: Timestamp? =
                i % 7 == 3 ? nil : Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300 + Double(i * 61)), utcOffsetSeconds: 3600)
            let text = "Bericht \(i): je bent stom 😡 café " + String(repeating: "x", count: i % 40)
            var attachments: [BewaarModel.Attachment] = []
            if i % 11 == 0 { attachments.append(BewaarModel.Attachment(name: "IMG-\(i).jpg", size: Int64(i), mediaType: "image/jpeg")) }
            let line: Int? = i % 13 == 0 ? nil : i + 1
            let part: String? = i % 17 == 0 ? "deel 2" : nil
            let flags: [String] = i % 9 == 0 ? ["edited"] : []
            var extra: [String: JSONValue] = [:]
            if i % 10 == 0 { extra["reactions"] = .array([.string("👍")]) }
            return Message(
                timestamp: time, author: authors[i % authors.count], text: text, kind: kinds[i % kinds.count], attachments: attachments,
                origin: Origin(line: line, offset: Int64(i * 80), length: 79, part: part), flags: flags, extra: extra)
        }
    }

    /// The JSON the store gives for a record (`Message.json` serialised).
    static func json(_ m: Message) -> String { m.json.serialized() }

    // The checks, called from each database's test (so they run in the test's own task).

    /// 2,500 records given one by one and in batches come back in order, equal to what was
    /// given, as messages and as JSON; the first 10 with a limit.
    static func recordsComeBackAsGiven(_ place: Place) async throws {
        let given = messages(2_500)
        let (item, count) = try await place.write { writer in
            for m in given.prefix(700) { try writer.add(m) }
            var rows = RecordRows(capacity: 600, sealing: writer.sealing)
            for m in given.dropFirst(700) {
                rows.append(m)
                if rows.count == 600 {
                    try writer.add(rows)
                    rows.removeAll()
                }
            }
            try writer.add(rows)
        }
        let back = try await place.read(item)
        #expect(count == given.count)
        #expect(back.messages.count == given.count)
        let wrong = zip(back.messages, given).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(3).map { "\($0.offset): \($0.element.0)" }
        #expect(wrong.isEmpty, "every record as given")
        #expect(back.json == given.map(json))
        #expect(try await place.read(item, limit: 10).messages == Array(given.prefix(10)))
    }

    /// Records placed newest first (as a Messenger page gives them), batch by batch, come back
    /// oldest first; a place used twice or left out is refused and nothing is kept.
    static func placedRecordsComeBackInOrder(_ place: Place) async throws {
        let given = messages(3_000, from: 100)
        let (item, _) = try await place.write { writer in
            for start in stride(from: given.count, to: 0, by: -250) {
                let seqs = Array((max(0, start - 250)..<start).reversed())
                var rows = RecordRows(capacity: seqs.count, sealing: writer.sealing)
                for s in seqs { rows.append(given[s]) }
                try writer.add(rows, at: seqs)
            }
        }
        let back = try await place.read(item)
        #expect(back.messages == given)
        #expect(back.json == given.map(json))
        await #expect(throws: (any Error).self, "a place left out") {
            _ = try await place.write { writer in
                var rows = RecordRows(capacity: 2, sealing: writer.sealing)
                rows.append(given[0])
                rows.append(given[1])
                try writer.add(rows, at: [0, 2])
            }
        }
    }

    /// What an importer that failed half-way had written is dropped (``RecordWriter/discard()``):
    /// the item keeps only what came after, authors included.
    static func aDiscardKeepsOnlyWhatCameAfter(_ place: Place) async throws {
        let dropped = messages(1_500, from: 5_000).map { m in
            var m = m
            m.author = m.author.map { "Vergeten " + $0 }
            return m
        }
        let kept = messages(40, from: 9_000)
        let (item, count) = try await place.write { writer in
            for m in dropped { try writer.add(m) }
            try writer.discard()
            for m in kept { try writer.add(m) }
        }
        #expect(count == kept.count)
        #expect(try await place.read(item).messages == kept)
        let authors = try await place.count("SELECT count(*) FROM authors WHERE case_no = ?1", [.int(place.caseNo)])
        #expect(authors == 4, "only the kept records' authors")
    }

    /// A condition on kinds finds the records of those kinds, whether the kind is kept as a code
    /// (SQLite) or as its text.
    static func kindConditionFindsKinds(_ place: Place) async throws {
        let given = messages(700)
        let (item, _) = try await place.write { writer in for m in given { try writer.add(m) } }
        let kinds = ["system", "reactie"]
        let (sql, arguments) = place.storage.kindCondition("m.kind", in: kinds, first: 2)
        let found = try await place.count("SELECT count(*) FROM messages m WHERE m.item_id = ?1 AND \(sql)", [.int(item)] + arguments)
        let none = try await place.count(
            "SELECT count(*) FROM messages m WHERE m.item_id = ?1 AND \(place.storage.kindCondition("m.kind", in: [], first: 2).sql)", [.int(item)])
        #expect(found == given.filter { kinds.contains($0.kind.rawValue) }.count)
        #expect(none == 0)
    }
}

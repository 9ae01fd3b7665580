import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarJSON
import BewaarImport
@testable import BewaarStore
import BewaarKit

/// Records are kept once (migration v6): their columns plus a small `rest`, from which the JSON a
/// bundle carries is rebuilt byte for byte — for records ingested now, and for every record of a
/// store made before v6.
@Suite struct StoredRecordTests {
    /// Records with everything a record can carry: attachments, flags, format fields (nested, a
    /// fraction), a part, no time, no author, empty text, characters JSON escapes.
    static let records: [Message] = {
        let t = { (s: Double, o: Int) in Timestamp(date: Date(timeIntervalSince1970: s), utcOffsetSeconds: o) }
        let digest = SHA256Digest(hex: String(repeating: "ab", count: 32))!
        return [
            Message(
                timestamp: t(1_772_478_300, 3600), author: "Daan Jansen", text: "ga weg uit deze groep",
                origin: Origin(line: 1, offset: 0, length: 40)),
            Message(
                timestamp: t(1_772_478_360.25, -18_000), author: "Sanne \"de\" Vries", text: "regel een\nregel\u{2028}twee 😂 \u{1}",
                kind: .media,
                attachments: [
                    Attachment(name: "IMG-1.jpg", size: 3000, sha256: digest, mediaType: "image/jpeg"),
                    Attachment(name: "zonder.jpg"),
                ],
                origin: Origin(line: 2, offset: 40, length: 77, part: "_chat.txt"), flags: ["edited", "out-of-order"],
                extra: [
                    "media": .string("omitted"), "email": .object(["subject": .string("hoi"), "hops": .array([.int(1), .double(1.5)])]),
                    "zz": .bool(true), "aa": .null,
                ]),
            Message(
                timestamp: nil, author: nil, text: "", kind: .system, origin: Origin(line: nil, offset: 117, length: 0),
                extra: ["system": .string("unknown")]),
            Message(timestamp: t(-61, 0), author: "", text: "de coördinator kan je ook niet helpen", origin: Origin(line: 4, offset: 117, length: 9)),
            // Read from a screenshot: the whole file as its range, the bubble as a pixel box.
            Message(
                timestamp: nil, author: "Noor El Amrani", text: "zie je morgen bij de kantine",
                origin: Origin(line: nil, offset: 0, length: 126, box: PixelRect(x: 96, y: 1210, width: 702, height: 168)),
                extra: ["side": .string("incoming"), "time": .string("20:14"), "confidence": .int(93)]),
        ]
    }()

    @Test func aRecordIsRebuiltByteForByteFromItsColumns() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let item = try record(Self.records, in: store, case: c.id, f)
        var json: [String] = []
        try store.forEachRecordJSON(item: item.id) { json.append($0) }
        #expect(json == Self.records.map { $0.json.serialized() })
        #expect(try store.messages(item: item.id) == Self.records)
        // Only what no column holds is in `rest`.
        let rest = try store.read { db in try String?.fetchAll(db, sql: "SELECT rest FROM messages ORDER BY id") }
        #expect(rest[0] == nil)
        #expect(rest[2] == #"{"system":"unknown"}"#)
        var q = TimelineQuery()
        q.search = "coordinator"
        #expect(try store.timeline(c.id, q).entries.map(\.message) == [Self.records[3]])
    }

    @Test func aStoreFromBeforeV6KeepsEveryRecordExactly() throws {
        let f = try StoreFixture()
        try FileManager.default.createDirectory(atPath: f.storePath, withIntermediateDirectories: true)
        let path = try f.file("chat.txt", String(repeating: "x", count: 200))
        // The store as the code before v6 made it: every record's JSON in `record`, the FTS trigger.
        let digest: SHA256Digest
        do {
            let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
            // The core migrations before v6 (the accounts and web modules' are not needed here).
            try Schema.migrator().migrate(queue, upTo: "v3-traces")
            let objects = ObjectStore(root: f.storePath + "/objects", tmp: f.storePath + "/tmp")
            for sub in ["/objects", "/tmp"] { try FileManager.default.createDirectory(atPath: f.storePath + sub, withIntermediateDirectories: true) }
            digest = try objects.put(file: path).digest
            // The last record's JSON is not in the canonical form (a space, keys out of order):
            // the columns cannot give it back, so it is kept as it was.
            let odd = #"{"text": "hand", "kind":"message","author":null,"timestamp":null,"attachments":[],"origin":{"offset":0,"length":1,"line":1}}"#
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO cases (id, year, number, title, opened, status, retention_until)
                        VALUES ('2026-0001', 2026, 1, 'Zaak', '2026-03-02T19:05:00.000Z', 'open', '2028-03-02T19:05:00.000Z')
                        """)
                for (n, records) in [Self.records, [Self.records[0]]].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, message_count)
                            VALUES ('2026-0001', ?, ?, 200, 'text/plain', 'whatsapp', 'J. Bakker', '2026-03-02T19:05:00.000Z', ?)
                            """, arguments: [digest.hex, "chat \(n).txt", records.count + (n == 0 ? 1 : 0)])
                    let item = db.lastInsertedRowID
                    for (seq, m) in records.enumerated() {
                        try insertOld(db, item: item, seq: seq, m, record: m.json.serialized())
                    }
                    if n == 0 {
                        try insertOld(
                            db, item: item, seq: records.count,
                            Message(timestamp: nil, author: nil, text: "hand", origin: Origin(line: 1, offset: 0, length: 1)), record: odd)
                    }
                }
            }
            let expected = Self.records.map { $0.json.serialized() } + [odd]
            let store = try f.open()
            var json: [String] = []
            try store.forEachRecordJSON(item: 1) { json.append($0) }
            #expect(json == expected)
            #expect(try store.messages(item: 1).prefix(Self.records.count) == Self.records[...])
            #expect(try store.messages(item: 1).last?.text == "hand")
            let verbatim = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE verbatim IS NOT NULL") }
            #expect(verbatim == 1)
            // The search index is rebuilt over the text; shared records and context are found.
            var q = TimelineQuery()
            q.search = "coordinator"
            #expect(try store.timeline(CaseID("2026-0001")!, q).entries.count == 1)
            #expect(try store.itemsSharingRecords(with: 2) == [1])
            #expect(try store.context(around: 2, before: 1, after: 1).map(\.id) == [1, 2, 3])
        }
    }

    @Test(arguments: StoreKind.all) func anImporterThatFailsHalfWayLeavesTheFileWithAWarningAndNoRecords(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let path = try f.file("half.txt", "drie regels en dan kapot\n")
        let report = try Ingestion(store: store, detector: FormatDetector(importers: [HalfWay()]))
            .ingest(path: path, into: c.id, actor: "J. Bakker")
        #expect(report.outcome.item.messageCount == 0)
        #expect(report.messageCount == 0)
        #expect(report.result.warnings.map(\.code) == ["unreadable"])
        #expect(try store.messageCount(c.id) == 0)
        #expect(try store.warnings(item: report.outcome.item.id).map(\.code) == ["unreadable"])
        #expect(try store.check().intact)
    }

    @Test func aLargeIngestReportsItsProgressAndStreamsEveryRecord() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        var text = ""
        for i in 0..<10_000 { text += String(format: "02-03-2026 %02d:%02d - Daan Jansen: bericht %d\n", i / 60 % 24, i % 60, i) }
        let path = try f.file("WhatsApp-chat met Daan.txt", text)
        var seen: [IngestProgress] = []
        let report = try Ingestion(store: store).ingest(path: path, into: c.id, actor: "J. Bakker", progress: { seen.append($0) })
        #expect(report.messageCount == 10_000)
        #expect(report.outcome.item.messageCount == 10_000)
        #expect(seen.map(\.messages) == Array(stride(from: 1024, to: 10_000, by: 1024)) + [10_000])
        #expect(seen.allSatisfy { $0.totalBytes == Int64(text.utf8.count) && $0.bytesRead > 0 && $0.bytesRead <= $0.totalBytes })
        let records = try store.messages(item: report.outcome.item.id)
        #expect(records.count == 10_000)
        #expect(records.last?.text == "bericht 9999")
        #expect(records.map(\.origin.offset) == records.map(\.origin.offset).sorted())
        var q = TimelineQuery()
        q.search = "9999"
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["bericht 9999"])
    }

    private func insertOld(_ db: Database, item: Int64, seq: Int, _ m: Message, record: String) throws {
        try db.execute(
            sql: """
                INSERT INTO messages (item_id, case_id, seq, ts, author, kind, text, origin_line, origin_offset, origin_length, record)
                VALUES (?, '2026-0001', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                item, seq, m.timestamp?.date.timeIntervalSince1970, m.author, m.kind.rawValue, m.text,
                m.origin.line, m.origin.offset, m.origin.length, record,
            ])
    }

    private func record(_ messages: [Message], in store: CaseStore, case id: CaseID, _ f: StoreFixture) throws -> EvidenceItem {
        let path = try f.file("chat-\(UUID().uuidString).txt", String(repeating: "x", count: 200))
        let (digest, size) = try store.objects.put(file: path)
        let e = NewEvidence(
            name: "chat.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
            collectedBy: "J. Bakker", messages: messages)
        return try store.recordIngest(e, in: id).item
    }
}

/// An importer that hands on three records and then fails (a file broken half-way).
private struct HalfWay: EvidenceImporter {
    let format = "half"
    struct Broken: Error {}

    func recognise(_ probe: FileProbe) -> Recognition? { Recognition(confidence: 100, reason: "test") }

    func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult { throw Broken() }

    func importFile(_ source: ImportSource, context: ImportContext, records: any RecordSink) throws -> ImportResult {
        try records.begin(ImportResult(format: format, mediaType: "text/plain"))
        for i in 0..<3 {
            try records.record(Message(timestamp: nil, author: nil, text: "regel \(i)", origin: Origin(line: i + 1, offset: 0, length: 1)))
        }
        throw Broken()
    }
}

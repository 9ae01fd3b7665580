import Foundation
import GRDB
import Testing
import BewaarModel
@testable import BewaarStore

/// Issue 16: records staged in the store in the order read, placed in their final order before
/// the ingest commits (a Messenger page lists its newest message first).
@Suite("Records staged in the store until their order is known")
struct RecordStagingTests {
    /// `n` records whose text says which was read when, with extra fields kept in `rest`.
    static func records(_ n: Int) -> [Message] {
        let names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser"]
        var out: [Message] = []
        for i in 0..<n {
            let time = Timestamp(date: Date(timeIntervalSince1970: 1_709_300_000 + Double(i) * 60), utcOffsetSeconds: 3600)
            let author: String? = i % 7 == 0 ? nil : names[i % 3]
            let extra: [String: JSONValue] = ["platform": .string("facebook"), "timeAsDisplayed": .string("Mar 01, 2024 \(i)")]
            let origin = Origin(line: nil, offset: Int64(i) * 10, length: 10)
            out.append(Message(timestamp: time, author: author, text: "gelezen als \(i): wie is dit 😂", origin: origin, extra: extra))
        }
        return out
    }

    /// Stages `read` in batches of `batch`, places them in `order`, and returns the item's records as stored.
    static func ingest(_ read: [Message], batch: Int, order: [Int], keepLoaded: Int) throws -> (stored: [Message], readsBack: Int, left: [String]) {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let (d, size) = try store.objects.put(file: try f.file("message_1.html", String(repeating: "x", count: read.count * 10)))
        var readsBack = 0
        let item = try store.recordIngest(
            NewEvidence(
                name: "message_1.html", size: size, sha256: d, mediaType: "text/html", format: "meta", collectedBy: "J. Bakker", messages: []),
            in: c.id
        ) { writer in
            let staging = RecordStaging(writer: writer)
            for start in stride(from: 0, to: read.count, by: batch) {
                var rows = RecordRows(capacity: batch)
                for m in read[start..<min(start + batch, read.count)] { rows.append(m) }
                try staging.stage(rows)
            }
            try staging.place(order: order, batchSize: 5, keepLoaded: keepLoaded)
            readsBack = staging.readsBack
            return ReadEvidence(format: "meta", mediaType: "text/html")
        }.item
        var stored: [Message] = []
        while true {
            let w = try store.records(item: item.id, at: stored.isEmpty ? .start : .from(Int64(stored.count)), limit: 1_000)
            stored += w.entries.map(\.message)
            if !w.hasLater || w.entries.isEmpty { break }
        }
        let left = try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'bewaar%'") }
        #expect(try store.check().intact)
        return (stored, readsBack, left)
    }

    @Test func recordsReadNewestFirstAreStoredOldestFirst() throws {
        let read = Self.records(50)
        let order = Array((0..<50).reversed())
        let r = try Self.ingest(read, batch: 8, order: order, keepLoaded: 2)
        #expect(r.stored == order.map { read[$0] })
        #expect(r.readsBack == 7)  // each batch read back once, newest first
        #expect(r.left.isEmpty)
    }

    @Test func aScatteredOrderIsPlacedRightAndReadsEachBatchBackOnce() throws {
        let read = Self.records(200)
        var rng = SystemRandomNumberGenerator()
        let order = Array(0..<200).shuffled(using: &rng)
        let r = try Self.ingest(read, batch: 10, order: order, keepLoaded: 2)
        #expect(r.stored == order.map { read[$0] })
        // Jumping between 20 batches for nearly every record: all are held, each read back once.
        #expect(r.readsBack == 20)
        #expect(r.left.isEmpty)
    }

    @Test func stagedBatchesOfAnEncryptedStoreHoldNoNameAndAreStoredAllTheSame() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        #expect(try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 1)
        let read = Array(Self.records(40).reversed())
        let (d, size) = try store.objects.put(file: try f.file("message_1.html", String(repeating: "x", count: 400)))
        var stagedBlobs: [Data] = []
        let item = try store.recordIngest(
            NewEvidence(
                name: "message_1.html", size: size, sha256: d, mediaType: "text/html", format: "meta", collectedBy: "J. Bakker", messages: []),
            in: c.id
        ) { writer in
            let staging = RecordStaging(writer: writer)
            for start in stride(from: 0, to: read.count, by: 16) {
                var rows = RecordRows(capacity: 16, sealing: writer.sealing)
                for m in read[start..<min(start + 16, read.count)] { rows.append(m) }
                try staging.stage(rows)
            }
            stagedBlobs = try writer.connection.fetchValues("SELECT bytes FROM main.bewaar_staged", as: Data.self)
            try staging.place(order: Array((0..<read.count).reversed()))
            return ReadEvidence(format: "meta", mediaType: "text/html")
        }.item
        #expect(stagedBlobs.count == 3)
        for blob in stagedBlobs {
            for name in ["Sanne", "Daan", "Lotte", "gelezen"] { #expect(blob.range(of: Data(name.utf8)) == nil, "\(name) staged in plain") }
        }
        let stored = try store.records(item: item.id, at: .start, limit: 100).entries.map(\.message)
        #expect(stored.map(\.text) == read.reversed().map(\.text))
        #expect(stored.map(\.author) == read.reversed().map(\.author))
        #expect(try store.check().intact)
    }
}

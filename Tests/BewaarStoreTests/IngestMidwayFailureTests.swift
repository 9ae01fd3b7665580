import Foundation
import Testing
import BewaarModel
import BewaarStore

/// An ingest that fails after thousands of its records are written (the reading throws half-way,
/// or everything is written and the commit never comes) leaves nothing of them: no item, no
/// records, no authors, no search rows, no receipt, no object key, no staging table, no event.
/// In a plain and in an encrypted store (records sealed and indexed by term as they go).
@Suite struct IngestMidwayFailureTests {
    struct ReadingFailed: Error {}

    /// 12,000 chat lines (more than the 10,000 after which an ingest refreshes statistics).
    static let messages = (0..<12_000).map { i in
        Message(
            timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_478_400 + Double(i) * 7), utcOffsetSeconds: 3600),
            author: ["Daan Jansen", "Sanne de Vries", "06-12345678"][i % 3], text: "bericht \(i) je bent stom 😡",
            origin: Origin(line: i + 1, offset: Int64(i * 50), length: 49))
    }

    /// What is left in the store's tables of an ingest into `id`.
    static func leftovers(_ store: CaseStore, _ id: CaseID) throws -> [String: Int] {
        try store.reading { c in
            var counts: [String: Int] = [:]
            // The search index's segments (an encrypted store's index is contentless: no rows to count).
            for table in ["items", "messages", "authors", "warnings", "acquisitions", "object_keys", "messages_fts_data"] {
                counts[table] = try c.fetchValue("SELECT count(*) FROM \(table)", as: Int.self)
            }
            counts["bewaar_staged"] = try c.fetchValue("SELECT count(*) FROM sqlite_master WHERE name = 'bewaar_staged'", as: Int.self)
            return counts
        }
    }

    func evidence(_ store: CaseStore, _ f: StoreFixture) throws -> NewEvidence {
        let (d, size) = try store.objects.put(file: try f.file("chat.txt", "WhatsApp-chat met Klas 2B\n"))
        return NewEvidence(
            name: "WhatsApp-chat met Klas 2B.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp",
            collectedBy: "J. Bakker", collectedFrom: "Sanne de Vries")
    }

    @Test(arguments: [false, true]) func aReadingThatFailsHalfWayLeavesNothing(encrypted: Bool) throws {
        let f = try StoreFixture()
        let store = try f.open()
        if encrypted && !store.isEncrypted { _ = try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") }
        let c = try store.openCase(title: "Klas 2B", actor: "J. Bakker")
        let e = try evidence(store, f)
        let before = try Self.leftovers(store, c.id)
        #expect(before["items"] == 0 && before["messages"] == 0 && before["authors"] == 0)
        #expect(throws: ReadingFailed.self) {
            _ = try store.recordIngest(e, in: c.id) { writer in
                for m in Self.messages.prefix(9_000) { try writer.add(m) }
                var rows = RecordRows(capacity: 3_000, sealing: writer.sealing)
                for m in Self.messages.suffix(3_000) { rows.append(m) }
                try writer.add(rows)
                throw ReadingFailed()
            }
        }
        #expect(try Self.leftovers(store, c.id) == before)
        #expect(try store.events(chain: c.id.description).map(\.action) == [.caseOpened])
        // The same ingest again, whole: every record is there once.
        var whole = try evidence(store, f)
        whole.messages = Self.messages
        let again = try store.recordIngest(whole, in: c.id)
        #expect(try store.messages(item: again.item.id) == Self.messages)
        #expect(try Self.leftovers(store, c.id)["messages"] == 12_000)
        #expect(try Self.leftovers(store, c.id)["authors"] == 3)
    }

    @Test(arguments: [false, true]) func aCrashBeforeTheCommitLeavesNoRecords(encrypted: Bool) throws {
        let f = try StoreFixture()
        let store = try f.open()
        if encrypted && !store.isEncrypted { _ = try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") }
        let c = try store.openCase(title: "Klas 2B", actor: "J. Bakker")
        let clock = f.clock
        let crashing = try CaseStore(
            path: f.storePath, create: false, clock: { clock.now }, faultBeforeCommit: { throw InjectedCrash() },
            key: encrypted ? .keyFile(f.folder + "/sleutel") : nil)
        var e = try evidence(crashing, f)
        e.messages = Self.messages
        let before = try Self.leftovers(store, c.id)
        #expect(throws: InjectedCrash.self) { _ = try crashing.recordIngest(e, in: c.id) }
        #expect(try Self.leftovers(store, c.id) == before)
        #expect(before["messages"] == 0)
        #expect(try store.events(chain: c.id.description).map(\.action) == [.caseOpened])
    }
}

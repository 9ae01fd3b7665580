import Foundation
import Testing
import BewaarModel
import BewaarStore

/// The query that picks which exports of a case an export comparison must look at: it finds
/// every item sharing a record by minute, author and text (marks ignored), and no other.
@Suite struct SharedRecordsTests {
    /// Records `lines` (UTC seconds or nil, author, text) as a WhatsApp item of case `id`.
    func item(_ store: CaseStore, _ id: CaseID, _ name: String, _ lines: [(Double?, String?, String)]) throws -> EvidenceItem {
        let text = lines.map { "\($0.2)\n" }.joined()
        let path = NSTemporaryDirectory() + "gedeeld-" + UUID().uuidString + ".txt"
        try Data((name + "\n" + text).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (digest, size) = try store.objects.put(file: path)
        var offset: Int64 = 0
        let messages = lines.enumerated().map { n, l in
            defer { offset += Int64(l.2.utf8.count + 1) }
            return Message(
                timestamp: l.0.map { Timestamp(date: Date(timeIntervalSince1970: $0), utcOffsetSeconds: 3600) },
                author: l.1, text: l.2, origin: Origin(line: n + 1, offset: offset, length: Int64(l.2.utf8.count + 1)))
        }
        let e = NewEvidence(
            name: name, size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
            collectedBy: "J. Bakker", collectedFrom: nil, messages: messages)
        return try store.recordIngest(e, in: id).item
    }

    @Test(arguments: StoreKind.all) func onlyItemsWithTheSameMinuteAuthorAndTextAreFound(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker", people: [Person(name: "Sanne de Vries", role: .slachtoffer)])
        let t = 1_772_478_300.0  // 2026-03-02 19:05:00 UTC, the start of a minute
        let victim = try item(
            store, c.id, "telefoon Sanne",
            [
                (t + 5, "Daan Jansen", "ga weg uit deze groep"), (t + 60, "Sanne de Vries", "doe normaal"),
                (nil, "Daan Jansen", "zonder tijd"),
            ])
        // The same record a few seconds later in the same minute, with a direction mark typed in.
        let witness = try item(store, c.id, "telefoon Lotte", [(t + 42, "Daan Jansen", "ga weg uit deze \u{200E}groep")])
        // Same author and text, but the next minute; same minute and text, another author; another case's words.
        let nextMinute = try item(store, c.id, "volgende minuut", [(t + 65, "Daan Jansen", "ga weg uit deze groep")])
        let otherAuthor = try item(store, c.id, "andere schrijver", [(t + 5, "+31 6 12345003", "ga weg uit deze groep")])
        let untimed = try item(store, c.id, "zonder tijd", [(nil, "Daan Jansen", "zonder tijd")])
        // A time before 1970 rounds down to its own minute too.
        let early = try item(store, c.id, "vroeg", [(-30, "Daan Jansen", "oud")])
        let early2 = try item(store, c.id, "vroeg 2", [(-55, "Daan Jansen", "oud"), (-61, "Daan Jansen", "oud")])

        #expect(try store.itemsSharingRecords(with: victim.id) == [witness.id, untimed.id])
        #expect(try store.itemsSharingRecords(with: witness.id) == [victim.id])
        #expect(try store.itemsSharingRecords(with: nextMinute.id).isEmpty)
        #expect(try store.itemsSharingRecords(with: otherAuthor.id).isEmpty)
        #expect(try store.itemsSharingRecords(with: early.id) == [early2.id])
        #expect(try store.itemsSharingRecords(with: early2.id) == [early.id])
    }
}

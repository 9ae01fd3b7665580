import Foundation
import GRDB
import Testing
import BewaarModel
import BewaarJSON
import BewaarStore
import BewaarKit

/// `bewaar check` must catch every kind of tampering and name it.
@Suite struct CheckTests {
    /// A case with two ingested files and a checklist change.
    func populated() throws -> (StoreFixture, CaseStore, CaseID, [EvidenceItem]) {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker", people: [Person(name: "Sanne", role: .slachtoffer)])
        let a = try Ingestion(store: store).ingest(path: try f.file("a.txt", "eerste bewijs"), into: c.id, actor: "J. Bakker").outcome.item
        let b = try Ingestion(store: store).ingest(path: try f.file("b.txt", "tweede bewijs"), into: c.id, actor: "J. Bakker").outcome.item
        try store.updateStep(c.id, step: .bewaren, update: ChecklistUpdate(status: .gedaan), actor: "J. Bakker")
        #expect(try store.check().problems.isEmpty)
        return (f, store, c.id, [a, b])
    }

    func tamper(_ f: StoreFixture, _ sql: String) throws {
        let q = try DatabaseQueue(path: f.storePath + "/bewaar.sqlite")
        try q.write { try $0.execute(sql: sql) }
    }

    @Test func aFlippedByteInAnObjectIsNamed() throws {
        let (f, store, _, items) = try populated()
        defer { withExtendedLifetime(f) {} }
        let path = store.objects.path(for: items[0].sha256)
        chmod(path, 0o600)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[3] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        let report = try store.check()
        #expect(!report.intact)
        #expect(report.problems.map(\.kind) == [.changedObject])
        #expect(report.problems[0].subject == items[0].sha256.hex)
        #expect(report.problems[0].dutch.contains("gewijzigd"))
    }

    @Test func aDeletedObjectIsNamed() throws {
        let (f, store, _, items) = try populated()
        defer { withExtendedLifetime(f) {} }
        try FileManager.default.removeItem(atPath: store.objects.path(for: items[1].sha256))
        let report = try store.check()
        #expect(report.problems.map(\.kind) == [.missingObject])
        #expect(report.problems[0].subject == items[1].sha256.hex)
    }

    @Test func anEditedCustodyEventIsNamed() throws {
        let (f, store, id, _) = try populated()
        defer { withExtendedLifetime(f) {} }
        try tamper(f, "UPDATE custody SET actor = 'iemand anders' WHERE chain = '\(id)' AND seq = 3")
        let report = try store.check()
        #expect(!report.intact)
        #expect(report.problems.count == 1)
        #expect(report.problems[0].kind == .chain)
        #expect(report.problems[0].dutch.contains("gebeurtenis 3"))
        #expect(report.problems[0].dutch.contains("gewijzigd"))
    }

    @Test func anEditedCustodyTimeIsNamed() throws {
        let (f, store, id, _) = try populated()
        defer { withExtendedLifetime(f) {} }
        try tamper(f, "UPDATE custody SET time = '2026-03-01T10:00:00.000Z' WHERE chain = '\(id)' AND seq = 2")
        let report = try store.check()
        #expect(report.problems.contains { $0.dutch.contains("gebeurtenis 2") })
    }

    @Test func aDeletedCustodyEventInTheMiddleIsNamed() throws {
        let (f, store, id, _) = try populated()
        defer { withExtendedLifetime(f) {} }
        try tamper(f, "DELETE FROM custody WHERE chain = '\(id)' AND seq = 3")
        let report = try store.check()
        #expect(!report.intact)
        #expect(report.problems.contains { $0.dutch.contains("gebeurtenis 3 ontbreekt") })
    }

    @Test func aDeletedLastCustodyEventIsNamed() throws {
        let (f, store, id, _) = try populated()
        defer { withExtendedLifetime(f) {} }
        let last = try store.events(chain: id.description).count
        try tamper(f, "DELETE FROM custody WHERE chain = '\(id)' AND seq = \(last)")
        let report = try store.check()
        #expect(report.problems.contains { $0.dutch.contains("gebeurtenis \(last) ontbreekt") })
    }

    @Test func aRewrittenChainWithRecomputedHashesStillBreaksAtTheLink() throws {
        let (f, store, id, _) = try populated()
        defer { withExtendedLifetime(f) {} }
        // Someone replaces event 2 with a self-consistent forgery: its own hash is right,
        // but event 3 still names the old hash.
        let events = try store.events(chain: id.description)
        var forged = events[1]
        forged.details["name"] = "Iemand Anders"
        let newHash = StreamingSHA256Check.hex(forged.canonicalText)
        let details = JSONValue.object(forged.details.mapValues(JSONValue.string)).serialized().replacingOccurrences(of: "'", with: "''")
        try tamper(f, "UPDATE custody SET details = '\(details)', hash = '\(newHash)' WHERE chain = '\(id)' AND seq = 2")
        let report = try store.check()
        #expect(report.problems.contains { $0.dutch.contains("gebeurtenis 3 verwijst niet") })
    }

    @Test func aRecordTextChangedBehindTheSearchIndexIsNamed() throws {
        let (f, store, id, _) = try populated()
        defer { withExtendedLifetime(f) {} }
        let chat = try f.file("chat.txt", "03/04/2026, 20:14 - Sanne: hoi daar\n03/04/2026, 20:15 - Daan: jij weer\n")
        _ = try Ingestion(store: store).ingest(path: chat, into: id, actor: "J. Bakker")
        #expect(try store.check().problems.isEmpty, "a fresh ingest indexes exactly its records")
        try tamper(f, "UPDATE messages SET text = 'iets heel anders' WHERE text = 'jij weer'")
        let report = try store.check()
        #expect(report.problems.map(\.kind) == [.searchIndex])
        #expect(report.problems.first?.dutch.contains("zoekindex") == true)
    }
}

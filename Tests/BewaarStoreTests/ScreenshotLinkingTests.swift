import Foundation
import Testing
import BewaarModel
import BewaarStore
@testable import BewaarKit

/// Screenshots checked against each other in a store, with real Tesseract: a copy counts once in
/// the timeline until the screenshot it repeats is withdrawn.
@Suite struct ScreenshotLinkingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screenshots")

    @Test(arguments: StoreKind.all) func aCopyCountsOnceUntilItsOriginalIsWithdrawn(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        let ingestion = Ingestion(store: store)
        let first = try ingestion.ingest(
            path: Self.fixtures.appendingPathComponent("whatsapp-android-light-1on1-2x.png").path, into: c.id, actor: "x"
        ).outcome.item
        let copy = try ingestion.ingest(
            path: Self.fixtures.appendingPathComponent("whatsapp-android-light-1on1-2x-q80.jpg").path, into: c.id, actor: "x")
        #expect(copy.screenshots.first?.repeated.map(\.count) == [9])
        #expect(try store.timelineCount(c.id) == 9)
        #expect(try store.timeline(c.id, TimelineQuery()).entries.allSatisfy { $0.itemID == first.id })
        // Every repeat points at the first screenshot's record.
        let firstRecords = Set(try store.numberedRecords(item: first.id).map(\.id))
        #expect(try store.recordLinks(item: copy.outcome.item.id).allSatisfy { $0.kind == .repeated && firstRecords.contains($0.otherRecord ?? -1) })

        try store.withdrawItem(c.id, item: first.id, reason: "verkeerd bestand", actor: "x")
        try ScreenshotLinking.relink(c.id, store: store)
        #expect(try store.recordLinks(item: copy.outcome.item.id).isEmpty)
        #expect(try store.recordLinks(item: first.id).isEmpty)
        #expect(try store.timelineCount(c.id) == 9)
        #expect(try store.timeline(c.id, TimelineQuery()).entries.allSatisfy { $0.itemID == copy.outcome.item.id })
    }

    /// Another chat that happens to hold a photo and a deleted message at the screenshot's minutes
    /// (a long export has something at every minute) is not taken for the same chat: no finding.
    @Test(arguments: StoreKind.all) func aPhotoAndADeletedMessageAtTheSameMinutesDoNotMakeTheSameChat(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        let other = """
            14-03-2026 19:58 - Lars Visser: heeft iemand de sommen van wiskunde
            14-03-2026 20:09 - Lars Visser: <Media weggelaten>
            14-03-2026 20:10 - Eva de Boer: nee sorry
            14-03-2026 20:11 - Lars Visser: Dit bericht is verwijderd
            14-03-2026 20:14 - Eva de Boer: ok

            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ander-gesprek-\(UUID().uuidString).txt").path
        try Data(other.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let ingestion = Ingestion(store: store)
        _ = try ingestion.ingest(path: path, into: c.id, actor: "x")
        let shot = try ingestion.ingest(
            path: Self.fixtures.appendingPathComponent("whatsapp-android-light-1on1-2x.png").path, into: c.id, actor: "x")
        #expect(shot.screenshots.first?.exports.isEmpty == true)
        #expect(try store.recordLinks(item: shot.outcome.item.id).isEmpty)
    }
}

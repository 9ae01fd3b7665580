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

    @Test func aCopyCountsOnceUntilItsOriginalIsWithdrawn() throws {
        let f = try StoreFixture()
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
}

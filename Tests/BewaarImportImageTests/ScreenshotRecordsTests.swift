import Foundation
import Testing
import BewaarModel
import BewaarScreenshot
@testable import BewaarImportImage

/// The rules that turn bubbles into records, on bubbles made here (no OCR involved).
@Suite struct ScreenshotRecordsTests {
    func bubble(
        _ side: ChatBubble.Side, _ author: String?, _ text: String, _ time: String?, y: Int, day: String? = nil,
        confidence: Double = 90
    ) -> ChatBubble {
        ChatBubble(
            side: side, kind: side == .system ? .system : .message, author: author, text: text, time: time,
            box: PixelRect(x: 20, y: y, width: 300, height: 80), confidence: confidence, daySeparator: day)
    }

    @Test func groupAuthorsCarryDownUntilSomeoneElseWrites() {
        let shot = ChatScreenshot(
            header: "Klas 2B", isChat: true,
            bubbles: [
                bubble(.incoming, "Daan Bakker", "eerste", "20:11", y: 100, day: "12 maart 2026"),
                bubble(.incoming, nil, "tweede", "20:12", y: 200),
                bubble(.outgoing, nil, "antwoord", "20:13", y: 300),
                bubble(.incoming, nil, "wie?", "20:14", y: 400, confidence: 41),
                bubble(.system, nil, "Lars heeft de groep verlaten", nil, y: 500),
            ], lines: [])
        let records = ScreenshotRecords(shot: shot, capture: nil, owner: nil, zone: TimeZone(identifier: "Europe/Amsterdam")!, fileSize: 1234)
            .messages
        #expect(records.map(\.author) == ["Daan Bakker", "Daan Bakker", ScreenshotRecords.unnamedOwner, nil, nil])
        #expect(records.map { $0.extra["screenshot"]?["authorBasis"]?.stringValue } == ["label", "label-above", "assumed-owner", nil, nil])
        #expect(records[3].flags == ["ocr", "low-confidence"])
        #expect(records[4].kind == .system && records[4].timestamp == nil)
        // The separator's day holds for every bubble below it.
        #expect(records[3].timestamp?.rfc3339 == "2026-03-12T20:14:00+01:00")
        #expect(records.allSatisfy { $0.origin.length == 1234 && $0.origin.box != nil })
    }

    @Test func summerTimeIsTheZonesOwn() {
        let day = ChatDay(year: 2026, month: 7, day: 1, basis: "separator")
        let t = ScreenshotRecords.timestamp(day: day, time: ShownTime("09:30")!, zone: TimeZone(identifier: "Europe/Amsterdam")!)
        #expect(t.rfc3339 == "2026-07-01T09:30:00+02:00")
    }
}

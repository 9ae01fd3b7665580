import Foundation
import Testing
import BewaarModel
import BewaarScreenshot
import BewaarImageMetadata
@testable import BewaarImportImage

/// The rules that turn bubbles into records, on bubbles made here (no OCR involved).
@Suite struct ScreenshotRecordsTests {
    func bubble(
        _ side: ChatBubble.Side, _ author: String?, _ text: String, _ time: String?, y: Int, separator: String? = nil,
        day: String? = "12 maart 2026", confidence: Double = 90
    ) -> ChatBubble {
        ChatBubble(
            side: side, kind: side == .system ? .system : .message, author: author, text: text, time: time,
            box: PixelRect(x: 20, y: y, width: 300, height: 80), confidence: confidence, daySeparator: separator, day: day)
    }

    @Test func groupAuthorsCarryDownUntilSomeoneElseWrites() {
        let shot = ChatScreenshot(
            header: "Klas 2B", isChat: true,
            bubbles: [
                bubble(.incoming, "Daan Bakker", "eerste", "20:11", y: 100, separator: "12 maart 2026"),
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
        let day = DaySeparator.Day(year: 2026, month: 7, day: 1, basis: .separator)
        let t = ScreenshotRecords.timestamp(day: day, time: ShownTime("09:30")!, zone: TimeZone(identifier: "Europe/Amsterdam")!)
        #expect(t.rfc3339 == "2026-07-01T09:30:00+02:00")
    }

    @Test func relativeDaysCountFromTheImagesDateAndSaySo() {
        // Made on Saturday 14 March 2026.
        let capture = CaptureTime(year: 2026, month: 3, day: 14, hour: 20, minute: 16, second: 5, offsetMinutes: 60, field: "test")
        let shot = ChatScreenshot(
            header: "Daan", isChat: true,
            bubbles: [
                bubble(.incoming, nil, "een", "19:58", y: 100, separator: "GISTEREN", day: "GISTEREN"),
                bubble(.outgoing, nil, "twee", "8:14 PM", y: 200, day: "GISTEREN"),
                bubble(.incoming, nil, "drie", "09:05", y: 300, separator: "12 mrt", day: "12 mrt"),
                bubble(.incoming, nil, "vier", "10:00", y: 400, separator: "geen dag", day: "geen dag"),
            ], lines: [])
        let records = ScreenshotRecords(
            shot: shot, capture: capture, owner: "Sanne de Vries", zone: TimeZone(identifier: "Europe/Amsterdam")!, fileSize: 1
        ).messages
        #expect(
            records.map { $0.timestamp?.rfc3339 } == ["2026-03-13T19:58:00+01:00", "2026-03-13T20:14:00+01:00", "2026-03-12T09:05:00+01:00", nil])
        #expect(
            records.map { $0.extra["screenshot"]?["timestampBasis"]?.stringValue } == [
                "separator+image-date", "separator+image-date", "separator+image-year", nil,
            ])
        #expect(records[1].author == "Sanne de Vries")
    }

    @Test func shownTimesBecomeClocks() {
        #expect(ShownTime("20.14")?.clock == "20:14")
        #expect(ShownTime("8:04 pm")?.clock == "20:04")
        #expect(ShownTime("gisteren") == nil)
    }
}

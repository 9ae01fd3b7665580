import Testing
import BewaarImageMetadata

@Suite struct CaptureTimeTests {
    @Test func theOriginalDateWinsAndTheModifyDateNeverCounts() {
        var m = ImageMetadata()
        m.modifyDate = "2026:03:20 10:00:00"
        #expect(m.captureTime == nil)
        m.dateTimeDigitized = "2026:03:14 20:16:05"
        #expect(m.captureTime?.field == "dateTimeDigitized")
        m.dateTimeOriginal = "2026:03:14 20:16:04"
        m.offsetTimeOriginal = "+01:00"
        let t = m.captureTime
        #expect(t?.field == "dateTimeOriginal")
        #expect(t.map { [$0.year, $0.month, $0.day, $0.hour, $0.minute, $0.second] } == [2026, 3, 14, 20, 16, 4])
        #expect(t?.offsetMinutes == 60)
    }

    @Test func leapDaysAndYearEndsComeBackWhole() {
        for (text, expected) in [
            ("2024:02:29 23:59:59", [2024, 2, 29]), ("2025:12:31 00:00:00", [2025, 12, 31]), ("2026:01:01 00:00:00", [2026, 1, 1]),
        ] {
            var m = ImageMetadata()
            m.dateTimeOriginal = text
            #expect(m.captureTime.map { [$0.year, $0.month, $0.day] } == expected)
        }
    }
}

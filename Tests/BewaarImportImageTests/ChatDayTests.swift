import Testing
import BewaarImageMetadata
@testable import BewaarImportImage

@Suite struct ChatDayTests {
    /// Saturday 14 March 2026.
    let image = CaptureTime(year: 2026, month: 3, day: 14, hour: 20, minute: 16, second: 5, offsetMinutes: 60, field: "test")

    func day(_ text: String, _ date: CaptureTime?) -> String? {
        ChatDay.resolve(text, imageDate: date).map { "\($0.year)-\($0.month)-\($0.day) \($0.basis)" }
    }

    @Test func fullDatesNeedNoImageDate() {
        #expect(day("12 maart 2026", nil) == "2026-3-12 separator")
        #expect(day("March 12, 2026", nil) == "2026-3-12 separator")
        #expect(day("Thu, 12 Mar 2026", nil) == "2026-3-12 separator")
        #expect(day("VANDAAG", nil) == nil)
        #expect(day("12 maart", nil) == nil)
    }

    @Test func relativeWordsCountFromTheImageDate() {
        #expect(day("VANDAAG", image) == "2026-3-14 separator+image-date")
        #expect(day("Today", image) == "2026-3-14 separator+image-date")
        #expect(day("GISTEREN", image) == "2026-3-13 separator+image-date")
        #expect(day("yesterday", image) == "2026-3-13 separator+image-date")
        // The image is of a Saturday: "dinsdag" is the Tuesday before, "zaterdag" a week back.
        #expect(day("dinsdag", image) == "2026-3-10 separator+image-date")
        #expect(day("Friday", image) == "2026-3-13 separator+image-date")
        #expect(day("zaterdag", image) == "2026-3-7 separator+image-date")
        #expect(day("12 maart", image) == "2026-3-12 separator+image-date")
        // A day after the image's day in its year lies in the year before.
        #expect(day("28 december", image) == "2025-12-28 separator+image-date")
        #expect(day("Sanne heeft de groep verlaten", image) == nil)
    }

    @Test func shownTimesInBothClocks() {
        #expect(ShownTime("20:14").map { "\($0.hour):\($0.minute)" } == "20:14")
        #expect(ShownTime("20.14").map { "\($0.hour):\($0.minute)" } == "20:14")
        #expect(ShownTime("8:14 PM").map { "\($0.hour):\($0.minute)" } == "20:14")
        #expect(ShownTime("12:05 a.m.").map { "\($0.hour):\($0.minute)" } == "0:5")
        #expect(ShownTime("25:14") == nil)
        #expect(ShownTime("gisteren") == nil)
    }
}

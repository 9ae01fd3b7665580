import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// Phone times are local: converted with the school's zone, DST-correct, and the doubled
/// October hour is a warning on the messages it touches.
@Suite struct TimeZoneTests {
    @Test func summerAndWinterOffsets() {
        let r = readChat("15-07-2024 12:00 - A: zomer\n15-12-2024 12:00 - A: winter\n")
        #expect(r.messages.map(\.timestamp?.rfc3339) == ["2024-07-15T12:00:00+02:00", "2024-12-15T12:00:00+01:00"])
        #expect(r.extra["timeZone"] == .string("Europe/Amsterdam"))
    }

    @Test func otherZone() {
        let r = readChat("01-07-2024 12:00 - A: x\n", zone: "America/New_York")
        #expect(r.messages[0].timestamp?.rfc3339 == "2024-07-01T12:00:00-04:00")
    }

    @Test func doubledOctoberHourIsFlaggedAndFollowsTheClock() {
        // 27 October 2024: 03:00 CEST becomes 02:00 CET; 02:10–02:50 happen twice.
        let text = """
        27-10-2024 01:55 - A: voor
        27-10-2024 02:10 - A: eerste keer
        27-10-2024 02:50 - B: nog steeds zomertijd
        27-10-2024 02:05 - A: klok is terug
        27-10-2024 03:10 - B: na

        """
        let r = readChat(text)
        #expect(r.messages.map(\.timestamp?.rfc3339) == [
            "2024-10-27T01:55:00+02:00", "2024-10-27T02:10:00+02:00", "2024-10-27T02:50:00+02:00",
            "2024-10-27T02:05:00+01:00", "2024-10-27T03:10:00+01:00",
        ])
        #expect(r.messages.map { $0.flags.contains("dst-ambiguous") } == [false, true, true, true, false])
        #expect(r.warnings("dst-ambiguous").map(\.line) == [2, 3, 4])
        // In UTC the four messages are in order: no out-of-order flag for the clock going back.
        #expect(zip(r.messages, r.messages.dropFirst()).allSatisfy { $0.timestamp! < $1.timestamp! })
    }

    @Test func skippedMarchHourIsFlagged() {
        let r = readChat("31-03-2024 02:30 - A: bestaat niet\n")
        #expect(r.messages[0].flags.contains("dst-nonexistent"))
        #expect(r.messages[0].timestamp?.rfc3339 == "2024-03-31T02:30:00+01:00")
        #expect(r.warnings("dst-nonexistent").count == 1)
    }
}

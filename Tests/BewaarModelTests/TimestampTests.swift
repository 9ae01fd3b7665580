import Foundation
import Testing
@testable import BewaarModel

@Suite struct TimestampTests {
    @Test func writesRFC3339WithTheOffsetApplied() {
        // 2026-03-02 19:05:00 UTC shown in CET (+01:00)
        let t = Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300), utcOffsetSeconds: 3600)
        #expect(t.rfc3339 == "2026-03-02T20:05:00+01:00")
        #expect(Timestamp(date: t.date, utcOffsetSeconds: 0).rfc3339 == "2026-03-02T19:05:00Z")
        #expect(Timestamp(date: t.date, utcOffsetSeconds: -(3 * 3600 + 1800)).rfc3339 == "2026-03-02T15:35:00-03:30")
    }

    @Test(arguments: ["2026-03-02T20:05:00+01:00", "2026-10-25T02:30:00+02:00", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00.250-05:00"])
    func readsWhatItWrites(text: String) throws {
        let t = try #require(Timestamp(rfc3339: text))
        #expect(t.rfc3339 == text)
    }

    @Test func rejectsMalformedTimes() {
        for bad in ["2026-13-01T00:00:00Z", "2026-03-02 20:05", "2026-03-02T20:05:00", "2026-03-02T20:05:00+0100", ""] {
            #expect(Timestamp(rfc3339: bad) == nil, "\(bad)")
        }
    }

    @Test func civilDateConversionRoundTripsOverCenturies() {
        for days in stride(from: -200_000, through: 200_000, by: 997) {
            let (y, m, d) = Timestamp.civil(fromDays: days)
            #expect(Timestamp.days(fromCivil: y, m, d) == days)
        }
    }

    @Test func amsterdamOffsetFollowsDaylightSavingTime() {
        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let winter = Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300), in: zone)
        let summer = Timestamp(date: Date(timeIntervalSince1970: 1_783_000_000), in: zone)
        #expect(winter.utcOffsetSeconds == 3600)
        #expect(summer.utcOffsetSeconds == 7200)
    }

    @Test func custodyTimesHaveMilliseconds() {
        #expect(Date(timeIntervalSince1970: 1_772_478_300.5).utcMillisString == "2026-03-02T19:05:00.500Z")
        #expect(Date(timeIntervalSince1970: 1_772_478_300).utcMillisString == "2026-03-02T19:05:00.000Z")
    }
}

@testable import BewaarScreenshot
import Testing

/// Day separators resolved to days, with and without the image's own date. 14 March 2026, the
/// image date of most cases, is a Saturday.
@Suite struct DaySeparatorTests {
    typealias Day = DaySeparator.Day
    let saturday = (year: 2026, month: 3, day: 14)

    @Test func wholeDatesNeedNoImageDate() {
        let day = Day(year: 2026, month: 3, day: 12, basis: .separator)
        #expect(DaySeparator.resolve("12 maart 2026", imageDate: nil) == day)
        #expect(DaySeparator.resolve("12 MAART 2026", imageDate: saturday) == day)
        #expect(DaySeparator.resolve("MARCH 12, 2026", imageDate: nil) == day)
        #expect(DaySeparator.resolve("12 mrt 2026 20:14", imageDate: nil) == day)
        #expect(DaySeparator.resolve("donderdag 12 maart 2026", imageDate: nil) == day)
        #expect(DaySeparator.resolve("12-03-2026", imageDate: nil) == day)
        #expect(DaySeparator.resolve("12/03/2026", imageDate: nil) == day)
        #expect(DaySeparator.resolve("2026-03-12", imageDate: nil) == day)
        // Month first only when the day cannot be the second number's month.
        #expect(DaySeparator.resolve("3/14/2026", imageDate: nil) == Day(year: 2026, month: 3, day: 14, basis: .separator))
        #expect(DaySeparator.resolve("4/3/2026", imageDate: nil) == Day(year: 2026, month: 3, day: 4, basis: .separator))
    }

    @Test func todayAndYesterdayCountBackFromTheImageDate() {
        #expect(DaySeparator.resolve("VANDAAG", imageDate: saturday) == Day(year: 2026, month: 3, day: 14, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("Today 20:14", imageDate: saturday) == Day(year: 2026, month: 3, day: 14, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("GISTEREN", imageDate: saturday) == Day(year: 2026, month: 3, day: 13, basis: .separatorAndImageDate))
        #expect(
            DaySeparator.resolve("Text Message\nYesterday 23:10", imageDate: saturday)
                == Day(year: 2026, month: 3, day: 13, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("eergisteren", imageDate: saturday) == Day(year: 2026, month: 3, day: 12, basis: .separatorAndImageDate))
        // Across a year and a leap day.
        #expect(
            DaySeparator.resolve("Gisteren", imageDate: (2026, 1, 1)) == Day(year: 2025, month: 12, day: 31, basis: .separatorAndImageDate))
        #expect(
            DaySeparator.resolve("YESTERDAY", imageDate: (2024, 3, 1)) == Day(year: 2024, month: 2, day: 29, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("VANDAAG", imageDate: nil) == nil)
    }

    @Test func aWeekdayIsTheLastSuchDayOfTheWeekBefore() {
        #expect(DaySeparator.resolve("DINSDAG 19:40", imageDate: saturday) == Day(year: 2026, month: 3, day: 10, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("vrijdag", imageDate: saturday) == Day(year: 2026, month: 3, day: 13, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("Sunday", imageDate: saturday) == Day(year: 2026, month: 3, day: 8, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("Mon", imageDate: saturday) == Day(year: 2026, month: 3, day: 9, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("zondag", imageDate: (2026, 3, 2)) == Day(year: 2026, month: 3, day: 1, basis: .separatorAndImageDate))
        #expect(DaySeparator.resolve("woensdag", imageDate: (2026, 3, 2)) == Day(year: 2026, month: 2, day: 25, basis: .separatorAndImageDate))
        // The image date's own weekday: the app would have said VANDAAG, so the image date is off.
        #expect(DaySeparator.resolve("ZATERDAG", imageDate: saturday) == nil)
        #expect(DaySeparator.resolve("dinsdag", imageDate: nil) == nil)
    }

    @Test func aDayAndMonthTakeTheYearOfTheImageDateOrTheOneBefore() {
        #expect(DaySeparator.resolve("12 mrt", imageDate: saturday) == Day(year: 2026, month: 3, day: 12, basis: .yearFromImageDate))
        #expect(DaySeparator.resolve("March 14", imageDate: saturday) == Day(year: 2026, month: 3, day: 14, basis: .yearFromImageDate))
        #expect(DaySeparator.resolve("28 dec", imageDate: (2026, 1, 3)) == Day(year: 2025, month: 12, day: 28, basis: .yearFromImageDate))
        #expect(DaySeparator.resolve("za 15 maart", imageDate: saturday) == Day(year: 2025, month: 3, day: 15, basis: .yearFromImageDate))
        #expect(DaySeparator.resolve("29 februari", imageDate: (2025, 6, 1)) == Day(year: 2024, month: 2, day: 29, basis: .yearFromImageDate))
        #expect(DaySeparator.resolve("12 mrt", imageDate: nil) == nil)
    }

    @Test func noDayGivesNil() {
        for text in ["", "hallo", "20:31", "31 februari 2026", "13-13-2026", "Daan heeft Sanne toegevoegd", "2026"] {
            #expect(DaySeparator.resolve(text, imageDate: saturday) == nil, "\(text)")
        }
    }
}

/// Times as apps show them.
@Suite struct TimeOfDayTests {
    @Test func twentyFourHourAndTwelveHourTimes() {
        func parse(_ text: String) -> [Int]? { TimeOfDay.parse(text).map { [$0.hour, $0.minute] } }
        #expect(parse("20:14") == [20, 14])
        #expect(parse("20.14") == [20, 14])
        #expect(parse("07:48") == [7, 48])
        #expect(parse("8:14 PM") == [20, 14])
        #expect(parse("8:14 p.m.") == [20, 14])
        #expect(parse("8:14\u{202F}PM") == [20, 14])
        #expect(parse("12:05 AM") == [0, 5])
        #expect(parse("12:05am") == [0, 5])
        #expect(parse("12:30 PM") == [12, 30])
        #expect(parse("Vandaag 19:52") == [19, 52])
        #expect(parse("8:14 amsterdam") == [8, 14])
        for text in ["", "24:00", "20:61", "13:00 PM", "0:10 AM", "12.03.2026", "2014", "120:14"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}

/// The time of a bubble's last line, with the 12-hour clock's AM/PM kept.
@Suite struct BubbleTimeTests {
    @Test func twelveHourTimesKeepTheirHalfOfTheDay() {
        #expect(ChatText.lastTime(in: ["Tot", "zo", "8:14", "PM"])?.time == "8:14 PM")
        #expect(ChatText.lastTime(in: ["Tot", "zo", "8:14PM", "✓✓"])?.time == "8:14 PM")
        #expect(ChatText.lastTime(in: ["om", "7:30", "bij", "de", "poort", "8:14", "p.m."])?.time == "8:14 PM")
        #expect(ChatText.lastTime(in: ["Oké", "20:14", "vv"]).map { [$0.time, "\($0.index)"] } == ["20:14", "1"])
        #expect(ChatText.lastTime(in: ["geen", "tijd"]) == nil)
    }
}

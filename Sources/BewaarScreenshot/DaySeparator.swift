/// The day a chat screenshot's day separator stands for ("12 maart 2026", "VANDAAG", "GISTEREN",
/// "dinsdag", "Yesterday", "12 mrt"), given the image's own local date where the separator does
/// not hold a whole date. No clock and no time zone: the caller passes the image's date (from its
/// metadata) and records which basis it used.
public enum DaySeparator {
    /// Where the day came from, from surest to least sure.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The separator holds a whole date ("12 maart 2026", "MARCH 12, 2026", "12-03-2026").
        case separator
        /// A day relative to the image's date: VANDAAG/TODAY (that day), GISTEREN/YESTERDAY (the
        /// day before), EERGISTEREN (two days before), or a weekday (see `resolve`).
        case separatorAndImageDate
        /// A day and month without a year ("12 mrt", "March 12"): the year is the image's, or
        /// the year before when that would put the day after the image's date.
        case yearFromImageDate
    }

    /// A resolved day.
    public struct Day: Sendable, Hashable, Codable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var basis: Basis

        public init(year: Int, month: Int, day: Int, basis: Basis) {
            self.year = year
            self.month = month
            self.day = day
            self.basis = basis
        }
    }

    /// The day `text` (a separator's raw text, any case, a time after it ignored) stands for.
    ///
    /// - A whole date is taken as written. Numeric dates are day-month-year (the Dutch order)
    ///   unless the second number is over 12 (then month/day/year, the US order); "2026-03-12"
    ///   is year-month-day.
    /// - VANDAAG/TODAY, GISTEREN/YESTERDAY, EERGISTEREN are counted back from `imageDate`.
    /// - A weekday (Dutch or English, also "ma"/"Mon"-style abbreviations) is the most recent
    ///   such day 1–6 days before `imageDate`: WhatsApp names the weekday for the days of the
    ///   last week that are not today or yesterday, and a date for anything older. A weekday equal
    ///   to the image date's own weekday contradicts that (the app would have said VANDAAG, or a
    ///   date a week back) and gives nil: the image's date is then not the day it was taken.
    /// - A day and month without a year take the image date's year, or the year before when that
    ///   lands after `imageDate` (a "28 dec" separator on a screenshot of 3 January).
    ///
    /// Nil when the text is no day, when it needs the image date and none is given, or when the
    /// date does not exist (31 februari).
    public static func resolve(_ text: String, imageDate: (year: Int, month: Int, day: Int)?) -> Day? {
        let words = tokens(text)
        guard !words.isEmpty else { return nil }
        let image = imageDate.flatMap { CivilDay(year: $0.year, month: $0.month, day: $0.day) }
        if let relative = words.lazy.compactMap({ relativeDays[$0] }).first {
            guard let image else { return nil }
            return image.adding(-relative).day(.separatorAndImageDate)
        }
        if let numeric = numericDate(text) { return numeric.day(.separator) }
        let numbers = words.compactMap { $0.allSatisfy(\.isNumber) && $0.count <= 4 ? Int($0) : nil }
        let month = words.lazy.compactMap { monthNumbers[$0] }.first
        if let month {
            let days = numbers.filter { (1...31).contains($0) }
            let years = numbers.filter { $0 >= 1900 && $0 <= 9999 }
            guard let day = days.first else { return nil }
            if let year = years.first {
                return CivilDay(year: year, month: month, day: day)?.day(.separator)
            }
            // 29 February in a year without one: the year before may have it.
            guard let image,
                let sameYear = CivilDay(year: image.year, month: month, day: day)
                    ?? CivilDay(year: image.year - 1, month: month, day: day)
            else { return nil }
            if sameYear.number > image.number {
                return CivilDay(year: image.year - 1, month: month, day: day)?.day(.yearFromImageDate)
            }
            return sameYear.day(.yearFromImageDate)
        }
        if let weekday = words.lazy.compactMap({ weekdayNumbers[$0] }).first {
            guard let image else { return nil }
            let back = (image.weekday - weekday + 7) % 7
            guard back > 0 else { return nil }
            return image.adding(-back).day(.separatorAndImageDate)
        }
        return nil
    }

    /// Lowercased runs of letters and runs of digits, after times ("19:40", "8:14 PM") are cut
    /// out: "12 MAART 2026" → ["12", "maart", "2026"], "DINSDAG 19:40" → ["dinsdag"].
    static func tokens(_ text: String) -> [String] {
        var chars = Array(text.lowercased())
        var i = 0
        while i < chars.count {
            if let time = TimeOfDay.match(chars, at: i) {
                chars.replaceSubrange(i..<time.end, with: [" "])
            }
            i += 1
        }
        var out: [String] = []
        var current = ""
        for ch in chars {
            let digit = ch.isASCII && ch.isNumber
            if ch.isLetter || digit, let last = current.last, (last.isASCII && last.isNumber) == digit {
                current.append(ch)
                continue
            }
            if !current.isEmpty { out.append(current) }
            current = ch.isLetter || digit ? String(ch) : ""
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// "12-03-2026", "12/03/2026", "12.03.2026", "3/12/2026" (month first only when the
    /// second number is over 12), "2026-03-12".
    static func numericDate(_ text: String) -> CivilDay? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let parts = token.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map { Int($0) }
            guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { continue }
            if a >= 1900 { return CivilDay(year: a, month: b, day: c) }
            guard c >= 1900 else { continue }
            if b > 12 { return CivilDay(year: c, month: a, day: b) }
            return CivilDay(year: c, month: b, day: a)
        }
        return nil
    }

    private static let relativeDays: [String: Int] = [
        "vandaag": 0, "today": 0, "gisteren": 1, "yesterday": 1, "eergisteren": 2,
    ]

    /// 0 Sunday … 6 Saturday.
    private static let weekdayNumbers: [String: Int] = [
        "zondag": 0, "maandag": 1, "dinsdag": 2, "woensdag": 3, "donderdag": 4, "vrijdag": 5, "zaterdag": 6,
        "zo": 0, "ma": 1, "di": 2, "wo": 3, "do": 4, "vr": 5, "za": 6,
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
        "sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
    ]

    private static let monthNumbers: [String: Int] = [
        "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
        "september": 9, "oktober": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11,
        "dec": 12, "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7, "august": 8,
        "october": 10, "oct": 10,
    ]
}

/// A day of the proleptic Gregorian calendar, counted in days from 1970-01-01.
struct CivilDay: Sendable, Hashable {
    let year: Int
    let month: Int
    let day: Int
    /// Days since 1970-01-01.
    let number: Int

    /// Nil for a day that does not exist (month 13, 30 February, 29 February 2026).
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.length(month, year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        number = Self.days(year, month, day)
    }

    private init(number: Int) {
        // Howard Hinnant's civil_from_days.
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
        self.number = number
    }

    /// 0 Sunday … 6 Saturday (1970-01-01 was a Thursday).
    var weekday: Int { ((number % 7) + 7 + 4) % 7 }

    func adding(_ days: Int) -> CivilDay { CivilDay(number: number + days) }

    func day(_ basis: DaySeparator.Basis) -> DaySeparator.Day { DaySeparator.Day(year: year, month: month, day: day, basis: basis) }

    static func length(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    private static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

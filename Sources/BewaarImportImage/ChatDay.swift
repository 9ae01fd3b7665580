import BewaarImageMetadata
import BewaarModel

/// The calendar day of a chat's day separator ("VANDAAG", "gisteren", "dinsdag", "12 maart",
/// "12 maart 2026", "Yesterday", "Tue, Mar 12"), resolved against the day the image was made.
struct ChatDay: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    /// How the day was found: `separator` (the separator names the whole date) or
    /// `separator+image-date` (a relative word, a weekday or a date without a year, counted from
    /// the image's own date, which its metadata could have wrong).
    var basis: String

    /// The day `text` names, or nil when it names none or needs an image date that is unknown.
    static func resolve(_ text: String, imageDate: CaptureTime?) -> ChatDay? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return nil }
        let numbers = words.compactMap { Int($0) }
        let month = words.lazy.compactMap { Self.month(of: $0) }.first
        let imageDay = imageDate.map { Timestamp.days(fromCivil: $0.year, $0.month, $0.day) }
        func relative(_ days: Int) -> ChatDay? {
            guard imageDay != nil else { return nil }
            let (y, m, d) = Timestamp.civil(fromDays: days)
            return ChatDay(year: y, month: m, day: d, basis: "separator+image-date")
        }
        if let month, let day = numbers.first(where: { (1...31).contains($0) }) {
            if let year = numbers.first(where: { (1990...2200).contains($0) }) {
                return ChatDay(year: year, month: month, day: day, basis: "separator")
            }
            guard let imageDate, let imageDay else { return nil }
            // No year: the image's year, or the year before when that day lies after the image.
            let year = Timestamp.days(fromCivil: imageDate.year, month, day) > imageDay ? imageDate.year - 1 : imageDate.year
            return ChatDay(year: year, month: month, day: day, basis: "separator+image-date")
        }
        guard let imageDay else { return nil }
        if words.contains(where: { $0 == "vandaag" || $0 == "today" }) { return relative(imageDay) }
        if words.contains(where: { $0 == "gisteren" || $0 == "yesterday" }) { return relative(imageDay - 1) }
        if let weekday = words.lazy.compactMap({ Self.weekday(of: $0) }).first {
            // Apps name the weekday for the days of the last week: the latest such day before the image's day.
            let imageWeekday = ((imageDay % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday; 0 = Monday
            var back = (imageWeekday - weekday + 7) % 7
            if back == 0 { back = 7 }
            return relative(imageDay - back)
        }
        return nil
    }

    private static let months: [(String, Int)] = [
        ("januari", 1), ("january", 1), ("jan", 1), ("februari", 2), ("february", 2), ("feb", 2), ("maart", 3), ("march", 3),
        ("mrt", 3), ("mar", 3), ("april", 4), ("apr", 4), ("mei", 5), ("may", 5), ("juni", 6), ("june", 6), ("jun", 6),
        ("juli", 7), ("july", 7), ("jul", 7), ("augustus", 8), ("august", 8), ("aug", 8), ("september", 9), ("sept", 9),
        ("sep", 9), ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10), ("november", 11), ("nov", 11),
        ("december", 12), ("dec", 12),
    ]

    static func month(of word: String) -> Int? { months.first { $0.0 == word }?.1 }

    private static let weekdays: [(String, Int)] = [
        ("maandag", 0), ("monday", 0), ("ma", 0), ("mon", 0), ("dinsdag", 1), ("tuesday", 1), ("di", 1), ("tue", 1),
        ("woensdag", 2), ("wednesday", 2), ("wo", 2), ("wed", 2), ("donderdag", 3), ("thursday", 3), ("do", 3), ("thu", 3),
        ("vrijdag", 4), ("friday", 4), ("vr", 4), ("fri", 4), ("zaterdag", 5), ("saturday", 5), ("za", 5), ("sat", 5),
        ("zondag", 6), ("sunday", 6), ("zo", 6), ("sun", 6),
    ]

    /// 0 = Monday … 6 = Sunday.
    static func weekday(of word: String) -> Int? { weekdays.first { $0.0 == word }?.1 }
}

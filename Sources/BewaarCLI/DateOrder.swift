import ArgumentParser

/// `--date-order`: how to read a date like 03/04/2026 when the file itself does not tell
/// (day-month-year, month-day-year, year-month-day).
enum DateOrder: String, CaseIterable, ExpressibleByArgument, Sendable {
    case dmy, mdy, ymd
}

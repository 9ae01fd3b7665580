/// The few SQL expressions the store's shared statements need that the two databases spell
/// differently. Each takes SQL expressions (columns, placeholders) and gives one back.
package protocol SQLExpressions: Sendable {
    /// True when `a` and `b` are equal or both NULL (SQLite's `a IS b`).
    func same(_ a: String, _ b: String) -> String

    /// The start of the minute that the time `seconds` (since 1970, a REAL) falls in, also
    /// before 1970 (rounded down).
    func minuteStart(_ seconds: String) -> String

    /// `text` without the invisible direction marks and byte-order marks that one export keeps
    /// and another drops (plain text only: a sealed value stays as it is).
    func withoutInvisibleMarks(_ text: String) -> String

    /// The local clock time `HH:MM` of the time `seconds` in the offset `offsetSeconds` (NULL: UTC).
    func localClock(_ seconds: String, offsetSeconds: String) -> String
}

/// The marks ``SQLExpressions/withoutInvisibleMarks(_:)`` removes: LRM, RLM, the embeddings and
/// overrides, and the byte-order mark.
package let invisibleMarks: [Int] = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF]

/// ``SQLExpressions`` in SQLite.
package struct SQLiteExpressions: SQLExpressions {
    package init() {}

    package func same(_ a: String, _ b: String) -> String { "\(a) IS \(b)" }

    package func minuteStart(_ seconds: String) -> String {
        // CAST truncates towards zero: one minute less for a negative time that is not whole minutes.
        "(CAST(\(seconds) / 60 AS INTEGER) - (\(seconds) < 0 AND CAST(\(seconds) / 60 AS INTEGER) != \(seconds) / 60)) * 60"
    }

    package func withoutInvisibleMarks(_ text: String) -> String {
        invisibleMarks.reduce(text) { sql, code in "replace(\(sql), char(\(code)), '')" }
    }

    package func localClock(_ seconds: String, offsetSeconds: String) -> String {
        "strftime('%H:%M', CAST(\(seconds) AS INTEGER) + COALESCE(\(offsetSeconds), 0), 'unixepoch')"
    }
}

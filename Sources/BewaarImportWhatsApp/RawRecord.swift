/// One record's byte span in the chat text, before its text is decoded.
struct RawRecord: Sendable {
    var header: HeaderFields
    /// Offset of the first byte of the record's first line (leading marks included).
    var start: Int
    /// End of the first line's content (before its line break).
    var firstLineEnd: Int
    /// End of the record (exclusive), its final line break included: records tile the text.
    var end: Int
    /// 1-based line of the header.
    var line: Int
    /// Lines the record spans.
    var lineCount: Int = 1
    /// Whether the line break before this record's header was CRLF (nil for the first record).
    var precededByCRLF: Bool?
    /// Header-looking lines inside this record (found by the iOS CRLF/LF rule), by line number.
    var lookalikeLines: [Int] = []
}

/// A line before the first record, kept as a warning.
struct PreambleLine: Sendable {
    var line: Int
    var start: Int
    var end: Int
}

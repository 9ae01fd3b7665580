import BewaarModel

/// How the command line prints where a record came from and how it was read: a byte range as
/// `@offset+length`, a pixel box of a screenshot as `pixels 20,517 580×115`, and for a record
/// read from an image the OCR mark with its confidence and an assumed author marked as such.
enum RecordOriginText {
    /// `@120+42`, or `pixels 20,517 580×115` for a record read from an image.
    static func origin(_ o: Origin) -> String {
        guard let b = o.box else { return "@\(o.offset)+\(o.length)" }
        return "pixels \(b.x),\(b.y) \(b.width)×\(b.height)"
    }

    /// The author as a listing shows it (safe for a terminal), `(aangenomen)` after an author
    /// the screenshot importer assumed; `[kind]` for a line without an author.
    static func author(_ m: Message, limit: Int, _ t: (String, String) -> String) -> String {
        guard let a = m.author else { return "[\(m.kind.rawValue)]" }
        let name = TerminalText.line(a, limit: limit)
        return m.extra["screenshot"]?["authorBasis"]?.stringValue == "assumed-owner" ? name + " " + t("(aangenomen)", "(assumed)") : name
    }

    /// `  · uit afbeelding, 87 % zeker` (and the time as shown when the day is not known) for a
    /// record read by OCR; "" for any other record.
    static func reading(_ m: Message, _ t: (String, String) -> String) -> String {
        guard m.flags.contains("ocr") else { return "" }
        let s = m.extra["screenshot"]
        var parts = [
            s?["confidence"]?.intValue.map { t("uit afbeelding, \($0) % zeker", "read from an image, \($0) % sure") }
                ?? t("uit afbeelding", "read from an image")
        ]
        if m.timestamp == nil, let time = s?["time"]?.stringValue {
            parts.append(
                t("getoond \(TerminalText.line(time, limit: 12)), dag niet bekend", "shown \(TerminalText.line(time, limit: 12)), day not known"))
        }
        return "  · " + parts.joined(separator: " · ")
    }
}

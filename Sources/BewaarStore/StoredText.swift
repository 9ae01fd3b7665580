/// Bounds on what the store keeps of text that came from outside (a form, a request, a file
/// name): nothing anyone types can grow the permanent record without limit. A cut value says
/// that it was cut and by how much.
public enum StoredText {
    /// Longest name kept (accounts, actors).
    public static let nameLimit = 200
    /// Longest value of a custody event's detail or a log field.
    public static let fieldLimit = 4_000

    /// `text` as it is when short enough, else its start and a marker saying what was cut.
    public static func bounded(_ text: String, limit: Int = fieldLimit) -> String {
        guard text.utf8.count > limit else { return text }
        var kept = ""
        var bytes = 0
        for ch in text {
            let n = ch.utf8.count
            if bytes + n > limit { break }
            kept.append(ch)
            bytes += n
        }
        return kept + " … [ingekort: \(text.utf8.count - bytes) bytes weggelaten]"
    }

    /// `text` on one line without control characters (a tab, a newline or an escape sequence typed
    /// into a form shows as a space), for messages that name what someone typed.
    public static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

/// The one rule for putting text into HTML (the web pages and the report): evidence content
/// is hostile, so it is always text, never markup, and never reorders or hides what is around it.
public enum HTMLEscaping {
    /// Escapes `& < > " '` for element content and attribute values alike. Control characters
    /// and bidirectional controls are made visible instead of acting: C0 controls become their
    /// Control Pictures (U+2400 …, ␀ ␛), DEL ␡, and bidi controls (U+202E and friends, which can
    /// turn "gpj.exe" around) a marker like `⟦U+202E⟧`. Tab, newline and carriage return stay.
    public static func escape(_ text: String) -> String {
        // Fast path: most text has nothing to escape. Bidi controls start with 0xD8 or 0xE2.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
            || $0 == 0x7F || $0 == 0xD8 || $0 == 0xE2 }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 {
                    out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
                } else if scalar.value == 0x7F {
                    out += "\u{2421}"
                } else if isBidiControl(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "⟦U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟧"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The bidirectional formatting characters: marks, embeddings, overrides and isolates.
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

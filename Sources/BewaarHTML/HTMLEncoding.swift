/// The character encoding of an HTML original, decided in Swift before libxml2 sees a byte.
///
/// libxml2 2.9 guesses badly on its own: one invalid UTF-8 byte switches the rest of the file to
/// Latin-1, and a `<meta charset>` overrides a byte-order mark. So Bewaar decides, in this order:
/// a BOM, then a `<meta charset>` / `http-equiv` declaration (labels read as browsers read them:
/// `iso-8859-1`, `latin1` and `ascii` mean windows-1252), then UTF-8 when the bytes are valid UTF-8,
/// else windows-1252 — and says why.
public enum HTMLEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "windows-1252"

    /// How an encoding was chosen.
    public struct Choice: Sendable, Hashable {
        public var encoding: HTMLEncoding
        /// `bom`, `meta`, `utf8-valid`, `fallback`.
        public var reason: String
        /// The label as declared in the page, when there was one.
        public var declared: String?
        /// Length of the byte-order mark skipped at the start.
        public var bomLength: Int
        /// Problems worth a warning (an unsupported label, a declaration the bytes contradict).
        public var notes: [String]
    }

    /// Reads a byte-order mark; nil when there is none.
    public static func bom(_ head: [UInt8]) -> (HTMLEncoding, Int)? {
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { return (.utf8, 3) }
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return (.utf16LE, 2) }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// Maps a declared label to an encoding the way browsers do; nil for labels Bewaar cannot decode.
    public static func forLabel(_ raw: String) -> HTMLEncoding? {
        let label = raw.lowercased().filter { !$0.isWhitespace }
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
             // A page that declares UTF-16 in a meta tag was read as ASCII-compatible: browsers use UTF-8.
             "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            return .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "l1",
             "ascii", "us-ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso_8859-1:1987":
            return .windows1252
        default:
            return nil
        }
    }

    /// Finds a `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the
    /// first bytes (comments skipped); returns the declared label.
    public static func declaredLabel(_ head: [UInt8], limit: Int = 4096) -> String? {
        let b = head.prefix(limit).map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
        var i = 0
        func matches(_ s: String, at j: Int) -> Bool {
            let u = Array(s.utf8)
            return j + u.count <= b.count && Array(b[j..<(j + u.count)]) == u
        }
        while i < b.count {
            guard b[i] == 0x3C else { i += 1; continue }
            if matches("<!--", at: i) {
                var j = i + 4
                while j + 2 < b.count, !(b[j] == 0x2D && b[j + 1] == 0x2D && b[j + 2] == 0x3E) { j += 1 }
                i = j + 3
                continue
            }
            if matches("<meta", at: i) {
                var j = i + 5
                while j < b.count, b[j] != 0x3E { j += 1 }
                let tag = String(decoding: b[(i + 5)..<min(j, b.count)], as: UTF8.self)
                if let label = charset(inTag: tag) { return label }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// The value after `charset=` in a lower-cased tag text.
    static func charset(inTag tag: String) -> String? {
        let u = Array(tag.utf8)
        let key = Array("charset".utf8)
        guard u.count > key.count else { return nil }
        var i = 0
        while i + key.count <= u.count, Array(u[i..<(i + key.count)]) != key { i += 1 }
        guard i + key.count <= u.count else { return nil }
        i += key.count
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        while i < u.count, isSpace(u[i]) { i += 1 }
        guard i < u.count, u[i] == 0x3D else { return nil }
        i += 1
        while i < u.count, isSpace(u[i]) || u[i] == 0x22 || u[i] == 0x27 { i += 1 }
        var j = i
        while j < u.count {
            let c = u[j]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E
            if !ok { break }
            j += 1
        }
        return j > i ? String(decoding: u[i..<j], as: UTF8.self) : nil
    }

    /// Decides the encoding. `isValidUTF8` is asked only when needed (it may scan the whole file);
    /// `hasNonASCII` tells whether valid UTF-8 bytes hold any multi-byte character.
    public static func choose(head: [UInt8], isValidUTF8: () -> UTF8Transcoder.Validator) -> Choice {
        if let (enc, len) = bom(head) {
            var notes: [String] = []
            if let d = declaredLabel(head), forLabel(d) != enc && !(enc != .utf8 && forLabel(d) == .utf8) {
                notes.append("De pagina noemt tekenset \"\(d)\", maar begint met een byte-order mark voor \(enc.rawValue); de BOM is gevolgd.")
            }
            return Choice(encoding: enc, reason: "bom", declared: declaredLabel(head), bomLength: len, notes: notes)
        }
        if head.count >= 4, head[0] == 0x3C, head[1] == 0, head[2] != 0, head[3] == 0 {
            return Choice(encoding: .utf16LE, reason: "utf16-pattern", declared: nil, bomLength: 0, notes: [])
        }
        if head.count >= 4, head[0] == 0, head[1] == 0x3C, head[2] == 0, head[3] != 0 {
            return Choice(encoding: .utf16BE, reason: "utf16-pattern", declared: nil, bomLength: 0, notes: [])
        }
        if let d = declaredLabel(head) {
            if let enc = forLabel(d) {
                if enc == .windows1252 {
                    let v = isValidUTF8()
                    if v.valid && v.hasNonASCII {
                        return Choice(encoding: .utf8, reason: "utf8-valid", declared: d, bomLength: 0, notes: [
                            "De pagina noemt tekenset \"\(d)\", maar de bytes zijn geldige UTF-8 (zoals een browser die de pagina opnieuw opsloeg); gelezen als UTF-8."])
                    }
                }
                return Choice(encoding: enc, reason: "meta", declared: d, bomLength: 0, notes: [])
            }
            let v = isValidUTF8()
            let enc: HTMLEncoding = v.valid || v.mostlyUTF8 ? .utf8 : .windows1252
            return Choice(encoding: enc, reason: "fallback", declared: d, bomLength: 0, notes: [
                "Tekenset \"\(d)\" wordt niet ondersteund; gelezen als \(enc.rawValue). Letters buiten het Engelse alfabet kunnen verkeerd staan."])
        }
        let v = isValidUTF8()
        if v.valid { return Choice(encoding: .utf8, reason: "utf8-valid", declared: nil, bomLength: 0, notes: []) }
        if v.mostlyUTF8 {
            return Choice(encoding: .utf8, reason: "utf8-mostly", declared: nil, bomLength: 0, notes: [
                "De pagina is UTF-8 met \(v.invalidCount) ongeldige byte(s); die staan in de tekst als \u{FFFD}."])
        }
        return Choice(encoding: .windows1252, reason: "fallback", declared: nil, bomLength: 0, notes: [
            "De pagina noemt geen tekenset en is geen geldige UTF-8; gelezen als windows-1252."])
    }
}

/// Readable text from an HTML mail body: tags removed, `script`/`style`/`head` content
/// dropped, block elements and `<br>` as line breaks, character references decoded. For the
/// record's text only; the HTML itself is kept as an original. Nothing is fetched or run.
public enum HTMLText {
    static let blocks: Set<String> = ["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "hr", "ul", "ol", "title"]
    static let skipped: Set<String> = ["script", "style", "head", "noscript", "template"]

    public static func text(_ html: String) -> String {
        var out = ""
        let s = Array(html.unicodeScalars)
        var i = 0
        var skipUntil: String?
        var pendingSpace = false
        func newline() {
            while out.hasSuffix(" ") { out.removeLast() }
            if !out.hasSuffix("\n\n") && !out.isEmpty { out.append("\n") }
            pendingSpace = false
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comment?
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                    i = min(s.count, j + 3)
                    continue
                }
                var j = i + 1
                var closing = false
                if j < s.count, s[j] == "/" { closing = true; j += 1 }
                var name = ""
                while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { name.unicodeScalars.append(s[j]); j += 1 }
                // Skip to '>' outside quotes.
                var quote: Unicode.Scalar?
                while j < s.count {
                    let d = s[j]
                    if let q = quote { if d == q { quote = nil } } else if d == "\"" || d == "'" { quote = d } else if d == ">" { break }
                    j += 1
                }
                i = j + 1
                let lname = name.lowercased()
                if let u = skipUntil {
                    if closing && lname == u { skipUntil = nil }
                    continue
                }
                if !closing && skipped.contains(lname) { skipUntil = lname; continue }
                if blocks.contains(lname) { newline() } else if !name.isEmpty { pendingSpace = pendingSpace || lname == "td" || lname == "th" }
                continue
            }
            if skipUntil != nil { i += 1; continue }
            if c == "&" {
                var j = i + 1
                var ent = ""
                while j < s.count, j - i < 12, s[j] != ";", s[j] != " ", s[j] != "<", s[j] != "&" { ent.unicodeScalars.append(s[j]); j += 1 }
                if j < s.count, s[j] == ";", let v = entity(ent) {
                    if pendingSpace && !out.isEmpty && !out.hasSuffix("\n") { out.append(" ") }
                    pendingSpace = false
                    out.unicodeScalars.append(v)
                    i = j + 1
                    continue
                }
            }
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                pendingSpace = true
                i += 1
                continue
            }
            if pendingSpace && !out.isEmpty && !out.hasSuffix("\n") { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(c == "\u{A0}" ? " " : c)
            i += 1
        }
        return out.trimmingBlanks
    }

    static func entity(_ e: String) -> Unicode.Scalar? {
        if e.hasPrefix("#x") || e.hasPrefix("#X") { return UInt32(e.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if e.hasPrefix("#") { return UInt32(e.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[e]
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "euro": "€", "eacute": "é", "euml": "ë",
        "iuml": "ï", "ouml": "ö", "uuml": "ü", "auml": "ä", "egrave": "è", "agrave": "à", "ccedil": "ç", "copy": "©",
        "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•",
    ]
}

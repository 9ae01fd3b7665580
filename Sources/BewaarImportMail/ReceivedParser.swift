import BewaarModel
import BewaarMIME

/// Takes `Received` header values apart into ``ReceivedHop``s: clauses (`from`, `by`, `via`,
/// `with`, `id`, `for`) are read outside comments, the date after the last top-level `;`
/// (or, without one, from the tail), and the peer address only from the from clause's
/// TCP-info. Public so that the sender trace reuses it.
public enum ReceivedParser {
    enum Item: Equatable {
        case word(String)
        case comment(String)
    }

    static let keywords: Set<String> = ["from", "by", "via", "with", "id", "for"]
    static let authProtocols: Set<String> = ["ESMTPA", "ESMTPSA", "LMTPA", "LMTPSA", "ASMTP", "ESMTPSA4", "UTF8SMTPA", "UTF8SMTPSA"]

    /// Parses every `Received` value, topmost first.
    public static func parseAll(_ values: [String]) -> [ReceivedHop] {
        values.enumerated().map { parse($0.element, index: $0.offset) }
    }

    /// Parses one unfolded `Received` value.
    public static func parse(_ value: String, index: Int = 0) -> ReceivedHop {
        var hop = ReceivedHop(index: index, raw: value)
        let bytes = Array(value.utf8)
        // The last ';' outside comments splits clauses from the date.
        var depth = 0
        var semicolon: Int?
        for (k, c) in bytes.enumerated() {
            if c == 0x28 { depth += 1 } else if c == 0x29 { depth = max(0, depth - 1) } else if c == 0x3B && depth == 0 { semicolon = k }
        }
        var clauseBytes = bytes[...]
        if let s = semicolon {
            clauseBytes = bytes[..<s]
            let dateText = String(decoding: bytes[(s + 1)...], as: UTF8.self).trimmingBlanks
            if !dateText.isEmpty {
                hop.dateText = dateText
                hop.date = MailDate.parse(dateText)
                if hop.date == nil { hop.problems.append("date not readable: \(dateText)") }
            } else {
                hop.problems.append("no date after ';'")
            }
        }
        var items = tokenise(clauseBytes)
        if semicolon == nil {
            // No ';': look for a date at the tail (a weekday, `d Mon yyyy`, or an ISO date).
            if let k = dateStart(items) {
                let text = items[k...].map { if case .word(let w) = $0 { return w } else if case .comment(let c) = $0 { return "(\(c))" }; return "" }
                    .joined(separator: " ")
                hop.dateText = text
                hop.date = MailDate.parse(text)
                items = Array(items[..<k])
            }
            hop.problems.append("no ';' before the date")
        }

        // Walk the clauses.
        var current: String?
        var fromWords: [String] = []
        var fromComments: [String] = []
        var byComments: [String] = []
        var withWords: [String] = []
        var withClosed = false
        var viaWords: [String] = []
        var allComments: [String] = []
        var k = 0
        while k < items.count {
            switch items[k] {
            case .comment(let c):
                allComments.append(c)
                if current == "from" { fromComments.append(c) }
                if current == "by" { byComments.append(c) }
                if current == "with" && !withWords.isEmpty { withClosed = true }
            case .word(let w):
                let lw = w.utf8.count <= 4 ? w.lowercased() : ""
                if !lw.isEmpty, keywords.contains(lw) {
                    // A keyword starts a clause unless it is the value the previous keyword still needs.
                    let needsValue = (current == "by" && hop.by == nil) || (current == "id" && hop.id == nil) || (current == "for" && hop.for == nil)
                        || (current == "from" && fromWords.isEmpty)
                    if !needsValue {
                        current = lw
                        k += 1
                        continue
                    }
                }
                switch current {
                case "from": fromWords.append(w)
                case "by": if hop.by == nil { hop.by = w }
                case "with": if !withClosed { withWords.append(w) }
                case "id": if hop.id == nil { hop.id = w }
                case "for": if hop.for == nil { hop.for = trimAngles(w) }
                case "via": viaWords.append(w)
                default: break
                }
            }
            k += 1
        }
        if !withWords.isEmpty { hop.with = withWords.joined(separator: " ") }
        if !viaWords.isEmpty { hop.via = viaWords.joined(separator: " ") }
        if let w = withWords.first, authProtocols.contains(w.uppercased()) { hop.authenticated = true }
        if allComments.contains(where: { containsCaseless($0, "authenticated") && !containsCaseless($0, "unauthenticated") }) {
            hop.authenticated = true
        }
        if let bc = byComments.first {
            for t in words(bc) { if let ip = IPAddress(headerToken: t)?.description { hop.byIP = ip; break } }
        }
        readFromClause(&hop, words: fromWords, comments: fromComments)
        return hop
    }

    /// Fills from, helo, reverse name, ip and port from the from clause.
    static func readFromClause(_ hop: inout ReceivedHop, words fromWords: [String], comments: [String]) {
        guard let first = fromWords.first else { return }
        hop.from = first
        var explicitHelo: String?
        var commentIP: String?
        var commentName: String?
        for c in comments {
            let ws = words(c)
            var skipNext = false
            for (n, t) in ws.enumerated() {
                if skipNext { skipNext = false; continue }
                let hasEquals = t.utf8.contains(UInt8(ascii: "="))
                let lt = t.utf8.count <= 5 || hasEquals ? t.lowercased() : ""
                if lt == "helo" || lt == "ehlo" {
                    // qmail: (HELO name)
                    if n + 1 < ws.count { explicitHelo = String(ws[n + 1]); skipNext = true }
                    continue
                }
                if lt.hasPrefix("helo=") || lt.hasPrefix("ehlo=") {
                    let v = t.dropFirst(5)
                    if v.isEmpty { if n + 1 < ws.count { explicitHelo = String(ws[n + 1]); skipNext = true } } else { explicitHelo = String(v) }
                    continue
                }
                if lt.hasPrefix("port=") { hop.port = Int(t.dropFirst(5).prefix(while: \.isNumber)); continue }
                if hasEquals { continue }
                if let ip = IPAddress(headerToken: t)?.description {
                    commentIP = ip
                    // An IPv4 with ":port".
                    if t.utf8.contains(UInt8(ascii: ".")), let colon = t.lastIndex(of: ":"), let p = Int(t[t.index(after: colon)...].prefix(while: \.isNumber)) { hop.port = p }
                    continue
                }
                if commentName == nil, commentIP == nil, looksLikeHostName(t) { commentName = String(t) }
            }
        }
        if let ip = commentIP {
            hop.ip = ip
            hop.ipSource = "comment"
        } else {
            // `[ip]` after the first token, outside a comment (MDaemon, SMTPD32).
            for w in fromWords.dropFirst() where w.hasPrefix("[") {
                if let ip = IPAddress(headerToken: Substring(w))?.description { hop.ip = ip; hop.ipSource = "bracket"; break }
            }
            if hop.ip == nil, let ip = IPAddress(headerToken: Substring(first))?.description {
                hop.ip = ip
                hop.ipSource = "first-token"
            }
        }
        if let h = explicitHelo {
            hop.helo = h
            if commentName == nil, IPAddress(headerToken: Substring(first))?.description == nil, looksLikeHostName(Substring(first)) { commentName = first }
        } else {
            hop.helo = first
        }
        if let n = commentName, n.lowercased() != "unknown" { hop.reverseName = n }
    }

    static func looksLikeHostName(_ t: Substring) -> Bool {
        var dot = false
        var n = 0
        for c in t.utf8 {
            n += 1
            switch c {
            case 0x2E: dot = true
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F: break
            default: if c < 0x80 { return false } // letters beyond ASCII (IDN) pass
            }
        }
        return dot && n < 256 && t.utf8.first != 0x5B
    }

    /// Whether `s` holds `needle` (lower-case ASCII), ignoring ASCII case; no allocation.
    static func containsCaseless(_ s: String, _ needle: String) -> Bool {
        let h = Array(s.utf8), nd = Array(needle.utf8)
        guard nd.count <= h.count else { return false }
        var i = 0
        while i + nd.count <= h.count {
            var k = 0
            while k < nd.count, LineEnds.lower(h[i + k]) == nd[k] { k += 1 }
            if k == nd.count { return true }
            i += 1
        }
        return false
    }

    static func words(_ s: String) -> [Substring] {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" || $0 == "," })
    }

    static func trimAngles(_ w: String) -> String {
        var s = Substring(w)
        while let f = s.first, f == "<" { s = s.dropFirst() }
        while let l = s.last, l == ">" || l == ";" { s = s.dropLast() }
        return String(s)
    }

    /// Words and comments (outermost parentheses; nested ones kept in the text), read on
    /// UTF-8 bytes: every delimiter is ASCII.
    static func tokenise(_ b: ArraySlice<UInt8>) -> [Item] {
        var items: [Item] = []
        var i = b.startIndex
        var wordStart: Int?
        func flushWord(_ end: Int) {
            if let w = wordStart, end > w { items.append(.word(String(decoding: b[w..<end], as: UTF8.self))) }
            wordStart = nil
        }
        while i < b.endIndex {
            let c = b[i]
            if c == 0x28 {
                flushWord(i)
                var depth = 0
                var text: [UInt8] = []
                while i < b.endIndex {
                    let d = b[i]
                    if d == 0x5C, i + 1 < b.endIndex { text.append(b[i + 1]); i += 2; continue }
                    if d == 0x28 { depth += 1; if depth > 1 { text.append(d) } } else if d == 0x29 {
                        depth -= 1
                        if depth == 0 { i += 1; break }
                        text.append(d)
                    } else { text.append(d) }
                    i += 1
                }
                items.append(.comment(String(decoding: text, as: UTF8.self)))
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { flushWord(i); i += 1; continue }
            if wordStart == nil { wordStart = i }
            i += 1
        }
        flushWord(b.endIndex)
        return items
    }

    static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Where a date starts among the clause items when no ';' separates it.
    static func dateStart(_ items: [Item]) -> Int? {
        for (k, it) in items.enumerated() {
            guard case .word(let w) = it else { continue }
            let lw = w.lowercased().trimming(",")
            if k > 0, weekdays.contains(lw) { return k }
            if k > 0, w.count == 10, w.first?.isNumber == true, w.filter({ $0 == "-" }).count == 2 { return k }
            if k > 0, let d = Int(w), d >= 1, d <= 31, k + 2 < items.count, case .word(let m) = items[k + 1],
               MailDate.months[String(m.lowercased().prefix(3))] != nil, case .word(let y) = items[k + 2], Int(y) != nil {
                return k
            }
        }
        return nil
    }
}

extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return String(s)
    }

    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// Rewrites the store's SQLite-style placeholders (`?1 … ?n` and plain `?`, see
/// `StoreConnection`) into PostgreSQL's `$1 … $n`.
///
/// Only code is rewritten: a `?` inside a string literal (`'…'`, with `''` inside, and `E'…'`
/// with backslash escapes), a quoted identifier (`"…"`), a dollar-quoted string (`$$…$$`,
/// `$tag$…$tag$`), a line comment (`-- …`) or a block comment (`/* … */`, nested as PostgreSQL
/// nests them) stays as it is. A plain `?` takes the number after the highest one used before it,
/// as in SQLite (`?, ?5, ?` is `$1, $5, $6`).
enum SQLPlaceholders {
    /// The SQL with PostgreSQL's placeholders, and the highest parameter number it uses (0 for
    /// none). Throws when a number is 0 or larger than PostgreSQL allows (65,535).
    static func rewrite(_ sql: String) throws -> (sql: String, parameters: Int) {
        let s = Array(sql.utf8)
        var out = [UInt8]()
        out.reserveCapacity(s.count + 8)
        var highest = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case UInt8(ascii: "'"):
                // E'…' (escape string): a backslash escapes the next byte. The E was copied already.
                let escapes = i > 0 && (s[i - 1] == UInt8(ascii: "E") || s[i - 1] == UInt8(ascii: "e")) && (i < 2 || !isIdentifier(s[i - 2]))
                let end = endOfQuoted(s, from: i, quote: c, backslashEscapes: escapes)
                out.append(contentsOf: s[i..<end])
                i = end
            case UInt8(ascii: "\""):
                let end = endOfQuoted(s, from: i, quote: c, backslashEscapes: false)
                out.append(contentsOf: s[i..<end])
                i = end
            case UInt8(ascii: "-") where i + 1 < s.count && s[i + 1] == UInt8(ascii: "-"):
                var end = i
                while end < s.count && s[end] != UInt8(ascii: "\n") { end += 1 }
                out.append(contentsOf: s[i..<end])
                i = end
            case UInt8(ascii: "/") where i + 1 < s.count && s[i + 1] == UInt8(ascii: "*"):
                let end = endOfBlockComment(s, from: i)
                out.append(contentsOf: s[i..<end])
                i = end
            case UInt8(ascii: "$") where (i == 0 || !isIdentifier(s[i - 1])):
                if let end = endOfDollarQuoted(s, from: i) {
                    out.append(contentsOf: s[i..<end])
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            case UInt8(ascii: "?"):
                var j = i + 1
                var number = 0
                while j < s.count, s[j] >= UInt8(ascii: "0"), s[j] <= UInt8(ascii: "9") {
                    number = number * 10 + Int(s[j] - UInt8(ascii: "0"))
                    guard number <= maximum else { throw PlaceholderError(sql: sql) }
                    j += 1
                }
                if j == i + 1 {
                    number = highest + 1
                    guard number <= maximum else { throw PlaceholderError(sql: sql) }
                } else if number == 0 {
                    throw PlaceholderError(sql: sql)
                }
                highest = max(highest, number)
                out.append(UInt8(ascii: "$"))
                out.append(contentsOf: String(number).utf8)
                i = j
            default:
                out.append(c)
                i += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), highest)
    }

    /// The most parameters one PostgreSQL statement can take.
    static let maximum = Int(UInt16.max)

    /// A placeholder PostgreSQL cannot take: `?0`, or a number above 65,535.
    struct PlaceholderError: Error, CustomStringConvertible {
        let sql: String
        var description: String { "a placeholder is ?0 or above ?\(maximum) in: \(sql)" }
    }

    /// Letters, digits, `_` and `$` continue an identifier (and any byte of a non-ASCII letter).
    static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || c >= 0x80
    }

    /// Just past the closing quote of the literal or identifier that opens at `from` (a doubled
    /// quote is part of it), or the end when it never closes (the server then reports the error).
    static func endOfQuoted(_ s: [UInt8], from: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        var i = from + 1
        while i < s.count {
            if backslashEscapes && s[i] == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            if s[i] == quote {
                if i + 1 < s.count && s[i + 1] == quote {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return s.count
    }

    /// Just past the `*/` that closes the comment opening at `from`, counting nested ones.
    static func endOfBlockComment(_ s: [UInt8], from: Int) -> Int {
        var depth = 0
        var i = from
        while i + 1 < s.count {
            if s[i] == UInt8(ascii: "/") && s[i + 1] == UInt8(ascii: "*") {
                depth += 1
                i += 2
            } else if s[i] == UInt8(ascii: "*") && s[i + 1] == UInt8(ascii: "/") {
                depth -= 1
                i += 2
                if depth == 0 { return i }
            } else {
                i += 1
            }
        }
        return s.count
    }

    /// Just past the closing tag of a dollar-quoted string opening at `from` (`$$` or `$tag$`,
    /// a tag being an identifier that does not start with a digit), or nil when no such string
    /// opens there (`$1` is a parameter).
    static func endOfDollarQuoted(_ s: [UInt8], from: Int) -> Int? {
        var j = from + 1
        if j < s.count, s[j] >= UInt8(ascii: "0"), s[j] <= UInt8(ascii: "9") { return nil }
        while j < s.count && s[j] != UInt8(ascii: "$") {
            guard isIdentifier(s[j]) else { return nil }
            j += 1
        }
        guard j < s.count else { return nil }
        let tag = Array(s[from...j])
        var i = j + 1
        while i + tag.count <= s.count {
            if s[i] == UInt8(ascii: "$") && Array(s[i..<(i + tag.count)]) == tag { return i + tag.count }
            i += 1
        }
        return s.count
    }
}

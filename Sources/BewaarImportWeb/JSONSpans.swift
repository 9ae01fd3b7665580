import BewaarModel
import BewaarJSON

/// Finds where JSON values sit in the bytes, without building them: so each record can point at
/// the exact bytes of its JSON object, and large files are parsed one element at a time.
enum JSONSpans {
    /// The end (exclusive) of the value starting at `i` (after white space is skipped), or nil.
    static func valueEnd(_ b: [UInt8], _ i0: Int, end: Int) -> Int? {
        var i = skipSpace(b, i0, end)
        guard i < end else { return nil }
        switch b[i] {
        case 0x22: return stringEnd(b, i, end: end)
        case 0x7B, 0x5B:
            var depth = 0
            while i < end {
                let c = b[i]
                if c == 0x22 { guard let e = stringEnd(b, i, end: end) else { return nil }; i = e; continue }
                if c == 0x7B || c == 0x5B { depth += 1 }
                else if c == 0x7D || c == 0x5D { depth -= 1; if depth == 0 { return i + 1 } }
                i += 1
            }
            return nil
        default:
            while i < end, !(b[i] == 0x2C || b[i] == 0x7D || b[i] == 0x5D || b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09) { i += 1 }
            return i
        }
    }

    static func skipSpace(_ b: [UInt8], _ i0: Int, _ end: Int) -> Int {
        var i = i0
        while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    static func stringEnd(_ b: [UInt8], _ i0: Int, end: Int) -> Int? {
        var i = i0 + 1
        while i < end {
            if b[i] == 0x5C { i += 2; continue }
            if b[i] == 0x22 { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The members of the object spanning `r`: key and value span.
    static func members(_ b: [UInt8], _ r: Range<Int>) -> [(key: String, value: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var i = skipSpace(b, r.lowerBound, r.upperBound)
        guard i < r.upperBound, b[i] == 0x7B else { return [] }
        i += 1
        while true {
            i = skipSpace(b, i, r.upperBound)
            guard i < r.upperBound, b[i] == 0x22, let ke = stringEnd(b, i, end: r.upperBound) else { return out }
            let key = (try? JSONParser.parse(bytes: Array(b[i..<ke])))?.stringValue ?? ""
            i = skipSpace(b, ke, r.upperBound)
            guard i < r.upperBound, b[i] == 0x3A else { return out }
            let vs = skipSpace(b, i + 1, r.upperBound)
            guard let ve = valueEnd(b, vs, end: r.upperBound) else { return out }
            out.append((key, vs..<ve))
            i = skipSpace(b, ve, r.upperBound)
            guard i < r.upperBound, b[i] == 0x2C else { return out }
            i += 1
        }
    }

    /// The element spans of the array spanning `r`.
    static func elements(_ b: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = skipSpace(b, r.lowerBound, r.upperBound)
        guard i < r.upperBound, b[i] == 0x5B else { return [] }
        i += 1
        while true {
            i = skipSpace(b, i, r.upperBound)
            guard i < r.upperBound, b[i] != 0x5D, let e = valueEnd(b, i, end: r.upperBound) else { return out }
            out.append(i..<e)
            i = skipSpace(b, e, r.upperBound)
            guard i < r.upperBound, b[i] == 0x2C else { return out }
            i += 1
        }
    }

    /// Parses the value in span `r`.
    static func parse(_ b: [UInt8], _ r: Range<Int>) -> JSONValue? {
        try? JSONParser.parse(bytes: Array(b[r]))
    }
}

/// Meta's exports write each UTF-8 byte of a string as its own `\u00XX` escape, so "Zoë"
/// arrives as "ZoÃ«". Undo that, string by string.
enum MetaMojibake {
    /// The repaired string, or nil when it is not mojibake (already real Unicode, or not UTF-8).
    static func repair(_ s: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var high = false
        for u in s.unicodeScalars {
            guard u.value <= 0xFF else { return nil }
            if u.value >= 0x80 { high = true }
            bytes.append(UInt8(u.value))
        }
        guard high, let r = String(validating: bytes, as: UTF8.self) else { return nil }
        return r
    }

    /// Repairs every string (and key) in a value; counts the strings changed.
    static func repairAll(_ v: JSONValue, count: inout Int) -> JSONValue {
        switch v {
        case .string(let s):
            if let r = repair(s) { count += 1; return .string(r) }
            return v
        case .array(let a): return .array(a.map { repairAll($0, count: &count) })
        case .object(let o):
            var out: [String: JSONValue] = [:]
            for (k, x) in o { out[repair(k) ?? k] = repairAll(x, count: &count) }
            return .object(out)
        default: return v
        }
    }
}

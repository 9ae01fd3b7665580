#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises IP address literals as mail headers write them: `198.51.100.7`, `[198.51.100.7]`,
/// `[IPv6:2001:db8::1]`, `2603:10a6:20b:2d4::19`, `::ffff:192.0.2.1`, with an optional `:port`
/// after an IPv4 address and a zone id after an IPv6 one.
public enum IPAddressText {
    /// The address in canonical text when `token` is one, else nil.
    public static func parse(_ token: Substring) -> String? {
        guard plausible(token) else { return nil }
        var t = token
        while let f = t.first, f == "[" || f == "(" || f == "<" || f == "\"" { t = t.dropFirst() }
        while let l = t.last, l == "]" || l == ")" || l == ">" || l == "," || l == ";" || l == "\"" || l == "." { t = t.dropLast() }
        if t.utf8.count > 5, t.utf8.prefix(5).map({ LineEnds.lower($0) }) == Array("ipv6:".utf8) { t = t.dropFirst(5) }
        if t.isEmpty || t.count > 64 { return nil }
        if let pct = t.firstIndex(of: "%") { t = t[..<pct] }
        if isIPv4(t) { return String(t) }
        // IPv4 with a port: 198.51.100.7:51234
        if let colon = t.lastIndex(of: ":"), t.utf8.lazy.filter({ $0 == 0x3A }).count == 1 {
            let host = t[..<colon]
            if isIPv4(host), t[t.index(after: colon)...].allSatisfy(\.isNumber) { return String(host) }
        }
        if t.utf8.contains(UInt8(ascii: ":")), t.utf8.allSatisfy({ QuotedPrintable.hex($0) != nil || $0 == 0x3A || $0 == 0x2E }) {
            var buf = in6_addr()
            let ok = String(t).withCString { inet_pton(AF_INET6, $0, &buf) } == 1
            if ok {
                var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                if inet_ntop(AF_INET6, &buf, &out, socklen_t(out.count)) != nil {
                    return String(decoding: out.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
                return String(t).lowercased()
            }
        }
        return nil
    }

    /// A cheap first look on the bytes: after optional brackets and an `IPv6:` prefix, only
    /// hex digits, `:` and `.` (then closing punctuation or a `%zone`), and at least one digit.
    static func plausible(_ token: Substring) -> Bool {
        let u = token.utf8
        var i = u.startIndex
        while i < u.endIndex, [0x5B, 0x28, 0x3C, 0x22].contains(u[i]) { i = u.index(after: i) }
        let prefix: [UInt8] = Array("ipv6:".utf8)
        var j = i, k = 0
        while k < 5, j < u.endIndex, LineEnds.lower(u[j]) == prefix[k] { j = u.index(after: j); k += 1 }
        if k == 5 { i = j }
        var digit = false
        while i < u.endIndex {
            let c = u[i]
            switch c {
            case 0x30...0x39: digit = true
            case 0x41...0x46, 0x61...0x66, 0x3A, 0x2E: break
            case 0x25: return digit // a zone id follows
            case 0x5D, 0x29, 0x3E, 0x2C, 0x3B, 0x22: break
            default: return false
            }
            i = u.index(after: i)
        }
        return digit
    }

    /// Four dotted decimal numbers 0–255.
    public static func isIPv4(_ t: Substring) -> Bool {
        var parts = 0, digits = 0, value = 0
        for c in t.utf8 {
            if c == 0x2E {
                guard digits > 0, value <= 255 else { return false }
                parts += 1; digits = 0; value = 0
            } else if c >= 0x30 && c <= 0x39 {
                digits += 1
                value = value * 10 + Int(c - 0x30)
                if digits > 3 { return false }
            } else {
                return false
            }
        }
        return parts == 3 && digits > 0 && value <= 255
    }
}

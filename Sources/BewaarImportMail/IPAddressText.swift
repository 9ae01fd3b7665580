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
        var t = token
        while let f = t.first, f == "[" || f == "(" || f == "<" || f == "\"" { t = t.dropFirst() }
        while let l = t.last, l == "]" || l == ")" || l == ">" || l == "," || l == ";" || l == "\"" || l == "." { t = t.dropLast() }
        if t.lowercased().hasPrefix("ipv6:") { t = t.dropFirst(5) }
        if t.isEmpty || t.count > 64 { return nil }
        if let pct = t.firstIndex(of: "%") { t = t[..<pct] }
        if isIPv4(t) { return String(t) }
        // IPv4 with a port: 198.51.100.7:51234
        if let colon = t.lastIndex(of: ":"), t.filter({ $0 == ":" }).count == 1 {
            let host = t[..<colon]
            if isIPv4(host), t[t.index(after: colon)...].allSatisfy(\.isNumber) { return String(host) }
        }
        if t.utf8.contains(UInt8(ascii: ":")), t.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) {
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

    /// Four dotted decimal numbers 0–255.
    public static func isIPv4(_ t: Substring) -> Bool {
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(p), v <= 255 else { return false }
        }
        return true
    }
}

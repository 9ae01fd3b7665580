#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as 128 bits, read and written by the C library (`inet_pton`,
/// `inet_ntop`). IPv4 addresses are kept as themselves (not mapped); an IPv4-mapped IPv6
/// address (`::ffff:192.0.2.1`) is read as the IPv4 address it carries, because that is the
/// machine that connected. The one address type of the mail importer and the sender trace.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whether it is an IPv4 address.
    public let isV4: Bool
    /// The upper 64 bits (IPv6 only; 0 for IPv4).
    public let high: UInt64
    /// The lower 64 bits; IPv4 addresses sit in the lowest 32.
    public let low: UInt64

    /// An IPv4 address from its 32 bits.
    public init(v4 value: UInt32) {
        isV4 = true
        high = 0
        low = UInt64(value)
    }

    /// An IPv6 address from its two halves (an IPv4-mapped one becomes the IPv4 address).
    public init(v6High high: UInt64, low: UInt64) {
        if high == 0 && low >> 32 == 0xFFFF {
            isV4 = true
            self.high = 0
            self.low = low & 0xFFFF_FFFF
        } else {
            isV4 = false
            self.high = high
            self.low = low
        }
    }

    /// Bits in the address: 32 or 128.
    public var bitCount: Int { isV4 ? 32 : 128 }

    /// "IPv4" or "IPv6".
    public var versionName: String { isV4 ? "IPv4" : "IPv6" }

    public static func < (a: IPAddress, b: IPAddress) -> Bool {
        if a.isV4 != b.isV4 { return a.isV4 }
        return (a.high, a.low) < (b.high, b.low)
    }

    /// Parses an address as it appears in headers and logs: `192.0.2.1`, `2001:db8::1`,
    /// `[2001:db8::1]`, `IPv6:2001:db8::1`, `fe80::1%eth0` (the zone is dropped),
    /// `::ffff:192.0.2.1`. Leading zeros in IPv4 parts are refused (they are often version
    /// numbers or octal tricks, never what an MTA writes).
    public init?(_ text: some StringProtocol) {
        var s = Substring(text)
        if s.hasPrefix("["), s.hasSuffix("]") { s = s.dropFirst().dropLast() }
        if s.utf8.count > 5, s.utf8.prefix(5).map({ $0 | 0x20 }).elementsEqual("ipv6:".utf8) { s = s.dropFirst(5) }
        if let pct = s.firstIndex(of: "%") { s = s[..<pct] }
        guard !s.isEmpty, s.utf8.count <= 45 else { return nil }
        if let v4 = IPAddress.pton4(s) {
            self.init(v4: v4)
        } else if let (h, l) = IPAddress.pton6(s) {
            self.init(v6High: h, low: l)
        } else {
            return nil
        }
    }

    /// The address in a token taken from a mail header, where punctuation clings to it:
    /// `[198.51.100.7]`, `(198.51.100.7)`, `[IPv6:2001:db8::1]`, `2603:10a6:20b:2d4::19`,
    /// `198.51.100.7:51234` (the port is dropped), `fe80::1%eth0`. Nil when it holds none.
    public init?(headerToken token: Substring) {
        guard IPAddress.plausible(token) else { return nil }
        var t = token
        while let f = t.first, f == "[" || f == "(" || f == "<" || f == "\"" { t = t.dropFirst() }
        while let l = t.last, l == "]" || l == ")" || l == ">" || l == "," || l == ";" || l == "\"" || l == "." { t = t.dropLast() }
        if t.isEmpty || t.utf8.count > 64 { return nil }
        if let a = IPAddress(t) {
            self = a
            return
        }
        // IPv4 with a port: 198.51.100.7:51234
        if let colon = t.lastIndex(of: ":"), t.utf8.lazy.filter({ $0 == 0x3A }).count == 1,
           let a = IPAddress(t[..<colon]), a.isV4, t[t.index(after: colon)...].allSatisfy(\.isNumber) {
            self = a
            return
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
        while k < 5, j < u.endIndex, u[j] | 0x20 == prefix[k] { j = u.index(after: j); k += 1 }
        if k == 5 { i = j }
        var digit = false
        while i < u.endIndex {
            switch u[i] {
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

    /// A dotted quad through `inet_pton` (which refuses leading zeros and short forms).
    static func pton4(_ s: Substring) -> UInt32? {
        var a = in_addr()
        guard String(s).withCString({ inet_pton(AF_INET, $0, &a) }) == 1 else { return nil }
        return UInt32(bigEndian: a.s_addr)
    }

    /// An IPv6 text through `inet_pton`, as its two 64-bit halves.
    static func pton6(_ s: Substring) -> (UInt64, UInt64)? {
        guard s.contains(":") else { return nil }
        var a = in6_addr()
        guard String(s).withCString({ inet_pton(AF_INET6, $0, &a) }) == 1 else { return nil }
        return withUnsafeBytes(of: &a) { raw in
            var h: UInt64 = 0, l: UInt64 = 0
            for k in 0..<8 { h = h << 8 | UInt64(raw[k]) }
            for k in 8..<16 { l = l << 8 | UInt64(raw[k]) }
            return (h, l)
        }
    }

    /// Canonical text through `inet_ntop`: a dotted quad, or RFC 5952 IPv6 (lower case, the
    /// longest run of zero groups as `::`).
    public var description: String {
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written: Bool
        if isV4 {
            var a = in_addr(s_addr: UInt32(truncatingIfNeeded: low).bigEndian)
            written = inet_ntop(AF_INET, &a, &out, socklen_t(out.count)) != nil
        } else {
            var a = in6_addr()
            withUnsafeMutableBytes(of: &a) { raw in
                for k in 0..<8 { raw[k] = UInt8(truncatingIfNeeded: high >> UInt64(56 - 8 * k)) }
                for k in 0..<8 { raw[8 + k] = UInt8(truncatingIfNeeded: low >> UInt64(56 - 8 * k)) }
            }
            written = inet_ntop(AF_INET6, &a, &out, socklen_t(out.count)) != nil
        }
        guard written else { return "" }
        return String(decoding: out.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The address with only the first `bits` bits kept, as (high, low).
    public func masked(_ bits: Int) -> (UInt64, UInt64) {
        if isV4 {
            let b = max(0, min(32, bits))
            let mask: UInt64 = b == 0 ? 0 : (0xFFFF_FFFF << UInt64(32 - b)) & 0xFFFF_FFFF
            return (0, low & mask)
        }
        let b = max(0, min(128, bits))
        let hm: UInt64 = b >= 64 ? ~0 : (b == 0 ? 0 : ~0 << UInt64(64 - b))
        let lm: UInt64 = b <= 64 ? 0 : (b >= 128 ? ~0 : ~0 << UInt64(128 - b))
        return (high & hm, low & lm)
    }
}

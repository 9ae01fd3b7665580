/// An IPv4 or IPv6 address as 128 bits. IPv4 addresses are kept as themselves (not mapped);
/// an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is read as the IPv4 address it carries,
/// because that is the machine that connected.
public struct IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whether it is an IPv4 address.
    public let isV4: Bool
    /// The upper 64 bits (IPv6 only; 0 for IPv4).
    public let high: UInt64
    /// The lower 64 bits; IPv4 addresses sit in the lowest 32.
    public let low: UInt64

    public init(v4 value: UInt32) {
        isV4 = true
        high = 0
        low = UInt64(value)
    }

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
        if s.count > 5, s.prefix(5).lowercased() == "ipv6:" { s = s.dropFirst(5) }
        if let pct = s.firstIndex(of: "%") { s = s[..<pct] }
        if let v4 = IPAddress.parseV4(s) {
            self.init(v4: v4)
        } else if let (h, l) = IPAddress.parseV6(s) {
            self.init(v6High: h, low: l)
        } else {
            return nil
        }
    }

    static func parseV4(_ s: Substring) -> UInt32? {
        var value: UInt32 = 0
        var parts = 0
        var current = -1
        var digits = 0
        var leadingZero = false
        for c in s.utf8 {
            if c >= 0x30 && c <= 0x39 {
                if digits == 1 && leadingZero { return nil }
                if digits == 0 { leadingZero = c == 0x30 }
                current = (current < 0 ? 0 : current) * 10 + Int(c - 0x30)
                digits += 1
                if current > 255 || digits > 3 { return nil }
            } else if c == 0x2E {
                guard current >= 0 else { return nil }
                value = value << 8 | UInt32(current)
                parts += 1
                current = -1
                digits = 0
                if parts > 3 { return nil }
            } else {
                return nil
            }
        }
        guard parts == 3, current >= 0 else { return nil }
        return value << 8 | UInt32(current)
    }

    static func parseV6(_ s: Substring) -> (UInt64, UInt64)? {
        guard s.contains(":"), s.utf8.count <= 45 else { return nil }
        var groups: [UInt16] = []
        var gapAt: Int?
        let u = Array(s.utf8)
        var i = 0
        if u.starts(with: [0x3A, 0x3A]) {
            gapAt = 0
            i = 2
            if i == u.count { return (0, 0) }
        } else if u.first == 0x3A {
            return nil
        }
        while i < u.count {
            // An embedded IPv4 address ends the text.
            var j = i
            while j < u.count, u[j] != 0x3A { j += 1 }
            let token = s.utf8.index(s.startIndex, offsetBy: i)..<s.utf8.index(s.startIndex, offsetBy: j)
            let part = s[token]
            if j == u.count, part.contains(".") {
                guard let v4 = parseV4(part) else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
                i = j
                break
            }
            guard !part.isEmpty, part.utf8.count <= 4, let g = UInt16(part, radix: 16) else { return nil }
            groups.append(g)
            i = j
            if i < u.count {
                // At a colon.
                if i + 1 < u.count, u[i + 1] == 0x3A {
                    guard gapAt == nil else { return nil }
                    gapAt = groups.count
                    i += 2
                    if i == u.count { break }
                } else {
                    i += 1
                    if i == u.count { return nil }
                }
            }
        }
        if let gap = gapAt {
            guard groups.count < 8 else { return nil }
            groups.insert(contentsOf: Array(repeating: 0, count: 8 - groups.count), at: gap)
        }
        guard groups.count == 8 else { return nil }
        var h: UInt64 = 0, l: UInt64 = 0
        for k in 0..<4 { h = h << 16 | UInt64(groups[k]) }
        for k in 4..<8 { l = l << 16 | UInt64(groups[k]) }
        return (h, l)
    }

    /// Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as `::`).
    public var description: String {
        if isV4 {
            let v = UInt32(truncatingIfNeeded: low)
            return "\(v >> 24).\(v >> 16 & 0xFF).\(v >> 8 & 0xFF).\(v & 0xFF)"
        }
        var g: [UInt16] = []
        for k in (0..<4).reversed() { g.append(UInt16(truncatingIfNeeded: high >> (16 * UInt64(k)))) }
        for k in (0..<4).reversed() { g.append(UInt16(truncatingIfNeeded: low >> (16 * UInt64(k)))) }
        var bestStart = -1, bestLen = 0, runStart = -1
        for k in 0...8 {
            if k < 8 && g[k] == 0 {
                if runStart < 0 { runStart = k }
            } else if runStart >= 0 {
                if k - runStart > bestLen && k - runStart >= 2 { bestStart = runStart; bestLen = k - runStart }
                runStart = -1
            }
        }
        func hex(_ r: Range<Int>) -> String { r.map { String(g[$0], radix: 16) }.joined(separator: ":") }
        if bestStart < 0 { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLen)..<8)
    }

    /// The address with only the first `bits` bits kept.
    func masked(_ bits: Int) -> (UInt64, UInt64) {
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

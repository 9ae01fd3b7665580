import BewaarModel

/// The deterministic serialisation of a ``JSONValue``: object keys sorted by their UTF-8 bytes,
/// no insignificant white space, `/` not escaped. Used for every JSON that Bewaar writes, so
/// the same data always gives the same bytes (the inspect contract, bundles, custody hashes).
extension JSONValue {
    /// The serialised bytes (UTF-8), compact and with sorted keys.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The serialised form as UTF-8 bytes (what ``serialized(pretty:)`` returns, without the
    /// String): built in one byte buffer, plain runs of a string copied at once.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out.append(contentsOf: String(Int64(d)).utf8) } else if d.isFinite { out.append(contentsOf: String(d).utf8) } else { out.append(contentsOf: "null".utf8) }
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(0x5B); out.append(0x5D); return }
            out.append(0x5B)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                if pretty { JSONValue.newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(&out, indent) }
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(0x7B); out.append(0x7D); return }
            out.append(0x7B)
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (n, key) in keys.enumerated() {
                if n > 0 { out.append(0x2C) }
                if pretty { JSONValue.newline(&out, indent + 1) }
                JSONValue.writeString(key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                members[key]!.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, into: &out) }
    }

    /// Writes `u` as a quoted JSON string, escaped exactly as a ``string(_:)`` value holding the
    /// same text. `u` must be valid UTF-8 (check with ``UTF8Check/isValid(_:)``).
    public static func writeString(utf8 u: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        do {
            var run = 0
            var i = 0
            let n = u.count
            guard n > 0, let start = u.baseAddress else { out.append(0x22); return }
            let base = UnsafeRawPointer(start)
            while i < n {
                // Eight plain bytes at a time (printable ASCII other than `"` and `\`).
                while i + 8 <= n {
                    let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let low: UInt64 = 0x0101_0101_0101_0101
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let control = (x &- low &* 0x20) & ~x & high
                    let upper = (((x & ~high) &+ low) | x) & high
                    let q = x ^ (low &* 0x22)
                    let bs = x ^ (low &* 0x5C)
                    let special = control | upper | ((q &- low) & ~q & high) | ((bs &- low) & ~bs & high)
                    if special != 0 { break }
                    i += 8
                }
                guard i < n else { break }
                let c = u[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0x7F && c != 0xE2 { i += 1; continue }
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9) break JavaScript: escaped.
                let separator = c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)
                if c == 0xE2 && !separator { i += 1; continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])) }
                out.append(0x5C)
                switch c {
                case 0x22, 0x5C: out.append(c)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                case 0xE2:
                    out.append(contentsOf: u[i + 2] == 0xA8 ? "u2028".utf8 : "u2029".utf8)
                    i += 2
                default:
                    out.append(0x75); out.append(0x30); out.append(0x30)
                    out.append(hexDigits[Int(c >> 4)]); out.append(hexDigits[Int(c & 0xF)])
                }
                i += 1
                run = i
            }
            if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n])) }
        }
        out.append(0x22)
    }
}

/// A SHA-256 digest as 64 lower-case hexadecimal characters: how every original is addressed.
public struct SHA256Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let hex: String

    /// Accepts 64 hexadecimal characters (any case).
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = lower
    }

    /// Builds the hex form of 32 raw digest bytes.
    public init<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        self.hex = String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }
    /// The first 12 hex digits, for tables.
    public var short: String { String(hex.prefix(12)) }

    public static func < (a: SHA256Digest, b: SHA256Digest) -> Bool { a.hex < b.hex }
}

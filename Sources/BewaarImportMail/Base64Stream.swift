/// Tolerant base64 decoding as a stream: characters outside the alphabet (line breaks,
/// blanks, junk) are skipped, bad padding and odd line lengths are accepted, `=` ends a group
/// and decoding goes on after it (concatenated encoders). Works on chunks, so an attachment is
/// decoded and hashed without being held whole.
public struct Base64Stream {
    private var acc: UInt32 = 0
    private var count = 0
    /// Characters outside the alphabet seen (line breaks excluded).
    public private(set) var junk = 0
    /// Whether the last group was cut short (a lone sextet dropped, or padding missing).
    public private(set) var truncated = false

    public init() {}

    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Decodes the next chunk, appending to `out`.
    public mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        Base64Stream.table.withUnsafeBufferPointer { t in
            var acc = self.acc, count = self.count, junk = self.junk
            for c in input {
                let v = t[Int(c)]
                if v != 0xFF {
                    acc = acc << 6 | UInt32(v)
                    count += 1
                    if count == 4 {
                        out.append(UInt8(truncatingIfNeeded: acc >> 16))
                        out.append(UInt8(truncatingIfNeeded: acc >> 8))
                        out.append(UInt8(truncatingIfNeeded: acc))
                        acc = 0
                        count = 0
                    }
                } else if c == 0x3D {
                    Base64Stream.flushGroup(&acc, &count, &out, truncated: &self.truncated, padded: true)
                } else if c != 0x0A && c != 0x0D && c != 0x20 && c != 0x09 {
                    junk += 1
                }
            }
            self.acc = acc
            self.count = count
            self.junk = junk
        }
    }

    /// Ends the stream: a partial group gives the bytes it holds.
    public mutating func finish(into out: inout [UInt8]) {
        if count > 0 {
            truncated = true
            Base64Stream.flushGroup(&acc, &count, &out, truncated: &truncated, padded: false)
        }
    }

    private static func flushGroup(_ acc: inout UInt32, _ count: inout Int, _ out: inout [UInt8], truncated: inout Bool, padded: Bool) {
        switch count {
        case 2:
            out.append(UInt8(truncatingIfNeeded: acc >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
        case 1:
            truncated = true
        default:
            break
        }
        acc = 0
        count = 0
    }

    /// Decodes a whole text at once.
    public static func decodeAll(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var s = Base64Stream()
        var out = [UInt8]()
        out.reserveCapacity(b.count / 4 * 3 + 3)
        s.decode(b, into: &out)
        s.finish(into: &out)
        return out
    }
}

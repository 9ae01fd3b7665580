/// Quoted-printable (RFC 2045 §6.7), decoded as a stream: soft line breaks (`=` at line end)
/// vanish, `=XX` becomes a byte, a broken `=` is kept as it stands. Line ends inside the
/// body are kept as they are in the part.
public struct QuotedPrintable {
    /// Bytes held back because an escape may continue in the next chunk (at most 2).
    private var carry: [UInt8] = []

    public init() {}

    @inline(__always)
    /// The value of one hex digit, or nil.
    public static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Decodes the next chunk, appending to `out`. Call ``finish(into:)`` after the last one.
    public mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if !carry.isEmpty {
            // An escape was cut at the previous chunk's end: decode it joined with this chunk.
            var joined = carry
            carry.removeAll()
            joined.append(contentsOf: input)
            let c = joined.withUnsafeBufferPointer { step($0, into: &out, final: false) }
            if c < joined.count { carry = Array(joined[c...]) }
            return
        }
        let c = step(input, into: &out, final: false)
        if c < input.count { carry = Array(input[c...]) }
    }

    /// Flushes what was held back.
    public mutating func finish(into out: inout [UInt8]) {
        if !carry.isEmpty {
            let held = carry
            carry.removeAll()
            held.withUnsafeBufferPointer { _ = step($0, into: &out, final: true) }
        }
    }

    /// Decodes as much as can be decided; returns the number of bytes consumed.
    private func step(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], final: Bool) -> Int {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c != 0x3D {
                out.append(c)
                i += 1
                continue
            }
            // '='
            if i + 1 >= n { if final { out.append(c); return n }; return i }
            let d = b[i + 1]
            if d == 0x0A { i += 2; continue }
            if d == 0x0D {
                if i + 2 >= n { if final { i += 2; continue }; return i }
                i += b[i + 2] == 0x0A ? 3 : 2
                continue
            }
            if d == 0x20 || d == 0x09 {
                // `=` followed by trailing blanks then a line end is a soft break too.
                var k = i + 1
                while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                if k >= n { if final { i = n; continue }; return i }
                if b[k] == 0x0A { i = k + 1; continue }
                if b[k] == 0x0D { i = (k + 1 < n && b[k + 1] == 0x0A) ? k + 2 : k + 1; continue }
                out.append(c); i += 1
                continue
            }
            if i + 2 >= n { if final { out.append(contentsOf: b[i..<n]); return n }; return i }
            if let h = QuotedPrintable.hex(d), let l = QuotedPrintable.hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return n
    }

    /// Decodes a whole body at once.
    public static func decodeAll(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var q = QuotedPrintable()
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        q.decode(b, into: &out)
        q.finish(into: &out)
        return out
    }

    /// The Q encoding of an RFC 2047 word: like quoted-printable, with `_` for a space.
    static func decodeWord(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x5F { out.append(0x20); i += 1; continue }
            if c == 0x3D, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }
}

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

    /// Decodes the next chunk, appending to `out`. Whole groups of four alphabet characters
    /// take a fast path; everything else goes through the tolerant state machine.
    public mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: input.count / 4 * 3 + 3))
        var w = start
        Base64Stream.table.withUnsafeBufferPointer { t in
            out.withUnsafeMutableBufferPointer { o in
                var acc = self.acc, count = self.count, junk = self.junk, truncated = self.truncated
                var i = 0
                let n = input.count
                while i < n {
                    if count == 0 && i + 4 <= n {
                        let a = t[Int(input[i])], b = t[Int(input[i + 1])], c = t[Int(input[i + 2])], d = t[Int(input[i + 3])]
                        if (a | b | c | d) & 0x80 == 0 {
                            let v = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            o[w] = UInt8(truncatingIfNeeded: v >> 16)
                            o[w + 1] = UInt8(truncatingIfNeeded: v >> 8)
                            o[w + 2] = UInt8(truncatingIfNeeded: v)
                            w += 3
                            i += 4
                            continue
                        }
                    }
                    let ch = input[i]
                    let v = t[Int(ch)]
                    if v != 0xFF {
                        acc = acc << 6 | UInt32(v)
                        count += 1
                        if count == 4 {
                            o[w] = UInt8(truncatingIfNeeded: acc >> 16)
                            o[w + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                            o[w + 2] = UInt8(truncatingIfNeeded: acc)
                            w += 3
                            acc = 0
                            count = 0
                        }
                    } else if ch == 0x3D {
                        switch count {
                        case 2:
                            o[w] = UInt8(truncatingIfNeeded: acc >> 4); w += 1
                        case 3:
                            o[w] = UInt8(truncatingIfNeeded: acc >> 10)
                            o[w + 1] = UInt8(truncatingIfNeeded: acc >> 2)
                            w += 2
                        case 1:
                            truncated = true
                        default:
                            break
                        }
                        acc = 0
                        count = 0
                    } else if ch != 0x0A && ch != 0x0D && ch != 0x20 && ch != 0x09 {
                        junk += 1
                    }
                    i += 1
                }
                self.acc = acc
                self.count = count
                self.junk = junk
                self.truncated = truncated
            }
        }
        out.removeLast(out.count - w)
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

/// Turns the original bytes, chunk by chunk, into valid UTF-8 for libxml2 while recording where
/// each byte came from. Invalid UTF-8 sequences and NUL bytes become U+FFFD (libxml2 would
/// otherwise switch to Latin-1, or stop at the NUL); their offsets are reported.
public struct UTF8Transcoder: Sendable {
    public let encoding: HTMLEncoding
    public private(set) var map: OffsetMap
    /// Original offsets of bytes that were replaced by U+FFFD (first 100).
    public private(set) var replacedOffsets: [Int64] = []
    /// How many bytes were replaced in all.
    public private(set) var replacedCount = 0
    private var carry: [UInt8] = []
    private var position: Int64

    public init(encoding: HTMLEncoding, skip: Int) {
        self.encoding = encoding
        self.map = OffsetMap(startingAt: Int64(skip))
        self.position = Int64(skip)
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// windows-1252 bytes 0x80…0x9F; the rest of the high half is Latin-1.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private mutating func noteReplaced(_ at: Int64) {
        replacedCount += 1
        if replacedOffsets.count < 100 { replacedOffsets.append(at) }
    }

    @inline(__always)
    private static func appendScalar(_ v: UInt32, to out: inout [UInt8]) -> Int {
        switch v {
        case 0..<0x80: out.append(UInt8(v)); return 1
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F))); return 2
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F))); return 3
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F))); return 4
        }
    }

    /// Converts the next chunk; `final` flushes an incomplete sequence at the end.
    public mutating func convert(_ chunk: UnsafeRawBufferPointer, final: Bool, into out: inout [UInt8]) {
        var input: [UInt8]
        if carry.isEmpty { input = Array(chunk) } else { input = carry + Array(chunk); carry.removeAll() }
        switch encoding {
        case .utf8: convertUTF8(input, final: final, into: &out)
        case .windows1252: convertCP1252(input, into: &out)
        case .utf16LE, .utf16BE: convertUTF16(input, bigEndian: encoding == .utf16BE, final: final, into: &out)
        }
    }

    private mutating func convertUTF8(_ b: [UInt8], final: Bool, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + b.count)
        var i = 0
        var runStart = 0
        let n = b.count
        func flushRun(_ end: Int) {
            if end > runStart {
                out.append(contentsOf: b[runStart..<end])
                map.add(inWidth: 1, outWidth: 1, count: end - runStart)
            }
        }
        while i < n {
            let c = b[i]
            if c >= 0x01 && c < 0x80 { i += 1; continue }
            if c == 0 {
                flushRun(i); out.append(contentsOf: Self.replacement); map.add(inWidth: 1, outWidth: 3)
                noteReplaced(position + Int64(i)); i += 1; runStart = i; continue
            }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: need = -1
            }
            var ok = need > 0
            var len = 1
            if ok {
                if i + need >= n && !final {
                    // Possibly complete in the next chunk: check what we have, then carry it.
                    var partialOK = true
                    var k = 1
                    while i + k < n {
                        let t = b[i + k]
                        let l: UInt8 = k == 1 ? lo : 0x80, h: UInt8 = k == 1 ? hi : 0xBF
                        if t < l || t > h { partialOK = false; break }
                        k += 1
                    }
                    if partialOK && i + need >= n {
                        flushRun(i)
                        carry = Array(b[i..<n])
                        position += Int64(i)
                        return
                    }
                }
                for k in 1...need {
                    guard i + k < n else { ok = false; break }
                    let t = b[i + k]
                    let l: UInt8 = k == 1 ? lo : 0x80, h: UInt8 = k == 1 ? hi : 0xBF
                    if t < l || t > h { ok = false; break }
                    len += 1
                }
            }
            if ok { i += need + 1; continue }
            // Invalid: replace the first byte only and resynchronise at the next.
            flushRun(i)
            out.append(contentsOf: Self.replacement); map.add(inWidth: 1, outWidth: 3)
            noteReplaced(position + Int64(i))
            i += 1; runStart = i
        }
        flushRun(n)
        position += Int64(n)
    }

    private mutating func convertCP1252(_ b: [UInt8], into out: inout [UInt8]) {
        out.reserveCapacity(out.count + b.count + b.count / 8)
        for (k, c) in b.enumerated() {
            if c >= 0x01 && c < 0x80 { out.append(c); map.add(inWidth: 1, outWidth: 1); continue }
            if c == 0 { out.append(contentsOf: Self.replacement); map.add(inWidth: 1, outWidth: 3); noteReplaced(position + Int64(k)); continue }
            let v: UInt32 = c < 0xA0 ? Self.cp1252High[Int(c) - 0x80] : UInt32(c)
            let w = Self.appendScalar(v, to: &out)
            map.add(inWidth: 1, outWidth: w)
        }
        position += Int64(b.count)
    }

    private mutating func convertUTF16(_ b: [UInt8], bigEndian: Bool, final: Bool, into out: inout [UInt8]) {
        var i = 0
        let n = b.count
        @inline(__always) func unit(_ j: Int) -> UInt32 {
            bigEndian ? UInt32(b[j]) << 8 | UInt32(b[j + 1]) : UInt32(b[j + 1]) << 8 | UInt32(b[j])
        }
        while i + 1 < n {
            let u = unit(i)
            if u >= 0xD800 && u < 0xDC00 {
                if i + 3 >= n {
                    if !final { break }
                    out.append(contentsOf: Self.replacement); map.add(inWidth: 2, outWidth: 3); noteReplaced(position + Int64(i)); i += 2; continue
                }
                let u2 = unit(i + 2)
                if u2 >= 0xDC00 && u2 < 0xE000 {
                    let v = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)
                    _ = Self.appendScalar(v, to: &out); map.add(inWidth: 4, outWidth: 4); i += 4; continue
                }
                out.append(contentsOf: Self.replacement); map.add(inWidth: 2, outWidth: 3); noteReplaced(position + Int64(i)); i += 2; continue
            }
            if (u >= 0xDC00 && u < 0xE000) || u == 0 {
                out.append(contentsOf: Self.replacement); map.add(inWidth: 2, outWidth: 3); noteReplaced(position + Int64(i)); i += 2; continue
            }
            let w = Self.appendScalar(u, to: &out)
            map.add(inWidth: 2, outWidth: w)
            i += 2
        }
        if i < n {
            if final {
                out.append(contentsOf: Self.replacement); map.add(inWidth: n - i, outWidth: 3); noteReplaced(position + Int64(i)); i = n
            } else {
                carry = Array(b[i..<n])
            }
        }
        position += Int64(i)
    }

    /// Scans bytes for UTF-8 validity (streaming); used to choose an encoding. It goes on past
    /// invalid bytes to count them against the valid multi-byte characters.
    public struct Validator: Sendable {
        public private(set) var invalidCount = 0
        public private(set) var multibyteCount = 0
        private var pending = 0
        private var lo: UInt8 = 0x80, hi: UInt8 = 0xBF

        public init() {}

        /// No invalid byte at all.
        public var valid: Bool { invalidCount == 0 }
        public var hasNonASCII: Bool { multibyteCount > 0 || invalidCount > 0 }
        /// UTF-8 with a few damaged bytes: more good multi-byte characters than bad bytes.
        public var mostlyUTF8: Bool { multibyteCount > 0 && invalidCount <= multibyteCount }

        public mutating func scan(_ chunk: UnsafeRawBufferPointer) {
            for c in chunk {
                if pending > 0 {
                    if c < lo || c > hi {
                        invalidCount += 1; pending = 0; lo = 0x80; hi = 0xBF
                        // fall through: c starts something new
                    } else {
                        lo = 0x80; hi = 0xBF; pending -= 1
                        if pending == 0 { multibyteCount += 1 }
                        continue
                    }
                }
                if c < 0x80 { continue }
                switch c {
                case 0xC2...0xDF: pending = 1
                case 0xE0: pending = 2; lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2
                case 0xED: pending = 2; hi = 0x9F
                case 0xF0: pending = 3; lo = 0x90
                case 0xF1...0xF3: pending = 3
                case 0xF4: pending = 3; hi = 0x8F
                default: invalidCount += 1
                }
            }
        }

        /// Whether the input ended in the middle of a character.
        public mutating func finish() { if pending > 0 { invalidCount += 1; pending = 0 } }
    }
}

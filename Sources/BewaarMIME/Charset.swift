#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns bytes in a declared charset into text. UTF-8, US-ASCII and the Latin/Windows-1252
/// family are decoded here; every other label goes through iconv. Never fails: an unknown or
/// lying charset gives a best-effort reading plus a problem to report.
public enum Charset {
    /// The outcome of decoding: the text and, when something was not right, why.
    public struct Decoded: Sendable, Hashable {
        public var text: String
        public var problem: String?
    }

    /// The canonical name for a label (lower case, common aliases folded).
    public static func normalise(_ label: String) -> String {
        var l = label.lowercased()
        while let f = l.first, f == " " || f == "\"" || f == "'" { l.removeFirst() }
        while let f = l.last, f == " " || f == "\"" || f == "'" { l.removeLast() }
        if let star = l.firstIndex(of: "*") { l = String(l[..<star]) } // RFC 2231 language suffix
        switch l {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "": return "us-ascii"
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "cp819", "ibm819", "iso-ir-100":
            return "iso-8859-1"
        case "cp1252", "windows-1252", "x-cp1252", "win-1252": return "windows-1252"
        case "latin9", "latin-9", "iso-8859-15", "iso8859-15", "iso_8859-15": return "iso-8859-15"
        case "ks_c_5601-1987", "ks_c_5601", "ksc5601": return "cp949"
        case "unicode-1-1-utf-7", "utf7": return "utf-7"
        case "gb2312", "x-gbk": return "gbk"
        case "x-sjis", "shift-jis", "sjis": return "shift_jis"
        default: return l
        }
    }

    /// Decodes `bytes` labelled `label`.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, label: String) -> Decoded {
        let cs = normalise(label)
        switch cs {
        case "utf-8":
            if let s = String(validating: bytes, as: UTF8.self) { return Decoded(text: s) }
            return Decoded(text: String(decoding: bytes, as: UTF8.self), problem: "invalid UTF-8")
        case "us-ascii":
            if isASCII(bytes) { return Decoded(text: String(decoding: bytes, as: UTF8.self)) }
            let t = utf8OrWindows1252(bytes)
            return Decoded(text: t.text, problem: "8-bit bytes in text declared us-ascii, read as \(t.usedUTF8 ? "UTF-8" : "windows-1252")")
        case "iso-8859-1", "windows-1252":
            // Mail labelled Latin-1 routinely carries windows-1252 bytes (€ at 0x80): read it as such.
            return Decoded(text: windows1252(bytes))
        default:
            if let t = Iconv.decode(bytes, from: cs) { return t }
            let t = utf8OrWindows1252(bytes)
            return Decoded(text: t.text, problem: "unknown charset \"\(label)\", read as \(t.usedUTF8 ? "UTF-8" : "windows-1252")")
        }
    }

    /// Decodes an array.
    public static func decode(_ bytes: [UInt8], label: String) -> Decoded {
        bytes.withUnsafeBufferPointer { decode($0, label: label) }
    }

    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    /// UTF-8 when the bytes are valid UTF-8, else windows-1252 (what raw 8-bit headers are).
    public static func utf8OrWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, usedUTF8: Bool) {
        if let s = String(validating: bytes, as: UTF8.self) { return (s, true) }
        return (windows1252(bytes), false)
    }

    public static func utf8OrWindows1252(_ bytes: [UInt8]) -> (text: String, usedUTF8: Bool) {
        bytes.withUnsafeBufferPointer { utf8OrWindows1252($0) }
    }

    /// windows-1252 (a superset of ISO-8859-1 in 0xA0–0xFF; its five holes map to C1 controls).
    public static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 && b < 0xA0 {
                scalars.append(Unicode.Scalar(cp1252High[Int(b - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}

/// The thin owning layer over glibc's iconv: one conversion descriptor per call, always closed.
enum Iconv {
    /// Decodes to UTF-8 through iconv; nil when iconv does not know the charset. Bytes it
    /// cannot convert become U+FFFD and are reported.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, from charset: String) -> Charset.Decoded? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        guard bytes.count > 0, let inBase = bytes.baseAddress else { return Charset.Decoded(text: "") }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var inPtr = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(inBase).assumingMemoryBound(to: CChar.self))
        var inLeft = bytes.count
        var bad = 0
        while inLeft > 0 {
            var produced = 0
            let r: Int = chunk.withUnsafeMutableBufferPointer { cb in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(cb.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = cb.count
                var ip: UnsafeMutablePointer<CChar>? = inPtr
                let r = iconv(cd, &ip, &inLeft, &outPtr, &outLeft)
                inPtr = ip!
                produced = cb.count - outLeft
                return r
            }
            out.append(contentsOf: chunk[0..<produced])
            if r == -1 {
                let e = errno
                if e == E2BIG { continue }
                // EILSEQ or EINVAL (truncated sequence at the end): replace one byte and go on.
                bad += 1
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                inPtr += 1
                inLeft -= 1
                if bad > 1_000_000 { break }
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        return Charset.Decoded(text: text, problem: bad > 0 ? "\(bad) bytes not valid in charset \(charset)" : nil)
    }
}

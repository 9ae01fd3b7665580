/// Whether bytes are well-formed UTF-8, without making a `String`: the same verdict as
/// `String(validating:as: UTF8.self) != nil` (no overlong forms, no surrogates, nothing above
/// U+10FFFF), with plain ASCII checked eight bytes at a time.
public enum UTF8Check {
    public static func isValid(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = u.baseAddress else { return true }
        let base = UnsafeRawPointer(start)
        let n = u.count
        var i = 0
        while i < n {
            while i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { return true }
            let c = u[i]
            if c < 0x80 { i += 1; continue }
            // The second byte's range depends on the first (Unicode Table 3-7).
            let width: Int, low: UInt8, high: UInt8
            switch c {
            case 0xC2...0xDF: (width, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (width, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (width, low, high) = (3, 0x80, 0xBF)
            case 0xED: (width, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (width, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (width, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (width, low, high) = (4, 0x80, 0x8F)
            default: return false
            }
            guard i + width <= n, (low...high).contains(u[i + 1]) else { return false }
            for k in 2..<max(2, width) where u[i + k] & 0xC0 != 0x80 { return false }
            i += width
        }
        return true
    }
}

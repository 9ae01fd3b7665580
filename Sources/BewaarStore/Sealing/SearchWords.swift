import Foundation

/// The words of a text as the search sees them: runs of letters and digits (as SQLite's
/// `unicode61` tokenizer takes them), lowercased and without diacritics ("Zoë" → "zoe"), each
/// with the UTF-8 range it came from (for highlighting).
package struct SearchWords {
    package struct Word {
        /// The folded word.
        package var folded: String
        /// Its bytes in the UTF-8 text.
        var range: Range<Int>
    }

    /// The words of `utf8`, in order.
    static func words(_ utf8: UnsafeBufferPointer<UInt8>) -> [Word] {
        var none: [String: String]?
        return words(utf8, folded: &none)
    }

    /// ``words(_:)-(UnsafeBufferPointer<UInt8>)`` keeping the folded forms of words with letters
    /// beyond ASCII in `folded` (folding them is the slow part).
    static func words(_ utf8: UnsafeBufferPointer<UInt8>, folded cache: inout [String: String]?) -> [Word] {
        var out: [Word] = []
        forEachWord(utf8) { range, ascii in
            let raw = UnsafeBufferPointer(rebasing: utf8[range])
            if ascii {
                out.append(Word(folded: lowerASCII(raw), range: range))
            } else {
                out.append(Word(folded: folded(raw, cache: &cache), range: range))
            }
        }
        return out
    }

    /// The folded form of a word with letters beyond ASCII, kept in `cache` (up to 50,000 words).
    static func folded(_ raw: UnsafeBufferPointer<UInt8>, cache: inout [String: String]?) -> String {
        let word = String(decoding: raw, as: UTF8.self)
        let folded = cache?[word] ?? fold(word)
        if (cache?.count ?? .max) < 50_000 { cache?[word] = folded }
        return folded
    }

    /// Calls `body` with the byte range of each word of `utf8`, in order, and whether the word is
    /// all ASCII (then its folded form is its bytes lowercased).
    static func forEachWord(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Bool) -> Void) {
        var i = 0
        var start = -1
        var ascii = true
        func close(_ end: Int) {
            guard start >= 0 else { return }
            body(start..<end, ascii)
            start = -1
            ascii = true
        }
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                if isWordByte(b) {
                    if start < 0 { start = i }
                } else {
                    close(i)
                }
                i += 1
                continue
            }
            let (scalar, length) = decode(utf8, at: i)
            if let scalar, isWordScalar(scalar) {
                if start < 0 { start = i }
                ascii = false
            } else {
                close(i)
            }
            i += length
        }
        close(utf8.count)
    }

    /// The words of `text`, in order.
    package static func words(_ text: String) -> [Word] {
        var t = text
        return t.withUTF8 { words($0) }
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    private static func lowerASCII(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: raw.count) { out in
            for (k, b) in raw.enumerated() { out[k] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
            return raw.count
        }
    }

    /// Lowercased, diacritics and combining marks removed.
    static func fold(_ word: String) -> String {
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for s in decomposed.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// The scalar at `i` and its length in bytes (nil for a broken sequence, length 1).
    private static func decode(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar?, Int) {
        let b = u[i]
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= u.count else { return (nil, 1) }
        var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = u[i + k]
            guard c & 0xC0 == 0x80 else { return (nil, 1) }
            v = v << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(v), length)
    }
}

import Crypto
import Foundation

/// The search index of an encrypted store holds no words: for each word of a record it holds
/// keyed hashes (HMAC with the case's term key, 40 bits, written as 8 letters) of the word's
/// first three and first five letters, or of the whole word when it is shorter than three.
/// A search asks the index for the hashes of its words' beginnings (candidates, some false),
/// and every candidate is then opened and checked against the search itself (``SearchRequest``):
/// hits are exact, and the file holds no word, only which records share a hashed beginning.
package enum SealedSearch {
    package enum Kind: UInt8 {
        case whole = 0x57, first3 = 0x33, first5 = 0x35
    }

    /// The index text of a record: its terms separated by spaces.
    static func terms(of words: [SearchWords.Word], key: CaseKey, cache: inout [String: String]) -> String {
        var out = ""
        out.reserveCapacity(words.count * 18)
        for w in words {
            if !out.isEmpty { out.append(" ") }
            // A word's terms are worked out once (a chat's words repeat).
            if let t = cache[w.folded] {
                out += t
                continue
            }
            let t = parts(w.folded).map { term($0.1, kind: $0.0, key: key) }.joined(separator: " ")
            if cache.count < 200_000 { cache[w.folded] = t }
            out += t
        }
        return out
    }

    /// What the index holds for one folded word.
    package static func parts(_ folded: String) -> [(Kind, String)] {
        let scalars = folded.unicodeScalars
        let n = scalars.count
        if n < 3 { return [(.whole, folded)] }
        let three = String(String.UnicodeScalarView(scalars.prefix(3)))
        if n < 5 { return [(.first3, three)] }
        return [(.first3, three), (.first5, String(String.UnicodeScalarView(scalars.prefix(5))))]
    }

    /// The index term that finds words beginning with `folded` (a whole word when it is short).
    static func queryTerm(_ folded: String, key: CaseKey) -> String {
        let p = parts(folded)
        // The longest beginning is the most selective.
        let (kind, part) = p[p.count - 1]
        return term(part, kind: kind, key: key)
    }

    static func term(_ part: String, kind: Kind, key: CaseKey) -> String {
        var p = part
        let value = p.withUTF8 { termValue(UnsafeRawBufferPointer($0), kind: kind, key: key) }
        var out: [UInt8] = []
        appendBase32(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A term's 40 bits: the HMAC of the kind and the part's UTF-8.
    package static func termValue(_ part: UnsafeRawBufferPointer, kind: Kind, key: CaseKey) -> UInt64 {
        var mac = key.terms
        var k = kind.rawValue
        withUnsafeBytes(of: &k) { mac.update(data: $0) }
        mac.update(data: part)
        return mac.finalize().withUnsafeBytes { $0.prefix(5).reduce(0) { $0 << 8 | UInt64($1) } }
    }

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// 40 bits as 8 letters and digits (a token SQLite's tokenizers keep whole), appended to `out`.
    static func appendBase32(_ v: UInt64, to out: inout [UInt8]) {
        for i in 0..<8 { out.append(alphabet[Int((v >> UInt64(35 - 5 * i)) & 31)]) }
    }
}

/// A search as typed: words (each found at word beginnings) and "quoted phrases" (whole words in
/// a row), all of which must occur. The same rules as the plain store's full-text query.
package struct SearchRequest: Sendable {
    struct Element: Sendable {
        var words: [String]
        /// A bare word matches word beginnings; a phrase matches whole words.
        var lastIsPrefix: Bool
    }

    var elements: [Element]
    /// The search as it was typed.
    package let input: String

    /// The search `input` parsed, or nil when it holds no word.
    package init?(_ input: String) {
        self.input = input
        var out: [Element] = []
        var i = input.startIndex
        func add(_ s: Substring, prefix: Bool) {
            let words = SearchWords.words(String(s)).map(\.folded)
            if !words.isEmpty { out.append(Element(words: words, lastIsPrefix: prefix)) }
        }
        while i < input.endIndex {
            let c = input[i]
            if c.isWhitespace { i = input.index(after: i); continue }
            if c == "\"" {
                let start = input.index(after: i)
                let end = input[start...].firstIndex(of: "\"") ?? input.endIndex
                add(input[start..<end], prefix: false)
                i = end < input.endIndex ? input.index(after: end) : end
                continue
            }
            let end = input[i...].firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? input.endIndex
            add(input[i..<end], prefix: true)
            i = end
        }
        guard !out.isEmpty else { return nil }
        elements = out
    }

    /// The full-text query for the index of one case: every word's term, all required.
    func indexQuery(key: CaseKey) -> String {
        var seen = Set<String>()
        var terms: [String] = []
        for e in elements {
            for w in e.words {
                let t = SealedSearch.queryTerm(w, key: key)
                if seen.insert(t).inserted { terms.append("\"" + t + "\"") }
            }
        }
        return terms.joined(separator: " ")
    }

    /// The 40-bit values of ``indexQuery(key:)``'s terms, in the same order: the index terms that
    /// every hit of this search holds (a word's longest indexed beginning, ``SealedSearch/queryTerm(_:key:)``).
    package func termValues(key: CaseKey) -> [UInt64] {
        var seen = Set<UInt64>()
        var out: [UInt64] = []
        for e in elements {
            for w in e.words {
                let (kind, part) = SealedSearch.parts(w).last ?? (.whole, w)
                var p = part
                let value = p.withUTF8 { SealedSearch.termValue(UnsafeRawBufferPointer($0), kind: kind, key: key) }
                if seen.insert(value).inserted { out.append(value) }
            }
        }
        return out
    }

    /// Whether `text` holds every element (its words as ``SearchWords`` splits them).
    package func matches(text: String) -> Bool { matches(SearchWords.words(text)) }

    /// Whether a text's words hold every element.
    func matches(_ words: [SearchWords.Word]) -> Bool {
        elements.allSatisfy { !positions(of: $0, in: words).isEmpty }
    }

    /// Where `e` starts in `words`.
    private func positions(of e: Element, in words: [SearchWords.Word]) -> [Int] {
        let k = e.words.count
        guard k > 0, words.count >= k else { return [] }
        var out: [Int] = []
        for start in 0...(words.count - k) {
            var ok = true
            for j in 0..<k {
                let w = words[start + j].folded
                let q = e.words[j]
                let last = j == k - 1
                if last && e.lastIsPrefix && q.unicodeScalars.count > 2 ? !w.hasPrefix(q) : w != q {
                    ok = false
                    break
                }
            }
            if ok { out.append(start) }
        }
        return out
    }

    /// The text with the words of each match between `\u{2}` and `\u{3}` (as SQLite's
    /// `highlight()` marks them in a plain store).
    package func highlight(_ text: String) -> String {
        var t = text
        return t.withUTF8 { utf8 in
            let words = SearchWords.words(utf8)
            var marked = Set<Int>()
            for e in elements {
                for start in positions(of: e, in: words) { for j in 0..<e.words.count { marked.insert(start + j) } }
            }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + marked.count * 2)
            var at = 0
            var index = 0
            while index < words.count {
                guard marked.contains(index) else { index += 1; continue }
                // Consecutive marked words are one highlighted span, as FTS5 marks a phrase.
                var last = index
                while marked.contains(last + 1) { last += 1 }
                let r = words[index].range.lowerBound..<words[last].range.upperBound
                out.append(contentsOf: utf8[at..<r.lowerBound])
                out.append(2)
                out.append(contentsOf: utf8[r])
                out.append(3)
                at = r.upperBound
                index = last + 1
            }
            out.append(contentsOf: utf8[at...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

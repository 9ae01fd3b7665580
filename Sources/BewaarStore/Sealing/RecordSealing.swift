/// Seals records where they are read: an encrypted store's ingest hands this to its reading
/// thread (``RecordRows/init(capacity:sealing:)``), which seals each record's text and `rest` and
/// works out its search terms, so the writing thread — the one that sets the pace — only binds
/// bytes. One per thread: it keeps a cache of the terms of the words it has seen.
public final class RecordSealing: @unchecked Sendable {
    let key: CaseKey
    /// Seals through libcrypto with the keys set up once (nil if it could not: swift-crypto then).
    private let cipher: RecordCipher?
    /// Terms of words with letters beyond ASCII, by folded word.
    private var cache: [String: String] = [:]
    private var folded: [String: String]? = [:]
    /// Terms of ASCII word beginnings: the kind in bits 48…55 and up to five lowercase bytes
    /// below (word bytes are never 0, so the packing is unambiguous) → the term's 40 bits.
    private var asciiTerms: [UInt64: UInt64] = [:]

    init(key: CaseKey) {
        self.key = key
        cipher = RecordCipher(key: key)
    }

    /// A sealing with the same key for another thread.
    public func forAnotherThread() -> RecordSealing { RecordSealing(key: key) }

    /// Appends `text` sealed (``SealedValue``) to `out`.
    func seal(_ text: String, appendingTo out: inout [UInt8]) {
        var t = text
        t.withUTF8 { seal(UnsafeRawBufferPointer($0), appendingTo: &out) }
    }

    /// Appends the bytes `plain` sealed (``SealedValue``) to `out`.
    func seal(_ plain: UnsafeRawBufferPointer, appendingTo out: inout [UInt8]) {
        if cipher?.seal(plain, appendingTo: &out) != true { out.append(contentsOf: SealedValue.seal(plain, with: key)) }
    }

    /// The search index's text for a record's text (see ``SealedSearch``).
    func terms(_ text: String) -> String {
        var out: [UInt8] = []
        terms(text, appendingTo: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the search index's text for a record's text to `out`: the same text as
    /// ``SealedSearch/terms(of:key:cache:)``, with the terms of ASCII words (most words) made
    /// from their bytes without a string.
    func terms(_ text: String, appendingTo out: inout [UInt8]) {
        var t = text
        t.withUTF8 { utf8 in
            var first = true
            SearchWords.forEachWord(utf8) { range, ascii in
                if !first { out.append(0x20) }
                first = false
                if ascii {
                    asciiWordTerms(UnsafeBufferPointer(rebasing: utf8[range]), &out)
                } else {
                    let word = SearchWords.Word(folded: SearchWords.folded(UnsafeBufferPointer(rebasing: utf8[range]), cache: &folded), range: range)
                    out.append(contentsOf: SealedSearch.terms(of: [word], key: key, cache: &cache).utf8)
                }
            }
        }
    }

    private func asciiWordTerms(_ word: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
        let n = word.count
        if n < 3 {
            appendTerm(word, n, .whole, &out)
        } else {
            appendTerm(word, 3, .first3, &out)
            if n >= 5 {
                out.append(0x20)
                appendTerm(word, 5, .first5, &out)
            }
        }
    }

    private func appendTerm(_ word: UnsafeBufferPointer<UInt8>, _ length: Int, _ kind: SealedSearch.Kind, _ out: inout [UInt8]) {
        var packed = UInt64(kind.rawValue) << 48
        for i in 0..<length {
            let b = word[i]
            packed |= UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b) << UInt64(8 * i)
        }
        let value: UInt64
        if let v = asciiTerms[packed] {
            value = v
        } else {
            value = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { part in
                for i in 0..<length { part[i] = UInt8(truncatingIfNeeded: packed >> UInt64(8 * i)) }
                return SealedSearch.termValue(UnsafeRawBufferPointer(part), kind: kind, key: key)
            }
            if asciiTerms.count < 500_000 { asciiTerms[packed] = value }
        }
        SealedSearch.appendBase32(value, to: &out)
    }
}

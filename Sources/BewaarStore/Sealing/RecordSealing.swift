/// Seals records where they are read: an encrypted store's ingest hands this to its reading
/// thread (``RecordRows/init(capacity:sealing:)``), which seals each record's text and `rest` and
/// works out its search terms, so the writing thread — the one that sets the pace — only binds
/// bytes. One per thread: it keeps a cache of the terms of the words it has seen.
public final class RecordSealing: @unchecked Sendable {
    let key: CaseKey
    private var cache: [String: String] = [:]
    private var folded: [String: String]? = [:]

    init(key: CaseKey) { self.key = key }

    /// A sealing with the same key for another thread.
    public func forAnotherThread() -> RecordSealing { RecordSealing(key: key) }

    func seal(_ text: String) -> [UInt8] { SealedValue.seal(text, with: key) }

    /// The search index's text for a record's text (see ``SealedSearch``).
    func terms(_ text: String) -> String {
        var t = text
        let words = t.withUTF8 { SearchWords.words($0, folded: &folded) }
        return SealedSearch.terms(of: words, key: key, cache: &cache)
    }
}

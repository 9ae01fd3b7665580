/// The SQLite store's search index, `messages_fts` (FTS5), as the timeline uses it.
///
/// A plain store's index holds the words (`unicode61 remove_diacritics 2`): FTS5 finds exactly
/// the hits (``FTSQuery``, words as prefixes, "phrases" whole) and marks them with `highlight()`.
/// An encrypted store's index holds keyed terms of word beginnings (``SealedSearch``): FTS5 gives
/// candidates, and each is checked against the search in Swift.
package struct FTS5SearchIndex: SearchIndex {
    package init() {}

    package func narrowing(_ request: SearchRequest, key: CaseKey?) throws -> SearchNarrowing? {
        let from = "messages_fts f JOIN messages m ON m.id = f.rowid"
        if let key {
            return SearchNarrowing(
                from: from, conditions: ["messages_fts MATCH ?"], arguments: [.text(request.indexQuery(key: key))], recordOrder: "f.rowid",
                exact: false)
        }
        guard let match = FTSQuery.build(request.input) else { return nil }
        return SearchNarrowing(
            from: from, conditions: ["messages_fts MATCH ?"], arguments: [.text(match)], recordOrder: "f.rowid", exact: true,
            highlight: "highlight(messages_fts, 0, char(2), char(3))")
    }
}

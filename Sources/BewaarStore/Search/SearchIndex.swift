/// What a timeline search needs from the store's database: how one statement narrows a case's
/// records to the candidates of a search. One implementation per index: ``FTS5SearchIndex``
/// (SQLite's `messages_fts`, plain or with keyed terms) and `PostgresSearchIndex` (the keyed
/// terms in `messages.terms`, BewaarStorePostgres).
///
/// The rest is shared: ``SearchPager`` runs the narrowed statement in keyset order (time or
/// record order, see ``SearchOrder``), in batches, checks each candidate of an inexact index
/// with ``SearchRequest/matches(text:)`` on its opened text, and fills a page until it has one
/// hit more than asked for (so the caller knows whether more follow). Hits are therefore the
/// same on every index that gives every hit as a candidate: the truth is ``SearchRequest``.
package protocol SearchIndex: Sendable {
    /// How to narrow the records of one case to the candidates of `request`, or nil when the
    /// search can find nothing on this index (then there are no hits). `key` is the case's key in
    /// an encrypted store, nil in a plain one; an index that needs one throws without it.
    func narrowing(_ request: SearchRequest, key: CaseKey?) throws -> SearchNarrowing?
}

/// The SQL that narrows `messages m` to a search's candidates: written with `?` placeholders
/// (``StoreConnection``), to be joined with the other conditions of a statement.
package struct SearchNarrowing: Sendable {
    /// The `FROM` clause's tables; `messages` is always `m`.
    package var from: String
    /// Conditions, all required, each with its `?` placeholders in order.
    package var conditions: [String]
    /// The arguments of ``conditions``, in order.
    package var arguments: [SQLValue]
    /// The expression that orders candidates by record (its values are the records' ids).
    package var recordOrder: String
    /// True when every candidate is a hit (a plain store's FTS5); false when candidates must be
    /// checked (keyed terms: a term stands for a word's beginning, and 32 or 40 bits collide).
    package var exact: Bool
    /// An expression giving the record's text with the hits marked (`\u{2}` … `\u{3}`), when
    /// the database marks them itself (FTS5's `highlight()`); nil: ``SearchRequest/highlight(_:)``.
    package var highlight: String?

    package init(
        from: String, conditions: [String], arguments: [SQLValue], recordOrder: String, exact: Bool, highlight: String? = nil
    ) {
        self.from = from
        self.conditions = conditions
        self.arguments = arguments
        self.recordOrder = recordOrder
        self.exact = exact
        self.highlight = highlight
    }
}

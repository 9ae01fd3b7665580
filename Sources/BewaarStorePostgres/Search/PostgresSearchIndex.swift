import BewaarStore

/// The PostgreSQL store's search index: the records' keyed terms in `messages.terms int4[]`
/// with the GIN index `messages_terms` (``PostgresSearchTerms``). A search's candidates are the
/// case's records holding all of its terms, `m.case_no = ? AND m.terms @> ?::int4[]`; each is
/// opened and checked in Swift (``SearchPager``), so the hits are the encrypted SQLite store's.
///
/// A PostgreSQL store is always encrypted (`notes/issue-17-store-design.md` §14): without the
/// case's key there is no search.
package struct PostgresSearchIndex: SearchIndex {
    package init() {}

    package func narrowing(_ request: SearchRequest, key: CaseKey?) throws -> SearchNarrowing? {
        guard let key else {
            throw StoreError(
                .keyMissing, nl: "Zoeken in een PostgreSQL-opslag kan alleen met de sleutel van de zaak. Open de opslag met zijn hoofdsleutel.",
                en: "Searching a PostgreSQL store needs the case's key. Open the store with its master key.")
        }
        let terms = PostgresSearchTerms.terms(of: request, key: key)
        return SearchNarrowing(
            from: "messages m", conditions: ["m.terms @> ?::int4[]"], arguments: [.text(PostgresSearchTerms.literal(terms))],
            recordOrder: "m.id", exact: false)
    }
}

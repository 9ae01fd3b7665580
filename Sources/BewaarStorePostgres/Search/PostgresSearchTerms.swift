import BewaarStore

/// The keyed search terms of a PostgreSQL store (`messages.terms int4[]`, GIN index
/// `messages_terms`; `notes/issue-17-store-design.md` §5, `notes/issue-17-pg-search.md`).
///
/// The terms are the encrypted SQLite store's (``SealedSearch``): for each word of a record, as
/// ``SearchWords`` folds it, the HMAC (the case's term key) of its first three and first five
/// letters, or of the whole word when it is shorter than three. SQLite keeps 40 bits of each, as
/// 8 base32 letters; PostgreSQL keeps **the top 32 of those 40 bits**, as an `int4` with the same
/// bit pattern (``int4(_:)``). So a SQLite term's letters give the PostgreSQL term without the
/// text (for `bewaar store migrate`), and every word's beginning is found as on SQLite. Terms of
/// different words may collide (1 in 2^32 for two given words): a candidate is always checked in
/// Swift, so a collision costs a record read, never a wrong hit.
package enum PostgresSearchTerms {
    /// A term's 40 bits (``SealedSearch/termValue(_:kind:key:)``) as `messages.terms` keeps it:
    /// the top 32 bits, read as a signed 32-bit number.
    package static func int4(_ value: UInt64) -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: value >> 8))
    }

    /// What `messages.terms` holds for a record's (plain) text: its words' terms, each once,
    /// in ascending order. For many records use a ``PostgresTermMaker`` (it remembers words).
    package static func terms(of text: String, key: CaseKey) -> [Int32] {
        var maker = PostgresTermMaker(key: key)
        return maker.terms(of: text)
    }

    /// The terms every hit of `request` holds: for each of its words, the term of its longest
    /// indexed beginning (as the SQLite store's ``SearchRequest/termValues(key:)``).
    package static func terms(of request: SearchRequest, key: CaseKey) -> [Int32] {
        var seen = Set<Int32>()
        return request.termValues(key: key).map(int4).filter { seen.insert($0).inserted }
    }

    /// `terms` as an `int4[]` literal (`{1,-2,3}`), for a `?::int4[]` parameter (``SQLValue`` has
    /// no array).
    package static func literal(_ terms: [Int32]) -> String {
        "{" + terms.map(String.init).joined(separator: ",") + "}"
    }
}

/// Works out records' `messages.terms` for one case, remembering the terms of the words it has
/// seen (a chat's words repeat). What a caller of `PostgresRecordWriter` puts into
/// `PostgresRecord.terms`. One per thread.
package struct PostgresTermMaker {
    package let key: CaseKey
    private var known: [String: [Int32]] = [:]

    package init(key: CaseKey) { self.key = key }

    /// The terms of a record's plain text: each once, ascending.
    package mutating func terms(of text: String) -> [Int32] {
        var out = Set<Int32>()
        for word in SearchWords.words(text) {
            if let terms = known[word.folded] {
                out.formUnion(terms)
                continue
            }
            let terms = SealedSearch.parts(word.folded).map { kind, part in
                var p = part
                return PostgresSearchTerms.int4(p.withUTF8 { SealedSearch.termValue(UnsafeRawBufferPointer($0), kind: kind, key: key) })
            }
            if known.count < 200_000 { known[word.folded] = terms }
            out.formUnion(terms)
        }
        return out.sorted()
    }
}

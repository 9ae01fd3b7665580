/// One record (a chat message, a mail, a post) as the PostgreSQL store keeps it in `messages`:
/// its columns, with what the store seals already sealed (`text`, `rest`, `verbatim` are the
/// sealed bytes: a PostgreSQL store is always encrypted, `notes/issue-17-store-design.md` §14),
/// the author as its number in `authors`, the kind by its name (there is no kind code on
/// PostgreSQL), and the record's keyed search terms (§5).
///
/// A record is addressed by its item and `seq`, its place in the item (0, 1, 2, …), never by its
/// row id: two servers ingesting at once interleave the ids (§1.5 item 1, §2.4).
package struct PostgresRecord: Sendable, Hashable {
    /// The record's place in its item, from 0.
    package var seq: Int64
    /// Seconds since 1970 (UTC), when the record has a time.
    package var time: Double?
    /// The offset from UTC in seconds that the original's time had, when it has a time.
    package var utcOffset: Int64?
    /// The author's number (`authors.id`), when the record has an author.
    package var author: Int64?
    /// The kind's name (`text`, `system`, `media`, …).
    package var kind: String
    /// The sealed text.
    package var text: [UInt8]
    /// The line of the original the record starts on, when the format has lines.
    package var originLine: Int64?
    /// Where the record's bytes start in the original, and how many there are.
    package var originOffset: Int64
    package var originLength: Int64
    /// What no column holds (see `StoredRecord`), sealed; nil for most chat lines.
    package var rest: [UInt8]?
    /// The record's JSON as stored before v6, sealed; nil for records written since.
    package var verbatim: [UInt8]?
    /// The record's keyed search terms (`messages.terms`).
    ///
    /// They are given, not computed here: the keyed-term function of §5 (an HMAC with the case's
    /// key, as `SealedSearch.termValue`, kept as 32 bits) is the search step's to define.
    package var terms: [Int32]

    package init(
        seq: Int64, time: Double? = nil, utcOffset: Int64? = nil, author: Int64? = nil, kind: String, text: [UInt8], originLine: Int64? = nil,
        originOffset: Int64, originLength: Int64, rest: [UInt8]? = nil, verbatim: [UInt8]? = nil, terms: [Int32] = []
    ) {
        self.seq = seq
        self.time = time
        self.utcOffset = utcOffset
        self.author = author
        self.kind = kind
        self.text = text
        self.originLine = originLine
        self.originOffset = originOffset
        self.originLength = originLength
        self.rest = rest
        self.verbatim = verbatim
        self.terms = terms
    }
}

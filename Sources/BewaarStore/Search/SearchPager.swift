/// Runs one search on one case through a ``SearchIndex``: the narrowed statement in keyset
/// order, in batches, each candidate of an inexact index opened and checked in Swift
/// (``SearchRequest/matches(text:)``), until a page has one hit more than it shows.
///
/// Used inside a read transaction (``StoreConnection``), so every batch sees the same records.
/// The statement is the same text on SQLite and PostgreSQL (`?` placeholders, written-out
/// keyset conditions that SQLite's expression index seeks on; see ``CaseStore/timeline(_:_:)``).
package struct SearchPager {
    package let request: SearchRequest
    package let narrowing: SearchNarrowing
    /// The case's number (`cases.no`, `messages.case_no`).
    package let caseNumber: Int64
    /// The case's key: opens the candidates' sealed text (nil in a plain store).
    package let key: CaseKey?
    /// Candidates per statement (an exact index reads just what the page needs).
    package var batch = 256
    /// Tables joined to the narrowing's (the timeline's `LEFT JOIN marks k ON k.message_id = m.id`
    /// for its marked-only filter), without arguments.
    package var joins = ""
    /// More conditions on `m`, all required (the timeline's filters), with their arguments.
    package var filter: [String] = []
    package var filterArguments: [SQLValue] = []

    /// A pager for `request` on case `caseNumber`, or nil when the index can find nothing for it.
    package init?(index: any SearchIndex, request: SearchRequest, caseNumber: Int64, key: CaseKey?) throws {
        guard let narrowing = try index.narrowing(request, key: key) else { return nil }
        self.request = request
        self.narrowing = narrowing
        self.caseNumber = caseNumber
        self.key = key
    }

    /// Up to `limit` hits after `cursor` (from the start when nil) in `order`, after skipping
    /// `skip` hits; ``SearchHits/hasMore`` tells whether more follow.
    package func page(
        _ order: SearchOrder, after cursor: SearchCursor? = nil, limit: Int, skip: Int = 0, on c: any StoreConnection
    ) throws
        -> SearchHits
    {
        try page(order, after: cursor, limit: limit, skip: skip, on: c) { _, _ in () }.hits
    }

    /// ``page(_:after:limit:skip:on:)`` that also selects `columns` (after `m.id`, the time key
    /// and `m.text`, from the narrowing's tables, ``joins`` and `columnJoins`) and reads each
    /// hit's row with `entry`: the timeline's page, its entries read only for the hits it shows.
    package func page<Entry>(
        _ order: SearchOrder, after cursor: SearchCursor? = nil, limit: Int, skip: Int = 0, columns: String = "", columnJoins: String = "",
        on c: any StoreConnection, entry: (any SQLRow, SearchHit) throws -> Entry
    ) throws -> (hits: SearchHits, entries: [Entry]) {
        let limit = max(1, limit)
        var toSkip = max(0, skip)
        // An exact index skips in the statement (`OFFSET`), as the timeline always has.
        let offset = narrowing.exact ? toSkip : 0
        if narrowing.exact { toSkip = 0 }
        let want = limit + 1 + toSkip
        let size = narrowing.exact ? want : max(batch, limit + 1)
        var out = SearchHits(hits: [], hasMore: false, candidates: 0, falseCandidates: 0)
        var entries: [Entry] = []
        var at = cursor
        let backwards = cursor?.backwards ?? false
        var opener = TextOpener(key: key)
        let select = "m.id, COALESCE(m.ts, 1e18) AS at, m.text" + (columns.isEmpty ? "" : ", " + columns)
        var first = true
        while true {
            let (sql, arguments) = statement(
                order, after: at, backwards: backwards, count: size, select: select, moreJoins: columnJoins, offset: first ? offset : 0)
            first = false
            var read = 0
            var full = false
            try c.forEach(sql, arguments) { row in
                read += 1
                guard !full else { return }
                out.candidates += 1
                let id = try row.read(0, "id", as: Int64.self)
                let time = try row.read(1, "at", as: Double.self)
                at = SearchCursor(id: id, time: time, backwards: backwards)
                let text = try opener.text(row[2], record: id, caseNumber: caseNumber)
                if !narrowing.exact && !request.matches(text: text) {
                    out.falseCandidates += 1
                    return
                }
                if toSkip > 0 {
                    toSkip -= 1
                    return
                }
                if out.hits.count == limit {
                    out.hasMore = true
                    full = true
                    return
                }
                let hit = SearchHit(id: id, time: time, text: text)
                out.hits.append(hit)
                entries.append(try entry(row, hit))
            }
            if full || read < size { return (out, entries) }
        }
    }

    /// Whether the search has more than `count` hits (the timeline then gives record order:
    /// ``CaseStore/searchSortLimit``).
    package func hasMoreHits(than count: Int, on c: any StoreConnection) throws -> Bool {
        if narrowing.exact {
            let (sql, arguments) = statement(.record, after: nil, backwards: false, count: count + 1, select: "1")
            let hits = try c.fetchValue("SELECT COUNT(*) FROM (\(sql)) AS hits", arguments, as: Int64.self) ?? 0
            return hits > Int64(count)
        }
        return try page(.record, limit: count, on: c).hasMore
    }

    /// The order the timeline gives this search's hits in: chronological up to `sortLimit` hits,
    /// by record beyond.
    package func timelineOrder(sortLimit: Int, on c: any StoreConnection) throws -> SearchOrder {
        try hasMoreHits(than: sortLimit, on: c) ? .record : .time
    }

    /// The cursor at record `id` of this case (its time key read), or an error naming the case
    /// when the record is not one of the case's.
    package func cursor(at id: Int64, backwards: Bool = false, on c: any StoreConnection) throws -> SearchCursor {
        let row = try c.fetchOne("SELECT COALESCE(ts, 1e18) FROM messages WHERE id = ? AND case_no = ?", [.int(id), .int(caseNumber)])
        guard let value = row?[0], let time = Double(sqlValue: value) else {
            throw StoreError(
                .invalidValue, nl: "Bericht \(id) hoort niet bij zaak nummer \(caseNumber).",
                en: "Record \(id) does not belong to case number \(caseNumber).")
        }
        return SearchCursor(id: id, time: time, backwards: backwards)
    }

    /// The statement for up to `count` candidates after `cursor`, and its arguments.
    func statement(
        _ order: SearchOrder, after cursor: SearchCursor?, backwards: Bool, count: Int, select: String? = nil, moreJoins: String = "",
        offset: Int = 0
    ) -> (
        String, [SQLValue]
    ) {
        var conditions = ["m.case_no = ?"] + narrowing.conditions + filter
        var arguments: [SQLValue] = [.int(caseNumber)] + narrowing.arguments + filterArguments
        let op = backwards ? "<" : ">"
        let time = "COALESCE(m.ts, 1e18)"
        if let cursor {
            switch order {
            case .record:
                conditions.append("\(narrowing.recordOrder) \(op) ?")
                arguments.append(.int(cursor.id))
            case .time:
                // Written out (not as a row value): SQLite 3.40 seeks the expression index only so.
                conditions.append("\(time) \(op)= ? AND (\(time) \(op) ? OR m.id \(op) ?)")
                arguments += [.double(cursor.time), .double(cursor.time), .int(cursor.id)]
            }
        }
        let direction = backwards ? " DESC" : ""
        let orderBy = order == .record ? narrowing.recordOrder + direction : "\(time)\(direction), m.id\(direction)"
        arguments.append(.int(Int64(count)))
        if offset > 0 { arguments.append(.int(Int64(offset))) }
        let sql = """
            SELECT \(select ?? "m.id, \(time) AS at, m.text") FROM \(narrowing.from) \(joins) \(moreJoins)
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(orderBy) LIMIT ?\(offset > 0 ? " OFFSET ?" : "")
            """
        return (sql, arguments)
    }
}

/// Opens the candidates' text: sealed bytes with the case's key (libcrypto's contexts kept for
/// the whole page, ``RecordCipher``), plain text as it is.
struct TextOpener {
    let key: CaseKey?
    private var cipher: RecordCipher?

    init(key: CaseKey?) {
        self.key = key
        cipher = key.flatMap(RecordCipher.init(key:))
    }

    mutating func text(_ value: SQLValue, record: Int64, caseNumber: Int64) throws -> String {
        switch value {
        case .text(let s): return s
        case .null: return ""
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bytes(let bytes):
            let plain = bytes.withUnsafeBytes { raw -> [UInt8]? in
                guard SealedValue.isSealed(raw) else { return Array(raw) }
                guard let key else { return nil }
                return cipher?.open(raw) ?? SealedValue.open(raw, with: key)
            }
            guard let plain else {
                throw StoreError(
                    .wrongKey,
                    nl:
                        "De tekst van bericht \(record) (zaak nummer \(caseNumber)) gaat niet open: beschadigd, of niet met de sleutel van deze zaak. Draai `bewaar check`.",
                    en:
                        "The text of record \(record) (case number \(caseNumber)) does not open: damaged, or not with this case's key. Run `bewaar check`."
                )
            }
            return String(decoding: plain, as: UTF8.self)
        }
    }
}

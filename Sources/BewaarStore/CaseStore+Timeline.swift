import Foundation
import GRDB
import BewaarModel

/// Which records of a case to show.
public struct TimelineQuery: Sendable {
    /// Only records by this person's linked handles.
    public var person: String?
    /// Only records by this author/handle.
    public var handle: String?
    public var from: Date?
    public var to: Date?
    public var kinds: [String] = []
    /// Full-text search: words (all must occur, each matched at word beginnings), "a phrase".
    public var search: String?
    public var onlyMarked = false
    public var limit = 200
    /// Skips this many entries (deep pages are slow this way: use ``after`` and ``before``).
    public var offset = 0
    /// Keyset paging: the entries after this record (the last of the page before), or before
    /// it (the first of the page after; the page is still returned in order). Every page costs
    /// the same, however deep.
    public var after: Int64?
    public var before: Int64?

    public init() {}
}

/// One page of a timeline.
public struct TimelinePage: Sendable {
    public var entries: [TimelineEntry]
    /// Whether more entries follow this page.
    public var hasMore: Bool
    /// Whether entries come before this page.
    public var hasEarlier = false

    public init(entries: [TimelineEntry], hasMore: Bool, hasEarlier: Bool = false) {
        self.entries = entries
        self.hasMore = hasMore
        self.hasEarlier = hasEarlier
    }
}

extension CaseStore {
    /// The merged, chronological timeline of every record of a case, filtered.
    public func timeline(_ id: CaseID, _ q: TimelineQuery) throws -> TimelinePage {
        // Withdrawn items (a wrong upload) are kept but not shown.
        // A message on two screenshots of a scrolled series is shown once: at the earlier one.
        var conditions = [
            "m.case_no = \(CompactRecordSchema.caseNo)", "m.item_id NOT IN (SELECT item_id FROM withdrawals)",
            "m.id NOT IN (SELECT record_id FROM record_links WHERE kind = 'repeat')",
        ]
        var args: [any DatabaseValueConvertible] = [id.description]
        var from = "messages m"
        var textColumn = "NULL"
        var sealedSearch: SearchRequest?
        if let search = q.search, let keyring = sealing.keyring {
            // An encrypted store's index holds hashed word beginnings: it gives candidates, and
            // each is opened and checked (see ``SealedSearch``).
            guard let request = SearchRequest(search) else { return TimelinePage(entries: [], hasMore: false) }
            guard let key = keyring.key(for: id.description.databaseValue) else { throw StoreError.unknownCase(id.description) }
            from = "messages_fts f JOIN messages m ON m.id = f.rowid"
            conditions.append("messages_fts MATCH ?")
            args.append(request.indexQuery(key: key))
            sealedSearch = request
        } else if let search = q.search, let match = FTSQuery.build(search) {
            from = "messages_fts f JOIN messages m ON m.id = f.rowid"
            conditions.append("messages_fts MATCH ?")
            args.append(match)
            textColumn = "highlight(messages_fts, 0, char(2), char(3))"
        } else if let search = q.search, !search.trimmingCharacters(in: .whitespaces).isEmpty {
            return TimelinePage(entries: [], hasMore: false)
        }
        var authorValues: [Handle] = []
        if let person = q.person {
            let people = try people(id).filter { $0.name.caseInsensitiveCompare(person) == .orderedSame }
            guard let p = people.first else {
                throw StoreError(.unknownPerson, nl: "\(person) staat niet bij zaak \(id).", en: "\(person) is not on case \(id).")
            }
            authorValues = try handles(id).filter { $0.personID == p.id }
            if authorValues.isEmpty { authorValues = [Handle(personID: p.id ?? 0, value: p.name, kind: .naam)] }
        }
        if let h = q.handle { authorValues.append(Handle(personID: 0, value: h, kind: HandleKind.guess(h))) }
        if !authorValues.isEmpty {
            // Match in Swift with the same rule everywhere (Handle.matches), then filter exactly.
            let authors = try read { db in
                try Row.fetchAll(
                    db, cached: "SELECT id, name, case_no FROM authors WHERE case_no = \(CompactRecordSchema.caseNo)",
                    arguments: [id.description]
                ).map { (id: $0[0] as Int64, name: try sealer.open($0[1], case: $0[2] as DatabaseValue) ?? "") }
            }.filter { a in authorValues.contains { $0.matches(author: a.name) } }
            if authors.isEmpty { return TimelinePage(entries: [], hasMore: false) }
            conditions.append("m.author_no IN (" + authors.map { _ in "?" }.joined(separator: ",") + ")")
            args.append(contentsOf: authors.map { $0.id as any DatabaseValueConvertible })
        }
        // Time ranges also as `COALESCE(ts, 1e18)`: the expression of the timeline index, which serves them.
        if let f = q.from {
            conditions.append("m.ts >= ? AND COALESCE(m.ts, 1e18) >= ?")
            args.append(contentsOf: [f.timeIntervalSince1970, f.timeIntervalSince1970])
        }
        if let t = q.to { conditions.append("COALESCE(m.ts, 1e18) < ?"); args.append(t.timeIntervalSince1970) }
        if !q.kinds.isEmpty {
            conditions.append("m.kind IN (" + q.kinds.map { _ in "?, ?" }.joined(separator: ",") + ")")
            args.append(contentsOf: q.kinds.flatMap(StoredKind.values))
        }
        if q.onlyMarked { conditions.append("k.message_id IS NOT NULL") }
        let whereClause = conditions.joined(separator: " AND ")
        let joins = q.onlyMarked ? "LEFT JOIN marks k ON k.message_id = m.id" : ""
        // Chronological order (undated records last), served by the messages_case_order index.
        // A search with very many hits is returned in record order instead (chronological within
        // each original), so the first page never waits for every hit to be sorted.
        var order = "COALESCE(m.ts, 1e18), m.id"
        if q.search != nil {
            let countSQL = "SELECT COUNT(*) FROM (SELECT 1 FROM \(from) \(joins) WHERE \(whereClause) LIMIT \(Self.searchSortLimit + 1))"
            let arguments: StatementArguments = StatementArguments(args)
            let sealed = sealedSearch, candidates = args
            let many = try read { db in
                let stamp = try String.fetchOne(db, cached: Self.searchStampSQL) ?? ""
                // The search itself is part of the key: an encrypted store's index query is the same
                // for searches that share their words' indexed beginnings ("dikk" and "dik").
                return try searchOrder.many(key: countSQL + "\u{0}" + arguments.description + "\u{0}" + (q.search ?? ""), stamp: stamp) {
                    if let sealed {
                        return try sealedHits(
                            sealed, exceed: Self.searchSortLimit, from: "\(from) \(joins)", where: whereClause, arguments: candidates, db)
                    }
                    return try Int.fetchOne(db, cached: countSQL, arguments: arguments) ?? 0 > Self.searchSortLimit
                }
            }
            if many { order = "f.rowid" }  // the full-text index yields rowids in order: no sort
        }
        // Keyset paging: from the cursor record's place in the same order, never counting rows.
        let byRowID = order == "f.rowid"
        let backwards = q.before != nil && q.after == nil
        // The filters' arguments, before the keyset's (an encrypted store's search adds its own per batch).
        let filterArguments = args
        var keyset = whereClause
        var position: (key: Double, id: Int64)?
        if let cursor = q.after ?? q.before {
            let key = try read { db in
                try Double.fetchOne(
                    db, cached: "SELECT COALESCE(ts, 1e18) FROM messages WHERE id = ? AND case_no = \(CompactRecordSchema.caseNo)",
                    arguments: [cursor, id.description])
            }
            guard let key else {
                throw StoreError(.invalidValue, nl: "Dit bericht hoort niet bij zaak \(id).", en: "This record does not belong to case \(id).")
            }
            position = (key, cursor)
            let op = backwards ? "<" : ">"
            if byRowID {
                keyset += " AND f.rowid \(op) ?"
                args.append(cursor)
            } else {
                // Written out (not as a row value): SQLite 3.40 seeks the expression index only so.
                keyset += " AND COALESCE(m.ts, 1e18) \(op)= ? AND (COALESCE(m.ts, 1e18) \(op) ? OR m.id \(op) ?)"
                args.append(contentsOf: [key, key, cursor] as [any DatabaseValueConvertible])
            }
        }
        if backwards { order = byRowID ? "f.rowid DESC" : "COALESCE(m.ts, 1e18) DESC, m.id DESC" }
        let limit = max(1, q.limit)
        if let sealedSearch {
            var (entries, more) = try sealedSearchPage(
                sealedSearch, from: from, where: whereClause, arguments: filterArguments, order: order, byRowID: byRowID, backwards: backwards,
                at: position, limit: limit, skip: q.after == nil && q.before == nil ? max(0, q.offset) : 0)
            for i in entries.indices { entries[i].highlighted = sealedSearch.highlight(entries[i].message.text) }
            if backwards { return TimelinePage(entries: entries.reversed(), hasMore: true, hasEarlier: more) }
            return TimelinePage(entries: entries, hasMore: more, hasEarlier: q.after != nil || q.offset > 0)
        }
        let sql = """
            SELECT m.id, m.item_id, \(StoredRecord.columns), \(textColumn) AS hl, i.name AS item_name, i.sha256 AS item_sha,
                   k.reason AS mark_reason, k.note AS mark_note, k.by AS mark_by, k.at AS mark_at
            FROM \(from) JOIN items i ON i.id = m.item_id LEFT JOIN marks k ON k.message_id = m.id
            WHERE \(keyset)
            ORDER BY \(order)
            LIMIT ? OFFSET ?
            """
        args.append(contentsOf: [limit + 1, q.after == nil && q.before == nil ? max(0, q.offset) : 0] as [any DatabaseValueConvertible])
        let rows = try read { db in try TimelineEntryRow.fetchAll(db, cached: sql, arguments: StatementArguments(args), sealer: sealer) }
        var entries = rows.prefix(limit).compactMap(\.value)
        if q.search == nil { for i in entries.indices { entries[i].highlighted = nil } }
        if backwards {
            return TimelinePage(entries: entries.reversed(), hasMore: true, hasEarlier: rows.count > limit)
        }
        return TimelinePage(entries: entries, hasMore: rows.count > limit, hasEarlier: q.after != nil || q.offset > 0)
    }

    /// A page of an encrypted store's search: the index's candidates (`where` holds its `MATCH`
    /// and the timeline's filters) in the page's `order`, batch by batch from `position` (the
    /// cursor's time key and id), each one's text opened and checked against the search in Swift
    /// (``SearchRequest``, as ``SearchPager`` does), until one hit more than `limit` passes.
    /// Returns the hits in the statement's order (at most `limit`) and whether more follow.
    private func sealedSearchPage(
        _ request: SearchRequest, from: String, where whereClause: String, arguments: [any DatabaseValueConvertible], order: String,
        byRowID: Bool, backwards: Bool, at position: (key: Double, id: Int64)?, limit: Int, skip: Int
    ) throws -> (entries: [TimelineEntry], more: Bool) {
        let op = backwards ? "<" : ">"
        let batch = max(256, limit + 1)
        // The record's columns start at 2: its text is the fifth, its case number the eleventh;
        // the time key is selected last, for the next batch's keyset.
        let text = 2 + 4, caseNo = 2 + 10, timeKey = TimelineEntryRow.columnCount
        return try read { db in
            let opener = SealedOpener(sealer)
            var at = position
            var toSkip = skip
            var entries: [TimelineEntry] = []
            var hits = 0
            while true {
                var conditions = whereClause
                var args = arguments
                if let at {
                    if byRowID {
                        conditions += " AND f.rowid \(op) ?"
                        args.append(at.id)
                    } else {
                        conditions += " AND COALESCE(m.ts, 1e18) \(op)= ? AND (COALESCE(m.ts, 1e18) \(op) ? OR m.id \(op) ?)"
                        args.append(contentsOf: [at.key, at.key, at.id] as [any DatabaseValueConvertible])
                    }
                }
                args.append(batch)
                let sql = """
                    SELECT m.id, m.item_id, \(StoredRecord.columns), NULL AS hl, i.name AS item_name, i.sha256 AS item_sha,
                           k.reason AS mark_reason, k.note AS mark_note, k.by AS mark_by, k.at AS mark_at, COALESCE(m.ts, 1e18) AS time_key
                    FROM \(from) JOIN items i ON i.id = m.item_id LEFT JOIN marks k ON k.message_id = m.id
                    WHERE \(conditions)
                    ORDER BY \(order)
                    LIMIT ?
                    """
                let rows = try Row.fetchAll(db, cached: sql, arguments: StatementArguments(args))
                for row in rows {
                    at = (key: row[timeKey] as Double, id: row[0] as Int64)
                    guard request.matches(text: try opener.text(row, text, case: row[caseNo]) ?? "") else { continue }
                    if toSkip > 0 {
                        toSkip -= 1
                        continue
                    }
                    hits += 1
                    if hits > limit { return (entries, true) }
                    // A record whose stored JSON cannot be read is left out, as always.
                    if let entry = try Self.entry(from: row, opener: opener) { entries.append(entry) }
                }
                if rows.count < batch { return (entries, false) }
            }
        }
    }

    /// Whether an encrypted store's search has more than `count` hits: the candidates in record
    /// order, batch by batch, each opened and checked in Swift.
    private func sealedHits(
        _ request: SearchRequest, exceed count: Int, from: String, where whereClause: String, arguments: [any DatabaseValueConvertible],
        _ db: Database
    ) throws -> Bool {
        let opener = SealedOpener(sealer)
        var last: Int64?
        var hits = 0
        while true {
            var args = arguments
            if let last { args.append(last) }
            args.append(1_024)
            let sql = """
                SELECT f.rowid, m.case_no, m.text FROM \(from) WHERE \(whereClause)\(last == nil ? "" : " AND f.rowid > ?")
                ORDER BY f.rowid LIMIT ?
                """
            let rows = try Row.fetchAll(db, cached: sql, arguments: StatementArguments(args))
            for row in rows {
                last = row[0] as Int64
                if request.matches(text: try opener.text(row, 2, case: row[1]) ?? "") {
                    hits += 1
                    if hits > count { return true }
                }
            }
            if rows.count < 1_024 { return false }
        }
    }

    /// How many records the timeline of a case holds (withdrawn items and repeated screenshot
    /// messages left out), from the items' own counts: no record is counted.
    public func timelineCount(_ id: CaseID) throws -> Int {
        try read { db in
            try Int.fetchOne(db, cached: Self.timelineCountSQL, arguments: [id.description]) ?? 0
        }
    }

    /// What changes whenever a search's hits may: the newest record and item, the marks,
    /// withdrawals and screenshot links.
    static let searchStampSQL = """
        SELECT (SELECT COALESCE(MAX(id), 0) FROM messages) || '/' || (SELECT COALESCE(MAX(id), 0) FROM items) || '/'
            || (SELECT COUNT(*) FROM marks) || '/' || (SELECT COUNT(*) FROM withdrawals) || '/' || (SELECT COUNT(*) FROM record_links)
        """

    /// The items' record counts, less the screenshot messages an earlier screenshot showed.
    static let timelineCountSQL = """
        SELECT COALESCE(SUM(message_count), 0)
            - (SELECT COUNT(*) FROM record_links l JOIN items r ON r.id = l.item_id
               WHERE l.kind = 'repeat' AND r.case_id = ?1 AND r.id NOT IN (SELECT item_id FROM withdrawals))
        FROM items WHERE case_id = ?1 AND id NOT IN (SELECT item_id FROM withdrawals)
        """

    /// Up to this many search hits are sorted chronologically; more are shown in record order.
    public static let searchSortLimit = 5000

    /// An entry from a row selected as the timeline selects it: `m.id, m.item_id`, the record's
    /// ``StoredRecord/columns``, then `hl, item_name, item_sha` and the mark's four columns —
    /// read by position, its sealed columns (the record's, the item's name, the mark's note)
    /// opened by `opener` with the key of the record's case.
    static func entry(from row: Row, opener: SealedOpener) throws -> TimelineEntry? {
        let b = 2, after = 2 + StoredRecord.columnCount
        let caseNo = b + StoredRecord.columnCount - 1
        guard let m = try StoredRecord.message(from: row, at: b, opener: opener), let sha = SHA256Digest(hex: row[after + 2] as String) else {
            return nil
        }
        var mark: Mark?
        if let reason = row[after + 3] as String? {
            mark = Mark(
                messageID: row[0], reason: MarkReason(rawValue: reason) ?? .anders, note: try opener.text(row, after + 4, case: row[caseNo]),
                by: row[after + 5], at: Date(stored: row[after + 6] as String?) ?? Date(timeIntervalSince1970: 0))
        }
        return TimelineEntry(
            id: row[0], itemID: row[1], itemName: try opener.text(row, after + 1, case: row[caseNo]) ?? "", itemSHA256: sha, message: m,
            highlighted: row[after], mark: mark)
    }

    /// The records around one record in its own original (for context in the packet).
    public func context(around messageID: Int64, before: Int, after: Int) throws -> [TimelineEntry] {
        try read { db in
            guard let anchor = try Row.fetchOne(db, cached: "SELECT item_id, seq FROM messages WHERE id = ?", arguments: [messageID]) else {
                return []
            }
            let item: Int64 = anchor["item_id"], seq: Int = anchor["seq"]
            return try TimelineEntryRow.fetchAll(
                db,
                cached: """
                    SELECT m.id, m.item_id, \(StoredRecord.columns), NULL AS hl, i.name AS item_name, i.sha256 AS item_sha,
                           k.reason AS mark_reason, k.note AS mark_note, k.by AS mark_by, k.at AS mark_at
                    FROM messages m JOIN items i ON i.id = m.item_id LEFT JOIN marks k ON k.message_id = m.id
                    WHERE \(ItemRecordRange.condition(item: "?1", low: "?2", high: "?3")) ORDER BY m.seq
                    """, arguments: [item, seq - before, seq + after], sealer: sealer
            ).compactMap(\.value)
        }
    }

    /// Messages per day (in `zone`) by any of these authors' handles, for the packet's chart.
    public func messagesPerDay(_ id: CaseID, authors: [Handle], zone: TimeZone) throws -> [(day: String, count: Int)] {
        guard !authors.isEmpty else { return [] }
        let rows = try read { db in
            try Row.fetchAll(
                db,
                cached: """
                    SELECT a.name AS author, a.case_no, m.ts FROM messages m JOIN authors a ON a.id = m.author_no
                    WHERE m.case_no = \(CompactRecordSchema.caseNo) AND m.ts IS NOT NULL AND m.kind NOT IN (?, ?)
                    """, arguments: StatementArguments([id.description as any DatabaseValueConvertible] + StoredKind.values("system")))
        }
        var counts: [String: Int] = [:]
        // Each author's name opened once (they repeat on every record).
        var names: [DatabaseValue: String] = [:]
        for row in rows {
            let stored: DatabaseValue = row["author"]
            let author: String
            if let known = names[stored] {
                author = known
            } else {
                author = try sealer.open(stored, case: row["case_no"] as DatabaseValue) ?? ""
                names[stored] = author
            }
            guard authors.contains(where: { $0.matches(author: author) }) else { continue }
            let date = Date(timeIntervalSince1970: row["ts"] as Double)
            let day = String(Timestamp(date: date, in: zone).rfc3339.prefix(10))
            counts[day, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Number of records in a case.
    public func messageCount(_ id: CaseID) throws -> Int {
        try read { db in
            try Int.fetchOne(db, cached: "SELECT COUNT(*) FROM messages WHERE case_no = \(CompactRecordSchema.caseNo)", arguments: [id.description])
                ?? 0
        }
    }
}

/// Turns what a person types into a safe FTS5 query: every word quoted (so no FTS syntax can be
/// injected) and matched at word beginnings (`dik` finds "dikke": a prefix term), "quoted
/// phrases" kept as exact phrases; a trailing `*` is allowed and means the same as none.
public enum FTSQuery {
    public static func build(_ input: String) -> String? {
        var terms: [String] = []
        var i = input.startIndex
        func quote(_ s: Substring) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        while i < input.endIndex {
            let c = input[i]
            if c.isWhitespace { i = input.index(after: i); continue }
            if c == "\"" {
                let start = input.index(after: i)
                let end = input[start...].firstIndex(of: "\"") ?? input.endIndex
                let phrase = input[start..<end].trimmingCharacters(in: .whitespaces)
                if !phrase.isEmpty { terms.append(quote(Substring(phrase))) }
                i = end < input.endIndex ? input.index(after: end) : end
                continue
            }
            let end = input[i...].firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? input.endIndex
            var word = input[i..<end]
            while word.hasSuffix("*") { word = word.dropLast() }
            if !word.isEmpty { terms.append(quote(word) + "*") }
            i = end
        }
        // Search the message text only; authors have their own filters.
        return terms.isEmpty ? nil : "text : (" + terms.joined(separator: " ") + ")"
    }
}

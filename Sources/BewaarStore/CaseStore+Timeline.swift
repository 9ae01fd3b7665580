import Foundation
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
        let empty = TimelinePage(entries: [], hasMore: false)
        // A search goes through the store's index (``StoreDialect/search``) and ``SearchPager``.
        var request: SearchRequest?
        var key: CaseKey?
        if let search = q.search {
            if let parsed = SearchRequest(search) {
                request = parsed
            } else if sealing.keyring != nil || !search.trimmingCharacters(in: .whitespaces).isEmpty {
                return empty
            }
            // (A blank search in a plain store is no search: the whole timeline.)
            if request != nil, let keyring = sealing.keyring {
                // An encrypted store's index holds hashed word beginnings: it gives candidates, and
                // each is opened and checked in Swift (see ``SealedSearch``).
                guard let found = keyring.key(for: SQLValue.text(id.description).databaseValue) else { throw StoreError.unknownCase(id.description) }
                key = found
            }
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
        return try reading { c in
            guard let caseNumber = try c.fetchValue("SELECT no FROM cases WHERE id = ?1", [.text(id.description)], as: Int64.self) else {
                return empty
            }
            // Withdrawn items (a wrong upload) are kept but not shown.
            // A message on two screenshots of a scrolled series is shown once: at the earlier one.
            var filter = [
                "m.item_id NOT IN (SELECT item_id FROM withdrawals)", "m.id NOT IN (SELECT record_id FROM record_links WHERE kind = 'repeat')",
            ]
            var arguments: [SQLValue] = []
            if !authorValues.isEmpty {
                // Match in Swift with the same rule everywhere (Handle.matches), then filter exactly.
                let authors = try c.fetch("SELECT id, name, case_no FROM authors WHERE case_no = ?1", [.int(caseNumber)]).map { row in
                    (id: try row.read(0, "id", table: "authors", as: Int64.self), name: try sealer.open(row[1], case: row[2]) ?? "")
                }.filter { a in authorValues.contains { $0.matches(author: a.name) } }
                if authors.isEmpty { return empty }
                filter.append("m.author_no IN (" + authors.map { _ in "?" }.joined(separator: ",") + ")")
                arguments += authors.map { .int($0.id) }
            }
            // Time ranges also as `COALESCE(ts, 1e18)`: the expression of the timeline index, which serves them.
            if let f = q.from {
                filter.append("m.ts >= ? AND COALESCE(m.ts, 1e18) >= ?")
                arguments += [.double(f.timeIntervalSince1970), .double(f.timeIntervalSince1970)]
            }
            if let t = q.to {
                filter.append("COALESCE(m.ts, 1e18) < ?")
                arguments.append(.double(t.timeIntervalSince1970))
            }
            if !q.kinds.isEmpty {
                let kinds = dialect.records.kindFilter("m.kind", in: q.kinds)
                filter.append(kinds.sql)
                arguments += kinds.arguments
            }
            if q.onlyMarked { filter.append("k.message_id IS NOT NULL") }
            // Keyset paging: from the cursor record's place in the same order, never counting rows.
            let backwards = q.before != nil && q.after == nil
            var cursor: SearchCursor?
            if let record = q.after ?? q.before {
                let at = try c.fetchValue(
                    "SELECT COALESCE(ts, 1e18) FROM messages WHERE id = ?1 AND case_no = ?2", [.int(record), .int(caseNumber)], as: Double.self)
                guard let at else {
                    throw StoreError(.invalidValue, nl: "Dit bericht hoort niet bij zaak \(id).", en: "This record does not belong to case \(id).")
                }
                cursor = SearchCursor(id: record, time: at, backwards: backwards)
            }
            let limit = max(1, q.limit)
            let skip = q.after == nil && q.before == nil ? max(0, q.offset) : 0
            let entries: [TimelineEntry]
            let more: Bool
            if let request {
                guard var pager = try SearchPager(index: dialect.search, request: request, caseNumber: caseNumber, key: key) else { return empty }
                pager.filter = filter
                pager.filterArguments = arguments
                if q.onlyMarked { pager.joins = "LEFT JOIN marks k ON k.message_id = m.id" }
                let order = try timelineOrder(pager, c)
                let opener = SealedOpener(sealer)
                // The timeline's columns after the pager's three; the marks are joined once.
                let (hits, found) = try pager.page(
                    order, after: cursor, limit: limit, skip: skip, columns: TimelineEntryRow.columns(highlight: pager.narrowing.highlight ?? "NULL"),
                    columnJoins: q.onlyMarked ? "JOIN items i ON i.id = m.item_id" : TimelineEntryRow.joins, on: c
                ) { row, _ in try Self.entry(from: row, at: 3, opener: opener) }
                var list = found.compactMap { $0 }
                if pager.narrowing.highlight == nil { for i in list.indices { list[i].highlighted = request.highlight(list[i].message.text) } }
                (entries, more) = (list, hits.hasMore)
            } else {
                var conditions = ["m.case_no = ?"] + filter
                var all: [SQLValue] = [.int(caseNumber)] + arguments
                let op = backwards ? "<" : ">"
                if let cursor {
                    // Written out (not as a row value): SQLite 3.40 seeks the expression index only so.
                    conditions.append("COALESCE(m.ts, 1e18) \(op)= ? AND (COALESCE(m.ts, 1e18) \(op) ? OR m.id \(op) ?)")
                    all += [.double(cursor.time), .double(cursor.time), .int(cursor.id)]
                }
                // Chronological order (undated records last), served by the messages_case_order index.
                let order = backwards ? "COALESCE(m.ts, 1e18) DESC, m.id DESC" : "COALESCE(m.ts, 1e18), m.id"
                var sql = """
                    SELECT \(TimelineEntryRow.columns()) FROM messages m \(TimelineEntryRow.joins)
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ? OFFSET ?
                    """
                if skip > 0 {
                    // A page by number (an old link) skips records: they are counted in a subquery
                    // that selects no column of theirs, as PostgreSQL would otherwise build every
                    // skipped row's columns (its author's name looked up, 25,000 times for page 251).
                    let marks = q.onlyMarked ? " LEFT JOIN marks k ON k.message_id = m.id" : ""
                    sql = """
                        SELECT \(TimelineEntryRow.columns()) FROM (
                            SELECT m.id FROM messages m\(marks)
                            WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ? OFFSET ?
                        ) page JOIN messages m ON m.id = page.id \(TimelineEntryRow.joins) ORDER BY \(order)
                        """
                }
                all += [.int(Int64(limit + 1)), .int(Int64(skip))]
                let rows = try TimelineEntryRow.fetchAll(c, sql, all, sealer: sealer)
                (entries, more) = (rows.prefix(limit).compactMap(\.value), rows.count > limit)
            }
            if backwards { return TimelinePage(entries: entries.reversed(), hasMore: true, hasEarlier: more) }
            return TimelinePage(entries: entries, hasMore: more, hasEarlier: q.after != nil || q.offset > 0)
        }
    }

    /// The order of a search's hits: chronological, or, for a search with more than
    /// ``searchSortLimit`` hits, by record (chronological within each original), so the first
    /// page never waits for every hit to be sorted. Remembered (``SearchOrderMemory``) while the
    /// records, marks, withdrawals and links are unchanged.
    private func timelineOrder(_ pager: SearchPager, _ c: any StoreConnection) throws -> SearchOrder {
        let (sql, arguments) = pager.statement(.record, after: nil, backwards: false, count: Self.searchSortLimit + 1, select: "1")
        let stamp = try c.fetchValue(Self.searchStampSQL, as: String.self) ?? ""
        // The search itself is part of the key: an encrypted store's index query is the same for
        // searches that share their words' indexed beginnings ("dikk" and "dik").
        let key = ([sql] + arguments.map(Self.keyText) + [pager.request.input]).joined(separator: "\u{0}")
        let many = try searchOrder.many(key: key, stamp: stamp) {
            try pager.hasMoreHits(than: Self.searchSortLimit, on: c)
        }
        return many ? .record : .time
    }

    /// An argument as text for ``SearchOrderMemory``'s key (written out: `description` reflects).
    private static func keyText(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .int(let number): return "i\(number)"
        case .double(let number): return "d\(number)"
        case .text(let text): return "t" + text
        case .bytes(let bytes): return "b" + bytes.map { String($0, radix: 16) }.joined(separator: ",")
        }
    }

    /// How many records the timeline of a case holds (withdrawn items and repeated screenshot
    /// messages left out), from the items' own counts: no record is counted.
    public func timelineCount(_ id: CaseID) throws -> Int {
        try reading { c in try c.fetchValue(Self.timelineCountSQL, [.text(id.description)], as: Int.self) ?? 0 }
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

    /// An entry from a row whose columns from `b` on are the timeline's (``TimelineEntryRow/columns(highlight:)``):
    /// `m.id, m.item_id`, the record's ``StoredRecord/columns``, then `hl, item_name, item_sha` and
    /// the mark's four columns — read by position, its sealed columns (the record's, the item's
    /// name, the mark's note) opened by `opener` with the key of the record's case. Nil for a record
    /// whose stored JSON cannot be read (left out, as always); a damaged value is an error.
    static func entry(from row: any SQLRow, at b: Int = 0, opener: SealedOpener) throws -> TimelineEntry? {
        let after = b + 2 + StoredRecord.columnCount
        let caseNo = row[after - 1]
        guard let m = try StoredRecord.message(from: row, at: b + 2, opener: opener),
            let sha = SHA256Digest(hex: try row.read(after + 2, "item_sha", as: String.self))
        else { return nil }
        let id = try row.read(b, "id", as: Int64.self)
        var mark: Mark?
        if let reason = try row.read(after + 3, "mark_reason", as: String?.self) {
            mark = Mark(
                messageID: id, reason: MarkReason(rawValue: reason) ?? .anders, note: try opener.text(row[after + 4], case: caseNo),
                by: try row.read(after + 5, "mark_by", as: String.self),
                at: Date(stored: try row.read(after + 6, "mark_at", as: String?.self)) ?? Date(timeIntervalSince1970: 0))
        }
        return TimelineEntry(
            id: id, itemID: try row.read(b + 1, "item_id", as: Int64.self), itemName: try opener.text(row[after + 1], case: caseNo) ?? "",
            itemSHA256: sha, message: m, highlighted: try row.read(after, "hl", as: String?.self), mark: mark)
    }

    /// The records around one record in its own original (for context in the packet).
    public func context(around messageID: Int64, before: Int, after: Int) throws -> [TimelineEntry] {
        try reading { c in
            guard let anchor = try c.fetchOne("SELECT id, item_id, seq FROM messages WHERE id = ?1", [.int(messageID)]) else { return [] }
            let item = try anchor.read(1, "item_id", as: Int64.self), seq = try anchor.read(2, "seq", as: Int64.self)
            return try TimelineEntryRow.fetchAll(
                c,
                """
                SELECT \(TimelineEntryRow.columns()) FROM messages m \(TimelineEntryRow.joins)
                WHERE \(dialect.records.condition("m", item: "?1", low: "?2", high: "?3")) ORDER BY m.seq
                """, [.int(item), .int(seq - Int64(before)), .int(seq + Int64(after))], sealer: sealer
            ).compactMap(\.value)
        }
    }

    /// Messages per day (in `zone`) by any of these authors' handles, for the packet's chart.
    public func messagesPerDay(_ id: CaseID, authors: [Handle], zone: TimeZone) throws -> [(day: String, count: Int)] {
        guard !authors.isEmpty else { return [] }
        var counts: [String: Int] = [:]
        try reading { c in
            // Each author's name opened once (they repeat on every record).
            var names: [SQLValue: String] = [:]
            let system = dialect.records.kindCondition("m.kind", in: ["system"], first: 2)
            try c.forEach(Self.messagesPerDaySQL + " AND NOT (\(system.sql))", [.text(id.description)] + system.arguments) { row in
                let stored = row[0]
                let author: String
                if let known = names[stored] {
                    author = known
                } else {
                    author = try sealer.open(stored, case: row[1]) ?? ""
                    names[stored] = author
                }
                guard authors.contains(where: { $0.matches(author: author) }) else { return }
                let date = Date(timeIntervalSince1970: try row.read(2, "ts", as: Double.self))
                let day = String(Timestamp(date: date, in: zone).rfc3339.prefix(10))
                counts[day, default: 0] += 1
            }
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The records of a case with a time, with their authors' names as stored
    /// (``messagesPerDay(_:authors:zone:)``, which adds the condition that leaves out system records).
    static let messagesPerDaySQL = """
        SELECT a.name AS author, a.case_no, m.ts, m.id FROM messages m JOIN authors a ON a.id = m.author_no
        WHERE m.case_no = (SELECT no FROM cases WHERE id = ?1) AND m.ts IS NOT NULL
        """

    /// Number of records in a case.
    public func messageCount(_ id: CaseID) throws -> Int {
        try reading { c in
            let sql = "SELECT COUNT(*) FROM messages WHERE case_no = (SELECT no FROM cases WHERE id = ?1)"
            return try c.fetchValue(sql, [.text(id.description)], as: Int.self) ?? 0
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

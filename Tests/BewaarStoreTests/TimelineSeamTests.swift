import BewaarModel
import Foundation
import GRDB
import Testing

@testable import BewaarStore

/// The timeline and its search on ``StoreConnection`` (issue 17, step 2b): a search goes through
/// ``SearchPager`` with the store's ``SearchIndex`` and the timeline's other filters, so an
/// encrypted store's page with a filter (marked only, an author, a time range, kinds), forwards,
/// backwards, with an offset and across batches of candidates, is what a plain store's FTS5 gives
/// and what the records say; a damaged record is an error naming it; the item's authors are
/// found through the author index without `INDEXED BY`.
@Suite struct TimelineSeamTests {
    /// 700 records of two authors, every ninth a system message, every fifth marked: every third
    /// "dikste onzin ooit" (a hit for "diks"), the others "dikke vette onzin" (a false candidate in
    /// an encrypted store); times out of record order, every 17th undated.
    func store(_ f: StoreFixture, encrypted: Bool) throws -> (CaseStore, CaseID) {
        let store = try f.open()
        let c = try store.openCase(title: "Klas 2B", actor: "J. Bakker")
        var messages: [Message] = []
        for i in 0..<700 {
            let seconds: Double = 1_772_478_400 + Double((i * 7) % 700 / 2) * 60
            let time: Timestamp? = i % 17 == 3 ? nil : Timestamp(date: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: 3600)
            let text = i % 3 == 0 ? "dikste onzin ooit" : "dikke vette onzin"
            messages.append(
                Message(
                    timestamp: time, author: i % 2 == 0 ? "Daan Jansen" : "Sanne de Vries", text: text, kind: i % 9 == 4 ? .system : .message,
                    origin: Origin(line: i + 1, offset: Int64(i * 20), length: 20)))
        }
        let (d, size) = try store.objects.put(file: try f.file("chat.txt", "chat"))
        _ = try store.recordIngest(
            NewEvidence(
                name: "chat.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker", messages: messages),
            in: c.id)
        var q = TimelineQuery()
        q.limit = 1_000
        for e in try store.timeline(c.id, q).entries where (e.message.origin.line ?? 0) % 5 == 0 {
            _ = try store.mark(c.id, messageID: e.id, reason: .bedreiging, note: "regel \(e.message.origin.line ?? 0)", actor: "J. Bakker")
        }
        if encrypted && !store.isEncrypted { #expect(try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 1) }
        return (store, c.id)
    }

    /// Every page forwards (keyset), the page before the last, and two offset pages, as lines
    /// (with hasMore, hasEarlier, and each entry's highlight and mark note).
    func pages(_ store: CaseStore, _ id: CaseID, _ base: TimelineQuery) throws -> [[String]] {
        func line(_ page: TimelinePage) -> [String] {
            page.entries.map { "\($0.message.origin.line ?? 0) \($0.highlighted ?? "-") \($0.mark?.note ?? "-")" }
                + ["\(page.hasMore) \(page.hasEarlier)"]
        }
        var out: [[String]] = []
        var q = base
        var last: TimelinePage?
        while true {
            let page = try store.timeline(id, q)
            out.append(line(page))
            last = page
            guard page.hasMore, let end = page.entries.last, out.count < 300 else { break }
            q.after = end.id
        }
        if let first = last?.entries.first {
            q.after = nil
            q.before = first.id
            out.append(line(try store.timeline(id, q)))
        }
        for offset in [base.limit, base.limit * 2 + 3] {
            var o = base
            o.offset = offset
            out.append(line(try store.timeline(id, o)))
        }
        return out
    }

    @Test(arguments: StoreKind.all) func filteredSearchPagesAreThePlainStoresOnAnEncryptedStore(_ kind: StoreKind) throws {
        let plainFixture = try StoreFixture(.sqlite), sealedFixture = try StoreFixture(kind)
        let (plain, a) = try store(plainFixture, encrypted: false)
        let (sealed, b) = try store(sealedFixture, encrypted: true)
        var queries: [(String, TimelineQuery)] = []
        var q = TimelineQuery()
        q.search = "diks"
        q.limit = 9
        q.onlyMarked = true
        queries.append(("marked", q))
        q.onlyMarked = false
        q.handle = "Sanne de Vries"
        q.limit = 30
        queries.append(("author", q))
        q.handle = nil
        q.from = Date(timeIntervalSince1970: 1_772_478_400 + 60 * 60)
        q.to = Date(timeIntervalSince1970: 1_772_478_400 + 200 * 60)
        q.limit = 11
        queries.append(("time range", q))
        q.from = nil
        q.to = nil
        q.kinds = ["system"]
        q.search = "dikke"
        q.limit = 4
        queries.append(("kinds", q))
        q.kinds = []
        q.search = "diks"
        q.limit = 100
        queries.append(("across batches", q))
        for (name, query) in queries {
            let expected = try pages(plain, a, query)
            #expect(try pages(sealed, b, query) == expected, "\(name)")
            #expect(expected.count > 3, "\(name): more than one page")
        }
        // What the records say: the marked hits are the records i = line - 1 with i % 3 == 0 and
        // line % 5 == 0, highlighted, each with its own mark's note (sealed, opened).
        var marked = TimelineQuery()
        marked.search = "diks"
        marked.onlyMarked = true
        marked.limit = 1_000
        let page = try sealed.timeline(b, marked)
        let lines = page.entries.map { $0.message.origin.line ?? 0 }
        #expect(Set(lines) == Set((1...700).filter { ($0 - 1) % 3 == 0 && $0 % 5 == 0 }))
        #expect(
            page.entries.allSatisfy { $0.highlighted == "\u{2}dikste\u{3} onzin ooit" && $0.mark?.note == "regel \($0.message.origin.line ?? 0)" })
        let plainPage = try plain.timeline(a, marked)
        #expect(plainPage.entries.map(\.highlighted) == page.entries.map(\.highlighted))
        // All of the search's hits in the plain store are the sealed store's, in the same order.
        var all = TimelineQuery()
        all.search = "diks"
        all.limit = 1_000
        #expect(try sealed.timeline(b, all).entries.map(\.message.origin.line) == plain.timeline(a, all).entries.map(\.message.origin.line))
    }

    /// A record whose stored values are of the wrong type (edited by hand) makes the timeline,
    /// a search, a record window and the numbered records throw an error naming the record and
    /// the column; before, reading it by position stopped the program.
    @Test func aDamagedRecordIsAnErrorNamingItNotACrash() throws {
        let f = try StoreFixture()
        let (store, id) = try self.store(f, encrypted: false)
        var q = TimelineQuery()
        q.limit = 1_000
        let victim = try #require(try store.timeline(id, q).entries.first { $0.message.origin.line == 10 })
        let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
        try queue.write { db in try db.execute(sql: "UPDATE messages SET origin_offset = 'ergens' WHERE id = ?", arguments: [victim.id]) }
        func error(_ call: () throws -> Void) -> StoreError? {
            do {
                try call()
                return nil
            } catch {
                return error as? StoreError
            }
        }
        for (name, call) in [
            ("timeline", { _ = try store.timeline(id, q) }),
            (
                "search",
                {
                    var s = q
                    s.search = "onzin"
                    _ = try store.timeline(id, s)
                }
            ),
            ("window", { _ = try store.records(item: victim.itemID, at: .around(messageID: victim.id), limit: 20) }),
            ("context", { _ = try store.context(around: victim.id, before: 2, after: 2) }),
            ("numbered", { _ = try store.numberedRecords(item: victim.itemID) }),
        ] as [(String, () throws -> Void)] {
            let e = try #require(error(call), "\(name)")
            #expect(e.code == .damagedRow, "\(name)")
            #expect(
                e.english.contains("table messages") && e.english.contains("id \(victim.id)") && e.english.contains("column origin_offset"), "\(name)"
            )
        }
        // Other records' windows still read.
        #expect(try store.records(item: victim.itemID, at: .start, limit: 5).entries.count == 5)
    }

    /// `authors(item:)` looks an author up in an item through `messages_author`: on SQLite named
    /// with `INDEXED BY` (``StoreDialect/indexHints``; PostgreSQL has no such clause), because
    /// when one author wrote (nearly) every record, SQLite's statistics make it scan the table.
    @Test func anItemsAuthorIsLookedUpThroughTheAuthorIndex() throws {
        let f = try StoreFixture()
        let (store, id) = try self.store(f, encrypted: false)
        let item = try #require(try store.items(id).first)
        #expect(try store.authors(item: item.id) == ["Daan Jansen", "Sanne de Vries"])
        // The store's own dialect's choice (SQLite's: hints on).
        let storeHints = store.dialect.indexHints
        #expect(storeHints)
        func plan(_ db: Database, hints: Bool) throws -> String {
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CaseStore.authorInItemSQL(indexHints: hints), arguments: [1, 1])
                .map { $0["detail"] as String }.joined(separator: "; ")
        }
        let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
        let plans = try queue.write { db in
            try db.execute(sql: "ANALYZE")
            let analysed = try plan(db, hints: storeHints)
            // The worst case for the index: one author for every record.
            try db.execute(sql: "DELETE FROM sqlite_stat1 WHERE idx = 'messages_author'")
            try db.execute(sql: "INSERT INTO sqlite_stat1 VALUES ('messages', 'messages_author', '1000000 1000000')")
            try db.execute(sql: "ANALYZE sqlite_schema")
            return [analysed, try plan(db, hints: storeHints), try plan(db, hints: false)]
        }
        for p in plans.prefix(2) { #expect(p.contains("USING INDEX messages_author"), "\(p)") }
        // Why the hint: without it, those statistics make SQLite scan the whole table.
        #expect(plans[2].hasPrefix("SCAN messages"), "\(plans[2])")
    }
}

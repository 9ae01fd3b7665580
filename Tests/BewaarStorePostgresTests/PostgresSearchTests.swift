import BewaarPostgresTestSupport
import BewaarModel
import BewaarTestSupport
import Foundation
import GRDB
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres

/// The search on PostgreSQL (`messages.terms int4[]`, ``PostgresSearchIndex``) against the
/// encrypted SQLite store's timeline search: the same records in both, the same hits in the same
/// order, page by page, forwards and backwards. The SQLite side of the seam (``FTS5SearchIndex``
/// with ``SearchPager``) gives what the timeline gives, on a plain and on an encrypted store.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresSearchTests {
    static let count = 260
    /// Hits per page, and candidates per statement on PostgreSQL: small, so pages cross batches.
    static let limit = 7
    static let batch = 5

    /// The timeline search's pages on a SQLite store, each as the hits' places (keyset paging
    /// with `after`, as the web interface links them).
    func timelinePages(_ store: CaseStore, _ id: CaseID, _ search: String) throws -> [[Int]] {
        var pages: [[Int]] = []
        var q = TimelineQuery()
        q.search = search
        q.limit = Self.limit
        while true {
            let page = try store.timeline(id, q)
            pages.append(page.entries.map { ($0.message.origin.line ?? 0) - 1 })
            guard page.hasMore, let last = page.entries.last, pages.count < 100 else { break }
            q.after = last.id
        }
        return pages
    }

    /// The same through a ``SearchPager``: every page after the last hit of the page before.
    static func pagerPages(_ pager: SearchPager, places: [Int64: Int], on c: any StoreConnection) throws -> [[Int]] {
        var pages: [[Int]] = []
        var cursor: SearchCursor?
        while true {
            let page = try pager.page(.time, after: cursor, limit: limit, on: c)
            pages.append(page.hits.map { places[$0.id] ?? -1 })
            guard page.hasMore, let last = page.hits.last, pages.count < 100 else { break }
            cursor = last.cursor()
        }
        return pages
    }

    @Test func theSearchesGiveTheSameHitsInTheSameOrderOnPostgresAsOnTheEncryptedSQLiteStore() async throws {
        let messages = SearchCorpus.messages(Self.count)
        let dir = TempDir()
        let (sqlite, id, _, _) = try SearchCorpus.sqlite(messages, in: dir)
        let searches = SearchCorpus.searches + SearchCorpus.moreSearches
        var expected: [String: [[Int]]] = [:]
        for search in searches { expected[search] = try timelinePages(sqlite, id, search) }
        // Backwards: the page before the last page's first hit (the timeline gives it in order).
        var expectedBefore: [String: [Int]] = [:]
        var firstOfLastPage: [String: Int] = [:]
        for search in searches {
            guard let pages = expected[search], pages.count > 1, let first = pages.last?.first else { continue }
            var q = TimelineQuery()
            q.search = search
            q.limit = Self.limit
            let all = try sqlite.timeline(
                id,
                {
                    var q = TimelineQuery(); q.limit = 1_000; return q
                }()
            ).entries
            q.before = all.first { ($0.message.origin.line ?? 0) - 1 == first }?.id
            expectedBefore[search] = try sqlite.timeline(id, q).entries.map { ($0.message.origin.line ?? 0) - 1 }
            firstOfLastPage[search] = first
        }

        let t = try await TestDatabase.made(.postgres, connections: 1)
        let key = CaseKey.random()
        let (ids, caseNumber) = try await t.write { c throws in
            let (caseNumber, item) = try RecordFixture.item(in: c)
            return (try SearchCorpus.postgres(messages, item: item, caseNumber: caseNumber, key: key, in: c), caseNumber)
        }
        let places = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let starts = firstOfLastPage
        let (got, gotBefore, falseCandidates) = try await t.read { c throws in
            var got: [String: [[Int]]] = [:]
            var before: [String: [Int]] = [:]
            var falseCandidates = 0
            for search in searches {
                guard let request = SearchRequest(search),
                    var pager = try SearchPager(index: PostgresSearchIndex(), request: request, caseNumber: caseNumber, key: key)
                else {
                    got[search] = [[]]
                    continue
                }
                pager.batch = Self.batch
                got[search] = try Self.pagerPages(pager, places: places, on: c)
                falseCandidates += try pager.page(.time, limit: 1_000, on: c).falseCandidates
                if let first = starts[search] {
                    let cursor = try pager.cursor(at: ids[first], backwards: true, on: c)
                    before[search] = try pager.page(.time, after: cursor, limit: Self.limit, on: c).hits.reversed().map { places[$0.id] ?? -1 }
                }
            }
            return (got, before, falseCandidates)
        }
        for search in searches {
            #expect(got[search] == expected[search], "search \(search)")
        }
        #expect(gotBefore == expectedBefore)
        // The comparison means something: most searches hit, many over several pages (and so over
        // several batches of candidates), and some candidates were taken out in Swift.
        let hitting = searches.filter { (expected[$0]?.joined().count ?? 0) > 0 }
        #expect(hitting.count >= searches.count - 3, "\(searches.filter { !hitting.contains($0) })")
        #expect(searches.filter { (expected[$0]?.count ?? 0) > 2 }.count >= 8)
        #expect(expectedBefore.count >= 8)
        #expect(falseCandidates > 0)
        // Three of the lines have a word beginning with "dik" ("dik-ke" is two words).
        #expect(expected["dik"]?.joined().count == Self.count / SearchCorpus.texts.count * 3)
    }

    /// The SQLite side of the seam gives what the timeline gives, on a plain store (FTS5 finds the
    /// hits) and on an encrypted one (FTS5 candidates, checked in Swift; `bw_match` in the
    /// timeline): the same pages, and the same choice of order.
    @Test(arguments: [false, true]) func theSQLiteSearchIndexGivesWhatTheTimelineGives(encrypted: Bool) throws {
        let messages = SearchCorpus.messages(Self.count)
        let dir = TempDir()
        let store: CaseStore
        let id: CaseID
        let caseNumber: Int64
        var key: CaseKey?
        if encrypted {
            (store, id, caseNumber, key) = try SearchCorpus.sqlite(messages, in: dir)
        } else {
            store = try dir.openStore(modules: [])
            id = try store.openCase(title: "Klas 2B", actor: "J. Bakker").id
            let (digest, size) = try store.objects.put(file: dir.write("chat.txt", "de chat van klas 2B"))
            _ = try store.recordIngest(
                NewEvidence(
                    name: "chat.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker",
                    messages: messages), in: id)
            caseNumber = try store.read { try Int64.fetchOne($0, sql: "SELECT no FROM cases WHERE id = ?", arguments: [id.description]) } ?? -1
        }
        #expect(store.isEncrypted == encrypted)
        let all = try store.timeline(
            id,
            {
                var q = TimelineQuery(); q.limit = 1_000; return q
            }()
        ).entries
        let places = Dictionary(uniqueKeysWithValues: all.map { ($0.id, ($0.message.origin.line ?? 0) - 1) })
        for search in SearchCorpus.searches + SearchCorpus.moreSearches {
            let expected = try timelinePages(store, id, search)
            let (got, order, fewOrder) = try store.read { db -> ([[Int]], SearchOrder, SearchOrder) in
                let c = SQLiteStoreConnection(db)
                guard let request = SearchRequest(search),
                    var pager = try SearchPager(index: FTS5SearchIndex(), request: request, caseNumber: caseNumber, key: key)
                else { return ([[]], .time, .time) }
                pager.batch = Self.batch
                return (
                    try Self.pagerPages(pager, places: places, on: c), try pager.timelineOrder(sortLimit: CaseStore.searchSortLimit, on: c),
                    try pager.timelineOrder(sortLimit: 3, on: c)
                )
            }
            #expect(got == expected, "search \(search)")
            #expect(order == .time)
            #expect(fewOrder == (expected.joined().count > 3 ? .record : .time), "search \(search)")
        }
    }

    /// Record order (what the timeline gives a search with very many hits) and the choice of it
    /// are the same on PostgreSQL as on the encrypted SQLite store's index.
    @Test func recordOrderAndItsChoiceAreTheSameOnBoth() async throws {
        let messages = SearchCorpus.messages(Self.count)
        let dir = TempDir()
        let (sqlite, _, sqliteCase, sqliteKey) = try SearchCorpus.sqlite(messages, in: dir)
        let searches = ["dik", "Sanne", "ga weg", "zo", "x"]
        let expected = try sqlite.read { db -> [[Int]] in
            let c = SQLiteStoreConnection(db)
            let first = try c.fetchOne("SELECT MIN(id) FROM messages")?[0].int ?? 0
            return try searches.map { search in
                let pager = try SearchCorpus.pager(FTS5SearchIndex(), search, caseNumber: sqliteCase, key: sqliteKey)
                var cursor: SearchCursor?
                var places: [Int] = []
                while true {
                    let page = try pager.page(.record, after: cursor, limit: 4, on: c)
                    places += page.hits.map { Int($0.id - first) }
                    guard page.hasMore, let last = page.hits.last else { break }
                    cursor = last.cursor()
                }
                return places + [try pager.timelineOrder(sortLimit: 10, on: c) == .record ? 1 : 0]
            }
        }
        let t = try await TestDatabase.made(.postgres, connections: 1)
        let key = CaseKey.random()
        let got = try await t.write { c throws -> [[Int]] in
            let (caseNumber, item) = try RecordFixture.item(in: c)
            let ids = try SearchCorpus.postgres(messages, item: item, caseNumber: caseNumber, key: key, in: c)
            let places = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            return try searches.map { search in
                guard let request = SearchRequest(search),
                    var pager = try SearchPager(index: PostgresSearchIndex(), request: request, caseNumber: caseNumber, key: key)
                else { return [] }
                pager.batch = 3
                var cursor: SearchCursor?
                var out: [Int] = []
                while true {
                    let page = try pager.page(.record, after: cursor, limit: 4, on: c)
                    out += page.hits.map { places[$0.id] ?? -1 }
                    guard page.hasMore, let last = page.hits.last else { break }
                    cursor = last.cursor()
                }
                return out + [try pager.timelineOrder(sortLimit: 10, on: c) == .record ? 1 : 0]
            }
        }
        #expect(got == expected)
        #expect(got.first?.count ?? 0 > 12)
        // "zo" and "x" are whole words of one line each: 10 hits, not more than 10.
        #expect(got.map { $0.last } == [1, 1, 1, 0, 0])
    }

    /// A case's search never finds another case's records, even one that holds the very terms
    /// of the search (`m.case_no` is always part of the statement).
    @Test func aTermOfAnotherCaseNeverMatches() async throws {
        let t = try await TestDatabase.made(.postgres, connections: 1)
        let keyA = CaseKey.random(), keyB = CaseKey.random()
        let (hitsA, hitsB, candidatesA, everywhere, wrongKey) = try await t.write { c throws in
            let (caseA, itemA) = try RecordFixture.item(in: c)
            let (caseB, itemB) = try SearchCorpus.secondCase(in: c)
            // Case B: a record of its own, and one (sealed with B's key) that carries case A's
            // terms for the search.
            let writer = try PostgresRecordWriter(c, itemID: itemB, caseNo: caseB)
            try writer.add(
                PostgresRecord(
                    seq: 0, kind: "message", text: SealedValue.seal("het geheime plan van Daan", with: keyB), originOffset: 0,
                    originLength: 10, terms: PostgresSearchTerms.terms(of: "het geheime plan van Daan", key: keyB)))
            try writer.add(
                PostgresRecord(
                    seq: 1, kind: "message", text: SealedValue.seal("het geheime plan", with: keyB), originOffset: 20, originLength: 10,
                    terms: PostgresSearchTerms.terms(of: "het geheime plan", key: keyA)))
            _ = try writer.finish()
            _ = try SearchCorpus.postgres(
                [Message(timestamp: nil, author: nil, text: "niks aan de hand", origin: Origin(line: 1, offset: 0, length: 10))], item: itemA,
                caseNumber: caseA, key: keyA, in: c)
            let a = try SearchCorpus.pager(PostgresSearchIndex(), "geheime plan", caseNumber: caseA, key: keyA)
            let b = try SearchCorpus.pager(PostgresSearchIndex(), "geheime plan", caseNumber: caseB, key: keyB)
            let wrong = try SearchCorpus.pager(PostgresSearchIndex(), "geheime plan", caseNumber: caseB, key: keyA)
            let request = a.request
            let pageA = try a.page(.time, limit: 10, on: c)
            // Without the case, the forged record would be a candidate: what the statement prevents.
            let literal = PostgresSearchTerms.literal(PostgresSearchTerms.terms(of: request, key: keyA))
            let everywhere = try c.fetchOne("SELECT COUNT(*) FROM messages WHERE terms @> ?::int4[]", [.text(literal)])?[0].int ?? -1
            return (
                pageA.hits.map(\.text), try b.page(.time, limit: 10, on: c).hits.map(\.text), pageA.candidates, everywhere,
                Result { try wrong.page(.time, limit: 10, on: c) }.map(\.hits.count)
            )
        }
        #expect(hitsA.isEmpty)
        #expect(candidatesA == 0)
        #expect(everywhere == 1)
        #expect(hitsB == ["het geheime plan van Daan"])
        // Case B searched with case A's key: the record with A's terms is a candidate, and its text
        // does not open with A's key: a named error, never a wrong hit.
        #expect(throws: StoreError.self) { try wrongKey.get() }
    }

    /// Two different word beginnings whose 32-bit terms are equal (found by trying): a record
    /// with the one is a candidate for a search for the other, and the check in Swift takes it out.
    @Test func aCollidingTermIsTakenOutByTheCheckInSwift() async throws {
        let key = CaseKey.random()
        let (a, b) = try #require(Self.collision(key: key))
        #expect(a != b)
        let searchTerms = PostgresSearchTerms.terms(of: try #require(SearchRequest(a)), key: key)
        #expect(searchTerms.count == 1)
        #expect(Set(PostgresSearchTerms.terms(of: b + "je", key: key)).isSuperset(of: searchTerms))
        let t = try await TestDatabase.made(.postgres, connections: 1)
        let (falsePage, truePage) = try await t.write { c throws in
            let (caseNumber, item) = try RecordFixture.item(in: c)
            _ = try SearchCorpus.postgres(
                [
                    Message(timestamp: nil, author: nil, text: "een \(b)je voor jou", origin: Origin(line: 1, offset: 0, length: 10)),
                    Message(timestamp: nil, author: nil, text: "geen botsing hier", origin: Origin(line: 2, offset: 10, length: 10)),
                ], item: item, caseNumber: caseNumber, key: key, in: c)
            let pager = try SearchCorpus.pager(PostgresSearchIndex(), a, caseNumber: caseNumber, key: key)
            let other = try SearchCorpus.pager(PostgresSearchIndex(), b, caseNumber: caseNumber, key: key)
            return (try pager.page(.time, limit: 10, on: c), try other.page(.time, limit: 10, on: c))
        }
        #expect(falsePage.candidates == 1)
        #expect(falsePage.falseCandidates == 1)
        #expect(falsePage.hits.isEmpty)
        #expect(truePage.hits.map(\.text) == ["een \(b)je voor jou"])
        #expect(truePage.falseCandidates == 0)
    }

    /// Two five-letter beginnings with the same 32-bit term under `key` (the 40-bit terms of the
    /// SQLite store differ): a birthday search, about 80,000 tries on average.
    static func collision(key: CaseKey) -> (String, String)? {
        var seen: [Int32: Int] = [:]
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        func word(_ n: Int) -> String {
            var n = n
            var out: [UInt8] = []
            for _ in 0..<5 {
                out.append(letters[n % 26])
                n /= 26
            }
            return String(decoding: out, as: UTF8.self)
        }
        for n in 0..<2_000_000 {
            var w = word(n * 7_919 % 11_881_376)
            let value = w.withUTF8 { SealedSearch.termValue(UnsafeRawBufferPointer($0), kind: .first5, key: key) }
            let term = PostgresSearchTerms.int4(value)
            if let other = seen[term] { return (word(other * 7_919 % 11_881_376), w) }
            seen[term] = n
        }
        return nil
    }

    /// The PostgreSQL terms are the SQLite index's 40-bit terms cut to their top 32 bits: what
    /// `bewaar store migrate` can carry over without opening a text.
    @Test func theTermsAreTheTopBitsOfTheSQLiteTerms() throws {
        let key = CaseKey.random()
        for text in SearchCorpus.texts {
            let sqlite = RecordSealing(key: key).terms(text).split(separator: " ").map { letters -> Int32 in
                let value = letters.utf8.reduce(UInt64(0)) { v, c in
                    v << 5 | UInt64(c >= 0x61 ? c - 0x61 : c - 0x32 + 26)
                }
                return PostgresSearchTerms.int4(value)
            }
            #expect(PostgresSearchTerms.terms(of: text, key: key) == Array(Set(sqlite)).sorted(), "\(text)")
        }
        #expect(PostgresSearchTerms.literal([1, -2, Int32.max]) == "{1,-2,2147483647}")
    }
}

import BewaarPostgresTestSupport
import BewaarModel
import BewaarTestSupport
import Foundation
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres

/// The search's speed on PostgreSQL (keyed terms, `messages.terms @>`, checked in Swift) against
/// the encrypted SQLite store's timeline search, on the same generated chat (`BenchChat`). Runs
/// only when `BEWAAR_BENCH_SEARCH` is set (`scripts/bench/pg-search`); prints one line per
/// search and store (medians of 25 after 3 warm-ups: wall, this process's CPU, on PostgreSQL also
/// the server's CPU) and `EXPLAIN (ANALYZE, BUFFERS)` of each search's first statement, and
/// writes them to `BEWAAR_BENCH_OUT` when that is set. Not a test of speed: it checks nothing
/// but that both stores found the same number of hits.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["BEWAAR_BENCH_SEARCH"] != nil && PostgresServer.installed))
struct PostgresSearchBench {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["BEWAAR_BENCH_SEARCH"] ?? "") ?? 100_000
    static let searches = ["niemand", "coörd", "ik", "gen", "\"niemand vroeg jou\"", "mentor toets", "zeldzaamwoord"]

    @Test func search() async throws {
        let (lines, same) = try await offThread { () -> ([String], Bool) in
            let messages = BenchChat.messages(Self.count)
            let (pg, pgHits) = try Self.postgres(messages)
            let (sqlite, sqliteHits) = try Self.sqlite(messages)
            return (pg + sqlite, pgHits == sqliteHits)
        }
        let text = lines.joined(separator: "\n") + "\n"
        print(text)
        if let out = Self.environment["BEWAAR_BENCH_OUT"] { try text.write(toFile: out, atomically: true, encoding: .utf8) }
        #expect(same)
    }

    /// Medians of `runs` calls of `body` after 3 warm-ups: wall ms, client CPU ms, server CPU ms.
    static func measure(postmaster: Int32?, runs: Int = 25, _ body: () throws -> Void) rethrows -> (Double, Double, Double) {
        for _ in 0..<3 { try body() }
        var wall: [Double] = [], client: [Double] = [], server: [Double] = []
        for _ in 0..<runs {
            let before = (Date(), ClientCPU.now(), postmaster.map(ServerCPU.total) ?? 0)
            try body()
            wall.append(Date().timeIntervalSince(before.0) * 1000)
            client.append((ClientCPU.now() - before.1) * 1000)
            server.append(((postmaster.map(ServerCPU.total) ?? 0) - before.2) * 1000)
        }
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        return (median(wall), median(client), median(server))
    }

    static func postgres(_ messages: [Message]) throws -> ([String], [Int]) {
        let t = try TestDatabase.make(.postgres, connections: 2)
        let db = try t.schoolStore()
        let key = CaseKey.random()
        let (caseNumber, _) = try db.write(retryable: false) { c throws -> (Int64, [Int64]) in
            let (caseNumber, item) = try RecordFixture.item(in: c, schema: false)
            return (caseNumber, try SearchCorpus.postgres(messages, item: item, caseNumber: caseNumber, key: key, in: c))
        }
        try db.withoutTransaction { try $0.execute("VACUUM ANALYZE messages") }
        let backend = try db.read { try $0.fetchOne("SELECT pg_backend_pid()")?[0].int } ?? 0
        let postmaster = ServerCPU.parent(of: Int32(backend))
        let size = try db.read { try $0.fetchOne("SELECT pg_relation_size('messages_terms')")?[0].int } ?? 0
        var lines = [String(format: "postgres records=%d gin_bytes/record=%.0f", messages.count, Double(size) / Double(messages.count))]
        var hits: [Int] = []
        for search in searches {
            guard let request = SearchRequest(search),
                let pager = try SearchPager(index: PostgresSearchIndex(), request: request, caseNumber: caseNumber, key: key)
            else { continue }
            // As the timeline would: the order (up to 5,000 hits are sorted by time), then page 1.
            var found = 0
            var candidates = 0
            let first = try measure(postmaster: postmaster) {
                try db.read { c throws in
                    let order = try pager.timelineOrder(sortLimit: CaseStore.searchSortLimit, on: c)
                    let page = try pager.page(order, limit: 200, on: c)
                    found = page.hits.count
                    candidates = page.candidates
                }
            }
            let order = try db.read { c throws in try pager.timelineOrder(sortLimit: CaseStore.searchSortLimit, on: c) }
            let all = try db.read { c throws in try pager.page(.record, limit: 1_000_000, on: c) }
            let pageOnly = try measure(postmaster: postmaster) { try db.read { c throws in _ = try pager.page(order, limit: 200, on: c) } }
            hits.append(all.hits.count)
            lines.append(
                String(
                    format:
                        "postgres %-22@ hits=%d candidates=%d (false %d) page1_hits=%d page1_candidates=%d order=%@ | order+page1: wall_ms=%.2f client_cpu_ms=%.2f server_cpu_ms=%.2f | page1 alone: wall_ms=%.2f client_cpu_ms=%.2f server_cpu_ms=%.2f",
                    search as NSString, all.hits.count, all.candidates, all.falseCandidates, found, candidates, "\(order)" as NSString, first.0,
                    first.1, first.2, pageOnly.0, pageOnly.1, pageOnly.2))
            let (sql, arguments) = pager.statement(order, after: nil, backwards: false, count: pager.batch)
            let plan = try db.read { c throws in
                try c.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, arguments).compactMap { $0[0].text }
            }
            lines.append(contentsOf: plan.map { "    " + $0 })
        }
        return (lines, hits)
    }

    static func sqlite(_ messages: [Message]) throws -> ([String], [Int]) {
        let dir = TempDir()
        let (store, id, caseNumber, key) = try SearchCorpus.sqlite(messages, in: dir)
        var lines = ["sqlite (encrypted) records=\(messages.count)"]
        var hits: [Int] = []
        for search in searches {
            var q = TimelineQuery()
            q.search = search
            var found = 0
            let first = measure(postmaster: nil) {
                found = (try? store.timeline(id, q).entries.count) ?? -1
            }
            var total = 0
            var all = TimelineQuery()
            all.search = search
            all.limit = 1_000_000
            total = try store.timeline(id, all).entries.count
            hits.append(total)
            // The same through the seam: FTS5 candidates checked in Swift (``SearchPager``), not by
            // `bw_match` inside SQLite; order check and page 1 as above, the text only.
            let pager = try SearchCorpus.pager(FTS5SearchIndex(), search, caseNumber: caseNumber, key: key)
            var pagerFound = 0
            let swift = try measure(postmaster: nil) {
                try store.read { db in
                    let c = SQLiteStoreConnection(db)
                    let order = try pager.timelineOrder(sortLimit: CaseStore.searchSortLimit, on: c)
                    pagerFound = try pager.page(order, limit: 200, on: c).hits.count
                }
            }
            // The timeline keeps its choice of order per search (``SearchOrderMemory``), so its warm
            // runs do not count; page 1 alone is the fair comparison.
            let order = try store.read { db in try pager.timelineOrder(sortLimit: CaseStore.searchSortLimit, on: SQLiteStoreConnection(db)) }
            let swiftPage = try measure(postmaster: nil) {
                try store.read { db in _ = try pager.page(order, limit: 200, on: SQLiteStoreConnection(db)) }
            }
            // (The A/B against `bw_match` inside the statement, notes/issue-17-pg-search.md, went with
            // the function: the store registers no SQL function for search since issue17-timeline.)
            lines.append(
                String(
                    format:
                        "sqlite   %-22@ hits=%d page1_hits=%d | timeline page 1 (order remembered): wall_ms=%.2f cpu_ms=%.2f | SearchPager (check in Swift): order+page1 hits=%d wall_ms=%.2f cpu_ms=%.2f | page1 alone, check in Swift: wall_ms=%.2f cpu_ms=%.2f",
                    search as NSString, total, found, first.0, first.1, pagerFound, swift.0, swift.1, swiftPage.0, swiftPage.1))
        }
        return (lines, hits)
    }

    struct CorpusFailure: Error { var message: String }
}

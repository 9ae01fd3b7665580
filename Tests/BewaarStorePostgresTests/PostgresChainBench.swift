import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// Appends per second to one case's custody chain on PostgreSQL, with two pools standing for two
/// servers and the head row locked `FOR UPDATE`, and the same appends on SQLite (two pools on
/// one file) in the same process. Runs only when `BEWAAR_BENCH_CHAIN` is set
/// (`scripts/bench/pg-chain`); prints one line per store and thread count, and writes them to
/// `BEWAAR_BENCH_OUT` when that is set. Every append is a transaction of its own, as a page view
/// is. CPU is this process's (`getrusage`) and, on PostgreSQL, the server's (`/proc`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["BEWAAR_BENCH_CHAIN"] != nil && PostgresServer.installed))
struct PostgresChainBench {
    static let environment = ProcessInfo.processInfo.environment
    static let appends = Int(environment["BEWAAR_BENCH_CHAIN"] ?? "") ?? 4000
    static let threads = (environment["BEWAAR_BENCH_THREADS"] ?? "1 2 4 8").split(separator: " ").compactMap { Int($0) }

    @Test func appendsToOneChain() async throws {
        var lines: [String] = []
        for kind in [TestDatabase.Kind.postgres, .sqlite] {
            for count in Self.threads {
                let s = try await TwoServers.made(kind)
                lines.append(try await offThread { try Self.run(s, threads: count) })
            }
        }
        for line in lines { print(line) }
        if let out = Self.environment["BEWAAR_BENCH_OUT"] {
            try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        #expect(lines.count == 2 * Self.threads.count)
        #expect(lines.allSatisfy { $0.contains("intact=true") })
    }

    static func run(_ s: TwoServers, threads: Int) throws -> String {
        let chain = try s.servers[0].write(retryable: false) { c in try s.openCase(year: 2026, in: c) }.description
        let postmaster: Int32
        if let db = s.postgres {
            postmaster = ServerCPU.parent(of: Int32(try db.read { try $0.fetchOne("SELECT pg_backend_pid()")?[0].int } ?? 0))
        } else {
            postmaster = 0
        }
        let each = appends / threads
        let (wall0, client0, server0) = (Date(), ClientCPU.now(), postmaster == 0 ? 0 : ServerCPU.total(postmaster))
        let errors = try s.hammer(threads: threads, times: each) { c, thread, n in
            try s.append(to: chain, details: ["thread": "\(thread)", "n": "\(n)"], in: c)
        }
        let wall = Date().timeIntervalSince(wall0)
        let client = ClientCPU.now() - client0
        let server = postmaster == 0 ? 0 : ServerCPU.total(postmaster) - server0
        let report = try s.servers[1].read { c in try TwoServers.verify(chain, in: c) }
        let done = threads * each
        let figures = String(
            format: "wall_s=%.2f appends_per_wall_s=%.0f client_cpu_s=%.2f server_cpu_s=%.2f cpu_ms_per_append=%.2f", wall,
            Double(done) / wall, client, server, (client + server) * 1000 / Double(done))
        return "\(s.kind.rawValue) servers=2 threads=\(threads) appends=\(done) errors=\(errors.count) intact=\(report.intact) "
            + "events=\(report.eventCount) \(figures)"
    }
}

import BewaarPostgresTestSupport
import BewaarJSON
import BewaarModel
import BewaarStore
import BewaarTestSupport
import Foundation
import GRDB

@testable import BewaarStorePostgres

/// One store's database reached by two servers, each with its own pool: on PostgreSQL two
/// ``PostgresStoreDatabase`` pools on one new, migrated database; on SQLite two GRDB pools on one
/// new store's file (as two `bewaar` processes open it). With the dialect pieces of that
/// database, and the steps a case's opening and a custody append take, written once for both.
final class TwoServers: @unchecked Sendable {
    let kind: TestDatabase.Kind
    /// The two servers' databases.
    let servers: [any StoreDatabase]
    var heads: any ChainHeads
    var numbering: any CaseNumbering
    private let keep: [Any]
    private let close: @Sendable () -> Void

    private init(
        kind: TestDatabase.Kind, servers: [any StoreDatabase], heads: any ChainHeads, numbering: any CaseNumbering, keep: [Any],
        close: @escaping @Sendable () -> Void
    ) {
        self.kind = kind
        self.servers = servers
        self.heads = heads
        self.numbering = numbering
        self.keep = keep
        self.close = close
    }

    deinit { close() }

    /// The first server's PostgreSQL database (nil on SQLite).
    var postgres: PostgresStoreDatabase? { servers.first as? PostgresStoreDatabase }

    /// Made on a thread of its own (it blocks).
    static func made(_ kind: TestDatabase.Kind) async throws -> TwoServers {
        try await offThread { kind == .postgres ? try postgres() : try sqlite() }
    }

    /// The store's steps on `database` alone (say, one school's pool of the application's role).
    static func steps(on database: PostgresStoreDatabase) -> TwoServers {
        TwoServers(
            kind: .postgres, servers: [database], heads: PostgresChainHeads(), numbering: PostgresCaseNumbering(), keep: [], close: {})
    }

    static func postgres() throws -> TwoServers {
        let t = try TestDatabase.make(.postgres)
        let first = try t.schoolStore()
        let second = try PostgresStoreDatabase(url: first.url, connections: 4, settings: first.settings)
        return TwoServers(
            kind: .postgres, servers: [first, second], heads: PostgresChainHeads(), numbering: PostgresCaseNumbering(), keep: [t],
            close: { second.close() })
    }

    static func sqlite() throws -> TwoServers {
        let dir = TempDir()
        _ = try dir.openStore(modules: [])
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        let file = dir.store + "/" + CaseStore.databaseName
        let pools = try (0..<2).map { _ in try DatabasePool(path: file, configuration: configuration) }
        return TwoServers(
            kind: .sqlite, servers: pools.map { SQLiteDatabase($0) }, heads: SQLiteChainHeads(), numbering: SQLiteCaseNumbering(),
            keep: [dir, pools], close: {})
    }

    // MARK: The steps, as the store takes them

    /// Opens a case of `year` in the caller's transaction, as `openCase` does: the next number,
    /// the case's row, its chain's head and its `case-opened` event.
    func openCase(year: Int, in c: any StoreConnection) throws -> CaseID {
        let number = try numbering.nextNumber(year: year, in: c)
        let id = CaseID(year: year, number: number)
        try c.execute(
            "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6)",
            [.text(id.description), SQLValue(year), SQLValue(number), .bytes(Array("Ruzie in de groepsapp".utf8)), .text(Date().stored), .bytes([])])
        try heads.makeHead(of: id.description, in: c)
        try append(to: id.description, action: .caseOpened, details: ["title": "Ruzie in de groepsapp"], in: c)
        return id
    }

    /// Appends an event to `chain` in the caller's transaction through the one implementation
    /// the store uses. Details are kept as their UTF-8 bytes on PostgreSQL (as the store's own
    /// chain is there) and as text in a plain SQLite store.
    @discardableResult
    func append(
        to chain: String, action: CustodyAction = "case-viewed", details: [String: String], in c: any StoreConnection
    ) throws
        -> CustodyEvent
    {
        let postgres = kind == .postgres
        return try CustodyChain.append(
            chain: chain, actor: "J. de Vries", action: action, details: details,
            now: { Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000) },
            sealDetails: { postgres ? .bytes(Array($0.utf8)) : .text($0) }, heads: heads, in: c)
    }

    /// The chain as stored, checked by the store's own ``ChainVerifier`` against its recorded head.
    static func verify(_ chain: String, in c: any StoreConnection) throws -> ChainReport {
        var events: [CustodyEvent] = []
        var times: [String] = []
        for row in try c.fetch(
            "SELECT chain, seq, time, actor, action, details, prev_hash, hash FROM custody WHERE chain = ?1 ORDER BY seq", [.text(chain)])
        {
            let json: String
            switch row[5] {
            case .bytes(let bytes): json = String(decoding: bytes, as: UTF8.self)
            default: json = row[5].text ?? ""
            }
            var details: [String: String] = [:]
            if let object = (try? JSONParser.parse(json))?.objectValue {
                for (k, v) in object { details[k] = v.stringValue ?? v.serialized() }
            }
            let time = row[2].text ?? ""
            times.append(time)
            events.append(
                CustodyEvent(
                    chain: row[0].text ?? "", sequence: Int(row[1].int ?? 0), time: Date(stored: time) ?? Date(timeIntervalSince1970: 0),
                    actor: row[3].text ?? "", action: CustodyAction(rawValue: row[4].text ?? ""), details: details,
                    previousHash: row[6].text ?? "", hash: row[7].text ?? ""))
        }
        let head = try c.fetchOne("SELECT count, head FROM chain_heads WHERE chain = ?1", [.text(chain)])
        return ChainVerifier.verify(
            events: events, storedTimes: times, head: head.map { (Int($0[0].int ?? -1), $0[1].text ?? "") })
    }

    /// Runs `count` threads at once, thread `i` on server `i % 2`, each running `body` `times`
    /// times in a writing transaction of its own (not retried); returns the errors they met.
    func hammer(
        threads count: Int, times: Int, _ body: @escaping @Sendable (any StoreConnection, Int, Int) throws -> Void
    ) throws
        -> [any Error]
    {
        let errors = Collected<any Error>()
        let servers = servers
        try onThreads(count) { thread in
            for n in 0..<times {
                do {
                    try servers[thread % servers.count].write(retryable: false) { c in try body(c, thread, n) }
                } catch { errors.append(error) }
            }
        }
        return errors.all
    }
}

/// What threads hand back, collected under a lock (checked afterwards in the test's own task).
final class Collected<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []
    func append(_ value: Value) { lock.withLock { values.append(value) } }
    var all: [Value] { lock.withLock { values } }
}

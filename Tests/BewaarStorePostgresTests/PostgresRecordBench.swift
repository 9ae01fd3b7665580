import BewaarPostgresTestSupport
import BewaarModel
import BewaarTestSupport
import Foundation
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres

#if canImport(Glibc)
import Glibc
#endif

/// The ingest speed of records on PostgreSQL (`notes/issue-17-store-design.md` §10, risk 1),
/// against the same records through the SQLite store's `RecordWriter` in the same process. Runs
/// only when `BEWAAR_BENCH_RECORDS` is set (`scripts/bench/pg-records`); it prints one line per
/// store and writes them to `BEWAAR_BENCH_OUT` when that is set.
///
/// PostgreSQL: the records of a chat (`BenchChat`) are sealed and given their keyed terms here
/// (`PostgresTermMaker`: the keyed terms of `SealedSearch`, the top 32 of their 40 bits), then one
/// transaction writes them as one item with ``PostgresRecordWriter``. CPU is this process's
/// (`getrusage`, all threads: the writer and NIO's) and the server's (every process of the run's
/// server, from `/proc`, reaped ones included), each around the transaction only.
/// SQLite: an encrypted store, `recordIngest` with the same `Message`s (it seals and indexes
/// them itself).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["BEWAAR_BENCH_RECORDS"] != nil && PostgresServer.installed))
struct PostgresRecordBench {
    static let environment = ProcessInfo.processInfo.environment
    static let count = Int(environment["BEWAAR_BENCH_RECORDS"] ?? "") ?? 300_000
    static let batch = Int(environment["BEWAAR_BENCH_BATCH"] ?? "") ?? PostgresRecordWriter.batchSize
    static let stores = Set((environment["BEWAAR_BENCH_STORES"] ?? "postgres sqlite").split(separator: " ").map(String.init))

    @Test func ingest() async throws {
        let lines = try await offThread { () -> [String] in
            let messages = BenchChat.messages(Self.count)
            var lines: [String] = []
            if Self.stores.contains("postgres") { lines.append(try Self.postgres(messages)) }
            if Self.stores.contains("sqlite") { lines.append(try Self.sqlite(messages)) }
            return lines
        }
        for line in lines { print(line) }
        if let out = Self.environment["BEWAAR_BENCH_OUT"] {
            try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        #expect(lines.count == Self.stores.count)
    }

    static func postgres(_ messages: [Message]) throws -> String {
        // The whole baseline (every index `messages` has in a store), then a case and an item.
        // As the superuser the test server has (row-level security does not apply to it), or
        // with BEWAAR_BENCH_ROLE=owner as a board's owner role, no superuser, for which the
        // schools' policies are forced (as for the application's role).
        let asOwner = environment["BEWAAR_BENCH_ROLE"] == "owner"
        let t = asOwner ? nil : try TestDatabase.make(.postgres, connections: 2)
        let board = asOwner ? try SchoolBoard() : nil
        guard let db = try board?.owner ?? t?.schoolStore() else { throw BenchError(message: "no PostgreSQL database") }
        let (caseNo, item) = try db.write(retryable: false) { c throws in
            try RecordFixture.item(in: c, schema: false)
        }
        if environment["BEWAAR_BENCH_ROW_FK"] == "1" {
            // The baseline as it was before the statement checks: `messages`' two foreign keys
            // as `REFERENCES`, checked once per row.
            try db.write(retryable: false) { c throws in for statement in Self.rowForeignKeys { try c.execute(statement) } }
        }
        // Indexes and parent checks to leave out, to see what each costs (e.g. "messages_terms
        // messages_parents": `messages_parents` is the statement checks of `messages`' parents, a
        // name ending in _fkey a constraint of `messages` (with BEWAAR_BENCH_ROW_FK=1)).
        let dropped = (environment["BEWAAR_BENCH_DROP"] ?? "").split(separator: " ").map(String.init)
        try db.write(retryable: false) { c throws in
            for name in dropped {
                if name == "messages_parents" {
                    try c.execute(Self.rowForeignKeys[0])
                } else {
                    try c.execute(name.hasSuffix("_fkey") ? "ALTER TABLE messages DROP CONSTRAINT \(name)" : "DROP INDEX \(name)")
                }
            }
        }
        let server = try db.read { try $0.fetchOne("SELECT pg_backend_pid()")?[0].int } ?? 0
        let postmaster = ServerCPU.parent(of: Int32(server))

        // Sealing and terms first (measured on their own), the authors' numbers in a transaction
        // of their own; then the writing.
        let key = CaseKey.random()
        let start = ClientCPU.now()
        let names = Set(messages.compactMap(\.author))
        let authors = try db.write(retryable: false) { c throws in
            let writer = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo)
            return try Dictionary(uniqueKeysWithValues: names.map { ($0, try writer.authorNumber(sealedName: SealedValue.seal($0, with: key))) })
        }
        var terms = PostgresTermMaker(key: key)
        let prepared = messages.enumerated().map { n, m in record(m, seq: n, key: key, authors: authors, terms: &terms) }
        let prepare = ClientCPU.now() - start
        let termCount = prepared.reduce(0) { $0 + $1.terms.count }

        let walBefore = try db.read { try $0.fetchOne("SELECT pg_current_wal_lsn()::text")?[0].text } ?? "0/0"
        let before = (client: ClientCPU.now(), server: ServerCPU.total(postmaster), wall: Date())
        let records = try db.write(retryable: false) { c throws in
            let writer = try PostgresRecordWriter(c, itemID: item, caseNo: caseNo, batchSize: batch)
            for r in prepared { try writer.add(r) }
            return try writer.finish()
        }
        let after = (client: ClientCPU.now(), server: ServerCPU.total(postmaster), wall: Date())
        let wal = try db.read { try $0.fetchOne("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?1::pg_lsn)", [.text(walBefore)])?[0].int } ?? 0
        // GIN's fast update leaves new entries in a pending list, merged later (by autovacuum):
        // that work, done now and measured apart.
        let pending = ServerCPU.total(postmaster)
        try db.write(retryable: false) { c throws in
            if try c.fetchOne("SELECT to_regclass('messages_terms') IS NOT NULL")?[0] == .int(1) {
                try c.execute("SELECT gin_clean_pending_list('messages_terms'::regclass)::text")
            }
        }
        let ginMerge = ServerCPU.total(postmaster) - pending
        let size = try db.read { c throws in
            try c.fetchOne(
                "SELECT pg_total_relation_size('messages'), pg_relation_size('messages'), COALESCE(pg_relation_size(to_regclass('messages_terms')), 0)"
            )?.values
                .compactMap(\.int) ?? []
        }
        let client = after.client - before.client
        let serverCPU = after.server - before.server
        let wall = after.wall.timeIntervalSince(before.wall)
        return "postgres role=\(asOwner ? "owner(rls)" : "superuser")"
            + " dropped=\(dropped.isEmpty ? "-" : dropped.joined(separator: ","))"
            + " foreign_keys=\(environment["BEWAAR_BENCH_ROW_FK"] == "1" ? "per_row" : dropped.contains("messages_parents") ? "none" : "per_statement") "
            + String(
                format:
                    "records=%d batch=%d terms/record=%.1f seal+terms_cpu_s=%.2f write: wall_s=%.2f client_cpu_s=%.2f server_cpu_s=%.2f total_cpu_s=%.2f records_per_cpu_s=%.0f records_per_wall_s=%.0f wal_bytes/record=%.0f; then gin_pending_merge_server_cpu_s=%.2f; bytes/record total=%.0f heap=%.0f gin=%.0f",
                records, batch, Double(termCount) / Double(max(records, 1)), prepare, wall, client, serverCPU,
                client + serverCPU,
                Double(records) / (client + serverCPU), Double(records) / wall, Double(wal) / Double(records), ginMerge,
                Double(size.first ?? 0) / Double(records),
                Double(size.dropFirst().first ?? 0) / Double(records), Double(size.last ?? 0) / Double(records))
    }

    /// `messages`' foreign keys as the baseline had them before `PostgresSchema.recordParentChecks`
    /// (`BEWAAR_BENCH_ROW_FK=1`): the checks' functions and triggers dropped, `REFERENCES`
    /// constraints added, which PostgreSQL checks once per inserted row.
    static let rowForeignKeys = [
        "DROP FUNCTION IF EXISTS messages_parents_exist, messages_parent_truncate, items_keep_messages, authors_keep_messages CASCADE",
        "ALTER TABLE messages ADD CONSTRAINT messages_item_id_fkey FOREIGN KEY (item_id) REFERENCES items (id)",
        "ALTER TABLE messages ADD CONSTRAINT messages_author_no_fkey FOREIGN KEY (author_no) REFERENCES authors (id)",
    ]

    /// A `Message` as the PostgreSQL store keeps it: text sealed, author by the number of its
    /// sealed name, terms from ``PostgresTermMaker`` (the store's own).
    static func record(_ m: Message, seq: Int, key: CaseKey, authors: [String: Int64], terms: inout PostgresTermMaker) -> PostgresRecord {
        PostgresRecord(
            seq: Int64(seq), time: m.timestamp?.date.timeIntervalSince1970, utcOffset: m.timestamp.map { Int64($0.utcOffsetSeconds) },
            author: m.author.flatMap { authors[$0] },
            kind: m.kind == .system ? "system" : "message",
            text: SealedValue.seal(m.text, with: key), originLine: m.origin.line.map(Int64.init), originOffset: m.origin.offset,
            originLength: m.origin.length, terms: terms.terms(of: m.text))
    }

    static func sqlite(_ messages: [Message]) throws -> String {
        let dir = TempDir()
        let store = try dir.openStore(modules: [])
        _ = try store.encrypt(with: .keyFile(dir.file("sleutel")), actor: "J. Bakker")
        let opened = try store.openCase(title: "Klas 2B", actor: "J. Bakker")
        let original = dir.write("chat.txt", "bench")
        let (digest, size) = try store.objects.put(file: original)
        let e = NewEvidence(
            name: "WhatsApp-chat met Klas 2B.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
            collectedBy: "J. Bakker", collectedFrom: "telefoon van Sanne", messages: [])
        let before = (client: ClientCPU.now(), wall: Date())
        let outcome = try store.recordIngest(e, in: opened.id) { writer in
            for m in messages { try writer.add(m) }
            return ReadEvidence(format: e.format, mediaType: e.mediaType, warnings: [], contained: [], extra: [:])
        }
        let after = (client: ClientCPU.now(), wall: Date())
        let client = after.client - before.client
        let wall = after.wall.timeIntervalSince(before.wall)
        // The store's database files (the originals' folder aside).
        let files = FileManager.default.enumerator(atPath: dir.store)?.compactMap { $0 as? String } ?? []
        let bytes = files.filter { !$0.hasPrefix("objects") }.reduce(0) { sum, name in
            sum + ((try? FileManager.default.attributesOfItem(atPath: dir.store + "/" + name)[.size] as? Int) ?? 0)
        }
        return String(
            format: "sqlite records=%d wall_s=%.2f cpu_s=%.2f records_per_cpu_s=%.0f records_per_wall_s=%.0f database_bytes/record=%.0f",
            outcome.item.messageCount, wall, client, Double(messages.count) / client, Double(messages.count) / wall,
            Double(bytes) / Double(messages.count))
    }

    struct BenchError: Error { var message: String }
}

/// This process's CPU time (user + system, all threads), in seconds.
enum ClientCPU {
    static func now() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

/// The CPU time of a PostgreSQL server: the postmaster's own and its reaped children's, plus
/// every living child's (backends, WAL writer, checkpointer, autovacuum), from `/proc`.
enum ServerCPU {
    static let tick = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The fields of `/proc/PID/stat` after the command's name (field 3 is the first).
    static func fields(_ pid: Int32) -> [Substring] {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return [] }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    static func parent(of pid: Int32) -> Int32 {
        let f = fields(pid)
        return f.count > 1 ? Int32(f[1]) ?? 0 : 0
    }

    static func total(_ postmaster: Int32) -> Double {
        // Fields 14-17 (utime, stime, cutime, cstime) are at 11-14 here.
        func cpu(_ f: [Substring], children: Bool) -> Double {
            guard f.count > 14 else { return 0 }
            let own = (Double(f[11]) ?? 0) + (Double(f[12]) ?? 0)
            return (own + (children ? (Double(f[13]) ?? 0) + (Double(f[14]) ?? 0) : 0)) / tick
        }
        var total = cpu(fields(postmaster), children: true)
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        for pid in pids where pid != postmaster {
            let f = fields(pid)
            if f.count > 1, Int32(f[1]) == postmaster { total += cpu(f, children: false) }
        }
        return total
    }
}

/// A chat export of `count` lines, the same every run: short Dutch texts of a class group, 30
/// authors (pupils and unknown numbers), one line every few seconds to minutes, from 1 March 2026.
enum BenchChat {
    static let authors = [
        "Daan Jansen", "Sanne de Vries", "Lotte Visser", "Noah Bakker", "Emma de Jong", "Liam Smit", "Julia Meijer", "Sem de Boer",
        "Tess Mulder", "Finn de Groot", "Mila Bos", "Lucas Vos", "Sara Peters", "Levi Hendriks", "Zoë van Dijk", "Milan Dekker",
        "Nora van Leeuwen", "Jesse Brouwer", "Evi de Wit", "Thijs Dijkstra", "Fenna Smits", "Bram de Graaf", "Isa van der Meer",
        "Ruben Koster", "Lieke Prins", "+31 6 12345001", "+31 6 12345002", "+31 6 12345003", "Mees Kok", "Roos Jacobs",
    ]
    static let words = """
        ik jij je hij zij we wij jullie ze het de een en of maar want dus niet wel nog al ook echt heel super gewoon
        morgen vandaag gisteren straks vanavond school klas les huiswerk toets proefwerk rooster pauze kantine gym mentor
        doe normaal stop nou ga weg uit deze groep niemand vroeg jou iets haha lol wtf serieus sorry oke prima ja nee
        waar ben wat doen komen gaan zien zeggen weten denken willen moeten kunnen mogen hebben zijn worden
        veldje fiets bus trein thuis buiten binnen feestje verjaardag foto filmpje bericht appje story snap insta tiktok
        dik dom raar irritant gemeen lelijk stom grappig leuk mooi lief zielig gênant café één naïef coördinator
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let emoji = ["😂", "🙈", "😢", "👍", "🤡", "💀", "🔥", "😡"]

    static func messages(_ count: Int) -> [Message] {
        var state: UInt64 = 0x2026_0301
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var time = 1_772_355_600.0
        var offset: Int64 = 0
        var out: [Message] = []
        out.reserveCapacity(count)
        for n in 0..<count {
            time += Double(2 + next(300))
            let length = 1 + next(9) + (next(10) == 0 ? next(30) : 0)
            var text = (0..<length).map { _ in words[next(words.count)] }.joined(separator: " ")
            if next(5) == 0 { text += " " + emoji[next(emoji.count)] }
            let author = next(60) == 0 ? nil : authors[next(authors.count)]
            let line = "01-03-2026 10:00 - " + (author.map { $0 + ": " } ?? "") + text + "\n"
            let bytes = Int64(line.utf8.count)
            out.append(
                Message(
                    timestamp: Timestamp(date: Date(timeIntervalSince1970: time), utcOffsetSeconds: 3_600), author: author, text: text,
                    kind: author == nil ? .system : .message, origin: Origin(line: n + 1, offset: offset, length: bytes)))
            offset += bytes
        }
        return out
    }
}

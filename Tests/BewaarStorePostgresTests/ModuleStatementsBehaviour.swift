import BewaarPostgresTestSupport
import BewaarAccounts
import BewaarModel
import BewaarStore
import Foundation
import Testing

@testable import BewaarWeb

/// The accounts and web modules' statements (``AccountsTable``, ``WebSessionsTable``,
/// ``SecurityLogTable``, ``RateBucketsTable``, ``WebFlashesTable``, the modules' `destroying`),
/// written once and run on the tables of a SQLite store and of PostgreSQL's baseline
/// (``ModuleStatementsTests``). As in ``StoreDatabaseBehaviour``, the database work runs on a
/// thread of its own and hands back what it found; the checks are here, in the test's task.
enum ModuleStatementsBehaviour {
    static let clock = Date(timeIntervalSince1970: 1_772_478_300)

    /// Two servers spend a bucket's last token at once: the first takes it and holds its
    /// transaction open for a moment; the second's take waits for it (the row's lock on
    /// PostgreSQL, the write lock on SQLite) and is refused. No token flows in meanwhile.
    static func lastTokenGoesOnce(_ m: ModuleDatabase) async throws {
        let take: @Sendable (any StoreConnection) throws -> Bool = { c in
            try RateBucketsTable.take(c, scope: "login", key: "sha256-van-adres", capacity: 3, perSecond: 0, now: 1000).granted
        }
        let first = try await m.write { c in [try take(c), try take(c)] }
        #expect(first == [true, true], "a new bucket gives its burst")
        let (a, b, waited) = try await offThread {
            let took = DispatchSemaphore(value: 0)
            let results = Results()
            try onThreads(2) { thread in
                if thread == 0 {
                    try m.database.write(retryable: false) { c in
                        results.set(0, try take(c))
                        took.signal()
                        Thread.sleep(forTimeInterval: 0.5)
                    }
                } else {
                    took.wait()
                    let start = Date()
                    try m.other.write(retryable: false) { c in results.set(1, try take(c)) }
                    results.waited = Date().timeIntervalSince(start)
                }
            }
            return (results.get(0), results.get(1), results.waited)
        }
        #expect(a == true, "the first take gets the last token")
        #expect(b == false, "the second, waiting for the first, finds the bucket empty")
        #expect(waited >= 0.3, "the second take waited for the first transaction")
        let row = try await m.read { c in try c.fetchOne("SELECT tokens, granted FROM rate_buckets")?.values }
        #expect(row == [.double(0), .int(0)])
    }

    /// Eight threads take three tokens each from one bucket of ten, with nothing flowing in:
    /// exactly ten are granted. A bucket refills with time, never above its capacity, and a
    /// clock that goes back adds nothing; purging removes only old buckets of its scope.
    static func bucketsCountEveryTake(_ m: ModuleDatabase) async throws {
        let granted = try await offThread {
            let count = Results()
            let database = m.database
            try onThreads(8) { thread in
                let db = thread % 2 == 0 ? database : m.other
                for _ in 0..<3 {
                    let taken = try db.write(retryable: true) { c in
                        try RateBucketsTable.take(c, scope: "upload-link", key: "link-7", capacity: 10, perSecond: 0, now: 1000)
                    }
                    if taken.granted { count.add() }
                }
            }
            return count.total
        }
        #expect(granted == 10)
        let takes = try await m.write { c in
            let take = { (now: Double) in
                try RateBucketsTable.take(c, scope: "login", key: "client-1", capacity: 5, perSecond: 0.5, now: now)
            }
            var seen: [Bool] = []
            for _ in 0..<6 { seen.append(try take(100).granted) }
            seen.append(try take(102).granted)  // one token flowed in over two seconds
            seen.append(try take(102).granted)
            seen.append(try take(50).granted)  // the clock went back: nothing flows in
            let full = try take(1000)  // long after: full (5), never more, less the one taken
            seen.append(full.granted)
            return (seen, full.tokens)
        }
        #expect(takes.0 == [true, true, true, true, true, false, true, false, false, true])
        #expect(takes.1 == 4)
        let (purged, left) = try await m.write { c in
            (
                try RateBucketsTable.purge(c, scope: "login", before: 500),
                try c.fetchValues("SELECT key FROM rate_buckets ORDER BY key", as: String.self)
            )
        }
        #expect(purged == 0, "the login bucket was taken from at 1000")
        #expect(left == ["client-1", "link-7"])
        #expect(try await m.write { c in try RateBucketsTable.purge(c, scope: "login", before: 1001) } == 1)
    }

    /// A flash is kept per session, replaced by the session's next one, found only for its kind
    /// and while its time lasts, and removed with its case by the web module.
    static func flashPutAndFound(_ m: ModuleDatabase) async throws {
        let id = m.caseID
        let sealed: [UInt8] = [0xB5, 0x01, 0x00, 0xFF] + Array("{\"stored\":[\"chat.txt\"]}".utf8)
        let until = clock.addingTimeInterval(3600)
        let found = try await m.write { c in
            try WebFlashesTable.put(
                c, sessionSHA256: "sessie-a", token: "t1", kind: "upload", case: id, body: .bytes(sealed), until: until, now: clock)
            let first = try WebFlashesTable.find(c, sessionSHA256: "sessie-a", kind: "upload", now: clock)
            try WebFlashesTable.put(
                c, sessionSHA256: "sessie-a", token: "t2", kind: "upload", case: id, body: .bytes([1, 2, 3]), until: until, now: clock)
            let second = try WebFlashesTable.find(c, sessionSHA256: "sessie-a", kind: "upload", now: clock)
            let otherKind = try WebFlashesTable.find(c, sessionSHA256: "sessie-a", kind: "receipt", now: clock)
            let otherSession = try WebFlashesTable.find(c, sessionSHA256: "sessie-b", kind: "upload", now: clock)
            let late = try WebFlashesTable.find(c, sessionSHA256: "sessie-a", kind: "upload", now: until.addingTimeInterval(1))
            return [first, second, otherKind, otherSession, late].map { $0.map { "\($0.token) \($0.caseID) \($0.body)" } }
        }
        #expect(found[0] == "t1 \(id) \(SQLValue.bytes(sealed))")
        #expect(found[1] == "t2 \(id) \(SQLValue.bytes([1, 2, 3]))")
        #expect(found[2...].allSatisfy { $0 == nil })
        // The next flash, two hours on, removes those past their time.
        let (count, removed) = try await m.write { c in
            try WebFlashesTable.put(
                c, sessionSHA256: "sessie-b", token: "t3", kind: "receipt", case: id, body: .bytes([4]),
                until: until.addingTimeInterval(7200), now: until.addingTimeInterval(3600))
            let count = try c.fetchValue("SELECT COUNT(*) FROM web_flashes", as: Int.self)
            return (count, try UploadLinkTables().destroying(id, in: c).removed)
        }
        #expect(count == 1)
        #expect(removed == ["upload_links": 0, "web_flashes": 1])
    }

    /// An account is found by its name in any case, under the name as it was given; a second
    /// account whose name differs only in case is refused by the database itself.
    static func accountFoundByNameInAnyCase(_ m: ModuleDatabase) async throws {
        let (found, missing, twin) = try await m.write { c in
            try AccountsTable.insert(
                c, name: "J. Bakker", role: "mentor", setupCodeSHA256: String(repeating: "ab", count: 32),
                until: clock.addingTimeInterval(86400), at: clock, by: "beheerder")
            let found = try ["J. Bakker", "j. bakker", "J. BAKKER"].map { try AccountsTable.named(c, $0) }
            let missing = try AccountsTable.named(c, "J. Bakkers")
            // Inside a savepoint: on PostgreSQL a failed statement aborts the transaction without one.
            let twin = try? c.savepoint {
                try AccountsTable.insert(
                    c, name: "j. bakker", role: "afdelingsleider", setupCodeSHA256: String(repeating: "cd", count: 32),
                    until: clock, at: clock, by: "beheerder")
                return true
            }
            return (found, missing, twin ?? false)
        }
        #expect(found.map { $0?.name } == ["J. Bakker", "J. Bakker", "J. Bakker"])
        #expect(found[0]?.role == "mentor")
        #expect(found[0]?.passwordHash == "!")
        #expect(found[0]?.setupCodeBy == "beheerder")
        #expect(found[0]?.setupCodeUntil == clock.addingTimeInterval(86400))
        #expect(found[0]?.language == "nl")
        #expect(missing == nil)
        #expect(!twin, "an account whose name differs only in case is refused")
    }

    /// A session is made, found by its id's hash, touched, and purged when idle or when too
    /// many sessions of the login page pile up.
    static func webSessionMadeAndFound(_ m: ModuleDatabase) async throws {
        let session = StoredWebSession(idSHA256: "sessie-1", account: "J. Bakker", csrf: "csrf-1", created: clock, lastSeen: clock)
        let (found, touched, none) = try await m.write { c in
            try WebSessionsTable.insert(c, session)
            let found = try WebSessionsTable.find(c, idSHA256: "sessie-1")
            try WebSessionsTable.touch(c, idSHA256: "sessie-1", at: clock.addingTimeInterval(60))
            return (found, try WebSessionsTable.find(c, idSHA256: "sessie-1"), try WebSessionsTable.find(c, idSHA256: "sessie-2"))
        }
        #expect(found == session)
        #expect(touched?.lastSeen == clock.addingTimeInterval(60))
        #expect(none == nil)
        let (purged, left) = try await m.write { c in
            for i in 0..<5 {
                let at = clock.addingTimeInterval(Double(i))
                try WebSessionsTable.insert(
                    c, StoredWebSession(idSHA256: "anoniem-\(i)", account: nil, csrf: "c\(i)", created: at, lastSeen: at.addingTimeInterval(100)))
            }
            let purged = try WebSessionsTable.purge(
                c, idleBefore: clock.addingTimeInterval(30), createdBefore: clock.addingTimeInterval(-3600), keepAnonymous: 2)
            let left = try c.fetchValues("SELECT id_sha256 FROM web_sessions ORDER BY id_sha256", as: String.self)
            let deleted = try WebSessionsTable.delete(c, idSHA256: "sessie-1")
            return (purged, left + (deleted ? ["sessie-1 verwijderd"] : []))
        }
        #expect(purged == 3)
        #expect(left == ["anoniem-3", "anoniem-4", "sessie-1", "sessie-1 verwijderd"])
    }

    /// Lines go into the security log with their fields cut to size, newest first, and every
    /// hundredth line drops those too old to keep.
    static func securityLogAppended(_ m: ModuleDatabase) async throws {
        let (ids, newest, count) = try await m.write { c in
            var ids: [Int64] = []
            for i in 1...250 {
                ids.append(
                    try SecurityLogTable.append(
                        c, at: clock.addingTimeInterval(Double(i)), kind: i == 250 ? String(repeating: "k", count: 60) : "login-failed",
                        account: i % 2 == 0 ? "J. Bakker" : nil, source: "192.0.2.\(i % 200)", detail: String(repeating: "x", count: 800),
                        keep: 50))
            }
            return (ids, try SecurityLogTable.newest(c, limit: 2), try SecurityLogTable.count(c))
        }
        #expect(ids == Array(1...250))
        #expect(count == 100, "at line 100 the lines up to 50 went, at line 200 those up to 150")
        #expect(newest.map(\.kind) == [StoredText.bounded(String(repeating: "k", count: 60), limit: 40), "login-failed"])
        #expect(newest.map(\.account) == ["J. Bakker", nil])
        #expect(newest.first?.source == "192.0.2.50")
        #expect(newest.first?.detail == StoredText.bounded(String(repeating: "x", count: 800), limit: 500))
        #expect(newest.first?.time == clock.addingTimeInterval(250))
    }

    /// The accounts module removes a destroyed case's access links and names the accounts that
    /// had them.
    static func accessLinksGoWithTheirCase(_ m: ModuleDatabase) async throws {
        let id = m.caseID
        let removal = try await m.write { c in
            // J. Bakker's first link was revoked before the second was given (one active link each).
            for (account, role, revoked) in [("J. Bakker", "mentor", true), ("A. de Wit", "afdelingsleider", false), ("J. Bakker", "mentor", false)] {
                try c.execute(
                    """
                    INSERT INTO case_access (case_id, account, role, granted_by, granted_at, revoked_by, revoked_at)
                    VALUES (?1, ?2, ?3, 'beheerder', ?4, ?5, ?6)
                    """,
                    [.text(id.description), .text(account), .text(role), .text(clock.stored)]
                        + (revoked ? [.text("beheerder"), .text(clock.stored)] : [.null, .null]))
            }
            let removal = try AccountTables().destroying(id, in: c)
            return (removal.removed, removal.accounts, try c.fetchValue("SELECT COUNT(*) FROM case_access", as: Int.self))
        }
        #expect(removal.0 == ["case_access": 3])
        #expect(removal.1 == ["A. de Wit", "J. Bakker"])
        #expect(removal.2 == 0)
    }

    /// Two servers create one new account at once, as `createAccount` does (is the name free?
    /// then insert), the first pausing between its check and its insert so the second checks
    /// meanwhile. Returns what each ended with: "made", "exists" (its check found the other's)
    /// or the error it threw. SQLite's writers take turns, so the second always finds the first's;
    /// on PostgreSQL the second also finds the name free and commits first, and the first's
    /// insert then finds the name taken (23505): only a retryable transaction runs again and says
    /// "exists", as `createAccount` does.
    static func sameNewAccountAtOnce(_ m: ModuleDatabase, retryable: Bool) async throws -> [String] {
        try await offThread {
            let checked = DispatchSemaphore(value: 0)
            let outcomes = Outcomes()
            try onThreads(2) { thread in
                if thread == 1 { checked.wait() }
                let outcome: String
                do {
                    outcome = try (thread == 0 ? m.database : m.other).write(retryable: retryable) { c in
                        guard try !AccountsTable.exists(c, "S. de Vries") else { return "exists" }
                        if thread == 0 {
                            checked.signal()
                            Thread.sleep(forTimeInterval: 0.3)
                        }
                        try AccountsTable.insert(
                            c, name: "S. de Vries", role: "mentor", setupCodeSHA256: String(repeating: "ef", count: 32), until: clock,
                            at: clock, by: "beheerder")
                        return "made"
                    }
                } catch {
                    outcome = "\(error)"
                }
                outcomes.set(thread, outcome)
            }
            return [outcomes.get(0), outcomes.get(1)]
        }
    }

    /// One active access link per case, account and role, whatever the account name's case; a
    /// revoked link does not count.
    static func oneActiveLinkPerRole(_ m: ModuleDatabase) async throws -> (second: Bool, afterRevoke: Bool) {
        let id = m.caseID
        return try await m.write { c in
            let grant = { (account: String) -> Bool in
                (try? c.savepoint {
                    try c.execute(
                        "INSERT INTO case_access (case_id, account, role, granted_by, granted_at) VALUES (?1, ?2, 'mentor', 'beheerder', ?3)",
                        [.text(id.description), .text(account), .text(clock.stored)])
                    return true
                }) ?? false
            }
            _ = grant("J. Bakker")
            let second = grant("j. bakker")
            try c.execute("UPDATE case_access SET revoked_by = 'beheerder', revoked_at = ?1", [.text(clock.stored)])
            return (second, grant("J. Bakker"))
        }
    }

    /// A PostgreSQL store's upload progress lines go with their case: deleting the case's row
    /// (the last step of a destruction) deletes them, and nothing else. Returns the lines left
    /// of that case and of another.
    static func progressLinesGoWithTheirCase(_ m: ModuleDatabase) async throws -> (ofCase: Int, other: Int) {
        let id = m.caseID
        return try await m.write { c in
            let other = CaseID(year: 2026, number: 2)
            try c.execute(
                "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES (?1, 2026, 2, ?2, ?3, 'open', ?2)",
                [.text(other.description), .bytes([1]), .text(clock.stored)])
            for (key, caseID) in [("sessie-1 formulier-1", id), ("sessie-1 formulier-2", id), ("sessie-2 formulier-1", other)] {
                try UploadProgressLines.put(
                    c, key,
                    UploadProgressRow(
                        caseID: caseID, file: 1, files: 2, name: Data([9, 9]), messages: 120, bytesRead: 4096, totalBytes: 8192, done: false,
                        at: 1000))
            }
            try c.execute("DELETE FROM cases WHERE id = ?1", [.text(id.description)])
            let count = { (caseID: CaseID) in
                try c.fetchValue("SELECT count(*) FROM upload_progress WHERE case_id = ?1", [.text(caseID.description)], as: Int.self) ?? -1
            }
            return (try count(id), try count(other))
        }
    }

    /// What each thread ended with, collected under a lock.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var found: [Int: String] = [:]
        func set(_ index: Int, _ value: String) { lock.withLock { found[index] = value } }
        func get(_ index: Int) -> String { lock.withLock { found[index] ?? "nothing" } }
    }

    /// What threads found, collected under a lock.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var found: [Int: Bool] = [:]
        private var count = 0
        private var seconds = 0.0
        func set(_ index: Int, _ value: Bool) { lock.withLock { found[index] = value } }
        func get(_ index: Int) -> Bool? { lock.withLock { found[index] } }
        func add() { lock.withLock { count += 1 } }
        var total: Int { lock.withLock { count } }
        var waited: Double {
            get { lock.withLock { seconds } }
            set { lock.withLock { seconds = newValue } }
        }
    }
}

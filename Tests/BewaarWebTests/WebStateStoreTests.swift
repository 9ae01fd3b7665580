import Foundation
import Testing
import GRDB
import BewaarModel
@testable import BewaarKit
import BewaarStore
@testable import BewaarWeb
import BewaarTestSupport

/// What several `bewaar serve` processes on one store share, piece by piece, on real stores:
/// the request budgets (`rate_buckets`), the flashes of uploads (`web_flashes`) and the upload
/// progress lines (`upload_progress`). Two `CaseStore`s opened on one folder stand for two servers.
@Suite struct WebStateStoreTests {
    static let start = 1_772_478_300.0

    /// A second store on the same folder: another server.
    static func other(_ f: WebFixture) throws -> CaseStore {
        try CaseStore(
            path: f.folder, create: false, modules: WebServer.storeModules,
            key: FileManager.default.fileExists(atPath: f.folder + ".sleutel") ? .keyFile(f.folder + ".sleutel") : nil)
    }

    static func databaseBytes(_ folder: String) -> Data {
        var all = Data()
        for name in [CaseStore.databaseName, CaseStore.databaseName + "-wal"] {
            all.append((try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) ?? Data())
        }
        return all
    }

    // MARK: Request budgets

    @Test func aBucketGivesItsBurstThenRefillsAtItsRateAndNeverFromAClockGoingBack() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        func take(_ at: Double) throws -> RateTake {
            try f.store.takeRateToken(scope: "login", key: "k", capacity: 3, perSecond: 0.1, now: Self.start + at)
        }
        #expect(try take(0) == RateTake(granted: true, tokens: 2))
        #expect(try take(0).granted && take(0).granted)
        #expect(try take(0) == RateTake(granted: false, tokens: 0))
        #expect(try take(5) == RateTake(granted: false, tokens: 0.5), "half a token after 5 s at 0.1 a second")
        #expect(try take(2) == RateTake(granted: false, tokens: 0.5), "a clock that went back adds nothing")
        #expect(try take(7).granted, "refusals cost nothing: the half token grew to one from 2 s to 7 s")
        #expect(try !take(7).granted)
        #expect(try take(1_000) == RateTake(granted: true, tokens: 2), "never more than the capacity")
        // Another key and another scope have their own buckets.
        #expect(try f.store.takeRateToken(scope: "login", key: "k2", capacity: 3, perSecond: 0.1, now: Self.start).granted)
        #expect(try f.store.takeRateToken(scope: "upload-link", key: "k", capacity: 1, perSecond: 0.1, now: Self.start).granted)
    }

    /// The throttle the login uses: the same answers as the budget in memory it replaces.
    @Test func theThrottleSaysHowLongToWait() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let clock = TestClock(Date(timeIntervalSince1970: Self.start))
        let throttle = LoginThrottle(store: f.store, scope: "login", capacity: 2, perMinute: 6, clock: { clock.now })
        #expect(await throttle.take("198.51.100.7") == nil)
        #expect(await throttle.take("198.51.100.7") == nil)
        #expect(await throttle.take("198.51.100.7") == 10, "one token every 10 s")
        clock.advance(4)
        #expect(await throttle.take("198.51.100.7") == 6)
        #expect(await throttle.take("198.51.100.8") == nil, "another client has its own budget")
        clock.advance(6)
        #expect(await throttle.take("198.51.100.7") == nil)
    }

    /// When the store cannot count (here: a store without the web's tables), the attempt is
    /// refused with a wait, never let through uncounted.
    @Test func anAttemptTheStoreCannotCountIsRefused() async throws {
        let t = TempDir()
        let core = try t.openStore(modules: [])
        let throttle = LoginThrottle(store: core, scope: "login", capacity: 5, perMinute: 6, clock: { Date() })
        #expect(await throttle.take("198.51.100.7") == LoginThrottle.waitWhenUncounted)
    }

    /// Two servers on one store count against one budget, also when their takes come at once.
    @Test func twoServersShareOneBudgetUnderParallelTakes() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let b = try Self.other(f)
        let clock = TestClock(Date(timeIntervalSince1970: Self.start))
        let throttles = [f.store, b].map { LoginThrottle(store: $0, scope: "login", capacity: 10, perMinute: 1, clock: { clock.now }) }
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<40 { group.addTask { await throttles[i % 2].take("203.0.113.5") == nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(allowed == 10, "exactly the burst, whichever server each attempt reached")
        let (onA, onB) = (await throttles[0].take("203.0.113.5"), await throttles[1].take("203.0.113.5"))
        #expect(onA != nil && onB != nil)
    }

    /// The store holds a digest of the address, never the address.
    @Test func anAddressIsKeptOnlyAsADigest() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let throttle = LoginThrottle(store: f.store, scope: "login", capacity: 5, perMinute: 6, clock: { Date() })
        #expect(await throttle.take("198.51.100.77") == nil)
        let keys = try f.store.read { db in try String.fetchAll(db, sql: "SELECT key FROM rate_buckets") }
        #expect(keys == [LoginThrottle.key("198.51.100.77", scope: "login")])
        #expect(keys.allSatisfy { $0.utf8.count == 64 && !$0.contains("198.51") })
        #expect(Self.databaseBytes(f.folder).range(of: Data("198.51.100.77".utf8)) == nil)
    }

    @Test func fullBucketsArePurgedAndEmptyOnesStayCounted() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        for key in ["a", "b"] { _ = try f.store.takeRateToken(scope: "login", key: key, capacity: 2, perSecond: 1, now: Self.start) }
        _ = try f.store.takeRateToken(scope: "login", key: "b", capacity: 2, perSecond: 1, now: Self.start + 10)
        #expect(try f.store.purgeRateBuckets(scope: "login", now: Self.start + 5, fullAfter: 2) == 1, "a's bucket is full again; b was used since")
        #expect(try f.store.read { db in try String.fetchAll(db, sql: "SELECT key FROM rate_buckets") } == ["b"])
    }

    // MARK: Flashes

    @Test func aFlashShowsWithItsTokenToItsSessionOnAnyServerUntilItExpires() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let b = try Self.other(f)
        let outcomes = [UploadOutcome(name: "chat.txt", ok: true, format: "whatsapp", messages: 3, warnings: ["let op"], note: "bewaard")]
        let onA = FlashBox(store: f.store, clock: { f.clock.now })
        let onB = FlashBox(store: b, clock: { f.clock.now })
        let token = try onA.set("sessie-1", case: f.caseID, outcomes)
        #expect(token.utf8.count == 16)
        #expect(onB.get("sessie-1", case: f.caseID, token: token) == outcomes, "the redirect landed on the other server")
        #expect(onB.get("sessie-1", case: f.caseID, token: token) == outcomes, "a reload (or the progress bar's second visit) shows it again")
        #expect(onB.get("sessie-1", case: f.caseID, token: nil).isEmpty)
        #expect(onB.get("sessie-1", case: f.caseID, token: "0000000000000000").isEmpty)
        #expect(onB.get("sessie-2", case: f.caseID, token: token).isEmpty, "another session sees nothing")
        #expect(onB.get("sessie-1", case: CaseID(year: 2026, number: 99), token: token).isEmpty, "nor another case's page")
        // The next upload replaces it; an hour later it is gone, and removed at the next one.
        _ = try onB.set("sessie-1", case: f.caseID, [])
        #expect(onA.get("sessie-1", case: f.caseID, token: token).isEmpty)
        let later = try onA.set("sessie-1", case: f.caseID, outcomes)
        f.clock.advance(FlashBox.lifetime + 1)
        #expect(onA.get("sessie-1", case: f.caseID, token: later).isEmpty)
        _ = try onA.set("sessie-3", case: f.caseID, outcomes)
        #expect(try f.store.read { db in try String.fetchAll(db, sql: "SELECT session_sha256 FROM web_flashes") } == ["sessie-3"])
    }

    @Test func aPupilsReceiptIsAFlashOfItsOwnKind() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let desk = UploadLinkDesk(store: f.store, clock: { f.clock.now })
        let receipt = UploadReceipt(
            tokenSHA256: String(repeating: "a", count: 64), at: Date(timeIntervalSince1970: Self.start),
            lines: [
                ReceiptLine(name: "screenshot.png", size: 12, sha256: String(repeating: "b", count: 64), result: .stored),
                ReceiptLine(name: "kapot.zip", size: 3, sha256: "—", result: .failed("Onleesbaar")),
            ])
        let token = try desk.keep(receipt, session: "leerling", case: f.caseID)
        let shown = try #require(UploadLinkDesk(store: try Self.other(f), clock: { f.clock.now }).receipt(session: "leerling", flash: token))
        #expect(shown.lines.map(\.name) == ["screenshot.png", "kapot.zip"] && shown.at == receipt.at)
        guard case .failed(let why) = shown.lines[1].result else { Issue.record("the failure was kept"); return }
        #expect(why == "Onleesbaar")
        #expect(
            FlashBox(store: f.store, clock: { f.clock.now }).get("leerling", case: f.caseID, token: token).isEmpty,
            "a receipt is not a mentor's flash")
    }

    /// In an encrypted store a flash is sealed with its case's key, and it goes with the case.
    @Test func inAnEncryptedStoreAFlashIsSealedAndDestroyedWithItsCase() throws {
        let f = try WebFixture(encrypted: true)
        defer { f.cleanUp() }
        let box = FlashBox(store: f.store, clock: { f.clock.now })
        let name = "naaktfoto-van-Sanne-de-Vries.jpg"
        let token = try box.set("sessie", case: f.caseID, [UploadOutcome(name: name, ok: true, format: "image", messages: 0, warnings: [], note: "")])
        #expect(box.get("sessie", case: f.caseID, token: token).map(\.name) == [name])
        let raw = try #require(try f.store.read { db in try Data.fetchOne(db, sql: "SELECT body FROM web_flashes") })
        #expect(raw.prefix(2) == Data([0xB5, 0x01]) && raw.range(of: Data("Sanne".utf8)) == nil)
        #expect(Self.databaseBytes(f.folder).range(of: Data(name.utf8)) == nil)
        let outcome = try f.store.destroyCase(
            f.caseID, actor: "A. de Groot", role: "afdelingsleider", reason: "verzoek tot verwijdering", early: true)
        #expect(outcome.record.removed["web_flashes"] == 1)
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM web_flashes") } == 0)
    }

    // MARK: Upload progress

    /// A chat of `messages` lines as an upload received it (in the fixture's folder).
    static func files(_ f: WebFixture, messages: Int) throws -> [ReceivedFile] {
        let path = f.folder + "/tmp/WhatsApp-chat met Klas 2B.txt"
        let data = Data(UploadProgressTests.chat(messages).utf8)
        try data.write(to: URL(fileURLWithPath: path))
        return [ReceivedFile(field: "bestanden", name: "WhatsApp-chat met Klas 2B.txt", path: path, size: Int64(data.count))]
    }

    /// The point of the table of its own: while an ingest holds the store's write lock, the line
    /// it writes is read at once by another server.
    @Test func aLineWrittenDuringAnIngestIsReadByAnotherServerAtOnce() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let files = try Self.files(f, messages: 5_000)
        let onA = UploadProgressBoard(store: f.store, interval: 0)
        let onB = UploadProgressBoard(store: try Self.other(f), interval: 0)
        let reporter = try #require(onA.reporter(session: "sessie", id: UploadProgressTests.id, case: f.caseID, files: files))
        let key = try #require(UploadProgressBoard.key(session: "sessie", id: UploadProgressTests.id))
        let tell = reporter.reading(0)
        var seen: [UploadProgressBoard.Entry] = []
        let report = try Ingestion(store: f.store).ingest(
            path: files[0].path, into: f.caseID, actor: "J. Bakker",
            progress: { p in
                tell(p)
                if let e = onB.entry(key, case: f.caseID) { seen.append(e) }
            })
        #expect(report.messageCount == 5_000)
        #expect(seen.count >= 4, "told every 1,024 records, each read on B while A's ingest was still open")
        #expect(seen.map(\.messages) == seen.map(\.messages).sorted() && seen.allSatisfy { !$0.done && $0.file == 1 && $0.files == 1 })
        #expect(seen.allSatisfy { $0.name == "WhatsApp-chat met Klas 2B.txt" })
        #expect(seen.last.map { $0.bytesRead > 0 && $0.bytesRead <= files[0].size && $0.totalBytes == files[0].size } == true)
        reporter.finished(0, messages: report.messageCount)
        #expect(onB.entry(key, case: f.caseID).map { $0.done && $0.messages == 5_000 } == true)
        #expect(onB.entry(key, case: CaseID(year: 2026, number: 99)) == nil, "asked under another case: nothing")
        reporter.end()
        #expect(onB.entry(key, case: f.caseID) == nil, "the line goes when the upload ends")
    }

    @Test func linesAreWrittenAtMostEveryHalfSecond() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let files = try Self.files(f, messages: 10)
        let clock = TestClock(Date(timeIntervalSince1970: Self.start))
        let board = UploadProgressBoard(store: f.store, clock: { clock.now })
        #expect(board.interval == 0.5)
        let reporter = try #require(board.reporter(session: "s", id: UploadProgressTests.id, case: f.caseID, files: files))
        let key = try #require(UploadProgressBoard.key(session: "s", id: UploadProgressTests.id))
        let tell = reporter.reading(0)
        var written: [Int] = []
        for step in 1...20 {
            clock.advance(0.125)
            tell(IngestProgress(messages: step, bytesRead: Int64(step), totalBytes: 100))
            if let m = board.entry(key, case: f.caseID)?.messages, m != written.last { written.append(m) }
        }
        #expect(written == [0, 4, 8, 12, 16, 20], "2.5 s of reports every 0.125 s: the first line and one every 0.5 s")
    }

    @Test func aStaleLineIsIgnoredAndPurgedAndTheFileNameIsSealed() throws {
        let f = try WebFixture(encrypted: true)
        defer { f.cleanUp() }
        let clock = TestClock(Date(timeIntervalSince1970: Self.start))
        let board = UploadProgressBoard(store: f.store, clock: { clock.now })
        let table = try #require(board.table)
        board.set(
            "s/oud", case: f.caseID,
            .init(
                file: 1, files: 1, name: "foto-Sanne.jpg", messages: 0, bytesRead: 0, totalBytes: 9,
                done: false, at: clock.now))
        let raw = try table.db.read { db in try Data.fetchOne(db, sql: "SELECT name FROM upload_progress") }
        #expect(raw.map { $0.prefix(2) == Data([0xB5, 0x01]) && $0.range(of: Data("Sanne".utf8)) == nil } == true)
        #expect(board.entry("s/oud", case: f.caseID)?.name == "foto-Sanne.jpg")
        clock.advance(UploadProgressBoard.lifetime + 1)
        #expect(board.entry("s/oud", case: f.caseID) == nil, "a server stopped in the middle: its line is ignored")
        _ = board.reporter(session: "s", id: UploadProgressTests.id, case: f.caseID, files: [])
        #expect(try table.db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM upload_progress") } == 0, "and purged")
        let mode = (try FileManager.default.attributesOfItem(atPath: f.folder + "/" + UploadProgressTable.fileName)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }
}

/// The folders uploads are received in: a live one is never removed, one whose server stopped
/// is, by any server.
@Suite struct UploadFoldersTests {
    @Test func aHeldFolderStaysAndOneNobodyHoldsGoes() throws {
        let t = TempDir()
        let tmp = t.path + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let live = try UploadFolders.make(in: tmp, kind: "upload")
        #expect(live.path.hasPrefix(tmp + "/upload-"))
        #expect((try FileManager.default.attributesOfItem(atPath: live.path)[.posixPermissions] as? Int) == 0o700)
        // Left by a server that stopped: its lock file is there, and nobody holds it.
        for name in ["upload-dood", "trace-dood", "verify-dood"] {
            try FileManager.default.createDirectory(atPath: tmp + "/" + name + "/1", withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: tmp + "/" + name + "/" + UploadFolders.lockName, contents: Data())
            FileManager.default.createFile(atPath: tmp + "/" + name + "/1/chat.txt", contents: Data("Sanne".utf8))
        }
        // Without a lock file: kept while new (a folder from before the lock), removed when old.
        for name in ["upload-zonder-slot-nieuw", "upload-zonder-slot-oud", ".nieuw-oud", ".nieuw-jong"] {
            try FileManager.default.createDirectory(atPath: tmp + "/" + name, withIntermediateDirectories: true)
        }
        let old = Date().addingTimeInterval(-2 * 3600)
        for name in ["upload-zonder-slot-oud", ".nieuw-oud"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: tmp + "/" + name)
        }
        FileManager.default.createFile(atPath: tmp + "/plaatsen.lock", contents: Data())
        #expect(UploadFolders.sweep(tmp) == [".nieuw-oud", "trace-dood", "upload-dood", "upload-zonder-slot-oud", "verify-dood"])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: tmp))
        #expect(left == [live.path.split(separator: "/").last.map(String.init) ?? "", "upload-zonder-slot-nieuw", ".nieuw-jong", "plaatsen.lock"])
        live.release()
        #expect(!FileManager.default.fileExists(atPath: live.path))
        #expect(UploadFolders.sweep(tmp) == [])
    }
}

import Foundation
import BewaarModel
import BewaarPostgresTestSupport
import BewaarStore
import BewaarStorePostgres
import BewaarTestSupport
import Testing

/// Which database a store test runs on: the same test, parameterised (`@Test(arguments:
/// StoreKind.all)`).
enum StoreKind: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    /// SQLite always; PostgreSQL when it is installed (``PostgreSQLStoreSuite`` says when it is
    /// not, and why).
    static let all: [StoreKind] = PostgresServer.installed ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
}

/// Reports the store tests' PostgreSQL half as skipped, with the reason, where PostgreSQL is not
/// installed (their arguments then hold SQLite only).
@Suite struct PostgreSQLStoreSuite {
    @Test(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
    func theStoreTestsRunOnPostgreSQLToo() {
        #expect(StoreKind.all == [.sqlite, .postgres])
    }
}

/// A fresh store with a clock the test controls: a SQLite store in its own temporary folder, or
/// one school's store in a fresh PostgreSQL database (a board with one school, its originals in
/// the temporary folder, its master key in a key file beside them).
final class StoreFixture: @unchecked Sendable {
    let kind: StoreKind
    let folder: String
    let clock = TestClock(Date(timeIntervalSince1970: 1_772_478_300), tick: 1)  // 2026-03-02 19:05 UTC
    private let scratch: ScratchDatabase?
    private let board: PostgresBoard?
    private let school: PostgresBoard.School?

    init(_ kind: StoreKind = .sqlite) throws {
        self.kind = kind
        folder = NSTemporaryDirectory() + "bewaar-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if kind == .postgres {
            let scratch = try ScratchDatabase()
            let board = try PostgresBoard(url: scratch.url, folder: folder + "/store", key: nil, connections: 4)
            try board.makeMasterKey()
            school = try board.addSchool(named: "Het Testlyceum")
            self.scratch = scratch
            self.board = board
        } else {
            (scratch, board, school) = (nil, nil, nil)
        }
    }

    deinit {
        board?.database.close()
        // Objects are read-only; make them removable again.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: folder).forEach {
            chmod(folder + "/" + $0, 0o700)
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The SQLite store's folder, or the board's folder of originals.
    var storePath: String { folder + "/store" }

    /// Opens the store (again: each call is a new `CaseStore` on the same database).
    func open(fault: (@Sendable () throws -> Void)? = nil) throws -> CaseStore {
        let clock = self.clock
        if let board, let school {
            return try board.store(school: school, modules: [], clock: { clock.now }, faultBeforeCommit: fault)
        }
        return try CaseStore(path: storePath, create: true, clock: { clock.now }, faultBeforeCommit: fault)
    }

    /// Writes a file with these bytes and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

struct InjectedCrash: Error {}

import BewaarPostgresTestSupport
import BewaarModel
import BewaarStore
import BewaarTestSupport
import Foundation

@testable import BewaarStorePostgres
@testable import BewaarWeb

/// The accounts and web modules' tables on one database, with one case to hang rows on: a
/// SQLite store opened with every module (the tables its own migrations made), or a new
/// PostgreSQL database with the baseline schema (`pg-baseline-v15`).
final class ModuleDatabase: @unchecked Sendable {
    let kind: TestDatabase.Kind
    /// The database the statements run on.
    let database: any StoreDatabase
    /// A second way into the same database, as a second server has: another store on the same
    /// folder (SQLite), or another connection of the pool (PostgreSQL).
    let other: any StoreDatabase
    /// The case in it.
    let caseID: CaseID
    private let keep: [Any]

    private init(kind: TestDatabase.Kind, database: any StoreDatabase, other: any StoreDatabase, caseID: CaseID, keep: [Any]) {
        self.kind = kind
        self.database = database
        self.other = other
        self.caseID = caseID
        self.keep = keep
    }

    static func made(_ kind: TestDatabase.Kind) async throws -> ModuleDatabase {
        try await offThread { try make(kind) }
    }

    static func make(_ kind: TestDatabase.Kind) throws -> ModuleDatabase {
        switch kind {
        case .sqlite:
            let dir = TempDir()
            let store = try dir.openStore(modules: WebServer.storeModules)
            let id = try store.openCase(title: "Pesten in klas 2B", actor: "J. Bakker").id
            let second = try dir.openStore(modules: WebServer.storeModules)
            return ModuleDatabase(kind: kind, database: store.database, other: second.database, caseID: id, keep: [dir, store, second])
        case .postgres:
            let t = try TestDatabase.make(.postgres)
            let db = try t.schoolStore()
            let id = CaseID(year: 2026, number: 1)
            try db.write(retryable: false) { c in
                try c.execute(
                    "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES (?1, 2026, 1, ?2, ?3, 'open', ?4)",
                    [.text(id.description), .bytes(Array("gesloten titel".utf8)), .text("2026-03-02T19:05:00.000Z"), .bytes([])])
            }
            return ModuleDatabase(kind: kind, database: db, other: db, caseID: id, keep: [t])
        }
    }

    /// A writing transaction on a thread of its own; the body hands back what it found, and the
    /// test checks it in its own task.
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) throws -> T) async throws -> T {
        let database = database
        return try await offThread { try database.write(retryable: false, body) }
    }

    /// A reading transaction on a thread of its own; as ``write(_:)``.
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreConnection) throws -> T) async throws -> T {
        let database = database
        return try await offThread { try database.read(body) }
    }
}

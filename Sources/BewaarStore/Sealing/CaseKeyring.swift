import Foundation
import GRDB
import Synchronization

/// The open case keys of an encrypted store, by case id and by case number. Loaded when the
/// store opens; a case opened since (by another process) is loaded when first asked for.
public final class CaseKeyring: Sendable {
    let master: MasterKey
    /// A way into the committed store of its own, for a key another process added: never the
    /// asking transaction's connection (a key can be asked for in the middle of a statement).
    private let committed: @Sendable () throws -> any StoreDatabase
    private struct Keys {
        var byID: [String: CaseKey] = [:]
        var byNumber: [Int64: CaseKey] = [:]
        var numberOf: [String: Int64] = [:]
    }
    private let keys = Mutex(Keys())

    /// The keyring of a store whose database `committed` opens for reading.
    package init(master: MasterKey, committed: @escaping @Sendable () throws -> any StoreDatabase) {
        self.master = master
        self.committed = committed
    }

    /// The keyring of the SQLite store at `databasePath`: a key another process added is read
    /// through a read-only connection of its own, opened when needed.
    convenience init(master: MasterKey, databasePath: String) {
        self.init(master: master) {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(60)
            return SQLiteDatabase(try DatabaseQueue(path: databasePath, configuration: config))
        }
    }

    static let loadSQL = "SELECT c.id, c.no, k.wrapped FROM case_keys k JOIN cases c ON c.id = k.case_id"

    /// Unwraps every case key in the store.
    func loadAll(_ c: any StoreConnection) throws {
        for row in try c.fetch(Self.loadSQL) { _ = try add(row) }
    }

    /// Unwraps and remembers the key of one row of ``loadSQL`` and returns it.
    private func add(_ found: any SQLRow) throws -> CaseKey {
        let row = StoredRow(found, table: "case_keys", key: "id")
        let id: String = try row("id")
        let wrapped: [UInt8] = try row("wrapped")
        guard let key = master.unwrap(wrapped, caseID: id) else {
            throw StoreError(
                .wrongKey, nl: "De sleutel van zaak \(id) gaat niet open met deze hoofdsleutel.",
                en: "The key of case \(id) does not open with this master key.")
        }
        remember(key, caseID: id, number: try row("no"))
        return key
    }

    func remember(_ key: CaseKey, caseID: String, number: Int64?) {
        keys.withLock {
            $0.byID[caseID] = key
            if let number {
                $0.byNumber[number] = key
                $0.numberOf[caseID] = number
            }
        }
    }

    /// Drops a destroyed case's key from memory too.
    func forget(caseID: String) {
        keys.withLock {
            $0.byID[caseID] = nil
            if let n = $0.numberOf.removeValue(forKey: caseID) { $0.byNumber[n] = nil }
        }
    }

    /// The key of a case by its id (`2026-0001`, text) or number (`cases.no`, an integer).
    func key(for reference: SQLValue) -> CaseKey? {
        switch reference {
        case .text(let id):
            if let k = keys.withLock({ $0.byID[id] }) { return k }
            return load(where: "c.id = ?1", reference)
        case .int(let no):
            if let k = keys.withLock({ $0.byNumber[no] }) { return k }
            return load(where: "c.no = ?1", reference)
        default:
            return nil
        }
    }

    /// ``key(for:)`` for code still on GRDB.
    func key(for reference: DatabaseValue) -> CaseKey? {
        key(for: SQLValue(reference))
    }

    /// A key another process added: read from the committed store (its case is visible to the
    /// asking connection, so its key was committed with it).
    private func load(where condition: String, _ value: SQLValue) -> CaseKey? {
        guard let database = try? committed(),
            let row = try? database.read({ c in try c.fetchOne(Self.loadSQL + " WHERE " + condition, [value]).map(SQLValueRow.init) })
        else { return nil }
        return try? add(row)
    }
}

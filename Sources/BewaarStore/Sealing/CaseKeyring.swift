import Foundation
import GRDB
import Synchronization

/// The open case keys of an encrypted store, by case id and by case number. Loaded when the
/// store opens; a case opened since (by another process) is loaded when first asked for.
public final class CaseKeyring: Sendable {
    let master: MasterKey
    private let databasePath: String
    private struct Keys {
        var byID: [String: CaseKey] = [:]
        var byNumber: [Int64: CaseKey] = [:]
        var numberOf: [String: Int64] = [:]
    }
    private let keys = Mutex(Keys())

    init(master: MasterKey, databasePath: String) {
        self.master = master
        self.databasePath = databasePath
    }

    static let loadSQL = "SELECT c.id, c.no, k.wrapped FROM case_keys k JOIN cases c ON c.id = k.case_id"

    /// Unwraps every case key in `db`.
    func loadAll(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: Self.loadSQL) { try add(row) }
    }

    private func add(_ row: Row) throws {
        let id: String = row[0]
        let wrapped: Data = row[2]
        guard let key = master.unwrap([UInt8](wrapped), caseID: id) else {
            throw StoreError(
                .wrongKey, nl: "De sleutel van zaak \(id) gaat niet open met deze hoofdsleutel.",
                en: "The key of case \(id) does not open with this master key.")
        }
        remember(key, caseID: id, number: row[1])
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

    /// The key of a case by its id (`2026-0001`) or number (`cases.no`).
    func key(for reference: DatabaseValue) -> CaseKey? {
        switch reference.storage {
        case .string(let id):
            if let k = keys.withLock({ $0.byID[id] }) { return k }
            return load(where: "c.id = ?", id)
        case .int64(let no):
            if let k = keys.withLock({ $0.byNumber[no] }) { return k }
            return load(where: "c.no = ?", no)
        default:
            return nil
        }
    }

    /// A key another process added: read from the committed store (its case is visible to the
    /// asking connection, so its key was committed with it).
    private func load(where condition: String, _ value: any DatabaseValueConvertible) -> CaseKey? {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(60)
        guard let queue = try? DatabaseQueue(path: databasePath, configuration: config),
            let row = try? queue.read({ try Row.fetchOne($0, sql: Self.loadSQL + " WHERE " + condition, arguments: [value]) }),
            (try? add(row)) != nil
        else { return nil }
        return key(for: row[0] as DatabaseValue)
    }
}

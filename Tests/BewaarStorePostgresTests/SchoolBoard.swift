import BewaarModel
import BewaarStore
import Foundation

@testable import BewaarStorePostgres

/// The board: the owner's pool (school 1 as set up by ``TestDatabase/schoolStore()``), the
/// store's steps (``TwoServers``), and the application role's pools for school 1, school 2
/// and no school.
final class SchoolBoard: @unchecked Sendable {
    let steps: TwoServers
    let owner: PostgresStoreDatabase
    let schoolA: PostgresStoreDatabase
    let schoolB: PostgresStoreDatabase
    let noSchool: PostgresStoreDatabase
    private let role: String

    init() throws {
        steps = try TwoServers.postgres()
        guard let owner = steps.postgres else { throw TestDatabase.SchoolStoreMissing() }
        self.owner = owner
        let role = "bewaar_app_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        self.role = String(role)
        let password = UUID().uuidString
        try owner.withoutTransaction { c in
            try c.execute("INSERT INTO schools (id, name, created) VALUES (2, 'Het Vechtdal College', '2026-12-05T09:00:00.000Z')")
            try c.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
            try c.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)")
            try c.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        }
        var url = owner.url
        url.user = role
        url.password = password
        noSchool = try PostgresStoreDatabase(url: url, connections: 2)
        schoolA = noSchool.with(settings: ["bewaar.school": "1"])
        schoolB = noSchool.with(settings: ["bewaar.school": "2"])
    }

    deinit {
        noSchool.close()
        let owner = owner
        let role = role
        _ = try? owner.withoutTransaction { c in
            try c.execute("DROP OWNED BY \(role)")
            try c.execute("DROP ROLE \(role)")
        }
    }

    /// Opens a case in `school`'s transaction, as the store does (number, row, chain head,
    /// `case-opened`).
    func openCase(_ school: PostgresStoreDatabase) throws -> CaseID {
        try school.write(retryable: false) { c in try steps.openCase(year: 2026, in: c) }
    }

    /// The SQLSTATE `sql` fails with in a transaction of `school`, or "none" when it runs;
    /// with the rows it changed.
    func outcome(_ school: PostgresStoreDatabase, _ sql: String, _ arguments: [SQLValue] = []) -> String {
        do {
            let changed = try school.write(retryable: false) { c in try c.execute(sql, arguments) }
            return "none, \(changed) row(s)"
        } catch let error as PostgresStoreError {
            return error.sqlState ?? "\(error)"
        } catch {
            return "\(error)"
        }
    }
}

import BewaarPostgresTestSupport
import BewaarModel
import BewaarStore
import Foundation

@testable import BewaarStorePostgres

/// A board's database set up with least privileges, as the README tells a board's IT: an owner
/// role (no superuser) that owns the database and runs the migrations, and the application's
/// role, which owns nothing and may read and write rows and call the board's two functions. Two
/// schools; the application's pools act for school 1, school 2, or no school.
final class SchoolBoard: @unchecked Sendable {
    /// The owner's pool, acting for school 1.
    let owner: PostgresStoreDatabase
    let schoolA: PostgresStoreDatabase
    let schoolB: PostgresStoreDatabase
    let noSchool: PostgresStoreDatabase
    /// The store's steps (opening a case, appending to a chain), on school 1's pool.
    let steps: TwoServers
    private var database: TestDatabase?
    private let roles: [String]

    init() throws {
        let database = try TestDatabase.make(.postgres, connections: 2)
        guard let superuser = database.postgres else { throw TestDatabase.SchoolStoreMissing() }
        self.database = database
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let (ownerRole, appRole) = ("bewaar_owner_\(suffix)", "bewaar_app_\(suffix)")
        roles = [appRole, ownerRole]
        let (ownerPassword, appPassword) = (UUID().uuidString, UUID().uuidString)
        try superuser.withoutTransaction { c in
            try c.execute("CREATE ROLE \(ownerRole) LOGIN PASSWORD '\(ownerPassword)'")
            try c.execute("CREATE ROLE \(appRole) LOGIN PASSWORD '\(appPassword)'")
            try c.execute("ALTER DATABASE \(superuser.url.database) OWNER TO \(ownerRole)")
        }
        var url = superuser.url
        url.user = ownerRole
        url.password = ownerPassword
        let ownerPool = try PostgresStoreDatabase(url: url, connections: 2)
        try PostgresSchema.migrator().migrate(ownerPool)
        try ownerPool.withoutTransaction { c in
            try c.execute(
                """
                INSERT INTO schools (id, name, created) VALUES (1, 'Het Testlyceum', '2026-12-05T09:00:00.000Z'),
                    (2, 'Het Vechtdal College', '2026-12-05T09:00:00.000Z')
                """)
            try ApplicationRole.grant(to: appRole, in: c)
        }
        owner = ownerPool.with(settings: ["bewaar.school": "1"])
        url.user = appRole
        url.password = appPassword
        noSchool = try PostgresStoreDatabase(url: url, connections: 2)
        schoolA = noSchool.with(settings: ["bewaar.school": "1"])
        schoolB = noSchool.with(settings: ["bewaar.school": "2"])
        steps = TwoServers.steps(on: schoolA)
    }

    deinit {
        noSchool.close()
        owner.close()
        database = nil  // drops the database, so the roles own nothing any more
        let roles = roles
        _ = try? TestDatabase.admin.get().withoutTransaction { c in
            for role in roles { try c.execute("DROP ROLE IF EXISTS \(role)") }
        }
    }

    /// Opens a case in `school`'s transaction, as the store does (number, row, chain head,
    /// `case-opened`).
    func openCase(_ school: PostgresStoreDatabase) throws -> CaseID {
        try school.write(retryable: false) { c in try steps.openCase(year: 2026, in: c) }
    }

    /// The SQLSTATE `sql` fails with in a transaction of `school`, or "none" and the rows it
    /// changed when it runs.
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

import BewaarModel
import BewaarPostgresTestSupport
import BewaarStore
import BewaarTestSupport
import BewaarWeb
import Foundation
import Testing

@testable import BewaarStorePostgres

/// A school's `CaseStore` on a board's PostgreSQL database (the store's behaviour itself is
/// tested by the store tests, which run on both databases).
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresCaseStoreTests {
    @Test func aSchoolsStoreOpensAgainWithTheBoardsKeyAndKeepsItsCase() async throws {
        let found = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let folder = TempDir()
            let board = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: nil, connections: 4)
            #expect(!board.bypassesRowSecurity)
            try board.makeMasterKey()
            let school = try board.addSchool(named: "Het Testlyceum")
            let store = try board.store(school: school, modules: WebServer.storeModules)
            let c = try store.openCase(
                title: "Pesten in groepsapp 2B", actor: "J. Bakker", people: [Person(name: "Sanne de Vries", role: .slachtoffer)])
            let again = try board.store(school: school, modules: WebServer.storeModules)
            var out = [c.id.description, try again.cases().map(\.title).joined()]
            out.append(try again.people(c.id).map(\.name).joined())
            out.append(String(try again.events(chain: c.id.description).count))
            out.append(String(store.isEncrypted))
            out.append(String(FileManager.default.fileExists(atPath: folder.file("originelen.sleutel"))))
            // Without the board's key file nothing opens.
            let wrongKey = folder.write(
                "andere.sleutel", "bewaar-hoofdsleutel-1\n" + Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString() + "\n")
            chmod(wrongKey, 0o600)
            let other = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: .keyFile(wrongKey), connections: 1)
            out.append(String((try? other.store(school: school, modules: [])) == nil))
            return out
        }
        #expect(found == ["2026-0001", "Pesten in groepsapp 2B", "Sanne de Vries", "2", "true", "true", "true"])
    }

    /// A superuser (or a role with BYPASSRLS) sees every school's rows whatever the policies say:
    /// no school's store opens for it.
    @Test func noSchoolsStoreOpensForARoleThatBypassesRowSecurity() async throws {
        let message = try await offThread { () -> String in
            let database = try TestDatabase.make(.postgres)
            let folder = TempDir()
            let board = try PostgresBoard(url: database.postgres!.url, folder: folder.file("originelen"), key: nil, connections: 2)
            try board.makeMasterKey()
            let school = try board.addSchool(named: "Het Testlyceum")
            do {
                _ = try board.store(school: school, modules: [])
                return "opened"
            } catch {
                return "\(error)"
            }
        }
        #expect(message.contains("superuser") && message.contains("BYPASSRLS"))
    }
}

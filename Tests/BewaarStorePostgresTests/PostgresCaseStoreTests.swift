import BewaarModel
import BewaarPostgresTestSupport
import BewaarStore
import BewaarTestSupport
import BewaarAccounts
import BewaarWeb
import Foundation
import Testing

@testable import BewaarStorePostgres

@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresCaseStoreTests {
    @Test func aSchoolsStoreOpensOnPostgreSQLAndKeepsACase() async throws {
        let found = try await offThread { () -> [String] in
            let database = try TestDatabase.make(.postgres)
            let folder = TempDir()
            let board = try PostgresBoard(url: database.postgres!.url, folder: folder.file("originelen"), key: nil, connections: 4)
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
            withExtendedLifetime(database) {}
            return out
        }
        #expect(found == ["2026-0001", "Pesten in groepsapp 2B", "Sanne de Vries", "2", "true"])
    }
}

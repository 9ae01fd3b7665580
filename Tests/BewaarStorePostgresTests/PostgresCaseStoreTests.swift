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
            // The board's key serves every school: one school's store does not replace it.
            let refused = (try? store.rekey(to: .keyFile(folder.file("nieuw.sleutel")), replacing: nil, actor: "B. Beheer")) == nil
            let again = try board.store(school: school, modules: WebServer.storeModules)
            var out = [c.id.description, try again.cases().map(\.title).joined()]
            out.append(try again.people(c.id).map(\.name).joined())
            out.append(String(try again.events(chain: c.id.description).count))
            out.append(String(store.isEncrypted))
            out.append(String(FileManager.default.fileExists(atPath: folder.file("originelen.sleutel"))))
            out.append(String(refused && !FileManager.default.fileExists(atPath: folder.file("nieuw.sleutel"))))
            // Without the board's key file nothing opens.
            let wrongKey = folder.write(
                "andere.sleutel", "bewaar-hoofdsleutel-1\n" + Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString() + "\n")
            chmod(wrongKey, 0o600)
            let other = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: .keyFile(wrongKey), connections: 1)
            out.append(String((try? other.store(school: school, modules: [])) == nil))
            return out
        }
        #expect(found == ["2026-0001", "Pesten in groepsapp 2B", "Sanne de Vries", "2", "true", "true", "true", "true"])
    }

    /// After a large ingest the record tables have fresh statistics, though the servers' role
    /// owns no table (`bewaar_analyze_records()` runs as their owner): the next timeline page is
    /// planned for the case's real size.
    @Test func aLargeIngestLeavesFreshStatisticsForTheTimeline() async throws {
        let analysed = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let folder = TempDir()
            let board = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: nil, connections: 2)
            try board.makeMasterKey()
            let store = try board.store(school: try board.addSchool(named: "Het Testlyceum"), modules: [])
            let c = try store.openCase(title: "Groepsapp", actor: "J. Bakker")
            let messages = (0..<10_000).map { i in
                Message(
                    timestamp: nil, author: i % 2 == 0 ? "Daan Jansen" : "Tim Bos", text: "bericht \(i)",
                    origin: Origin(line: i + 1, offset: Int64(i * 12), length: 12))
            }
            let (d, size) = try store.objects.put(file: folder.write("chat.txt", "chat"))
            _ = try store.recordIngest(
                NewEvidence(
                    name: "chat.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker", messages: messages
                ),
                in: c.id)
            return try database.withStore { c in
                try c.fetch("SELECT relname::text FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY 1").compactMap { $0[0].text }
            }
        }
        #expect(analysed == ["authors", "items", "messages"])
    }

    /// `bewaar store rekey` on a board: every school's case keys (and the office's) wrapped
    /// again in one transaction; afterwards the new key file, in the old one's place, opens every
    /// school, the old key opens none, and a server still holding the old key stores no new case.
    @Test func theBoardsKeyIsReplacedForEverySchoolAtOnce() async throws {
        let found = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let folder = TempDir()
            let board = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: nil, connections: 4)
            try board.makeMasterKey()
            let schools = [try board.addSchool(named: "Het Testlyceum"), try board.addSchool(named: "Het Vechtdal College")]
            for (n, school) in schools.enumerated() {
                let store = try board.store(school: school, modules: WebServer.storeModules)
                for i in 0...n { _ = try store.openCase(title: "Zaak \(i) van \(school.name)", actor: "J. Bakker") }
            }
            let running = try board.store(school: schools[0], modules: WebServer.storeModules)
            let oldKey = folder.file("oude.sleutel")
            try FileManager.default.copyItem(atPath: board.keyFile, toPath: oldKey)
            let count = try board.rekey(to: .keyFile(board.keyFile), replacing: board.keyFile, modules: WebServer.storeModules, actor: "B. Beheer")
            var out = [String(count), String(!FileManager.default.fileExists(atPath: board.keyFile + ".nieuw"))]
            let reopened = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: nil, connections: 2)
            for school in schools {
                let store = try reopened.store(school: school, modules: WebServer.storeModules)
                out.append(try store.cases().map(\.title).joined(separator: ", "))
                out.append(String(try store.check().intact && store.events(chain: "store").last?.action.rawValue == "store-rekeyed"))
            }
            let old = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: .keyFile(oldKey), connections: 1)
            out.append(String((try? old.store(school: schools[0], modules: [])) == nil))
            do {
                _ = try running.openCase(title: "Na de nieuwe sleutel", actor: "J. Bakker")
                out.append("opened with the old key")
            } catch {
                out.append((error as? StoreError)?.dutch.contains("vervangen terwijl deze server liep") == true ? "refused" : "\(error)")
            }
            return out
        }
        #expect(
            found == [
                "3", "true", "Zaak 0 van Het Testlyceum", "true", "Zaak 0 van Het Vechtdal College, Zaak 1 van Het Vechtdal College", "true", "true",
                "refused",
            ])
    }

    /// The board's overview, before the board granted the servers' role its two functions, says
    /// what to grant instead of PostgreSQL's "permission denied".
    @Test func theBoardsOverviewWithoutItsGrantSaysWhatToGrant() async throws {
        let message = try await offThread { () -> String in
            let database = try ScratchDatabase()
            let board = try PostgresBoard(url: database.url, folder: TempDir().file("originelen"), key: nil, connections: 1)
            _ = try board.overview()
            try database.asOwner { c in
                _ = try c.execute("REVOKE EXECUTE ON FUNCTION board_destruction_log(), board_retention_overview() FROM \(database.url.user)")
            }
            do {
                _ = try board.overview()
                return "read"
            } catch {
                return (error as? StoreError)?.dutch ?? "\(error)"
            }
        }
        #expect(message.contains("GRANT EXECUTE ON FUNCTION board_destruction_log(), board_retention_overview()"), "\(message)")
    }

    /// A database behind this version of Bewaar, opened by the servers' role (which may not
    /// change the schema), says who must bring it up to date and how, instead of PostgreSQL's
    /// "permission denied".
    @Test func aDatabaseBehindTellsTheServersRoleToRunStoreInitAsTheOwner() async throws {
        let message = try await offThread { () -> String in
            let database = try ScratchDatabase()
            let latest = try #require(PostgresSchema.shippedOrder.last)
            try database.asOwner { c in _ = try c.execute("DELETE FROM schema_migrations WHERE name = ?1", [.text(latest)]) }
            do {
                _ = try PostgresBoard(url: database.url, folder: TempDir().file("originelen"), key: nil, connections: 1)
                return "opened"
            } catch {
                return (error as? StoreError)?.dutch ?? "\(error)"
            }
        }
        #expect(
            message.contains("loopt achter") && message.contains("bewaar store init") && message.contains(PostgresSchema.shippedOrder.last ?? "?"),
            "\(message)")
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

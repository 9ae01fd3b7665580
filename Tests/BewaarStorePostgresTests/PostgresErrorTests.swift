import BewaarPostgresTestSupport
import BewaarTestSupport
import Foundation
import Testing

@testable import BewaarStorePostgres

/// A wrong address says what to check, in Dutch and English, and never shows the password.
@Suite struct PostgresErrorTests {
    /// Nothing listens on the port: "is PostgreSQL running at host:port?" (no server needed:
    /// port 1 is tcpmux, which no machine here runs).
    @Test func aPortWithoutAServer() async throws {
        let port = 1
        let error = await #expect(throws: PostgresStoreError.self) {
            try await offThread { try PostgresStoreDatabase("postgres://bewaar:Geheim123@127.0.0.1:\(port)/bewaar") }
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.english.contains("Is PostgreSQL running at 127.0.0.1:\(port)?") == true)
        #expect(error?.dutch.contains("Draait PostgreSQL op 127.0.0.1:\(port)?") == true)
        Self.expectNoPassword(error, "Geheim123")
    }

    @Test(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
    func aWrongPassword() async throws {
        let right = try await offThread { try PostgresServer.url() }
        var wrong = right
        wrong.password = "Verkeerd-Wachtwoord-42"
        let url = wrong
        let error = await #expect(throws: PostgresStoreError.self) { try await offThread { try PostgresStoreDatabase(url: url) } }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.sqlState == "28P01")
        #expect(error?.english.contains("refuses user bewaar: the user name or password is wrong") == true)
        #expect(error?.dutch.contains("gebruikersnaam of wachtwoord klopt niet") == true)
        Self.expectNoPassword(error, "Verkeerd-Wachtwoord-42")
        Self.expectNoPassword(error, right.password ?? "-")
    }

    @Test(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
    func anUnknownDatabase() async throws {
        let right = try await offThread { try PostgresServer.url() }
        var unknown = right
        unknown.database = "bestaat_niet"
        let url = unknown
        let error = await #expect(throws: PostgresStoreError.self) { try await offThread { try PostgresStoreDatabase(url: url) } }
        #expect(error?.code == .unknownDatabase)
        #expect(error?.english.contains("has no database bestaat_niet") == true)
        #expect(error?.dutch.contains("heeft geen database bestaat_niet") == true)
        Self.expectNoPassword(error, right.password ?? "-")
    }

    /// A refused statement names its SQLSTATE and the server's words, not the arguments' values.
    @Test(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
    func aRefusedStatement() async throws {
        let t = try await TestDatabase.made(.postgres)
        let error = await #expect(throws: PostgresStoreError.self) {
            try await t.write { try $0.execute("SELEKT 1") }
        }
        #expect(error?.code == .statementFailed)
        #expect(error?.sqlState == "42601")
        #expect(error?.english.contains("SQLSTATE 42601") == true)
    }

    static func expectNoPassword(_ error: PostgresStoreError?, _ password: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [error?.dutch ?? "", error?.english ?? "", "\(String(describing: error))"] {
            #expect(!text.contains(password), "the password is shown: \(text)", sourceLocation: sourceLocation)
        }
    }
}

import BewaarPostgresTestSupport
import BewaarStore
import Foundation
import Testing

@testable import BewaarStorePostgres

/// `sslmode` against real servers: a TLS server with a certificate for `localhost` made by
/// `openssl` at test time (``PostgresTLSServer``, `hostssl` only) and the run's plain server.
/// Each refusal has its own code and says what to do, in Dutch and English.
@Suite struct PostgresTLSTests {
    static let enabled: ConditionTrait = .enabled(if: PostgresTLSServer.available, Comment(rawValue: PostgresTLSServer.skipReason))

    /// What the server says about this session's connection: whether it is TLS, and a query's answer.
    static func sessionFacts(_ url: PostgresURL) async throws -> (ssl: Int?, answer: Int?) {
        try await offThread {
            let database = try PostgresStoreDatabase(url: url, connections: 1)
            defer { database.close() }
            return try database.read { connection in
                let row = try connection.fetchOne("SELECT ssl, ?1 + 1 AS answer FROM pg_stat_ssl WHERE pid = pg_backend_pid()", [.int(41)])
                return (row?["ssl"]?.int.map(Int.init), row?["answer"]?.int.map(Int.init))
            }
        }
    }

    /// The error that opening `url` gives.
    static func openingError(_ url: PostgresURL) async -> PostgresStoreError? {
        do {
            _ = try await offThread { try PostgresStoreDatabase(url: url, connections: 1).close() }
            return nil
        } catch {
            return error as? PostgresStoreError
        }
    }

    @Test(enabled) func verifyFullWithTheRightCAConnects() async throws {
        let server = try await offThread { try PostgresTLSServer.server() }
        #expect(server.url.tlsMode == .verifyFull && server.url.host == "localhost")
        let facts = try await Self.sessionFacts(server.url)
        #expect(facts.ssl == 1)
        #expect(facts.answer == 42)
    }

    @Test(enabled) func verifyFullWithAnotherCAIsRefused() async throws {
        var url = try await offThread { try PostgresTLSServer.server() }.url
        url.rootCertificatePath = try await offThread { try PostgresTLSServer.server() }.otherAuthority
        let error = await Self.openingError(url)
        #expect(error?.code == .tlsUntrustedCertificate, "\(String(describing: error))")
        #expect(error?.english.contains("is not signed by a trusted CA (sslrootcert \(url.rootCertificatePath ?? "-"))") == true)
        #expect(error?.dutch.contains("niet ondertekend door een vertrouwde CA") == true)
        PostgresErrorTests.expectNoPassword(error, url.password ?? "-")
    }

    /// The certificate names `localhost` only; asked as 127.0.0.1, the same server is refused.
    @Test(enabled) func verifyFullAgainstACertificateForAnotherNameIsRefused() async throws {
        var url = try await offThread { try PostgresTLSServer.server() }.url
        url.host = "127.0.0.1"
        let error = await Self.openingError(url)
        #expect(error?.code == .tlsNameMismatch, "\(String(describing: error))")
        #expect(error?.english.contains("is not issued for 127.0.0.1") == true)
        #expect(error?.dutch.contains("niet voor 127.0.0.1 uitgegeven") == true)
        PostgresErrorTests.expectNoPassword(error, url.password ?? "-")
    }

    /// `require` encrypts without checking: it connects even with a CA that signed nothing of the
    /// server's (what the documentation warns about).
    @Test(enabled) func requireConnectsWithoutChecking() async throws {
        let server = try await offThread { try PostgresTLSServer.server() }
        var url = server.url
        url.tlsMode = .require
        url.host = "127.0.0.1"
        url.rootCertificatePath = server.otherAuthority
        let facts = try await Self.sessionFacts(url)
        #expect(facts.ssl == 1)
        #expect(facts.answer == 42)
    }

    @Test(enabled) func aServerWithHostsslRefusesDisable() async throws {
        var url = try await offThread { try PostgresTLSServer.server() }.url
        url.host = "127.0.0.1"
        url.tlsMode = .disable
        let error = await Self.openingError(url)
        #expect(error?.code == .tlsRequiredByServer, "\(String(describing: error))")
        #expect(error?.sqlState == "28000")
        #expect(error?.english.contains("accepts only encrypted connections (hostssl in pg_hba.conf)") == true)
        #expect(error?.english.contains("Use sslmode=verify-full") == true)
        #expect(error?.dutch.contains("alleen versleutelde verbindingen") == true)
    }

    @Test(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
    func aServerWithoutTLSIsRefused() async throws {
        var url = try await offThread { try PostgresServer.url() }
        url.host = "localhost"
        for mode in [PostgresTLSMode.verifyFull, .require] {
            url.tlsMode = mode
            let error = await Self.openingError(url)
            #expect(error?.code == .tlsUnsupportedByServer, "\(mode): \(String(describing: error))")
            #expect(error?.english.contains("offers no TLS (encryption), and the database address asks sslmode=\(mode.rawValue)") == true)
            #expect(error?.dutch.contains("biedt geen TLS") == true)
        }
    }

    /// Refused before any connection: db.example.org does not resolve here (no network), so a
    /// connection attempt would have given `.unreachable`.
    @Test func disableToANetworkHostIsRefusedBeforeConnecting() async throws {
        let text = "postgres://bewaar:Geheim123@db.example.org:5432/bewaar?sslmode=disable"
        let parsed = #expect(throws: PostgresStoreError.self) { try PostgresURL(text) }
        let url = PostgresURL(user: "bewaar", password: "Geheim123", host: "db.example.org", database: "bewaar", tlsMode: .disable)
        let opened = await Self.openingError(url)
        for error in [parsed, opened] {
            #expect(error?.code == .tlsRequired, "\(String(describing: error))")
            #expect(error?.english.contains("sslmode=disable is only allowed for PostgreSQL on this machine, not for db.example.org:5432") == true)
            #expect(error?.english.contains("Use sslmode=verify-full") == true)
            #expect(error?.dutch.contains("Gebruik sslmode=verify-full") == true)
            PostgresErrorTests.expectNoPassword(error, "Geheim123")
        }
        // This machine may go without TLS.
        for host in ["localhost", "127.0.0.1", "[::1]"] {
            #expect(try PostgresURL("postgres://a:b@\(host)/x?sslmode=disable").tlsMode == .disable)
        }
    }

    /// A missing file, a folder and a file without a certificate are each named, before connecting.
    @Test func anUnreadableRootCertificateIsNamed() async throws {
        let folder = NSTemporaryDirectory() + "bewaar-pg-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notPEM = folder + "/ca.crt"
        try Data("geen certificaat\n".utf8).write(to: URL(fileURLWithPath: notPEM))
        let cases = [
            (folder + "/missing.crt", "the file does not exist"), (folder, "it is a folder, not a file"),
            (notPEM, "holds no PEM certificate"),
        ]
        for (path, words) in cases {
            let url = PostgresURL(user: "bewaar", password: "pw", host: "db.example.org", database: "bewaar", rootCertificatePath: path)
            let error = await Self.openingError(url)
            #expect(error?.code == .tlsRootCertificateUnreadable, "\(path): \(String(describing: error))")
            #expect(error?.english.contains(path) == true)
            #expect(error?.english.contains(words) == true, "\(error?.english ?? "")")
            #expect(error?.dutch.contains(path) == true)
        }
    }
}

import Testing

@testable import BewaarStorePostgres

/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE`, read and shown without its password.
@Suite struct PostgresURLTests {
    @Test func readsEveryPart() throws {
        let url = try PostgresURL("postgres://bewaar:g3h%40im%3A%2F@db.example.org:6543/bewaar_scholen")
        #expect(url == PostgresURL(user: "bewaar", password: "g3h@im:/", host: "db.example.org", port: 6543, database: "bewaar_scholen"))
        #expect(
            try PostgresURL("postgresql://app@127.0.0.1/evidence") == PostgresURL(user: "app", password: nil, host: "127.0.0.1", database: "evidence")
        )
        #expect(try PostgresURL("POSTGRES://app:pw@[::1]:5433") == PostgresURL(user: "app", password: "pw", host: "::1", port: 5433, database: "app"))
        #expect(try PostgresURL("postgres://app:pw@localhost/db?sslmode=disable").database == "db")
        // A password may hold an unencoded @: the last @ ends it.
        #expect(try PostgresURL("postgres://app:p@ss@localhost/db").password == "p@ss")
    }

    /// verify-full unless the host is this machine; sslrootcert percent-decoded, `system` the default roots.
    @Test func readsTheTLSMode() throws {
        #expect(try PostgresURL("postgres://a:b@db.example.org/x").tlsMode == .verifyFull)
        #expect(try PostgresURL("postgres://a:b@10.0.0.5/x").tlsMode == .verifyFull)
        #expect(try PostgresURL("postgres://a:b@LOCALHOST/x").tlsMode == .disable)
        #expect(try PostgresURL("postgres://a:b@[::1]/x").tlsMode == .disable)
        #expect(try PostgresURL("postgres://a:b@127.0.0.1/x?sslmode=verify-full").tlsMode == .verifyFull)
        let url = try PostgresURL("postgres://a:b@db.example.org/x?SSLMODE=Require&sslrootcert=/etc/bewaar/board%20ca.pem")
        #expect(url.tlsMode == .require)
        #expect(url.rootCertificatePath == "/etc/bewaar/board ca.pem")
        #expect(try PostgresURL("postgres://a:b@db.example.org/x?sslrootcert=system").rootCertificatePath == nil)
    }

    @Test func showsNoPassword() throws {
        let url = try PostgresURL("postgres://bewaar:Geheim123@db.example.org:6543/bewaar")
        #expect(url.description == "postgres://bewaar@db.example.org:6543/bewaar")
        #expect(!"\(url)".contains("Geheim123"))
        #expect(try PostgresURL("postgres://a:b@[::1]:5432/x").server == "[::1]:5432")
    }

    /// Each mistake is named, in Dutch and English, without repeating the address (it may hold
    /// the password).
    @Test func refusesWhatItCannotUse() {
        let wrong = [
            "mysql://root:Geheim123@localhost/db": "postgres://",
            "postgres://Geheim123@/db": "host",
            "postgres://:Geheim123@localhost/db": "user",
            "postgres://app:Geheim123@localhost:54x32/db": "port",
            "postgres://app:Geheim123@localhost:70000/db": "port",
            "postgres://app:Geheim123@localhost/db?sslmode=prefer": "use sslmode=verify-full",
            "postgres://app:Geheim123@localhost/db?sslcert=client.crt": "only sslmode and sslrootcert",
            "postgres://app:Geheim123@localhost/db?sslrootcert=": "sslrootcert is empty",
            "postgres://app:Geheim123%zz@localhost/db": "%-escape",
            "postgres://app:Geheim123@[::1/db": "IPv6",
        ]
        for (text, word) in wrong {
            let error = #expect(throws: PostgresStoreError.self) { try PostgresURL(text) }
            #expect(error?.code == .invalidURL)
            #expect(error?.english.contains(word) == true, "\(text): \(error?.english ?? "")")
            #expect(error?.dutch.isEmpty == false)
            #expect(error?.dutch.contains("Geheim123") == false)
            #expect(error?.english.contains("Geheim123") == false)
        }
    }
}

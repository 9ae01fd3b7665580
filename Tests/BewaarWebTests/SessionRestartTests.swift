import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarDigest
import BewaarStore
@testable import BewaarWeb

/// Sessions live in the store: a restart of `bewaar serve` (a second application on the same
/// store) keeps everyone signed in, but never a logged-out or expired session.
@Suite struct SessionRestartTests {
    /// The session id inside a `bewaar_sessie=…` cookie.
    func sessionID(_ b: Browser) -> String { String(b.cookie.dropFirst(WebApp.cookieName.count + 1)) }

    @Test func aSessionMadeBeforeARestartIsAcceptedAfterIt() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let signed = try await f.app().test(.router) { client in try await login(client, "J. Bakker") }
        let b = try #require(signed)
        try await f.app().test(.router) { client in
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("Ingelogd als <strong>J. Bakker</strong>"))
            }
            // The CSRF token survived as well: a form of the old page still works.
            let (h, body) = b.form(["_csrf": b.csrf, "status": "gedaan"])
            try await client.execute(uri: "/zaken/\(f.caseID)/stap/1", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
        }
        // The store keeps the SHA-256 of the id, never the id.
        let id = sessionID(b)
        #expect(try f.store.webSession(idSHA256: StreamingSHA256.digest(utf8: id).hex)?.account == "J. Bakker")
        for file in ["bewaar.sqlite", "bewaar.sqlite-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: f.folder + "/" + file))) ?? Data()
            #expect(bytes.range(of: Data(id.utf8)) == nil, "\(file) holds the session id")
        }
    }

    @Test func aLoggedOutSessionIsRefusedByTheNextInstance() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let signed = try await f.app().test(.router) { client -> Browser in
            let b = try #require(try await login(client, "J. Bakker"))
            let (h, body) = b.form(["_csrf": b.csrf])
            try await client.execute(uri: "/uitloggen", method: .post, headers: h, body: body) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.setCookie]?.contains("Expires=Thu, 01 Jan 1970") == true)
            }
            return b
        }
        let b = signed
        #expect(try f.store.webSession(idSHA256: StreamingSHA256.digest(utf8: sessionID(b)).hex) == nil, "logout deletes the row")
        try await f.app().test(.router) { client in
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/inloggen")
            }
        }
    }

    @Test func anIdleOrTooOldSessionIsRefusedAndPurged() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let (idle, busy) = try await f.app().test(.router) { client in
            (try await login(client, "J. Bakker"), try await login(client, "A. de Groot"))
        }
        let (a, b) = (try #require(idle), try #require(busy))
        // The afdelingsleider keeps working every 29 minutes; the mentor does nothing.
        try await f.app().test(.router) { client in
            for _ in 0..<16 {
                f.clock.advance(29 * 60)
                try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/zaken", method: .get, headers: a.headers) { #expect($0.status == .seeOther, "idle 30 minutes") }
            f.clock.advance(29 * 60)   // 8 h 13 min after login
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { r in
                #expect(r.status == .seeOther, "8 hours at most")
                #expect(r.headers[.location] == "/inloggen")
            }
            // A new session purges the expired rows.
            _ = try await login(client, "K. Smit")
        }
        for s in [a, b] {
            #expect(try f.store.webSession(idSHA256: StreamingSHA256.digest(utf8: sessionID(s)).hex) == nil)
        }
    }
}

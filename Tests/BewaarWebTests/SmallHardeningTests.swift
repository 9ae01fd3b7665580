import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb
import BewaarTestSupport

/// The smaller findings of the attack, each with the attack first and then the safe answer.
@Suite struct SmallHardeningTests {
    @Test func bidiAndControlCharactersInEvidenceAreShownNotObeyed() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let hostile = "foto\u{202E}gpj.exe en \u{1}\u{1B}[31m rood \u{2066}x\u{2069}"
        _ = try ChatSeed.record(in: f.store, case: f.caseID, messages: [("Daan Jansen", hostile)])
        #expect(HTML.escape("a\u{202E}b") == "a⟦U+202E⟧b")
        #expect(HTML.escape("\u{1}\u{7F}") == "␁␡")
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken/\(f.caseID)/tijdlijn?q=foto", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("⟦U+202E⟧") && page.contains("⟦U+2066⟧"))
                #expect(page.contains("␁␛[31m"))
                #expect(!page.unicodeScalars.contains { HTML.isBidiControl($0) || ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") })
            }
            try await client.execute(uri: "/static/app.css", method: .get) { r in
                #expect(String(buffer: r.body).contains("unicode-bidi: plaintext"))
            }
        }
    }

    @Test func theCSRFTokenNeverTravelsInAURL() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let before = try f.store.items(f.caseID).count
        try await f.realApp().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            for path in ["/zaken/\(f.caseID)", "/zaken/\(f.caseID)/pakket", "/herkomst", "/herkomst/\(f.mailItem.id)", "/zaken/\(f.caseID)/tijdlijn"] {
                try await client.execute(uri: path, method: .get, headers: b.headers) { r in
                    let page = String(buffer: r.body)
                    #expect(!page.contains("_csrf="), "\(path) puts the token in a URL")
                    for form in page.matches(of: /<form[^>]*enctype="multipart\/form-data"[^>]*>(\s*)(<input[^>]*>)/) {
                        #expect(form.output.2.contains("name=\"_csrf\""), "\(path): the token is the first field of a file form")
                    }
                }
            }
            // The old way (token in the URL only) is refused before a byte of the file is kept.
            var h = b.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            try await client.execute(uri: "/zaken/\(f.caseID)/bewijs?_csrf=\(b.csrf)", method: .post, headers: h,
                                     body: ByteBuffer(string: Multipart.body([("a.txt", "hallo")]))) { #expect($0.status == .forbidden) }
        }
        #expect(try f.store.items(f.caseID).count == before)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: f.store.path + "/tmp")) ?? []).isEmpty)
    }

    @Test func aMissingCaseAndSomeoneElsesAnswerTheSame() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let k = try #require(try await login(client, "K. Smit"))
            let other = try await client.execute(uri: "/zaken/\(f.caseID)/tijdlijn", method: .get, headers: k.headers) { ($0.status, String(buffer: $0.body)) }
            let missing = try await client.execute(uri: "/zaken/2099-9999/tijdlijn", method: .get, headers: k.headers) { ($0.status, String(buffer: $0.body)) }
            #expect(other.0 == missing.0)
            #expect(other.1.replacingOccurrences(of: f.caseID.description, with: "N") == missing.1.replacingOccurrences(of: "2099-9999", with: "N"))
        }
        // The refusal of the existing case is still in its log.
        #expect(try f.store.events(chain: f.caseID.description).contains { $0.action.rawValue == "access-refused" && $0.actor == "K. Smit" })
    }

    /// DNS rebinding: a page elsewhere points its own name at 127.0.0.1. The server answers only
    /// to its own names.
    @Test func aForeignHostIsRefused() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        var config = f.configuration()
        config.publicNames = ["bewaar.school.example.org"]
        try await WebServer.application(store: f.store, configuration: config).test(.live) { client in
            let port = try #require(client.port)
            func status(host: String) async -> String {
                await offThePool {
                    guard let s = try? RawSocket(port: port) else { return "" }
                    defer { s.closeSocket() }
                    s.send("GET /inloggen HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                    return String(s.read(seconds: 30).text.prefix(12))
                }
            }
            #expect(await status(host: "aanvaller.example:\(port)") == "HTTP/1.1 421")
            #expect(await status(host: "bewaar.school.example.org") == "HTTP/1.1 200")
            #expect(await status(host: "127.0.0.1:\(port)") == "HTTP/1.1 200")
            #expect(await status(host: "localhost") == "HTTP/1.1 200")
        }
        #expect(!WebConfiguration(host: "127.0.0.1").accepts(authority: nil))
        #expect(!WebConfiguration(host: "127.0.0.1").accepts(authority: "127.0.0.1.nip.example"))
    }

    /// Slow sockets: a header that never ends is cut off, so a thousand of them cannot hold the
    /// server's file handles; a normal request is served meanwhile.
    @Test func slowSocketsAreClosed() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        var config = f.configuration()
        config.headerTimeout = 0.5
        config.bodyIdleTimeout = 0.5
        try await WebServer.application(store: f.store, configuration: config).test(.live) { client in
            let port = try #require(client.port)
            let slow = try (0..<50).map { _ in try RawSocket(port: port) }
            defer { slow.forEach { $0.closeSocket() } }
            for s in slow { s.send("GET /inloggen HTTP/1.1\r\nHost: localhost\r\nX-Traag: ") }
            // A body that stops halfway is cut off too.
            let body = try RawSocket(port: port)
            defer { body.closeSocket() }
            body.send("POST /inloggen HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nnaam=")
            try await Task.sleep(nanoseconds: 1_500_000_000)
            let closed = await offThePool { slow.map { $0.read(seconds: 20).closed } + [body.read(seconds: 20).closed] }
            #expect(closed.allSatisfy { $0 }, "\(closed.filter { !$0 }.count) slow sockets still open")
            let answer = await offThePool { () -> String in
                guard let normal = try? RawSocket(port: port) else { return "" }
                defer { normal.closeSocket() }
                normal.send("GET /inloggen HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                return normal.read(seconds: 30).text
            }
            #expect(answer.hasPrefix("HTTP/1.1 200"))
        }
    }
}

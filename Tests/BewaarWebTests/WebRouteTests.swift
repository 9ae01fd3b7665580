import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb

@Suite struct WebRouteTests {
    /// The pages anyone may open: the login pages, the assets, and the pupils' upload pages
    /// (which check their own link). Every other route of the router is a staff page.
    static let openRoutes: Set<String> = [
        "GET /static/app.css", "GET /static/app.js", "GET /favicon.ico",
        "GET /inloggen", "POST /inloggen", "GET /wachtwoord-instellen", "POST /wachtwoord-instellen", "POST /uitloggen",
        "GET /inloggen/school", "GET /inloggen/school/terug",
        "GET /aanleveren/{token}", "POST /aanleveren/{token}", "GET /aanleveren/{token}/ontvangen",
    ]

    /// The staff routes of `router`: every route of its own list that is not named open above.
    static func staffRoutes(_ router: Router<WebContext>) -> [(method: HTTPRequest.Method, path: String)] {
        router.routes.map { (method: $0.method, path: $0.path.description) }.filter { !openRoutes.contains("\($0.method) \($0.path)") }
    }

    /// Walks the router's own list: a new page is a staff page unless it is named open above.
    @Test func withoutLoginEveryPageSendsYouToTheLoginForm() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        let router = WebServer.router(store: f.store, configuration: f.configuration())
        let staff = Self.staffRoutes(router)
        #expect(staff.count >= 45, "the router lists its staff routes: \(staff.count)")
        #expect(Self.openRoutes.isSubset(of: Set(router.routes.map { "\($0.method) \($0.path.description)" })), "every open route exists")
        try await Application(router: router).test(.router) { client in
            for route in staff {
                let uri = route.path.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(of: "{file}", with: "rapport.pdf")
                    .replacing(/\{[a-z]+\}/, with: "1")
                // No cookie at all, and a form without a token: the answer is the login page, before anything is read.
                let headers: HTTPFields = route.method == .post ? [.contentType: "application/x-www-form-urlencoded"] : [:]
                try await client.execute(uri: uri, method: route.method, headers: headers, body: ByteBuffer(string: "naam=x")) { r in
                    #expect(r.status == .seeOther, "\(route.method) \(uri)")
                    #expect(r.headers[.location] == "/inloggen", "\(route.method) \(uri)")
                }
            }
            try await client.execute(uri: "/inloggen", method: .get) { r in
                #expect(r.status == .ok)
                let body = String(buffer: r.body)
                #expect(body.contains("<label for=\"naam\">Naam</label>"))
                #expect(body.contains("<html lang=\"nl\">"))
                let cookie = try #require(r.headers[.setCookie])
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Expires="))
            }
        }
    }

    @Test func theMentorOnTheCaseSeesEveryCasePageAndEachViewIsLogged() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            for (path, needle) in [("/zaken", "Pesten in groepsapp 2B"), ("/zaken/\(id)", "Stappenplan cyberpesten"),
                                   ("/zaken/\(id)/tijdlijn", "Niemand wil jou in de groep"), ("/zaken/\(id)/pakket", "Pakket maken"),
                                   ("/zaken/\(id)/logboek", "De keten is heel"), ("/herkomst", "anonieme-mail.eml")] {
                try await client.execute(uri: path, method: .get, headers: b.headers) { r in
                    #expect(r.status == .ok, "\(path)")
                    #expect(String(buffer: r.body).contains(needle), "\(path)")
                }
            }
            try await client.execute(uri: "/beheer", method: .get, headers: b.headers) { #expect($0.status == .forbidden) }
        }
        let viewed = try f.store.events(chain: id).filter { $0.action.rawValue == "page-viewed" }
        #expect(Set(viewed.compactMap { $0.details["page"] }) == ["zaak", "tijdlijn", "pakket", "logboek"])
        #expect(viewed.allSatisfy { $0.actor == "J. Bakker" })
    }

    @Test func anotherMentorIsRefusedPlainlyAndTheRefusalIsLogged() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "K. Smit"))
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(!String(buffer: r.body).contains("Pesten in groepsapp"))
            }
            for path in ["/zaken/\(id)", "/zaken/\(id)/tijdlijn", "/zaken/\(id)/pakket", "/zaken/\(id)/logboek",
                         "/zaken/\(id)/bewijs/\(f.chatItem.id)", "/herkomst/\(f.mailItem.id)"] {
                try await client.execute(uri: path, method: .get, headers: b.headers) { r in
                    // The same answer as for a case or mail that does not exist: no case-number oracle.
                    #expect(r.status == .notFound, "\(path)")
                    let body = String(buffer: r.body)
                    #expect(body.contains("bestaat niet, of u hebt er geen toegang toe") || body.contains("Dit is geen e-mail"), "\(path)")
                    #expect(!body.contains("Niemand wil jou"))
                    #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                }
            }
        }
        let refused = try f.store.events(chain: id).filter { $0.action.rawValue == "access-refused" }
        #expect(refused.count == 6)
        #expect(refused.allSatisfy { $0.actor == "K. Smit" })
    }

    @Test func theAfdelingsleiderSeesTheCaseOnlyAfterEscalation() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "A. de Groot"))
            try await client.execute(uri: "/zaken/\(id)", method: .get, headers: b.headers) { #expect($0.status == .notFound) }
            let mentor = try #require(try await login(client, "J. Bakker"))
            let (h, body) = mentor.form(["_csrf": mentor.csrf, "aan": "A. de Groot", "reden": "herhaling", "toelichting": "derde keer"])
            try await client.execute(uri: "/zaken/\(id)/escaleren", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            for path in ["/zaken/\(id)", "/zaken/\(id)/tijdlijn", "/zaken/\(id)/pakket", "/zaken/\(id)/logboek"] {
                try await client.execute(uri: path, method: .get, headers: b.headers) { #expect($0.status == .ok, "\(path)") }
            }
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("geëscaleerd"))
            }
        }
    }

    @Test func theSysadminSeesOnlyMailHeadersAndTheBeheerderOnlyAccounts() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let s = try #require(try await login(client, "S. Systeem"))
            for path in ["/zaken", "/beheer"] {
                try await client.execute(uri: path, method: .get, headers: s.headers) { #expect($0.status == .forbidden, "\(path)") }
            }
            // A case page answers as if the case did not exist (no case-number oracle).
            for path in ["/zaken/\(id)", "/zaken/\(id)/tijdlijn", "/zaken/\(id)/logboek", "/zaken/\(id)/bewijs/\(f.mailItem.id)"] {
                try await client.execute(uri: path, method: .get, headers: s.headers) { #expect($0.status == .notFound, "\(path)") }
            }
            try await client.execute(uri: "/herkomst/\(f.mailItem.id)", method: .get, headers: s.headers) { r in
                #expect(r.status == .ok)
                let body = String(buffer: r.body)
                #expect(body.contains("10.20.30.41"))
                #expect(body.contains("pc-lokaal-12.school.example"))
                // Headers only, and of those only the routing ones: no subject, no recipient.
                #expect(!body.contains("jij") && !body.contains("sanne@example.org"))
                #expect(body.contains("verborgen voor de systeembeheerder"))
                #expect(!body.contains("anonieme-mail.eml"), "file names can hold names: the sysadmin sees a number")
                #expect(!body.contains("GEHEIME"))
            }
            try await client.execute(uri: "/herkomst/\(f.chatItem.id)", method: .get, headers: s.headers) { #expect($0.status == .notFound) }
            var uh = s.headers
            uh[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            let mail = "Received: from pc-07.school.example (10.20.12.7) by mail.school.example; Wed, 4 Mar 2026 10:17:39 +0100\r\nSubject: <i>test</i>\r\n\r\nGEHEIME inhoud\r\n"
            try await client.execute(uri: "/herkomst", method: .post, headers: uh,
                                     body: ByteBuffer(string: Multipart.body(csrf: s.csrf, [("los.eml", mail)], field: "mail"))) { r in
                #expect(r.status == .ok)
                let body = String(buffer: r.body)
                #expect(body.contains("10.20.12.7"))
                #expect(!body.contains("test"))
                #expect(!body.contains("GEHEIME"))
            }
            let a = try #require(try await login(client, "B. Beheer"))
            try await client.execute(uri: "/beheer", method: .get, headers: a.headers) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("K. Smit"))
            }
            for path in ["/zaken", "/herkomst", "/herkomst/\(f.mailItem.id)"] {
                try await client.execute(uri: path, method: .get, headers: a.headers) { #expect($0.status == .forbidden, "\(path)") }
            }
            for path in ["/zaken/\(id)", "/zaken/\(id)/tijdlijn"] {
                try await client.execute(uri: path, method: .get, headers: a.headers) { #expect($0.status == .notFound, "\(path)") }
            }
            // A new account has no password: the page shows a one-time code for its owner.
            let (h, body) = a.form(["_csrf": a.csrf, "naam": "L. Nieuw", "rol": "mentor"])
            try await client.execute(uri: "/beheer", method: .post, headers: h, body: body) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("Code voor L. Nieuw: "))
            }
        }
        #expect(try f.store.account(named: "L. Nieuw")?.role == "mentor")
        #expect(try f.store.account(named: "L. Nieuw")?.passwordHash == "!")
    }

    @Test func aFormWithoutTheRightCSRFTokenChangesNothing() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            for token in ["", String(repeating: "0", count: 64)] {
                let (h, body) = b.form(["_csrf": token, "status": "gedaan", "notitie": "bewaard"])
                try await client.execute(uri: "/zaken/\(id)/stap/1", method: .post, headers: h, body: body) { r in
                    #expect(r.status == .forbidden)
                    #expect(String(buffer: r.body).contains("Formulier verlopen"))
                }
            }
            #expect(try f.store.checklist(f.caseID)[0].status == .open)
            let (h, body) = b.form(["_csrf": b.csrf, "status": "gedaan", "notitie": "bewaard"])
            try await client.execute(uri: "/zaken/\(id)/stap/1", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            #expect(try f.store.checklist(f.caseID)[0].status == .gedaan)
            // A multipart upload with a wrong token is refused before the body is read.
            var uh = b.headers
            uh[.contentType] = "multipart/form-data; boundary=XyZ"
            try await client.execute(uri: "/zaken/\(id)/bewijs", method: .post, headers: uh,
                                     body: ByteBuffer(string: Multipart.body(csrf: "bad", [("a.txt", "hallo")]))) { #expect($0.status == .forbidden) }
        }
        #expect(try f.store.items(f.caseID).count == 2)
    }

    @Test func aSessionExpiresAfterItsIdleTime() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { #expect($0.status == .ok) }
            f.clock.advance(31 * 60)
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/inloggen")
            }
        }
    }

    @Test func repeatedWrongPasswordsLockTheAccount() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            for _ in 0..<5 {
                let wrong = try await login(client, "J. Bakker", password: "fout-wachtwoord")
                #expect(wrong == nil)
            }
            let right = try await login(client, "J. Bakker")
            #expect(right == nil)
        }
        #expect(try f.store.account(named: "J. Bakker")?.lockedUntil != nil)
        #expect(try f.store.securityLog().contains { $0.kind == "account-locked" })
    }

    @Test func uploadsAreStoredAndTooLargeUploadsLeaveNothingBehind() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app(uploadLimit: 4096).test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            var h = b.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            let big = String(repeating: "x", count: 10_000)
            try await client.execute(uri: "/zaken/\(id)/bewijs", method: .post, headers: h,
                                     body: ByteBuffer(string: Multipart.body(csrf: b.csrf, [("groot.txt", big)]))) { r in
                #expect(r.status == .contentTooLarge)
                #expect(String(buffer: r.body).contains("Er is niets bewaard"))
                #expect(r.headers[.contentSecurityPolicy] != nil)
            }
            #expect(try f.store.items(f.caseID).count == 2)
            #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
            // Two files at once, one named with quotes and markup.
            let png = try Data(contentsOf: URL(fileURLWithPath: Multipart.samples + "/schermafbeelding-groepsapp.png"))
            _ = png
            let resultPage = try await client.execute(uri: "/zaken/\(id)/bewijs", method: .post, headers: h,
                                     body: ByteBuffer(string: Multipart.body(csrf: b.csrf, [("notitie \"Daan\" <img src=x onerror=alert(1)>'.txt", "hallo"), ("../../etc/passwd", "niet echt"), ("tweede.txt", "nog iets")],
                                                                             fields: ["herkomst": "telefoon van Sanne"]))) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location]?.hasPrefix("/zaken/\(id)?upload=") == true)
                return r.headers[.location] ?? ""
            }
            #expect(try f.store.items(f.caseID).map(\.name).contains("notitie \"Daan\" <img src=x onerror=alert(1)>'.txt"))
            #expect(try f.store.items(f.caseID).map(\.name).contains(".._.._etc_passwd"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
            try await client.execute(uri: String(resultPage.split(separator: "#")[0]), method: .get, headers: b.headers) { r in
                let body = String(buffer: r.body)
                #expect(body.contains("notitie &quot;Daan&quot; &lt;img src=x onerror=alert(1)&gt;&#39;.txt"))
                #expect(!body.contains("<img"))
                #expect(body.contains("role=\"status\""))
            }
        }
    }

    @Test func aBrokenOffUploadKeepsNothingAndLosesNothing() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        let before = try f.store.items(f.caseID).count
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            var h = b.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            let full = Multipart.body(csrf: b.csrf, [("eerste.txt", "helemaal"), ("tweede.txt", String(repeating: "y", count: 3000))])
            for cut in [full.count - 10, full.count / 2] {
                try await client.execute(uri: "/zaken/\(id)/bewijs", method: .post, headers: h,
                                         body: ByteBuffer(string: String(full.prefix(cut)))) { r in
                    #expect(r.status == .badRequest)
                    #expect(String(buffer: r.body).contains("Er is niets half bewaard"))
                }
            }
        }
        #expect(try f.store.items(f.caseID).count == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
        #expect(try f.store.check().intact)
        #expect(WebConfiguration.isLoopback("127.0.0.1") && WebConfiguration.isLoopback("::1") && !WebConfiguration.isLoopback("0.0.0.0"))
    }

    @Test func hostileEvidenceIsRenderedInert() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            for path in ["/zaken/\(id)", "/zaken/\(id)/tijdlijn", "/zaken/\(id)/tijdlijn?q=alert", "/zaken/\(id)/logboek"] {
                try await client.execute(uri: path, method: .get, headers: b.headers) { r in
                    let body = String(buffer: r.body)
                    #expect(!body.contains("<script>alert"), "\(path)")
                    #expect(!body.contains("<groep>"), "\(path)")
                    #expect(r.headers[.contentSecurityPolicy] == SecurityHeaders<WebContext>.policy)
                    #expect(r.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            try await client.execute(uri: "/zaken/\(id)/tijdlijn", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"))
            }
            try await client.execute(uri: "/zaken/\(id)/tijdlijn?q=alert", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("&lt;script&gt;<mark>alert</mark>"))
            }
            try await client.execute(uri: "/zaken/\(id)/bewijs/\(f.chatItem.id)", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/octet-stream")
                let disposition = try #require(r.headers[.contentDisposition])
                #expect(disposition.hasPrefix("attachment;"))
                #expect(!disposition.contains("\"2B\""))
                #expect(String(buffer: r.body).contains("<script>alert"))
            }
        }
        #expect(try f.store.events(chain: id).contains { $0.action.rawValue == "original-downloaded" })
    }

    @Test func timelineMarkingAndTheSourceBytes() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        var q = TimelineQuery()
        q.search = "Niemand"
        let entry = try #require(try f.store.timeline(f.caseID, q).entries.first)
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (h, body) = b.form(["_csrf": b.csrf, "bericht": String(entry.id), "reden": "uitsluiting", "toelichting": "buitensluiten"])
            try await client.execute(uri: "/zaken/\(id)/markeren", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(id)/tijdlijn?gemarkeerd=1", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Gemarkeerd: uitsluiting"))
                #expect(!page.contains("Doe normaal"))
            }
            try await client.execute(uri: "/zaken/\(id)/tijdlijn/\(entry.id)/bron", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("01-03-2026 10:00 - Daan Jansen: Niemand wil jou in de groep"))
            }
        }
        #expect(try f.store.events(chain: id).contains { $0.action == .entryMarked })
    }

    @Test func thePacketIsBuiltAndDownloadedAsAttachment() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (h, body) = b.form(["_csrf": b.csrf])
            try await client.execute(uri: "/zaken/\(id)/pakket", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(id)/pakket", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("rapport.pdf"))
            }
            try await client.execute(uri: "/zaken/\(id)/pakket/rapport.pdf", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                #expect(String(buffer: r.body).hasPrefix("%PDF"))
            }
            try await client.execute(uri: "/zaken/\(id)/pakket/..%2Fbewaar.sqlite", method: .get, headers: b.headers) { #expect($0.status == .notFound) }
        }
        #expect(try f.store.events(chain: id).contains { $0.action.rawValue == "packet-downloaded" })
    }

    @Test func errorResponsesCarryTheStrictHeaders() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            try await client.execute(uri: "/bestaat-niet", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(r.headers[.contentSecurityPolicy] == SecurityHeaders<WebContext>.policy)
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(String(buffer: r.body).contains("Deze pagina bestaat niet"))
            }
            try await client.execute(uri: "/static/app.js", method: .get) { r in
                #expect(r.headers[.contentType]?.hasPrefix("text/javascript") == true)
            }
        }
    }
}


@Suite struct PacketSeamTests {
    @Test func bundleVerificationGoesThroughTheSeam() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        let seam = PacketSeam(verifyBundle: { path, _ in
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return (text == "bundel-inhoud", ["gecontroleerd: \(text)"])
        })
        let app = Application(router: WebServer.router(store: f.store, configuration: f.configuration(), packet: seam))
        try await app.test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken/\(id)/pakket", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("Een bundel controleren"))
            }
            var h = b.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            try await client.execute(uri: "/zaken/\(id)/bundel/controleren", method: .post, headers: h,
                                     body: ByteBuffer(string: Multipart.body(csrf: b.csrf, [("zaak.bewaar", "bundel-inhoud")]))) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("de bundel is heel"))
            }
        }
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            var h = b.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            try await client.execute(uri: "/zaken/\(id)/bundel/controleren", method: .post, headers: h,
                                     body: ByteBuffer(string: Multipart.body(csrf: b.csrf, [("zaak.bewaar", "x")]))) { #expect($0.status == .notImplemented) }
        }
        #expect(try f.store.events(chain: id).contains { $0.action.rawValue == "bundle-verified" })
    }
}

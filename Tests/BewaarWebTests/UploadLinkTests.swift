import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarDigest
import BewaarTestSupport
@testable import BewaarWeb

/// The pupils' upload link: the mentor makes it for one person on one case; the pupil reads how
/// to save evidence per app, uploads and gets a receipt with each SHA-256. The link shows nothing
/// of the case, reaches no case page, refuses when wrong, expired or revoked, is rate limited,
/// and every upload is a custody event naming the pupil and the mentor.
@Suite struct UploadLinkTests {
    /// What the case page and store know, which the pupil's pages must never show.
    static let caseWords = ["Pesten in groepsapp", "Sanne", "Daan", "Bakker", "Niemand wil jou", "2B"]

    /// The mentor makes a link on the case page; returns its token, read from the answer to the
    /// form: the one page that shows it (no redirect; the store keeps only its SHA-256).
    static func makeLink(_ client: some TestClientProtocol, _ m: Browser, case id: CaseID, person: Int64,
                         validFor: String = "72", unit: String = "uren") async throws -> String {
        try await makeLinkPage(client, m, case: id, person: person, validFor: validFor, unit: unit).token
    }

    /// The answer to the form that makes a link, and the token it shows.
    static func makeLinkPage(
        _ client: some TestClientProtocol, _ m: Browser, case id: CaseID, person: Int64, validFor: String = "72", unit: String = "uren"
    ) async throws -> (page: String, token: String) {
        let (h, body) = m.form(["_csrf": m.csrf, "persoon": String(person), "geldig": validFor, "eenheid": unit])
        let page = try await client.execute(uri: "/zaken/\(id)/uploadlinks", method: .post, headers: h, body: body) { r in
            #expect(r.status == .ok)
            #expect(r.headers[.cacheControl] == "no-store")
            return String(buffer: r.body)
        }
        let tokens = Set(page.matches(of: /\/aanleveren\/([0-9a-f]{32})/).map { String($0.output.1) })
        #expect(tokens.count == 1)
        return (page, try #require(tokens.first, "the answer shows the new link"))
    }

    /// The instruction sheet of link `link`, asked for with `code` as the page that made it does.
    static func sheet(
        _ client: some TestClientProtocol, _ m: Browser, case id: CaseID, link: Int64, code: String, language: String = "nl"
    ) async throws -> TestResponse {
        let (h, body) = m.form(["_csrf": m.csrf, "code": code, "taal": language])
        let uri = "/zaken/\(id)/uploadlinks/\(link)/instructieblad.pdf"
        return try await client.execute(uri: uri, method: .post, headers: h, body: body) { $0 }
    }

    /// The pupil opens the link: the page, and a browser with the page's own session and CSRF token.
    static func open(_ client: some TestClientProtocol, _ token: String) async throws -> (String, Browser) {
        try await client.execute(uri: "/aanleveren/\(token)", method: .get) { r in
            #expect(r.status == .ok)
            let cookie = r.headers[values: .setCookie].first { $0.hasPrefix(WebApp.pupilCookieName + "=") } ?? ""
            return (String(buffer: r.body), Browser(cookie: String(cookie.split(separator: ";")[0]), csrf: csrfToken(in: String(buffer: r.body)) ?? ""))
        }
    }

    static func upload(_ client: some TestClientProtocol, _ token: String, _ pupil: Browser, _ files: [(String, String)],
                       check: @escaping @Sendable (TestResponse) -> Void) async throws {
        var h = pupil.headers
        h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
        try await client.execute(uri: "/aanleveren/\(token)", method: .post, headers: h,
                                 body: ByteBuffer(string: Multipart.body(csrf: pupil.csrf, files)), testCallback: check)
    }

    static func person(_ f: WebFixture, _ name: String, in id: CaseID? = nil) throws -> Int64 {
        try #require(try f.store.people(id ?? f.caseID).first { $0.name == name }?.id)
    }

    @Test func aPupilUploadsThroughTheLinkAndGetsAReceiptWithEachSHA256() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let chat = "14-11-2023 21:07 - Daan Jansen: niemand vindt jou leuk\n14-11-2023 21:08 - Sanne de Vries: stop\n"
        let note = "screenshot volgt"
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let token = try await Self.makeLink(client, m, case: f.caseID, person: try Self.person(f, "Sanne de Vries"))
            let (page, pupil) = try await Self.open(client, token)
            for guide in ["WhatsApp op Android", "WhatsApp op iPhone", "Instagram", "Snapchat", "TikTok", "Schermafbeeldingen", "E-mail",
                          "Exporteer chat", "Chat exporteren", "Je informatie downloaden", "Mijn gegevens", "Je gegevens downloaden",
                          "Bericht downloaden", "naaktfoto"] {
                #expect(page.contains(guide), "the page explains \(guide)")
            }
            for word in Self.caseWords + [f.caseID.description] { #expect(!page.contains(word), "the page shows nothing of the case: \(word)") }
            #expect(page.contains("enctype=\"multipart/form-data\""))
            let location = try await client.execute(uri: "/aanleveren/\(token)", method: .post, headers: {
                var h = pupil.headers
                h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
                return h
            }(), body: ByteBuffer(string: Multipart.body(csrf: pupil.csrf, [("WhatsApp-chat met Daan.txt", chat), ("notitie.txt", note)]))) { r in
                #expect(r.status == .seeOther)
                return r.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/aanleveren/\(token)/ontvangen?bon="))
            try await client.execute(uri: location, method: .get, headers: pupil.headers) { r in
                #expect(r.status == .ok)
                let receipt = String(buffer: r.body)
                #expect(receipt.contains("2 bestanden ontvangen"))
                #expect(receipt.contains(StreamingSHA256.digest(utf8: chat).hex))
                #expect(receipt.contains(StreamingSHA256.digest(utf8: note).hex))
                #expect(receipt.contains("WhatsApp-chat met Daan.txt"), "the pupil's own file name is on the receipt")
                for word in ["Pesten in groepsapp", "Bakker", f.caseID.description] { #expect(!receipt.contains(word)) }
            }
            // The receipt is the pupil's own: another browser, or no token of its redirect, gets the upload page.
            try await client.execute(uri: location, method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/aanleveren/\(token)")
            }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: m.headers) { r in
                #expect(String(buffer: r.body).contains("2 bestanden ontvangen"))
            }
        }
        let actor = "Sanne de Vries (leerling) via uploadlink van J. Bakker"
        let items = try f.store.items(f.caseID).filter { $0.collectedBy == actor }
        #expect(Set(items.map(\.name)) == ["WhatsApp-chat met Daan.txt", "notitie.txt"])
        #expect(items.first { $0.name.hasPrefix("WhatsApp") }?.messageCount == 2, "the chat is read like any upload")
        let events = try f.store.events(chain: f.caseID.description)
        #expect(events.filter { $0.action == .itemIngested && $0.actor == actor }.count == 2)
        let used = try #require(events.first { $0.action == .uploadLinkUsed })
        #expect(used.actor == actor)
        #expect(used.details["sha256"]?.contains(StreamingSHA256.digest(utf8: chat).hex) == true)
        #expect(events.first { $0.action == .uploadLinkMade }?.actor == "J. Bakker")
        #expect(try f.store.uploadLinks(f.caseID).first?.uploadCount == 2)
        #expect(try f.store.verifyChain(f.caseID.description).intact)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.folder + "/tmp").isEmpty)
    }

    @Test func wrongExpiredRevokedAndReusedTokensAreRefusedAlike() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let before = try f.store.items(f.caseID).count
        let sanne = try Self.person(f, "Sanne de Vries")
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            var refusals: [String] = []
            func refused(_ uri: String, _ method: HTTPRequest.Method = .get, _ headers: HTTPFields = [:], _ body: ByteBuffer? = nil) async throws {
                let text = try await client.execute(uri: uri, method: method, headers: headers, body: body) { r in
                    #expect(r.status == .notFound, "\(method) \(uri) → \(r.status.code)")
                    return String(buffer: r.body)
                }
                #expect(text.contains("Deze link werkt niet (meer)"))
                for word in Self.caseWords { #expect(!text.contains(word)) }
                refusals.append(text)
            }
            // Wrong: unknown, malformed, too long, upper case.
            for token in [String(repeating: "0", count: 32), "abc", String(repeating: "a", count: 64), "0123456789ABCDEF0123456789ABCDEF", "..%2F..%2Fzaken"] {
                try await refused("/aanleveren/\(token)")
            }
            // Expired: a link of one minute, a minute and a second later.
            let short = try await Self.makeLink(client, m, case: f.caseID, person: sanne, validFor: "1", unit: "minuten")
            let (_, early) = try await Self.open(client, short)
            f.clock.advance(61)
            try await refused("/aanleveren/\(short)")
            var h = early.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            try await refused("/aanleveren/\(short)", .post, h, ByteBuffer(string: Multipart.body(csrf: early.csrf, [("laat.txt", "te laat")])))
            // Revoked, and reused after the revocation with the page still open.
            let token = try await Self.makeLink(client, m, case: f.caseID, person: sanne)
            let (_, pupil) = try await Self.open(client, token)
            let link = try #require(try f.store.uploadLinks(f.caseID).first { $0.revokedAt == nil && $0.state(at: f.clock.now) == .active })
            let (rh, rb) = m.form(["_csrf": m.csrf, "link": String(link.id)])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks/intrekken", method: .post, headers: rh, body: rb) { #expect($0.status == .seeOther) }
            try await refused("/aanleveren/\(token)")
            h = pupil.headers
            h[.contentType] = "multipart/form-data; boundary=\(Multipart.boundary)"
            try await refused("/aanleveren/\(token)", .post, h, ByteBuffer(string: Multipart.body(csrf: pupil.csrf, [("na.txt", "na intrekken")])))
            // Revoking twice is a plain error, not a crash.
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks/intrekken", method: .post, headers: rh, body: rb) {
                #expect($0.status == .badRequest)
            }
            #expect(Set(refusals.map { $0.replacingOccurrences(of: "?taal=en", with: "") }).count == 1, "one answer for every refused link")
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: m.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("verlopen"))
                #expect(page.contains("ingetrokken door J. Bakker"))
                #expect(!page.contains(token), "a revoked link is not shown again")
            }
        }
        #expect(try f.store.items(f.caseID).count == before, "nothing came in through a refused link")
        #expect(try f.store.events(chain: f.caseID.description).filter { $0.action == .uploadLinkRevoked }.count == 1)
    }

    @Test func aTokenForOneCaseCannotTouchAnother() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let other = try f.store.openCase(title: "Uitsluiten bij gym 3A", actor: "J. Bakker", people: [
            Person(name: "Lotte Visser", role: .slachtoffer), Person(name: "Mo Haddou", role: .getuige),
        ])
        try f.store.grantAccess(other.id, account: "J. Bakker", role: "mentor", actor: "B. Beheer", reason: "mentor 3A")
        let itemsA = try f.store.items(f.caseID).count
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            // A person of case B cannot get a link on case A.
            let (h, body) = m.form(["_csrf": m.csrf, "persoon": String(try Self.person(f, "Lotte Visser", in: other.id)), "geldig": "72", "eenheid": "uren"])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks", method: .post, headers: h, body: body) { #expect($0.status == .badRequest) }
            #expect(try f.store.uploadLinks(f.caseID).isEmpty)
            let tokenB = try await Self.makeLink(client, m, case: other.id, person: try Self.person(f, "Lotte Visser", in: other.id))
            let linkB = try #require(try f.store.uploadLinks(other.id).first)
            let (page, pupil) = try await Self.open(client, tokenB)
            #expect(!page.contains("Lotte") && !page.contains("Uitsluiten"))
            try await Self.upload(client, tokenB, pupil, [("bewijs-b.txt", "alleen voor zaak B")]) { #expect($0.status == .seeOther) }
            // Case A's pages know nothing of B's link: not to revoke, not its sheet.
            let (rh, rb) = m.form(["_csrf": m.csrf, "link": String(linkB.id)])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks/intrekken", method: .post, headers: rh, body: rb) { #expect($0.status == .badRequest) }
            #expect(try await Self.sheet(client, m, case: f.caseID, link: linkB.id, code: tokenB).status == .notFound)
            #expect(try await Self.sheet(client, m, case: other.id, link: linkB.id, code: tokenB).status == .ok)
        }
        #expect(try f.store.items(f.caseID).count == itemsA)
        #expect(try f.store.items(other.id).map(\.name) == ["bewijs-b.txt"])
        #expect(try f.store.uploadLinks(other.id).first?.revokedAt == nil)
        #expect(try f.store.events(chain: f.caseID.description).allSatisfy { !$0.action.rawValue.hasPrefix("upload-link") })
    }

    @Test func noCasePageIsReachableWithAnUploadTokenOrItsSession() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let token = try await Self.makeLink(client, m, case: f.caseID, person: try Self.person(f, "Sanne de Vries"))
            let set = try await client.execute(uri: "/aanleveren/\(token)", method: .get) { r in
                r.headers[values: .setCookie].first { $0.hasPrefix(WebApp.pupilCookieName + "=") } ?? ""
            }
            #expect(set.contains("Path=/aanleveren/"), "the pupil's cookie goes only to the upload pages: \(set)")
            #expect(set.contains("HttpOnly"))
            #expect(set.lowercased().contains("samesite=strict"))
            let (_, pupil) = try await Self.open(client, token)
            let sessionID = String(pupil.cookie.split(separator: "=")[1])
            let pages = ["/zaken", "/zaken/\(f.caseID)", "/zaken/\(f.caseID)/tijdlijn", "/zaken/\(f.caseID)/bewijs/\(f.chatItem.id)",
                         "/zaken/\(f.caseID)/logboek", "/zaken/\(f.caseID)/pakket", "/herkomst", "/herkomst/\(f.mailItem.id)", "/",
                         "/zaken/\(f.caseID)?token=\(token)", "/zaken/\(token)", "/aanleveren/\(token)/../../zaken/\(f.caseID)"]
            for cookie in [pupil.cookie, "\(WebApp.cookieName)=\(sessionID)", "\(WebApp.cookieName)=\(token)"] {
                for uri in pages {
                    try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { r in
                        let text = String(buffer: r.body)
                        #expect(!text.contains("Niemand wil jou") && !text.contains("Pesten in groepsapp"), "\(uri) with \(cookie.prefix(20))")
                        #expect(r.status == .seeOther || r.status == .notFound || r.status == .badRequest, "\(uri) → \(r.status.code)")
                        if r.status == .seeOther { #expect(r.headers[.location] == "/inloggen" || r.headers[.location]?.hasPrefix("/aanleveren/") == true) }
                    }
                }
                // Nor can it add evidence to the case through the mentor's form.
                let h: HTTPFields = [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(Multipart.boundary)"]
                try await client.execute(uri: "/zaken/\(f.caseID)/bewijs", method: .post, headers: h,
                                         body: ByteBuffer(string: Multipart.body(csrf: pupil.csrf, [("x.txt", "x")]))) { r in
                    #expect(r.status == .seeOther)
                    #expect(r.headers[.location] == "/inloggen")
                }
            }
        }
        #expect(try f.store.items(f.caseID).allSatisfy { $0.name != "x.txt" })
    }

    @Test func theLinkIsRateLimitedPerLinkAndPerClient() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let token = try await Self.makeLink(client, m, case: f.caseID, person: try Self.person(f, "Sanne de Vries"))
            // One link: 30 requests at once, then 429 with the time to wait.
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<31 { statuses.append(try await client.execute(uri: "/aanleveren/\(token)", method: .get) { $0.status }) }
            #expect(statuses.prefix(30).allSatisfy { $0 == .ok })
            try await client.execute(uri: "/aanleveren/\(token)", method: .get) { r in
                #expect(r.status == .tooManyRequests)
                #expect(Int(r.headers[.retryAfter] ?? "") ?? 0 >= 1)
                let text = String(buffer: r.body)
                #expect(text.contains("Probeer het over"))
                for word in Self.caseWords { #expect(!text.contains(word)) }
            }
            f.clock.advance(60)
            try await client.execute(uri: "/aanleveren/\(token)", method: .get) { #expect($0.status == .ok) }
            // One client: guessing many tokens runs out of its own budget, whatever the token.
            f.clock.advance(600)
            var limited = false
            for n in 0..<130 {
                let guess = String(format: "%032x", n + 1)
                let status = try await client.execute(uri: "/aanleveren/\(guess)", method: .get) { $0.status }
                if status == .tooManyRequests { limited = true; break }
                #expect(status == .notFound)
            }
            #expect(limited, "a client that keeps guessing is slowed down")
            try await client.execute(uri: "/aanleveren/\(token)", method: .get) { #expect($0.status == .tooManyRequests) }
        }
        #expect(try f.store.securityLog(limit: 5).contains { $0.kind == "uploadlink-throttled" })
    }

    /// The answer to the form is the one page with the link: its QR code and the sheet's form,
    /// which sends the code back (the store cannot make the sheet without it). Neither the case
    /// page nor another session ever shows the link, on this server or another.
    @Test func theInstructionSheetHoldsTheTextTheLinkAndItsQRCode() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let made: String = try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let (page, token) = try await Self.makeLinkPage(client, m, case: f.caseID, person: try Self.person(f, "Sanne de Vries"))
            let link = try #require(try f.store.uploadLinks(f.caseID).first)
            let uri = "/zaken/\(f.caseID)/uploadlinks/\(link.id)/instructieblad.pdf"
            #expect(page.contains("Nieuwe link voor Sanne de Vries") && page.contains("na het verlaten van deze pagina"))
            #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "the QR code is inline SVG (no data: URI under the CSP)")
            #expect(page.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"), "the finder pattern at the top left")
            #expect(page.contains("<form method=\"post\" action=\"\(uri)\">") && page.contains("name=\"code\" value=\"\(token)\""))
            #expect(page.contains("href=\"/zaken/\(f.caseID)#uploadlinks\""))
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: m.headers) { r in
                let casePage = String(buffer: r.body)
                #expect(casePage.contains("<section aria-labelledby=\"uploadlinks\">"))
                #expect(casePage.contains("actief") && casePage.contains("nog niets ontvangen"))
                #expect(!casePage.contains(token) && !casePage.contains("nieuwe-link"), "the case page never shows the link")
            }
            let r = try await Self.sheet(client, m, case: f.caseID, link: link.id, code: token)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/pdf")
            #expect(r.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let path = f.folder + "/blad.pdf"
            try Data(r.body.readableBytesView).write(to: URL(fileURLWithPath: path))
            let text = try Poppler.run("pdftotext", [path, "-"])
            for words in ["Bewijs inleveren bij je mentor", "WhatsApp op Android", "WhatsApp op iPhone", "Exporteer chat", "Instagram",
                          "Snapchat", "TikTok", "Schermafbeeldingen", "E-mail", "Deze link werkt tot", "naaktfoto", "/aanleveren/\(token)"] {
                #expect(text.contains(words), "the sheet says \(words)")
            }
            for word in Self.caseWords { #expect(!text.contains(word), "nothing of the case on the sheet: \(word)") }
            let english = try await Self.sheet(client, m, case: f.caseID, link: link.id, code: token, language: "en")
            try Data(english.body.readableBytesView).write(to: URL(fileURLWithPath: path))
            #expect(try Poppler.run("pdftotext", [path, "-"]).contains("Handing in evidence to your mentor"))
            // Another session of the same mentor has the sheet only with the code; a wrong code, a
            // GET or another link's number get nothing.
            let again = try #require(try await login(client, "J. Bakker"))
            #expect(try await Self.sheet(client, again, case: f.caseID, link: link.id, code: token).status == .ok)
            for code in [String(repeating: "0", count: 32), "", token.uppercased(), token + "0"] {
                let wrong = try await Self.sheet(client, again, case: f.caseID, link: link.id, code: code)
                #expect(wrong.status == .notFound)
                #expect(String(buffer: wrong.body).contains("Bewaar bewaart de link zelf niet"))
            }
            #expect(try await Self.sheet(client, again, case: f.caseID, link: link.id + 1, code: token).status == .notFound)
            try await client.execute(uri: uri, method: .get, headers: again.headers) { #expect($0.status != .ok) }
            // Without the session's CSRF token: refused.
            let (h, body) = again.form(["_csrf": m.csrf, "code": token])
            try await client.execute(uri: uri, method: .post, headers: h, body: body) { #expect($0.status == .forbidden) }
            // A revoked link has no sheet any more.
            let (rh, rb) = m.form(["_csrf": m.csrf, "link": String(link.id)])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks/intrekken", method: .post, headers: rh, body: rb) {
                #expect($0.status == .seeOther)
            }
            #expect(try await Self.sheet(client, m, case: f.caseID, link: link.id, code: token).status == .notFound)
            return token
        }
        // The store holds the token's SHA-256 and nowhere the token.
        #expect(WebStateStoreTests.databaseBytes(f.folder).range(of: Data(made.utf8)) == nil)
    }

    @Test func onlyManagersMakeLinksForPupilsAndParentsForABoundedTime() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try f.store.addPerson(Person(name: "Marieke de Vries", role: .ouder, relatedTo: "Sanne de Vries"), to: f.caseID, actor: "J. Bakker")
        try Accounts(store: f.store, hasher: .forTests).add(name: "O. Zorg", role: .ondersteuningscoordinator, password: WebFixture.password, actor: "test")
        try f.store.grantAccess(f.caseID, account: "O. Zorg", role: "ondersteuningscoordinator", actor: "J. Bakker", reason: "verwezen")
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: m.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Marieke de Vries (ouder)</option>"))
                #expect(page.contains("Sanne de Vries (slachtoffer)</option>"))
                #expect(!page.contains("J. Bakker (mentor)</option>"), "no link for school staff")
                #expect(page.contains("value=\"72\""), "72 hours unless the mentor says otherwise")
            }
            let mentorPerson = try Self.person(f, "J. Bakker")
            for (person, amount, unit) in [(mentorPerson, "72", "uren"), (try Self.person(f, "Sanne de Vries"), "0", "uren"),
                                           (try Self.person(f, "Sanne de Vries"), "31", "dagen"), (try Self.person(f, "Sanne de Vries"), "1", "weken"),
                                           (try Self.person(f, "Sanne de Vries"), "9223372036854775807", "dagen")] {
                let (h, body) = m.form(["_csrf": m.csrf, "persoon": String(person), "geldig": amount, "eenheid": unit])
                try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks", method: .post, headers: h, body: body) { r in
                    #expect(r.status == .badRequest, "\(person) \(amount) \(unit)")
                }
            }
            _ = try await Self.makeLink(client, m, case: f.caseID, person: try Self.person(f, "Marieke de Vries"))
            let link = try #require(try f.store.uploadLinks(f.caseID).first)
            #expect(link.validUntil.timeIntervalSince(link.madeAt) == 72 * 3600)
            // The support coordinator reads the list, but makes and revokes nothing.
            let o = try #require(try await login(client, "O. Zorg"))
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: o.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Voor Marieke de Vries (ouder)"))
                #expect(!page.contains("/uploadlinks/intrekken") && !page.contains("/aanleveren/"))
            }
            var (h, body) = o.form(["_csrf": o.csrf, "persoon": String(try Self.person(f, "Sanne de Vries"))])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks", method: .post, headers: h, body: body) { #expect($0.status == .forbidden) }
            (h, body) = o.form(["_csrf": o.csrf, "link": String(link.id)])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks/intrekken", method: .post, headers: h, body: body) { #expect($0.status == .forbidden) }
            // Another mentor without access to the case gets the same answer as for a case that does not exist.
            let k = try #require(try await login(client, "K. Smit"))
            (h, body) = k.form(["_csrf": k.csrf, "persoon": String(try Self.person(f, "Sanne de Vries"))])
            try await client.execute(uri: "/zaken/\(f.caseID)/uploadlinks", method: .post, headers: h, body: body) { #expect($0.status == .notFound) }
        }
        #expect(try f.store.uploadLinks(f.caseID).count == 1)
        #expect(try f.store.uploadLinks(f.caseID).first?.revokedAt == nil)
    }

    @Test func aMentorWhoLosesTheCaseTakesTheirLinksAlong() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let token = try await Self.makeLink(client, m, case: f.caseID, person: try Self.person(f, "Sanne de Vries"))
            _ = try await Self.open(client, token)
            let access = try #require(try f.store.accessLinks(f.caseID).first { $0.account == "J. Bakker" })
            try f.store.revokeAccess(f.caseID, link: access.id, actor: "B. Beheer", reason: "andere klas")
            try await client.execute(uri: "/aanleveren/\(token)", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func dutchAndEnglishCountFilesRight() {
        let nl = DutchUploadLinkText(), en = EnglishUploadLinkText()
        #expect(nl.received(0) == "nog niets ontvangen")
        #expect(nl.received(1) == "1 bestand ontvangen")
        #expect(nl.received(2) == "2 bestanden ontvangen")
        #expect(nl.receiptIntro(files: 1, at: "x").contains("1 bestand ontvangen"))
        #expect(nl.receiptIntro(files: 3, at: "x").contains("3 bestanden ontvangen"))
        #expect(en.received(1) == "1 file received")
        #expect(en.receiptIntro(files: 2, at: "x").contains("2 files"))
        #expect(nl.guides.map(\.id) == en.guides.map(\.id))
        #expect(zip(nl.guides, en.guides).allSatisfy { $0.steps.count == $1.steps.count })
        #expect(nl.important.count == en.important.count)
    }
}

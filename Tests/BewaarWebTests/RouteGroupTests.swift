import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
@testable import BewaarWeb

/// The seams of the route groups: each case page logs its view under its own name, and a form
/// is read by Hummingbird's decoder after its CSRF token, hostile bodies included.
@Suite struct RouteGroupTests {
    /// The name each case page's view is logged under (`page-viewed`); nil: the route logs no
    /// view (a download logs its own event, a form its change; the upload's progress shows only
    /// the asking session's own counts, asked twice a second).
    static let viewNames: [String: String?] = [
        "/zaken/{id}": "zaak", "/zaken/{id}/afzenders": "afzenders", "/zaken/{id}/tijdlijn": "tijdlijn",
        "/zaken/{id}/tijdlijn/{msg}/bron": "bron", "/zaken/{id}/tijdlijn/{msg}/markeren": "markeren",
        "/zaken/{id}/stukken/{item}": "stuk", "/zaken/{id}/pakket": "pakket", "/zaken/{id}/logboek": "logboek",
        "/zaken/{id}/bewijs/{item}": nil, "/zaken/{id}/stukken/{item}/afbeelding": nil, "/zaken/{id}/pakket/{file}": nil,
        "/zaken/{id}/voortgang": nil,
    ]

    @Test func everyCasePageLogsItsViewUnderItsOwnName() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let message = try #require(try f.store.timeline(f.caseID, TimelineQuery()).entries.first)
        let router = WebServer.router(store: f.store, configuration: f.configuration())
        let pages = router.routes.filter { $0.method == .get && $0.path.description.hasPrefix("/zaken/{id}") }.map { $0.path.description }
        #expect(Set(pages) == Set(Self.viewNames.keys), "every case page has its view name here")
        let id = f.caseID.description
        @Sendable func views() throws -> [String] {
            try f.store.events(chain: id).filter { $0.action.rawValue == "page-viewed" }.compactMap { $0.details["page"] }
        }
        try await Application(router: router).test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            for page in pages {
                let uri = page.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(of: "{item}", with: String(f.chatItem.id))
                    .replacingOccurrences(of: "{msg}", with: String(message.id)).replacingOccurrences(of: "{file}", with: "rapport.pdf")
                    .replacingOccurrences(of: "{link}", with: "1")
                let before = try views()
                try await client.execute(uri: uri, method: .get, headers: b.headers) { r in #expect(r.status.code < 500, "\(uri)") }
                let added = Array(try views().dropFirst(before.count))
                let expected = Self.viewNames[page] ?? nil
                #expect(added == (expected.map { [$0] } ?? []), "\(page) logged \(added)")
            }
            // Someone who may not read the case logs no view, only the refusal.
            let other = try #require(try await login(client, "K. Smit"))
            let before = try views()
            try await client.execute(uri: "/zaken/\(id)/tijdlijn", method: .get, headers: other.headers) { #expect($0.status == .notFound) }
            #expect(try views() == before)
            #expect(try f.store.events(chain: id).last?.action.rawValue == "access-refused")
        }
    }

    @Test func aFormIsReadAfterItsTokenAndABodyThatIsNoFormIsAPlain400() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        let summary = "/zaken/\(id)/samenvatting"
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let h: HTTPFields = [.cookie: b.cookie, .contentType: "application/x-www-form-urlencoded"]
            // The token is checked before the fields are looked at.
            try await client.execute(uri: summary, method: .post, headers: h, body: ByteBuffer(string: "_csrf=0&samenvatting=x")) {
                #expect($0.status == .forbidden)
            }
            // A field twice, a broken escape, a bracketed key: a plain 400, nothing saved, never a 500.
            for body in ["_csrf=\(b.csrf)&samenvatting=a&samenvatting=b", "_csrf=\(b.csrf)&samenvatting=%ZZ",
                         "_csrf=\(b.csrf)&_csrf=\(b.csrf)&samenvatting=a", "_csrf=\(b.csrf)&samenvatting[x]=a&samenvatting=b"] {
                try await client.execute(uri: summary, method: .post, headers: h, body: ByteBuffer(string: body)) { r in
                    #expect(r.status == .badRequest, "\(body)")
                    #expect(String(buffer: r.body).contains("Ongeldig verzoek"))
                }
            }
            #expect(try f.store.case(f.caseID).summary.isEmpty)
            // A browser's own form: `+` is a space, escapes are read as UTF-8.
            try await client.execute(uri: summary, method: .post, headers: h,
                                     body: ByteBuffer(string: "_csrf=\(b.csrf)&samenvatting=Ruzie+na+de+les+%E2%80%94+3%25")) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/zaken/\(id)?opgeslagen=overzicht#overzicht")
            }
            #expect(try f.store.case(f.caseID).summary == "Ruzie na de les — 3%")
        }
    }

    /// The pupil's own session (made by an upload link's page) is no staff session, whichever
    /// cookie carries it: every staff route of the router's list sends it to the login page.
    @Test func thePupilsSessionOpensNoStaffRoute() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        let router = WebServer.router(store: f.store, configuration: f.configuration())
        let staff = WebRouteTests.staffRoutes(router)
        try await Application(router: router).test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let token = try await UploadLinkTests.makeLink(client, m, case: f.caseID, person: try UploadLinkTests.person(f, "Sanne de Vries"))
            let (_, pupil) = try await UploadLinkTests.open(client, token)
            let session = String(pupil.cookie.split(separator: "=")[1])
            for cookie in [pupil.cookie, "\(WebApp.cookieName)=\(session)"] {
                for route in staff {
                    let uri = route.path.replacingOccurrences(of: "{id}", with: id).replacing(/\{[a-z]+\}/, with: "1")
                    var headers: HTTPFields = [.cookie: cookie]
                    if route.method == .post { headers[.contentType] = "application/x-www-form-urlencoded" }
                    try await client.execute(uri: uri, method: route.method, headers: headers,
                                             body: ByteBuffer(string: "_csrf=\(pupil.csrf)")) { r in
                        #expect(r.status == .seeOther && r.headers[.location] == "/inloggen", "\(route.method) \(uri) with \(cookie.prefix(20))")
                    }
                }
            }
        }
    }
}

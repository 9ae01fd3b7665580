import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb
import BewaarServe

/// Who may do what, generated from the router: every route × every kind of visitor. A route the
/// table below does not classify fails the test, so a new page cannot slip in unguarded.
@Suite struct PermissionMatrixTests {
    /// Who passes the gate of a route.
    enum Gate: Equatable {
        case everyone  // login pages, assets
        case signedIn  // any account
        case caseReaders  // the accounts whose role reads cases (their own list)
        case linked  // an active access link to this case
        case managers  // a linked mentor or afdelingsleider of this case
        case tracers  // the trace pages: systeembeheerder and case readers
        case mailOfCase  // a mail: the systeembeheerder, or whoever is linked to its case
        case beheerder
        /// A linked afdelingsleider of this case (none in this fixture: the case is not escalated).
        case heads
        /// Afdelingsleiders and the beheerder.
        case retention
        case afdelingsleider  // access requests: the afdelingsleider, over the cases they may read
        case board  // the board's overview: the board's privacy officer only (none here: a school's server)
    }

    static let table: [String: Gate] = [
        "GET /static/app.css": .everyone, "GET /static/app.js": .everyone, "GET /favicon.ico": .everyone,
        "GET /inloggen": .everyone, "POST /inloggen": .everyone,
        "GET /wachtwoord-instellen": .everyone, "POST /wachtwoord-instellen": .everyone,
        "GET /inloggen/school": .everyone, "GET /inloggen/school/terug": .everyone,
        "GET /": .signedIn, "POST /uitloggen": .signedIn,
        "GET /instellingen": .signedIn, "POST /instellingen": .signedIn, "POST /instellingen/wachtwoord": .signedIn,
        "GET /zaken": .caseReaders, "GET /zaken/nieuw": .caseReaders, "POST /zaken/nieuw": .caseReaders,
        "GET /zaken/{id}/voortgang": .linked,
        "POST /zaken/{id}/personen": .linked, "POST /zaken/{id}/personen/{person}": .linked, "POST /zaken/{id}/koppelen": .linked,
        "GET /zaken/{id}/afzenders": .linked, "POST /zaken/{id}/samenvatting": .linked,
        "POST /zaken/{id}/verklaring": .linked, "POST /zaken/{id}/bewijs/{item}/terugtrekken": .linked,
        "POST /zaken/{id}/stukken/{item}/datumvolgorde": .linked,
        "GET /zaken/{id}": .linked, "POST /zaken/{id}/stap/{step}": .linked, "POST /zaken/{id}/waarneming": .linked,
        "POST /zaken/{id}/gesprek": .linked, "GET /zaken/{id}/bewijs/{item}": .linked, "POST /zaken/{id}/bewijs": .linked,
        "GET /zaken/{id}/tijdlijn": .linked, "GET /zaken/{id}/tijdlijn/{msg}/bron": .linked, "POST /zaken/{id}/markeren": .linked,
        "GET /zaken/{id}/tijdlijn/{msg}/markeren": .linked, "POST /zaken/{id}/markeren/verwijderen": .linked,
        "GET /zaken/{id}/stukken/{item}": .linked, "GET /zaken/{id}/stukken/{item}/afbeelding": .linked,
        "GET /zaken/{id}/pakket": .linked, "POST /zaken/{id}/pakket": .linked, "GET /zaken/{id}/pakket/{file}": .linked,
        "POST /zaken/{id}/bundel": .linked, "POST /zaken/{id}/bundel/controleren": .linked, "GET /zaken/{id}/logboek": .linked,
        "POST /zaken/{id}/escaleren": .managers, "POST /zaken/{id}/escaleren/terug": .managers, "POST /zaken/{id}/toegang": .managers,
        "POST /zaken/{id}/uploadlinks": .managers, "POST /zaken/{id}/uploadlinks/intrekken": .managers,
        "POST /zaken/{id}/uploadlinks/{link}/instructieblad.pdf": .managers,
        "GET /aanleveren/{token}": .everyone, "POST /aanleveren/{token}": .everyone, "GET /aanleveren/{token}/ontvangen": .everyone,
        "GET /herkomst": .tracers, "POST /herkomst": .tracers,
        "GET /herkomst/{item}": .mailOfCase, "POST /herkomst/{item}": .mailOfCase,
        "POST /zaken/{id}/afsluiten": .heads, "POST /zaken/{id}/heropenen": .heads, "POST /zaken/{id}/bewaarplicht": .heads,
        "POST /zaken/{id}/bewaarplicht/opheffen": .heads, "POST /zaken/{id}/afsluiten/voorstel": .managers,
        "GET /bewaartermijn": .retention, "GET /bewaartermijn/{id}/vernietigen": .retention, "POST /bewaartermijn/{id}/vernietigen": .retention,
        "POST /beheer/bewaartermijn": .beheerder,
        "GET /beheer": .beheerder, "POST /beheer": .beheerder, "POST /beheer/account": .beheerder, "POST /beheer/toegang": .beheerder,
        "GET /beheer/privacy": .beheerder,
        "GET /inzage": .afdelingsleider, "POST /inzage": .afdelingsleider,
        "GET /bestuur": .board,
    ]

    /// The visitors: the mentor of the case, another mentor, an afdelingsleider it was not
    /// escalated to, a linked ondersteuningscoördinator, the systeembeheerder, the beheerder,
    /// and someone not signed in.
    static let visitors: [(name: String?, role: AccountRole?)] = [
        ("J. Bakker", .mentor), ("K. Smit", .mentor), ("A. de Groot", .afdelingsleider), ("O. Zorg", .ondersteuningscoordinator),
        ("S. Systeem", .systeembeheerder), ("B. Beheer", .beheerder), (nil, nil),
    ]

    static func allowed(_ gate: Gate, name: String?, role: AccountRole?) -> Bool {
        let linked = name == "J. Bakker" || name == "O. Zorg"
        switch gate {
        case .everyone: return true
        case .signedIn: return role != nil
        case .caseReaders: return role?.readsCases == true
        case .linked: return linked
        case .managers: return name == "J. Bakker"
        case .tracers: return role != nil && role != .beheerder
        case .mailOfCase: return linked || role == .systeembeheerder
        case .beheerder: return role == .beheerder
        case .heads: return false
        case .retention: return role == .afdelingsleider || role == .beheerder
        case .afdelingsleider: return role == .afdelingsleider
        case .board: return role == .functionaris
        }
    }

    @Test func everyRouteLetsInExactlyTheRolesItShould() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try Accounts(store: f.store, hasher: .forTests).add(
            name: "O. Zorg", role: .ondersteuningscoordinator, password: WebFixture.password, actor: "test")
        try f.store.grantAccess(f.caseID, account: "O. Zorg", role: "ondersteuningscoordinator", actor: "J. Bakker", reason: "verwezen")
        let message = try #require(try f.store.timeline(f.caseID, TimelineQuery()).entries.first)
        let clock = f.clock
        let router = WebServer.router(
            store: f.store, configuration: f.configuration(),
            packet: ServeSeams.packet(school: "Voorbeeldcollege", version: "test", clock: { clock.now }),
            trace: ServeSeams.trace(storePath: f.store.path, version: "test"))
        let routes = router.routes.map { "\($0.method) \($0.path.description)" }
        let unclassified = routes.filter { Self.table[$0] == nil }
        #expect(unclassified.isEmpty, "routes without a rule in the permission table: \(unclassified)")
        #expect(Set(Self.table.keys).subtracting(routes).isEmpty, "rules for routes that no longer exist")
        try await Application(router: router).test(.router) { client in
            for visitor in Self.visitors {
                // Someone not signed in still has the login page's own session (its CSRF token).
                let anonymous = try await client.execute(uri: "/inloggen", method: .get) { r in
                    Browser(cookie: sessionCookie(r) ?? "", csrf: csrfToken(in: String(buffer: r.body)) ?? "")
                }
                let signedIn: Browser? = try await visitor.name.asyncMap { try #require(try await login(client, $0)) }
                let browser = signedIn ?? anonymous
                for route in routes where route != "POST /uitloggen" {
                    guard let gate = Self.table[route] else { continue }
                    let parts = route.split(separator: " ", maxSplits: 1)
                    let method = HTTPRequest.Method(String(parts[0]))!
                    let uri = String(parts[1]).replacingOccurrences(of: "{id}", with: f.caseID.description)
                        .replacingOccurrences(
                            of: "{item}",
                            with: route.hasPrefix("GET /zaken") || route.hasPrefix("POST /zaken") ? String(f.chatItem.id) : String(f.mailItem.id)
                        )
                        .replacingOccurrences(of: "{step}", with: "1").replacingOccurrences(of: "{person}", with: "1").replacingOccurrences(
                            of: "{msg}", with: String(message.id)
                        )
                        .replacingOccurrences(of: "{file}", with: "rapport.pdf")
                    var headers = browser.headers
                    var body: ByteBuffer?
                    if method == .post { (headers, body) = browser.form(["_csrf": browser.csrf]) }
                    let expected = Self.allowed(gate, name: visitor.name, role: visitor.role)
                    try await client.execute(uri: uri, method: method, headers: headers, body: body) { r in
                        let text = String(buffer: r.body)
                        let toLogin = r.status == .seeOther && r.headers[.location] == "/inloggen"
                        let refused =
                            r.status == .forbidden
                            || (r.status == .notFound && (text.contains("geen toegang toe") || text.contains("Dit is geen e-mail in de opslag")))
                        let who = visitor.name ?? "anoniem"
                        #expect(r.status.code < 500, "\(who): \(route) → \(r.status.code)")
                        if expected {
                            #expect(!toLogin && !refused, "\(who) should pass \(route), got \(r.status.code)")
                        } else if visitor.name == nil {
                            #expect(toLogin, "anonymous should be sent to the login page on \(route), got \(r.status.code)")
                        } else {
                            #expect(refused, "\(who) should be refused \(route), got \(r.status.code)")
                        }
                    }
                }
            }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ body: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let w = self else { return nil }
        return try await body(w)
    }
}

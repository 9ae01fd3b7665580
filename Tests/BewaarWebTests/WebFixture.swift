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
import BewaarTestSupport

/// A store in a temporary folder with one case, accounts for every role, a chat with a
/// hostile message and an e-mail.
struct WebFixture {
    let folder: String
    let store: CaseStore
    let caseID: CaseID
    let chatItem: EvidenceItem
    let mailItem: EvidenceItem
    let clock = TestClock()
    static let password = "geheim-wachtwoord-1"

    /// With `encrypted`, the store is encrypted (its key file beside the folder) before anything is in it.
    init(encrypted: Bool = false) throws {
        folder = NSTemporaryDirectory() + "bewaar-web-" + UUID().uuidString
        store = try CaseStore(path: folder, create: true, modules: WebServer.storeModules)
        if encrypted { _ = try store.encrypt(with: .keyFile(folder + ".sleutel"), actor: "B. Beheer") }
        let c = try store.openCase(title: "Pesten in groepsapp 2B", actor: "J. Bakker", people: [
            Person(name: "Sanne de Vries", role: .slachtoffer), Person(name: "Daan Jansen", role: .vermoedelijkeDader),
            Person(name: "J. Bakker", role: .mentor),
        ])
        caseID = c.id
        let accounts = Accounts(store: store, hasher: .forTests)
        for (name, role) in [("J. Bakker", AccountRole.mentor), ("K. Smit", .mentor), ("A. de Groot", .afdelingsleider),
                             ("S. Systeem", .systeembeheerder), ("B. Beheer", .beheerder)] {
            try accounts.add(name: name, role: role, password: Self.password, actor: "test")
        }
        // Access is an explicit link, never a name on the case: the mentor of the case gets one.
        try store.grantAccess(caseID, account: "J. Bakker", role: "mentor", actor: "B. Beheer", reason: "mentor van de klas")
        let chat = [
            ("Daan Jansen", "Niemand wil jou in de groep"),
            ("Daan Jansen", "<script>alert('xss')</script>"),
            ("Lotte Visser", "Doe normaal Daan"),
        ]
        chatItem = try ChatSeed.record(in: store, case: caseID, messages: chat)
        mailItem = try Self.seedMail(store, caseID)
    }

    /// The fixture's settings: cheap password hashing, no pause after a failed login, and a login
    /// budget per client large enough for tests that sign in many times (the throttle's own tests
    /// set theirs).
    func configuration(uploadLimit: Int64 = 1 << 20, loginBurst: Int = 1000) -> WebConfiguration {
        let clock = self.clock
        return WebConfiguration(uploadLimit: uploadLimit, sessionIdle: 30 * 60, failedLoginDelay: 0, hasher: .forTests, clock: { clock.now },
                                loginBurst: loginBurst)
    }

    func app(uploadLimit: Int64 = 1 << 20) -> some ApplicationProtocol {
        Application(router: WebServer.router(store: store, configuration: configuration(uploadLimit: uploadLimit)))
    }

    /// The application with the seams `bewaar serve` uses: the real bundle builder and verifier,
    /// and the real tracer against the store's `network.toml`.
    func realApp() -> some ApplicationProtocol {
        let clock = self.clock
        return Application(router: WebServer.router(
            store: store, configuration: configuration(uploadLimit: 64 << 20),
            packet: ServeSeams.packet(school: "Voorbeeldcollege", version: "test", clock: { clock.now }),
            trace: ServeSeams.trace(storePath: store.path, version: "test")))
    }

    static let mailBody = "Dit is de GEHEIME tekst van de mail."

    static func seedMail(_ store: CaseStore, _ id: CaseID) throws -> EvidenceItem {
        try seedFile(store, id, name: "anonieme-mail.eml", content: """
            Received: from pc-lokaal-12.school.example (10.20.30.41) by mail.school.example; Tue, 3 Mar 2026 10:00:00 +0100\r
            From: anoniem@example.org\r
            To: sanne@example.org\r
            Subject: <b>jij</b> weer\r
            \r
            \(mailBody)\r

            """)
    }

    /// Stores `content` as an original of the case (an e-mail unless told otherwise).
    static func seedFile(_ store: CaseStore, _ id: CaseID, name: String, content: String, mediaType: String = "message/rfc822",
                         format: String = "email") throws -> EvidenceItem {
        let path = NSTemporaryDirectory() + "item-" + UUID().uuidString
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (digest, size) = try store.objects.put(file: path)
        let e = NewEvidence(name: name, size: size, sha256: digest, mediaType: mediaType, format: format, collectedBy: "J. Bakker")
        return try store.recordIngest(e, in: id).item
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: folder)
        try? FileManager.default.removeItem(atPath: folder + ".sleutel")
    }
}

/// A signed-in browser: its session cookie and the CSRF token of its forms.
struct Browser: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    /// The headers of a multipart upload (``Multipart``'s boundary) in this session.
    var multipartHeaders: HTTPFields { [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(Multipart.boundary)"] }

    func form(_ fields: [String: String]) -> (HTTPFields, ByteBuffer) {
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(URLText.encode($0.key))=\(URLText.encode($0.value))" }.joined(separator: "&")
        return (h, ByteBuffer(string: body))
    }
}

func csrfToken(in body: String) -> String? {
    body.firstMatch(of: /name="_csrf" value="([0-9a-f]{64})"/).map { String($0.output.1) }
}

func sessionCookie(_ r: TestResponse) -> String? {
    r.headers[values: .setCookie].compactMap { v -> String? in
        let first = String(v.split(separator: ";")[0])
        return first.hasPrefix(WebApp.cookieName + "=") && first.count > WebApp.cookieName.count + 1 ? first : nil
    }.first
}

/// Logs in through the real form; returns the browser or nil when refused.
func login(_ client: some TestClientProtocol, _ name: String, password: String = WebFixture.password) async throws -> Browser? {
    let (cookie, token) = try await client.execute(uri: "/inloggen", method: .get) { r in
        (sessionCookie(r) ?? "", csrfToken(in: String(buffer: r.body)) ?? "")
    }
    let pre = Browser(cookie: cookie, csrf: token)
    let (h, b) = pre.form(["_csrf": token, "naam": name, "wachtwoord": password])
    guard let signed = try await client.execute(uri: "/inloggen", method: .post, headers: h, body: b, testCallback: { r -> String? in
        r.status == .seeOther ? sessionCookie(r) : nil
    }) else { return nil }
    let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: signed]) { r in r.headers[.location] ?? "/zaken" }
    let page = try await client.execute(uri: csrf, method: .get, headers: [.cookie: signed]) { String(buffer: $0.body) }
    return Browser(cookie: signed, csrf: csrfToken(in: page) ?? "")
}

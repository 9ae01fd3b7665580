#if Web
import Foundation
import Hummingbird
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarKit
import BewaarAccounts

/// A signed-in request: the session and its account.
struct Visit: Sendable {
    var session: Session
    var account: Account
}

/// The web interface's shared state and the helpers every page uses: sessions, access checks
/// (refusals are plain and logged), custody events for views, CSRF, HTML responses.
final class WebApp: Sendable {
    let store: CaseStore
    let config: WebConfiguration
    let sessions: SessionStore
    let accounts: Accounts
    let policy: AccessPolicy

    static let cookieName = "bewaar_sessie"

    init(store: CaseStore, config: WebConfiguration) {
        self.store = store
        self.config = config
        sessions = SessionStore(idle: config.sessionIdle, maximum: config.sessionMaximum, clock: config.clock)
        accounts = Accounts(store: store, hasher: config.hasher)
        policy = AccessPolicy(store: store)
    }

    // MARK: Sessions

    func session(_ request: Request) async -> Session? {
        guard let id = request.cookies[Self.cookieName]?.value, id.count == 64 else { return nil }
        return await sessions.session(id)
    }

    func cookie(for session: Session) -> Cookie {
        Cookie(name: Self.cookieName, value: session.id, expires: session.created.addingTimeInterval(config.sessionMaximum),
               path: "/", secure: config.secureCookies, httpOnly: true, sameSite: .strict)
    }

    func clearedCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", expires: Date(timeIntervalSince1970: 0), path: "/",
               secure: config.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The signed-in visit, or a redirect to the login page.
    func visit(_ request: Request) async throws -> Visit {
        guard let s = await session(request), let a = s.account else {
            throw PageError.redirect("/inloggen")
        }
        return Visit(session: s, account: a)
    }

    /// A visit allowed to read `id`; refusal otherwise. A page view is logged as custody event.
    func caseVisit(_ request: Request, context: some RequestContext, page: String?) async throws -> (Visit, CaseID) {
        let v = try await visit(request)
        guard let raw = context.parameters.get("id"), let id = CaseID(raw) else {
            throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Dit zaaknummer bestaat niet.").raw)
        }
        let exists = (try? store.case(id)) != nil
        guard exists else {
            throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Zaak \(id) bestaat niet.").raw)
        }
        guard try policy.mayRead(v.account, id) else {
            throw refuse(v, chain: id.description, path: request.uri.path)
        }
        if let page {
            try store.recordAccess(chain: id.description, actor: v.account.name, action: "page-viewed",
                                   details: ["page": page, "role": v.account.role.rawValue])
        }
        return (v, id)
    }

    /// Logs a refusal (custody event `access-refused`) and returns the plain refusal page.
    func refuse(_ v: Visit, chain: String, path: String) -> PageError {
        _ = try? store.recordAccess(chain: chain, actor: v.account.name, action: "access-refused",
                                    details: ["path": String(path.prefix(200)), "role": v.account.role.rawValue])
        return PageError(status: .forbidden, body: Layout.bare(
            title: "Geen toegang",
            message: "Als \(v.account.role.dutch) heeft u geen toegang tot deze pagina. Dat is vastgelegd in het logboek. "
                + "Denkt u dat u toegang nodig hebt, vraag het dan aan de afdelingsleider.").raw)
    }

    /// Requires a role; refuses (and logs) otherwise.
    func require(_ v: Visit, roles: Set<AccountRole>, path: String) throws {
        guard roles.contains(v.account.role) else { throw refuse(v, chain: CaseStore.storeChain, path: path) }
    }

    // MARK: Forms

    /// Reads an urlencoded form (at most 1 MiB) and checks its CSRF token.
    func form(_ request: Request, _ session: Session) async throws -> FormData {
        var r = request
        let buffer: ByteBuffer
        do { buffer = try await r.collectBody(upTo: 1 << 20) } catch {
            throw PageError(status: .contentTooLarge, body: Layout.bare(title: "Te veel tekst", message: "Dit formulier is te groot om te bewaren.").raw)
        }
        let form = FormData(String(buffer: buffer))
        try checkCSRF(form["_csrf"], session)
        return form
    }

    func checkCSRF(_ token: String?, _ session: Session) throws {
        guard let token, Random.same(token, session.csrf) else {
            throw PageError(status: .forbidden, body: Layout.bare(
                title: "Formulier verlopen",
                message: "Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw en probeer het nog eens.").raw)
        }
    }

    // MARK: Responses

    func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html.raw)))
    }

    func page(_ v: Visit, title: String, caseNav: CaseID? = nil, current: String, _ body: HTML) -> Response {
        html(Layout.page(title: title, account: v.account, csrf: v.session.csrf, caseNav: caseNav?.description, current: current, body: body))
    }

    /// A Dutch message about a store or kit error, as a page.
    func problem(_ error: any Error, back: String) -> PageError {
        let text: String
        switch error {
        case let e as StoreError: text = e.dutch
        case let e as KitError: text = e.dutch
        case let e as AccountError: text = e.dutch
        case let e as PageError: return e
        default: text = "Er ging iets mis: \(error)"
        }
        return PageError(status: .badRequest, body: Layout.bare(title: "Niet gelukt", message: text, back: back).raw)
    }

    /// A file as a download, never shown inline.
    func download(path: String, name: String, context: some RequestContext) async throws -> Response {
        let body = try await FileIO().loadFile(path: path, context: context)
        let safe = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var headers: HTTPFields = [.contentType: "application/octet-stream"]
        headers[.contentDisposition] = "attachment; filename=\"\(safe)\"; filename*=UTF-8''\(URLText.encode(name))"
        return Response(status: .ok, headers: headers, body: body)
    }
}
#endif

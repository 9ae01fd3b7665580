import Foundation
import Hummingbird
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarKit
import BewaarAccounts

/// The web interface's shared state and the helpers every page uses: sessions, refusals (plain
/// and logged), CSRF, HTML responses. Who may open a page is settled by its route group
/// (``RouteGroups``), before its handler runs.
final class WebApp: Sendable {
    let store: CaseStore
    let config: WebConfiguration
    let sessions: SessionStore
    let accounts: Accounts
    let policy: AccessPolicy
    let throttle: LoginThrottle
    let passwordWork: PasswordWork
    let uploadLinks: UploadLinkDesk
    let uploadProgress: UploadProgressBoard

    static let cookieName = "bewaar_sessie"

    init(store: CaseStore, config: WebConfiguration) {
        self.store = store
        self.config = config
        sessions = SessionStore(store: store, idle: config.sessionIdle, maximum: config.sessionMaximum, clock: config.clock)
        accounts = Accounts(store: store, hasher: config.hasher)
        policy = AccessPolicy(store: store)
        throttle = LoginThrottle(store: store, scope: "login", capacity: config.loginBurst, perMinute: config.loginPerMinute, clock: config.clock)
        passwordWork = PasswordWork(running: config.passwordWorkers, waiting: config.passwordQueue)
        uploadLinks = UploadLinkDesk(store: store, clock: config.clock)
        uploadProgress = UploadProgressBoard(store: store)
        // What a stopped server was receiving is not kept (evidence in plain).
        UploadFolders.sweep(store.path + "/tmp")
    }

    /// The address of the client: the peer's own, or — behind the school's proxy, when the
    /// configuration names its header — the last address the proxy added.
    func client(_ request: Request, _ context: some RemoteAddressRequestContext) -> String {
        if let header = config.forwardedHeader, let name = HTTPField.Name(header), let value = request.headers[name],
           let last = value.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return String(last.prefix(64))
        }
        return context.remoteAddress?.ipAddress ?? "onbekend"
    }

    // MARK: Sessions

    func session(_ request: Request) throws -> Session? {
        guard let id = request.cookies[Self.cookieName]?.value, id.count == 64 else { return nil }
        return try sessions.session(id)
    }

    /// The language of whoever sent `request` (Dutch when nobody is signed in).
    func language(of request: Request) -> Language {
        ((try? session(request)) ?? nil)?.language ?? .nl
    }

    func cookie(for session: Session) -> Cookie {
        Cookie(name: Self.cookieName, value: session.id, expires: session.created.addingTimeInterval(config.sessionMaximum),
               path: "/", secure: config.secureCookies, httpOnly: true, sameSite: .strict)
    }

    func clearedCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", expires: Date(timeIntervalSince1970: 0), path: "/",
               secure: config.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// Logs a refusal (custody event `access-refused`) and returns the plain refusal page.
    func refuse(_ v: Visit, chain: String, path: String) -> PageError {
        _ = try? store.recordAccess(chain: chain, actor: v.account.name, action: "access-refused",
                                    details: ["path": String(path.prefix(200)), "role": v.account.role.rawValue])
        return PageError(status: .forbidden, body: Layout.bare(v.t, title: v.t.refusedTitle, message: v.t.refused(role: v.t.role(v.account.role))).raw)
    }

    // MARK: Forms (reading them: PostedForm.swift)

    func checkCSRF(_ token: String?, _ session: Session) throws {
        guard let token, Random.same(token, session.csrf) else { throw csrfRefusal(session) }
    }

    /// 403: the form's token was missing or not this session's.
    func csrfRefusal(_ session: Session) -> PageError {
        let t = PageTexts.of(session.language)
        return PageError(status: .forbidden, body: Layout.bare(t, title: t.formExpiredTitle, message: t.formExpired).raw)
    }

    // MARK: Responses

    func html(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html.raw)))
    }

    func page(_ v: Visit, title: String, caseNav: CaseID? = nil, current: String, status: HTTPResponse.Status = .ok, _ body: HTML) -> Response {
        html(Layout.page(v.t, title: title, account: v.account, csrf: v.session.csrf, caseNav: caseNav?.description, current: current, body: body),
             status: status)
    }

    /// The text of an error in the visitor's language: any ``BilingualError`` says it itself.
    static func text(of error: any Error, _ t: any PageText) -> String {
        guard let e = error as? any BilingualError else { return t.somethingWentWrong("\(error)") }
        return t.choose(nl: e.dutch, en: e.english)
    }

    /// A message about a store or kit error, as a page.
    func problem(_ error: any Error, _ t: any PageText, back: String) -> PageError {
        if let e = error as? PageError { return e }
        return PageError.failed(t, Self.text(of: error, t), back: back)
    }

    /// A file as a download, never shown inline.
    func download(_ digest: SHA256Digest, name: String, context: some RequestContext) async throws -> Response {
        attachment(try await originalBody(digest, context: context), name: name)
    }

    /// A file Bewaar made (a packet's report) as a download.
    func download(path: String, name: String, context: some RequestContext) async throws -> Response {
        attachment(try await FileIO().loadFile(path: path, context: context), name: name)
    }

    func attachment(_ body: ResponseBody, name: String) -> Response {
        let safe = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var headers: HTTPFields = [.contentType: "application/octet-stream"]
        headers[.contentDisposition] = "attachment; filename=\"\(safe)\"; filename*=UTF-8''\(URLText.encode(name))"
        return Response(status: .ok, headers: headers, body: body)
    }

    /// An original's bytes as a response body: streamed from its file in a plain store, opened
    /// in memory in an encrypted one (never written out in plain).
    func originalBody(_ digest: SHA256Digest, context: some RequestContext) async throws -> ResponseBody {
        guard store.isEncrypted else { return try await FileIO().loadFile(path: store.objects.path(for: digest), context: context) }
        return ResponseBody(byteBuffer: ByteBuffer(data: try store.originalBytes(digest)))
    }

    /// The image type of an original from its first bytes, or nil.
    func imageType(_ digest: SHA256Digest) -> SafeImage? {
        (try? store.originalHead(digest, count: 12)).flatMap(SafeImage.of)
    }
}

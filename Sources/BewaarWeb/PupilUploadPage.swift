import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarKit

/// The pupil's (or parent's) side of an upload link: GET /aanleveren/TOKEN shows how to save
/// evidence per app and a form to send files; POST stores them in the link's case; GET
/// /aanleveren/TOKEN/ontvangen shows the receipt with each file's SHA-256.
///
/// The page shows nothing of the case: no number, no title, no names. A wrong, expired or
/// revoked token gets one and the same answer. Every request first takes from the client's
/// budget and the link's (429 beyond it). The form's CSRF token belongs to a session of its
/// own (nobody signed in) whose cookie goes only to /aanleveren/, so it never opens a case
/// page. Each upload is ingested under "NAME (leerling) via uploadlink van MENTOR" and
/// recorded as `upload-link-used` in the case's custody chain.
extension WebApp {
    static let pupilCookieName = "bewaar_aanleveren"

    func addPupilUploadRoutes(_ router: Router<WebContext>) {
        router.get("/aanleveren/:token") { request, context -> Response in
            let (t, token, key) = try await self.pupilGate(request, context)
            guard let link = try self.activeUploadLink(key) else { throw self.invalidLink(t) }
            let s = try self.pupilSession(request) ?? self.sessions.create(account: nil)
            var r = self.html(self.pupilPage(t, token: token, csrf: s.csrf, link: link))
            r.setCookie(self.pupilCookie(s))
            return r
        }
        router.post("/aanleveren/:token") { request, context -> Response in
            let (t, token, key) = try await self.pupilGate(request, context)
            let u = t.uploadLink
            let back = self.pupilPath(token, t)
            guard try self.activeUploadLink(key) != nil else { throw self.invalidLink(t) }
            guard let s = try self.pupilSession(request) else {
                throw PageError.failed(t, u.stale, back: back, status: .forbidden, title: u.staleTitle)
            }
            guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
                  let boundary = media.parameter?.value, !boundary.isEmpty else {
                throw PageError.failed(t, u.wrongForm, back: back, status: .unsupportedMediaType)
            }
            let tooLarge = PageError(status: .contentTooLarge, headers: [.connection: "close"], body: Layout.bare(
                t, title: t.tooLargeTitle, message: u.tooLarge(limit: Layout.bytes(self.config.uploadLimit, t)), back: back).raw)
            if let length = request.headers[.contentLength].flatMap(Int64.init), length > self.config.uploadLimit + 64 * 1024 { throw tooLarge }
            let receiver = try UploadReceiver(tmp: self.store.path + "/tmp", kind: "upload", limit: self.config.uploadLimit, csrf: s.csrf)
            defer { receiver.cleanUp() }
            do {
                try await receiver.receive(request.body, boundary: boundary)
            } catch UploadError.forbidden {
                throw PageError.failed(t, u.stale, back: back, status: .forbidden, title: u.staleTitle)
            } catch UploadError.tooLarge {
                throw tooLarge
            } catch UploadError.unwritable {
                throw PageError.failed(t, t.diskProblem, back: back, status: .internalServerError)
            } catch {
                throw PageError.failed(t, t.uploadBroken, back: back, title: t.uploadBrokenTitle)
            }
            // The link may have been revoked or expired while the files came in.
            guard let link = try self.activeUploadLink(key) else { throw self.invalidLink(t) }
            guard !receiver.files.isEmpty else { throw PageError.failed(t, u.noFile, back: back) }
            // Screenshots among the files are read ahead on another core while the first is ingested.
            let (detector, readAhead) = Importers.detector(readingAhead: receiver.files.map(\.path))
            defer { readAhead?.stop() }
            let ingestion = Ingestion(store: self.store, detector: detector, unpackLimit: self.config.unpackLimit)
            var lines: [ReceiptLine] = []
            for file in receiver.files {
                do {
                    let report = try ingestion.ingest(path: file.path, into: link.caseID, actor: link.actor, collectedFrom: "uploadlink \(link.id)")
                    let item = report.outcome.item
                    let result: ReceiptLine.Result
                    switch report.outcome {
                    case .stored: result = item.size == 0 ? .empty : .stored
                    case .alreadyPresent: result = .alreadyThere
                    }
                    lines.append(ReceiptLine(name: file.name, size: file.size, sha256: item.sha256.hex, result: result))
                } catch {
                    lines.append(ReceiptLine(name: file.name, size: file.size, sha256: "—", result: .failed(Self.text(of: error, t))))
                }
            }
            let kept = lines.filter { if case .failed = $0.result { return false } else { return true } }
            if !kept.isEmpty { try self.store.recordUploadLinkUse(link, files: kept.map { ($0.name, $0.sha256) }) }
            let receipt = UploadReceipt(tokenSHA256: key, at: self.config.clock(), lines: lines)
            let flash = try self.uploadLinks.keep(receipt, session: s.key, case: link.caseID)
            return .seeOther(self.pupilPath(token, t, "/ontvangen", query: "bon=\(flash)"))
        }
        router.get("/aanleveren/:token/ontvangen") { request, context -> Response in
            let (t, token, key) = try await self.pupilGate(request, context)
            guard let s = try self.pupilSession(request),
                  let receipt = self.uploadLinks.receipt(session: s.key, flash: QueryFields(of: request)["bon"]),
                  Random.same(receipt.tokenSHA256, key) else {
                return .seeOther(self.pupilPath(token, t))
            }
            return self.html(self.receiptPage(t, token: token, receipt: receipt))
        }
    }

    /// The words of the visitor's choice (`?taal=en`; Dutch otherwise), the token from the path,
    /// and its key; answers 429 when the client or the link has used its budget.
    func pupilGate(_ request: Request, _ context: WebContext) async throws -> (any PageText, String, String) {
        let t = QueryFields(of: request)["taal"] == "en" ? PageTexts.of(.en) : PageTexts.of(.nl)
        let raw = context.parameters.get("token") ?? ""
        let token = raw.utf8.count == 32 && raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) ? raw : ""
        let key = Self.tokenKey(token.isEmpty ? String(raw.prefix(64)) : token)
        let client = self.client(request, context)
        if let wait = await uploadLinks.take(client: client, tokenSHA256: key) {
            _ = try? store.recordSecurity(kind: "uploadlink-throttled", account: nil, source: client, detail: nil)
            throw PageError(status: .tooManyRequests, headers: [.retryAfter: String(wait)],
                            body: Layout.bare(t, title: t.uploadLink.tooManyTitle, message: t.uploadLink.tooMany(seconds: wait)).raw)
        }
        guard !token.isEmpty else { throw invalidLink(t) }
        return (t, token, key)
    }

    /// The link with this token key when it works now: not revoked, not expired, and its maker
    /// still manages the case.
    func activeUploadLink(_ key: String) throws -> UploadLink? {
        guard let link = try store.uploadLink(tokenSHA256: key), link.state(at: config.clock()) == .active,
              try makerStillManages(link) else { return nil }
        return link
    }

    /// The same answer for a wrong, expired or revoked link: it says nothing of any case.
    func invalidLink(_ t: any PageText) -> PageError {
        PageError(status: .notFound, body: Layout.bare(t, title: t.uploadLink.invalidTitle, message: t.uploadLink.invalid).raw)
    }

    /// The pupil's own session (nobody signed in), or nil.
    func pupilSession(_ request: Request) throws -> Session? {
        guard let id = request.cookies[Self.pupilCookieName]?.value, id.count == 64,
              let s = try sessions.session(id), s.account == nil else { return nil }
        return s
    }

    /// The pupil's session cookie: only ever sent to the upload pages.
    func pupilCookie(_ s: Session) -> Cookie {
        Cookie(name: Self.pupilCookieName, value: s.id, expires: s.created.addingTimeInterval(config.sessionMaximum),
               path: "/aanleveren/", secure: config.secureCookies, httpOnly: true, sameSite: .strict)
    }

    func pupilPath(_ token: String, _ t: any PageText, _ sub: String = "", query: String? = nil) -> String {
        let parts = [query, t.language == .en ? "taal=en" : nil].compactMap { $0 }
        return "/aanleveren/\(token)\(sub)" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }

    func pupilPage(_ t: any PageText, token: String, csrf: String, link: UploadLink) -> HTML {
        let u = t.uploadLink
        let guides: [HTML] = u.guides.map { g in
            let tip: HTML = g.tip.map { "<p class=\"uitleg\">\($0)</p>" } ?? ""
            return "<details id=\"\(g.id)\"><summary>\(g.title)</summary><ol>\(g.steps.map { s -> HTML in "<li>\(s)</li>" })</ol>\(tip)</details>"
        }
        let other = "/aanleveren/\(token)" + (u.otherLanguageCode == "en" ? "?taal=en" : "")
        return Layout.page(t, title: u.pageTitle, account: nil, csrf: csrf, body: """
            <p><a href="\(other)" lang="\(u.otherLanguageCode)" hreflang="\(u.otherLanguageCode)">\(u.otherLanguage)</a></p>
            <p>\(u.intro)</p>
            <p><strong>\(u.worksUntil(Layout.time(link.validUntil, t)))</strong></p>
            <section aria-labelledby="hoe"><h2 id="hoe">\(u.howHeading)</h2>\(guides)</section>
            <section aria-labelledby="belangrijk"><h2 id="belangrijk">\(u.importantHeading)</h2>
            <ul>\(u.important.map { i -> HTML in "<li>\(i)</li>" })</ul></section>
            <section aria-labelledby="sturen"><h2 id="sturen">\(u.sendHeading)</h2>
            <form class="upload" method="post" enctype="multipart/form-data" action="\(pupilPath(token, t))" \
            data-sent="\(t.jsSent)" data-failed="\(t.jsFailed)" data-broken="\(t.jsBroken)">
            \(Layout.csrfField(csrf))
            <div class="sleepvlak">
            <label for="bestanden">\(u.fileLabel(limit: Layout.bytes(config.uploadLimit, t)))</label>
            <input type="file" id="bestanden" name="bestanden" multiple required>
            </div>
            <div><button type="submit">\(u.sendButton)</button></div>
            <progress class="verborgen" max="100" value="0" aria-label="\(t.uploadProgress)"></progress>
            <p class="voortgang" role="status" aria-live="polite"></p>
            </form></section>
            """)
    }

    func receiptPage(_ t: any PageText, token: String, receipt: UploadReceipt) -> HTML {
        let u = t.uploadLink
        let kept = receipt.lines.filter { if case .failed = $0.result { return false } else { return true } }.count
        let items: [HTML] = receipt.lines.map { l in
            let result: String
            switch l.result {
            case .stored: result = u.resultStored
            case .alreadyThere: result = u.resultAlreadyThere
            case .empty: result = u.resultEmpty
            case .failed(let why): result = u.resultFailed(why)
            }
            return """
                <li><p><strong>\(l.name)</strong></p><p>\(u.colSize): \(Layout.bytes(l.size, t)). \(u.colResult): \(result)</p>\
                <p>\(u.colFingerprint):<br><code class="sha256">\(l.sha256)</code></p></li>
                """
        }
        return Layout.page(t, title: u.receiptTitle, account: nil, csrf: "", body: """
            <p class="goed" role="status">\(u.receiptIntro(files: kept, at: Layout.time(receipt.at, t)))</p>
            <ol class="ontvangstbewijs">\(items)</ol>
            <p class="uitleg">\(u.receiptExplain)</p>
            <p><a href="\(pupilPath(token, t))">\(u.sendMore)</a></p>
            """)
    }
}

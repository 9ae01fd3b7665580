import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarDigest
import BewaarQR

/// The mentor's side of the pupils' upload links: make one for a pupil or parent on the case
/// (POST /zaken/ID/uploadlinks), revoke one (POST /zaken/ID/uploadlinks/intrekken), and the
/// printable instruction sheet of a link just made (POST /zaken/ID/uploadlinks/N/instructieblad.pdf,
/// with the link's code in the form). Only whoever may manage the case's access makes and
/// revokes links; every one is a custody event. The token exists only in the link: the store
/// keeps its SHA-256, and the answer to the POST that made it is the one page that shows the
/// link, its QR code and the sheet's buttons (no redirect, nothing kept, on any server).
extension WebApp {
    /// A new upload link: for whom, and how long it works.
    struct UploadLinkForm: Decodable {
        var persoon: String?
        var geldig: String?
        var eenheid: String?
    }

    /// The link to revoke.
    struct RevokeLinkForm: Decodable {
        var link: String?
    }

    /// The instruction sheet of a link: its code (from the page that made it) and the language.
    struct SheetForm: Decodable {
        var code: String?
        var taal: String?
    }

    func addUploadLinkRoutes(_ groups: RouteGroups) {
        let managers = groups.managers
        managers.post("/uploadlinks") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: UploadLinkForm.self)
            let u = v.t.uploadLink
            let back = "/zaken/\(id)#uploadlinks"
            guard let person = try RequestInput.id(form.persoon, v.t) else { throw PageError.failed(v.t, u.pickPerson, back: back) }
            let amount = try RequestInput.integer(form.geldig, in: 1...43_200, v.t)
            let unit: Int64
            switch form.eenheid ?? "uren" {
            case "minuten": unit = 60
            case "uren": unit = 3600
            case "dagen": unit = 86_400
            default: throw RequestInput.bad(v.t)
            }
            // At most 43,200 × 86,400 seconds: far inside Int64, then bounded by the store.
            let seconds = amount.map { $0 * unit } ?? Int64(UploadLink.standardValidity)
            guard seconds >= Int64(UploadLink.shortest), seconds <= Int64(UploadLink.longest) else {
                throw PageError.failed(v.t, u.badValidity, back: back)
            }
            let token = Random.hex(16)
            let link: UploadLink
            do {
                link = try self.store.makeUploadLink(id, person: person, tokenSHA256: Self.tokenKey(token), validFor: TimeInterval(seconds),
                                                     start: self.config.clock(), actor: v.account.name)
            } catch { throw self.problem(error, v.t, back: back) }
            return self.page(
                v, title: u.freshHeading(link.personName), caseNav: id, current: "zaak",
                try self.freshLinkPage(v, link, token: token, url: self.uploadURL(request, token: token)))
        }
        managers.post("/uploadlinks/intrekken") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: RevokeLinkForm.self)
            guard let link = try RequestInput.id(form.link, v.t) else { throw RequestInput.bad(v.t) }
            do { try self.store.revokeUploadLink(id, link: link, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#uploadlinks")
            }
            return .seeOther("/zaken/\(id)#uploadlinks")
        }
        managers.post("/uploadlinks/:link/instructieblad.pdf") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let n = try RequestInput.parameter(context, "link", in: 1...(1 << 53), v.t)
            let form = try await self.form(request, v.session, as: SheetForm.self)
            let t = form.taal == "en" ? PageTexts.of(.en) : PageTexts.of(.nl)
            // The code must be this link's: the store knows it only by its SHA-256.
            guard let code = form.code, code.utf8.count == 32,
                code.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
                let link = try self.store.uploadLink(tokenSHA256: Self.tokenKey(code)), link.id == n, link.caseID == id,
                link.state(at: self.config.clock()) == .active
            else {
                throw PageError.failed(v.t, v.t.uploadLink.sheetGone, back: "/zaken/\(id)#uploadlinks", status: .notFound)
            }
            let pdf: Data
            do {
                pdf = try UploadLinkSheet.pdf(
                    t.uploadLink, url: self.uploadURL(request, token: code), validUntil: Layout.time(link.validUntil, t),
                    tmp: self.store.path + "/tmp")
            } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#uploadlinks") }
            var headers: HTTPFields = [.contentType: "application/pdf"]
            headers[.contentDisposition] = "attachment; filename=\"uploadlink-instructies.pdf\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        }
        addPupilUploadRoutes(groups.open)
    }

    /// The key a token is stored and counted under: its SHA-256.
    static func tokenKey(_ token: String) -> String { StreamingSHA256.digest(utf8: token).hex }

    /// The link as the pupil opens it: on the school's public name when the server has one
    /// (behind its HTTPS proxy), else on the name this request came in on.
    func uploadURL(_ request: Request, token: String) -> String {
        if let name = config.publicNames.first { return "https://\(name)/aanleveren/\(token)" }
        let authority = request.head.authority ?? "\(config.host):\(config.port)"
        return "\(config.secureCookies ? "https" : "http")://\(authority)/aanleveren/\(token)"
    }

    /// Whether a link still acts for whoever made it: its maker must still be an active account
    /// that may manage the case (a mentor who left, or lost the case, takes their links along).
    func makerStillManages(_ link: UploadLink) throws -> Bool {
        guard let stored = try store.account(named: link.madeBy), stored.disabledAt == nil,
              let role = AccountRole(rawValue: stored.role) else { return false }
        return try policy.mayManageAccess(Account(name: stored.name, role: role), link.caseID)
    }

    /// The link's state in words, with the class that colours it.
    func uploadLinkState(_ link: UploadLink, _ t: any PageText) throws -> (text: String, open: Bool) {
        let u = t.uploadLink
        switch link.state(at: config.clock()) {
        case .revoked: return (u.stateRevoked(by: link.revokedBy ?? "—", at: Layout.time(link.revokedAt, t)), false)
        case .expired: return (u.stateExpired, false)
        case .active: return try makerStillManages(link) ? (u.stateActive, true) : (u.stateMakerGone, false)
        }
    }

    /// The answer to the POST that made a link: the link, its QR code and the instruction sheet
    /// (a form that sends the code back, in Dutch or English). The one time it is shown: the
    /// store keeps only the token's SHA-256.
    func freshLinkPage(_ v: Visit, _ link: UploadLink, token: String, url: String) throws -> HTML {
        let u = v.t.uploadLink
        let code = try QRCode(encoding: url)
        let n = code.sizeWithQuietZone
        let id = link.caseID.description
        return """
            <div class="goed nieuwe-link" role="status"><p>\(u.freshExplain)</p>
            <label for="uploadlink-\(link.id)">\(u.linkLabel)</label><input type="text" id="uploadlink-\(link.id)" readonly value="\(url)">
            <p><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n) \(n)" width="200" height="200" role="img" aria-label="\(u.qrLabel)" \
            shape-rendering="crispEdges"><rect width="\(n)" height="\(n)" fill="#fff"/><path fill="#000" d="\(code.svgPathData)"/></svg></p>
            <form method="post" action="/zaken/\(id)/uploadlinks/\(link.id)/instructieblad.pdf">\(Layout.csrfField(v.session.csrf))\
            <input type="hidden" name="code" value="\(token)">\
            <button type="submit" name="taal" value="nl">\(u.sheetDownload)</button> \
            <button type="submit" name="taal" value="en" lang="en" class="licht">English</button></form></div>
            <p><a href="/zaken/\(id)#uploadlinks">\(v.t.back)</a></p>
            """
    }

    /// The section "Uploadlinks" of the case page: every link with its state, what came in and a
    /// revoke button; the form for a new one.
    func uploadLinkSection(_ v: Visit, _ id: CaseID) throws -> HTML {
        let t = v.t, u = t.uploadLink
        let manager = try policy.mayManageAccess(v.account, id)
        let links = try store.uploadLinks(id)
        let items: [HTML] = try links.map { l in
            let state = try uploadLinkState(l, t)
            let revoke: HTML = manager && l.revokedAt == nil && state.open ? """
                 <form method="post" action="/zaken/\(id.description)/uploadlinks/intrekken" class="inline" data-bevestig="\(u.confirmRevoke(l.personName))">\
                \(Layout.csrfField(v.session.csrf))<input type="hidden" name="link" value="\(l.id)">\
                <button type="submit" class="licht">\(u.revokeButton)</button></form>
                """ : ""
            return """
                <li><strong>\(u.linkFor(l.personName, role: t.personRole(l.personRole)))</strong>: \(u.madeBy(l.madeBy, at: Layout.time(l.madeAt, t))), \
                \(u.validUntil(Layout.time(l.validUntil, t))); <span class="status-\(state.open ? "gedaan" : "open")">\(state.text)</span>; \
                \(u.received(l.uploadCount)).\(revoke)</li>
                """
        }
        let list: HTML = items.isEmpty ? "<p>\(u.noLinks)</p>" : "<ul>\(items)</ul>"
        guard manager else {
            return "<section aria-labelledby=\"uploadlinks\"><h2 id=\"uploadlinks\">\(u.heading)</h2><p class=\"uitleg\">\(u.explain)</p>\(list)</section>"
        }
        let people = try store.people(id).filter { UploadLink.canReceive($0.role) && $0.id != nil }
        let options: [HTML] = people.map { p in
            "<option value=\"\(p.id ?? 0)\">\(p.name) (\(t.personRole(p.role)))</option>"
        }
        let form: HTML = people.isEmpty ? "<p class=\"uitleg\">\(u.noPeople)</p>" : """
            <h3>\(u.createHeading)</h3>
            <form method="post" action="/zaken/\(id.description)/uploadlinks">\(Layout.csrfField(v.session.csrf))
            <label for="uploadlink-persoon">\(u.personLabel)</label><select id="uploadlink-persoon" name="persoon" required>\(options)</select>
            <label for="uploadlink-geldig">\(u.validForLabel)</label><input type="number" id="uploadlink-geldig" name="geldig" value="72" min="1" max="43200" required>
            <label for="uploadlink-eenheid">\(u.unitLabel)</label><select id="uploadlink-eenheid" name="eenheid">\
            <option value="minuten">\(u.minutes)</option><option value="uren" selected>\(u.hours)</option><option value="dagen">\(u.days)</option></select>
            <div><button type="submit">\(u.createButton)</button></div></form>
            """
        return """
            <section aria-labelledby="uploadlinks"><h2 id="uploadlinks">\(u.heading)</h2>
            <p class="uitleg">\(u.explain)</p>\(list)\(form)</section>
            """
    }
}

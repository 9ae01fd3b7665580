#if Web
import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarDigest
import HTTPTypes

/// /herkomst: where an e-mail came from. The systeembeheerder sees the e-mail items of every
/// case but only their header block (never the text); mentors and afdelingsleiders see the
/// e-mail items of their own cases. Step 3's fields (trace, result) are shown beside it.
extension WebApp {
    func addTraceRoutes(_ router: Router<BasicRequestContext>, seam: TraceSeam) {
        router.get("/herkomst") { request, _ -> Response in
            let v = try await self.visit(request)
            try self.require(v, roles: [.systeembeheerder, .mentor, .afdelingsleider, .ondersteuningscoordinator], path: request.uri.path)
            return self.page(v, title: "Herkomst van e-mail", current: "herkomst", try self.traceList(v))
        }
        router.post("/herkomst") { request, _ -> Response in
            let v = try await self.visit(request)
            try self.require(v, roles: [.systeembeheerder, .mentor, .afdelingsleider, .ondersteuningscoordinator], path: request.uri.path)
            try self.checkCSRF(FormData(request.uri.query ?? "")["_csrf"], v.session)
            guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
                  let boundary = media.parameter?.value else {
                throw PageError(status: .unsupportedMediaType, body: Layout.bare(title: "Niet gelukt", message: "Kies de e-mail met het formulier.", back: "/herkomst").raw)
            }
            let receiver = try UploadReceiver(folder: self.store.path + "/tmp/trace-" + Random.hex(12), limit: min(self.config.uploadLimit, 64 << 20))
            defer { receiver.cleanUp() }
            do { try await receiver.receive(request.body, boundary: boundary) } catch {
                throw PageError(status: .badRequest, body: Layout.bare(title: "Niet gelukt", message: "De e-mail kwam niet (helemaal) aan, of is groter dan 64 MB. Er is niets bewaard.", back: "/herkomst").raw)
            }
            guard let file = receiver.files.first else { throw PageError.redirect("/herkomst") }
            let sha = (try? FileReader.sha256(path: file.path).digest.hex) ?? ""
            try self.store.recordAccess(chain: CaseStore.storeChain, actor: v.account.name, action: "trace-mail-read",
                                        details: ["name": file.name, "sha256": sha, "role": v.account.role.rawValue])
            return self.page(v, title: "Herkomst: \(file.name)", current: "herkomst", """
                <p>E-mail <strong>\(file.name)</strong>, SHA-256 <code>\(sha)</code>. Alleen gelezen, niet bewaard: \
                bewaar de e-mail bij de zaak (pagina van de zaak) als hij bewijs is. Alleen de kopregels worden getoond.</p>
                \(self.traceBody(path: file.path, seam: seam, step3: ""))
                """)
        }
        router.get("/herkomst/:item") { request, context -> Response in
            let v = try await self.visit(request)
            try self.require(v, roles: [.systeembeheerder, .mentor, .afdelingsleider, .ondersteuningscoordinator], path: request.uri.path)
            guard let itemID = context.parameters.get("item", as: Int64.self), let item = try? self.store.item(itemID), Self.isMail(item) else {
                throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Dit is geen e-mail in de opslag.").raw)
            }
            if v.account.role != .systeembeheerder, !(try self.policy.mayRead(v.account, item.caseID)) {
                throw self.refuse(v, chain: item.caseID.description, path: request.uri.path)
            }
            try self.store.recordAccess(chain: item.caseID.description, actor: v.account.name, action: "headers-viewed",
                                        details: ["itemId": String(itemID), "sha256": item.sha256.hex, "role": v.account.role.rawValue])
            return self.page(v, title: "Herkomst: \(item.name)", current: "herkomst", try self.tracePage(item, seam: seam))
        }
    }

    static func isMail(_ item: EvidenceItem) -> Bool {
        item.mediaType.lowercased() == "message/rfc822" || item.format.lowercased().contains("mail")
            || item.name.lowercased().hasSuffix(".eml")
    }

    func traceList(_ v: Visit) throws -> HTML {
        let cases = v.account.role == .systeembeheerder ? try store.cases() : try policy.readableCases(v.account)
        var rows: [HTML] = []
        for c in cases {
            for item in try store.items(c.id) where Self.isMail(item) {
                rows.append("<tr><td>\(c.id.description)</td><td><a href=\"/herkomst/\(item.id)\">\(item.name)</a></td><td>\(Layout.time(item.collectedAt))</td></tr>")
            }
        }
        let note: HTML = v.account.role == .systeembeheerder
            ? "<p class=\"uitleg\">Als systeembeheerder ziet u alleen de kopregels (headers) van e-mails, niet de tekst of de bijlagen, en geen andere gegevens van de zaak.</p>"
            : ""
        let upload: HTML = """
            <form method="post" enctype="multipart/form-data" action="/herkomst?_csrf=\(v.session.csrf)">
            <label for="mail">Of lees een e-mail (.eml) in zonder hem te bewaren</label>
            <input type="file" id="mail" name="mail" accept=".eml,message/rfc822" required>
            <div><button type="submit">Route tonen</button></div></form>
            """
        return """
            \(note)
            \(upload)
            <p>Kies een e-mail om de route te zien: via welke servers hij kwam en vanaf welk IP-adres. Dat helpt bij stap 3 van het stappenplan (dader opsporen).</p>
            \(rows.isEmpty ? HTML(raw: "<p>Er zijn nog geen e-mails bewaard.</p>") : "<table><thead><tr><th scope=\"col\">Zaak</th><th scope=\"col\">E-mail</th><th scope=\"col\">Bewaard</th></tr></thead><tbody>\(rows)</tbody></table>")
            """
    }

    /// The header block of a stored e-mail (up to the first empty line, at most 64 KiB), unfolded.
    func headers(_ item: EvidenceItem) -> [(String, String)] { headers(path: store.objects.path(for: item.sha256)) }

    func headers(path: String) -> [(String, String)] {
        guard let h = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? h.close() }
        let data = (try? h.read(upToCount: 64 * 1024)) ?? Data()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let block = text.components(separatedBy: "\n\n").first ?? ""
        var out: [(String, String)] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t", !out.isEmpty {
                out[out.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                out.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }

    func tracePage(_ item: EvidenceItem, seam: TraceSeam) throws -> HTML {
        let step3 = try store.checklist(item.caseID).first { $0.step == .daderOpsporen }
        let step3HTML: HTML = step3.map { s in
            "<p>Stap 3 (dader opsporen) van zaak \(item.caseID.description): \(s.status.rawValue). Herkomstonderzoek: \(s.fields["trace"] ?? "—"). Uitkomst: \(s.fields["result"] ?? "—").</p>"
        } ?? ""
        return """
            <p>E-mail <strong>\(item.name)</strong>, SHA-256 <code>\(item.sha256.hex)</code>. Alleen de kopregels worden getoond.</p>
            \(traceBody(path: store.objects.path(for: item.sha256), seam: seam, step3: step3HTML))
            """
    }

    /// Conclusion (through the seam), hop table and header table of the mail at `path`.
    func traceBody(path: String, seam: TraceSeam, step3: HTML) -> HTML {
        let hs = headers(path: path)
        let received = hs.filter { $0.0.lowercased() == "received" }
        let hops: [HTML] = received.enumerated().map { i, h in
            let from = Self.between(h.1, "from ", " by ") ?? ""
            let by = Self.between(h.1, "by ", ";") ?? ""
            let when = h.1.split(separator: ";").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return "<tr><td>\(received.count - i)</td><td>\(from)</td><td>\(by)</td><td>\(when)</td></tr>"
        }
        let rows: [HTML] = hs.map { "<tr><th scope=\"row\">\($0.0)</th><td class=\"bericht\">\($0.1)</td></tr>" }
        var conclusion: HTML = "<p class=\"uitleg\">De conclusie (welke schoolcomputer, via dhcpd.leases en inventaris) komt hier zodra het herkomstonderzoek in deze versie zit; gebruik tot dan <code>bewaar trace</code> op de opdrachtregel. Vul de uitkomst in bij stap 3 van de zaak.</p>"
        if let conclude = seam.conclude, let r = try? conclude(path) {
            conclusion = "<div class=\"goed\">\(r.conclusion.map { c -> HTML in "<p>\(c)</p>" })</div>"
        }
        return """
            <h2>Conclusie</h2>
            \(conclusion)
            \(step3)
            <h2>Route (onderste regel = eerste server)</h2>
            <table><thead><tr><th scope="col">Stap</th><th scope="col">Van</th><th scope="col">Door</th><th scope="col">Tijd</th></tr></thead><tbody>\(hops)</tbody></table>
            <h2>Kopregels</h2>
            <table><tbody>\(rows)</tbody></table>
            """
    }

    static func between(_ s: String, _ a: String, _ b: String) -> String? {
        guard let r = s.range(of: a) else { return nil }
        let rest = s[r.upperBound...]
        if let e = rest.range(of: b) { return String(rest[..<e.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return String(rest).trimmingCharacters(in: .whitespaces)
    }
}
#endif

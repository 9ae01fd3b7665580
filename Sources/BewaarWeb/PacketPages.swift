#if Web
import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarKit
import BewaarDigest
import HTTPTypes

/// /zaken/ID/pakket: build and download the police packet (rapport.pdf, rapport.html,
/// aangifte-checklist.txt); bundle and verify through ``PacketSeam``.
extension WebApp {
    static let packetFiles = ["rapport.pdf", "rapport.html", "aangifte-checklist.txt"]

    func packetFolder(_ id: CaseID) -> String { store.path + "/pakketten/" + id.description }

    func addPacketRoutes(_ router: Router<BasicRequestContext>, seam: PacketSeam) {
        router.get("/zaken/:id/pakket") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: "pakket")
            let c = try self.store.case(id)
            return self.page(v, title: "Pakket voor de politie – zaak \(id)", caseNav: id, current: "pakket", try self.packetPage(v, c, seam: seam))
        }
        router.post("/zaken/:id/pakket") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            _ = try await self.form(request, v.session)
            do {
                _ = try PacketMaker(store: self.store).make(id, folder: self.packetFolder(id), actor: v.account.name)
            } catch { throw self.problem(error, back: "/zaken/\(id)/pakket") }
            throw PageError.redirect("/zaken/\(id)/pakket")
        }
        router.get("/zaken/:id/pakket/:file") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            guard let file = context.parameters.get("file"), Self.packetFiles.contains(file) || file.hasSuffix(".bewaar"),
                  !file.contains("/"), FileManager.default.fileExists(atPath: self.packetFolder(id) + "/" + file) else {
                throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Dit bestand is er (nog) niet. Maak eerst het pakket.").raw)
            }
            let path = self.packetFolder(id) + "/" + file
            let sha = (try? Self.sha256(path)) ?? ""
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "packet-downloaded",
                                        details: ["file": file, "sha256": sha])
            return try await self.download(path: path, name: "zaak-\(id)-" + file, context: context)
        }
        router.post("/zaken/:id/bundel") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            _ = try await self.form(request, v.session)
            guard let make = seam.makeBundle else {
                throw PageError(status: .notImplemented, body: Layout.bare(
                    title: "Nog niet beschikbaar", message: "De bundel maken kan in deze versie nog niet via de webinterface.", back: "/zaken/\(id)/pakket").raw)
            }
            do { _ = try make(self.store, id, self.packetFolder(id), v.account.name) } catch { throw self.problem(error, back: "/zaken/\(id)/pakket") }
            throw PageError.redirect("/zaken/\(id)/pakket")
        }
    }

    /// POST /zaken/ID/bundel/controleren: an uploaded bundle checked through the seam.
    func addVerifyRoute(_ router: Router<BasicRequestContext>, seam: PacketSeam) {
        router.post("/zaken/:id/bundel/controleren") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            try self.checkCSRF(FormData(request.uri.query ?? "")["_csrf"], v.session)
            guard let verify = seam.verifyBundle else {
                throw PageError(status: .notImplemented, body: Layout.bare(
                    title: "Nog niet beschikbaar", message: "Een bundel controleren kan in deze versie nog niet via de webinterface.", back: "/zaken/\(id)/pakket").raw)
            }
            guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
                  let boundary = media.parameter?.value else {
                throw PageError(status: .unsupportedMediaType, body: Layout.bare(title: "Niet gelukt", message: "Kies de bundel met het formulier.", back: "/zaken/\(id)/pakket").raw)
            }
            let receiver = try UploadReceiver(folder: self.store.path + "/tmp/verify-" + Random.hex(12), limit: self.config.uploadLimit)
            defer { receiver.cleanUp() }
            do { try await receiver.receive(request.body, boundary: boundary) } catch UploadError.tooLarge { throw self.tooLarge(id) }
            guard let file = receiver.files.first else { throw PageError.redirect("/zaken/\(id)/pakket") }
            let result: (intact: Bool, lines: [String])
            do { result = try verify(file.path) } catch { throw self.problem(error, back: "/zaken/\(id)/pakket") }
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "bundle-verified",
                                        details: ["name": file.name, "intact": result.intact ? "ja" : "nee"])
            let lines: [HTML] = result.lines.map { "<li>\($0)</li>" }
            return self.page(v, title: "Bundel gecontroleerd", caseNav: id, current: "pakket", """
                <p class="\(result.intact ? "goed" : "melding")" role="status">\(file.name): \(result.intact ? "de bundel is heel." : "de bundel is NIET heel.")</p>
                <ul>\(lines)</ul><p><a href="/zaken/\(id.description)/pakket">Terug naar het pakket</a></p>
                """)
        }
    }

    static func sha256(_ path: String) throws -> String {
        try FileReader.sha256(path: path).digest.hex
    }

    func packetPage(_ v: Visit, _ c: Case, seam: PacketSeam) throws -> HTML {
        let id = c.id
        let folder = packetFolder(id)
        let fm = FileManager.default
        let present = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { Self.packetFiles.contains($0) || $0.hasSuffix(".bewaar") }.sorted()
        var marked = TimelineQuery()
        marked.onlyMarked = true
        marked.limit = 10_000
        let markedCount = try store.timeline(id, marked).entries.count
        let made = try store.events(chain: id.description).last { $0.action.rawValue == "packet-made" || $0.action == .exportMade }
        let list: [HTML] = present.map { name in
            let size = ((try? fm.attributesOfItem(atPath: folder + "/" + name))?[.size] as? NSNumber)?.int64Value ?? 0
            return "<li><a href=\"/zaken/\(id.description)/pakket/\(name)\" download>\(name)</a> (\(Layout.bytes(size)))</li>"
        }
        let files: HTML = present.isEmpty ? "<p>Er is nog geen pakket gemaakt.</p>"
            : "<p>Laatst gemaakt: \(Layout.time(made?.time)) door \(made?.actor ?? "—").</p><ul>\(list)</ul>"
        let bundle: HTML = seam.makeBundle == nil
            ? "<p class=\"uitleg\">De verzegelde bundel (met alle originelen en het logboek) en het controleren van een bundel komen in deze pagina zodra die functie in deze versie zit; gebruik tot dan de opdrachtregel.</p>"
            : """
              <form method="post" action="/zaken/\(id.description)/bundel">\(Layout.csrfField(v.session.csrf))<button type="submit">Bundel maken</button></form>
              """
        let verifyForm: HTML = seam.verifyBundle == nil ? "" : """
            <form method="post" enctype="multipart/form-data" action="/zaken/\(id.description)/bundel/controleren?_csrf=\(v.session.csrf)">
            <label for="bundel">Een bundel controleren</label><input type="file" id="bundel" name="bundel" required>
            <div><button type="submit">Controleren</button></div></form>
            """
        return """
            <p>Het pakket is wat u de politie of de ouders meegeeft bij een aangifte: een rapport (PDF en HTML) met de \(markedCount) \
            gemarkeerde berichten en hun context, de tijdlijn per dag, de stappen, gesprekken en het logboek, plus een checklist voor de aangifte.</p>
            \(markedCount == 0 ? HTML(raw: "<p class=\"melding\">Er zijn nog geen berichten gemarkeerd. Markeer in de tijdlijn wat ertoe doet.</p>") : "")
            <form method="post" action="/zaken/\(id.description)/pakket">\(Layout.csrfField(v.session.csrf))<button type="submit">Pakket maken</button></form>
            <h2>Bestanden</h2>
            \(files)
            <h2>Bundel</h2>
            \(bundle)
            \(verifyForm)
            """
    }
}
#endif

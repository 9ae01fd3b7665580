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

    /// Whether `name` is a file the pakket page lists and serves: the packet's three files and
    /// the bundles made through the seam (`bewijsbundel-….zip` and its `.tsq`). Never a path.
    static func isPacketFile(_ name: String) -> Bool {
        guard !name.contains("/"), !name.hasPrefix(".") else { return false }
        return packetFiles.contains(name) || (name.hasPrefix("bewijsbundel-") && (name.hasSuffix(".zip") || name.hasSuffix(".tsq")))
    }

    func packetFolder(_ id: CaseID) -> String { store.path + "/pakketten/" + id.description }

    func addPacketRoutes(_ cases: RouterGroup<CaseContext>, seam: PacketSeam) {
        cases.get("/pakket", viewed: viewed("pakket")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let c = try self.store.case(id)
            return self.page(v, title: v.t.packetTitle(id.description), caseNav: id, current: "pakket", try self.packetPage(v, c, seam: seam))
        }
        cases.post("/pakket") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            _ = try await self.form(request, v.session, as: CSRFField.self)
            do {
                _ = try PacketMaker(store: self.store).make(id, folder: self.packetFolder(id), actor: v.account.name)
                try self.store.sealGeneratedFiles(in: self.packetFolder(id), of: id)
            } catch { throw self.problem(error, v.t, back: "/zaken/\(id)/pakket") }
            return .seeOther("/zaken/\(id)/pakket")
        }
        cases.get("/pakket/:file") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            guard let file = context.parameters.get("file"), Self.isPacketFile(file),
                  FileManager.default.fileExists(atPath: self.packetFolder(id) + "/" + file) else {
                throw PageError.notFound(v.t, v.t.packetFileMissing)
            }
            let path = self.packetFolder(id) + "/" + file
            if !self.store.isEncrypted {
                let sha = (try? Self.sha256(path)) ?? ""
                try self.store.recordAccess(
                    chain: id.description, actor: v.account.name, action: "packet-downloaded",
                    details: ["file": file, "sha256": sha])
                return try await self.download(path: path, name: "zaak-\(id)-" + file, context: context)
            }
            // In an encrypted store the file is kept sealed and opened in memory to be sent.
            let bytes = try self.store.generatedFileBytes(path, of: id)
            try self.store.recordAccess(
                chain: id.description, actor: v.account.name, action: "packet-downloaded",
                details: ["file": file, "sha256": StreamingSHA256.digest(bytes).hex])
            return self.attachment(ResponseBody(byteBuffer: ByteBuffer(data: bytes)), name: "zaak-\(id)-" + file)
        }
        cases.post("/bundel") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            _ = try await self.form(request, v.session, as: CSRFField.self)
            guard let make = seam.makeBundle else {
                throw PageError.failed(v.t, v.t.bundleMakeUnavailable, back: "/zaken/\(id)/pakket", status: .notImplemented,
                                       title: v.t.notAvailableTitle)
            }
            do {
                _ = try make(self.store, id, self.packetFolder(id), v.account.name)
                try self.store.sealGeneratedFiles(in: self.packetFolder(id), of: id)
            } catch { throw self.problem(error, v.t, back: "/zaken/\(id)/pakket") }
            return .seeOther("/zaken/\(id)/pakket")
        }
    }

    /// POST /zaken/ID/bundel/controleren: an uploaded bundle checked through the seam.
    func addVerifyRoute(_ cases: RouterGroup<CaseContext>, seam: PacketSeam) {
        cases.post("/bundel/controleren") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            guard let verify = seam.verifyBundle else {
                throw PageError.failed(v.t, v.t.bundleVerifyUnavailable, back: "/zaken/\(id)/pakket", status: .notImplemented,
                                       title: v.t.notAvailableTitle)
            }
            guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
                  let boundary = media.parameter?.value else {
                throw PageError.failed(v.t, v.t.chooseBundle, back: "/zaken/\(id)/pakket", status: .unsupportedMediaType)
            }
            let receiver = try UploadReceiver(
                tmp: self.store.path + "/tmp", kind: "verify", limit: self.config.uploadLimit, csrf: v.session.csrf)
            defer { receiver.cleanUp() }
            do { try await receiver.receive(request.body, boundary: boundary) } catch UploadError.forbidden {
                throw self.csrfRefusal(v.session)
            } catch UploadError.tooLarge {
                throw self.tooLarge(id, v.t, back: "/zaken/\(id)/pakket")
            } catch {
                throw PageError.failed(v.t, v.t.uploadBroken, back: "/zaken/\(id)/pakket", title: v.t.uploadBrokenTitle)
            }
            guard let file = receiver.files.first else { return .seeOther("/zaken/\(id)/pakket") }
            let result: (intact: Bool, lines: [String])
            do { result = try verify(file.path, v.session.language) } catch { throw self.problem(error, v.t, back: "/zaken/\(id)/pakket") }
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "bundle-verified",
                                        details: ["name": file.name, "intact": result.intact ? "ja" : "nee"])
            let lines: [HTML] = result.lines.map { "<li>\($0)</li>" }
            return self.page(v, title: v.t.bundleVerifiedTitle, caseNav: id, current: "pakket", """
                <p class="\(result.intact ? "goed" : "melding")" role="status">\(v.t.bundleResult(file.name, intact: result.intact))</p>
                <ul>\(lines)</ul><p><a href="/zaken/\(id.description)/pakket">\(v.t.backToPacket)</a></p>
                """)
        }
    }

    static func sha256(_ path: String) throws -> String {
        try FileReader.sha256(path: path).digest.hex
    }

    func packetPage(_ v: Visit, _ c: Case, seam: PacketSeam) throws -> HTML {
        let t = v.t
        let id = c.id
        let folder = packetFolder(id)
        let fm = FileManager.default
        let present = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter(Self.isPacketFile).sorted()
        var marked = TimelineQuery()
        marked.onlyMarked = true
        marked.limit = 10_000
        let markedCount = try store.timeline(id, marked).entries.count
        let made = try store.events(chain: id.description).last { $0.action.rawValue == "packet-made" || $0.action == .exportMade }
        let list: [HTML] = present.map { name in
            let size = ((try? fm.attributesOfItem(atPath: folder + "/" + name))?[.size] as? NSNumber)?.int64Value ?? 0
            return "<li><a href=\"/zaken/\(id.description)/pakket/\(name)\" download>\(name)</a> (\(Layout.bytes(size, t)))</li>"
        }
        let files: HTML = present.isEmpty ? "<p>\(t.noPacketYet)</p>"
            : "<p>\(t.lastMade(at: Layout.time(made?.time, t), by: made?.actor ?? "—"))</p><ul>\(list)</ul>"
        let bundle: HTML = seam.makeBundle == nil
            ? "<p class=\"uitleg\">\(t.bundleNotInBuild)</p>"
            : """
              <p class="uitleg">\(t.bundleExplain)</p>
              <form method="post" action="/zaken/\(id.description)/bundel">\(Layout.csrfField(v.session.csrf))<button type="submit">\(t.makeBundle)</button></form>
              """
        let verifyForm: HTML = seam.verifyBundle == nil ? "" : """
            <form method="post" enctype="multipart/form-data" action="/zaken/\(id.description)/bundel/controleren">\(Layout.csrfField(v.session.csrf))
            <label for="bundel">\(t.verifyBundleLabel)</label><input type="file" id="bundel" name="bundel" required>
            <div><button type="submit">\(t.verifyButton)</button></div></form>
            """
        let noMarks: HTML = markedCount == 0 ? "<p class=\"melding\">\(t.noMarks)</p>" : ""
        return """
            <p>\(t.packetIntro(marked: markedCount))</p>
            \(noMarks)
            <form method="post" action="/zaken/\(id.description)/pakket">\(Layout.csrfField(v.session.csrf))<button type="submit">\(t.makePacket)</button></form>
            <h2>\(t.filesHeading)</h2>
            \(files)
            <h2>\(t.bundleHeading)</h2>
            \(bundle)
            \(verifyForm)
            """
    }
}

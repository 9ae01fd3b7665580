import Foundation
import Hummingbird
import BewaarKit
import BewaarModel

/// /inzage: the afdelingsleider answers an access request (inzageverzoek) for the cases they
/// may read. The school handles the request; the afdelingsleider is the one who takes cases
/// over, informs parents and already reads these cases, so the export shows them nothing new.
/// The beheerder reads no case and makes no export here (only on the server, `bewaar person export`).
extension WebApp {
    /// The fields of the access-request form.
    struct AccessRequestForm: Decodable {
        var persoon: String?
        var gevraagd: String?
    }

    func addAccessRequestRoutes(_ inzage: RouterGroup<SignedInContext>) {
        inzage.get("") { _, context -> Response in
            let v = context.visit
            return self.page(v, title: v.t.privacy.accessRequestTitle, current: "inzage", try self.accessRequestPage(v, message: nil))
        }
        inzage.post("") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: AccessRequestForm.self)
            guard let person = form.persoon.nonBlank, person.utf8.count <= 200, let asked = form.gevraagd.nonBlank, asked.utf8.count <= 200 else {
                return self.page(
                    v, title: v.t.privacy.accessRequestTitle, current: "inzage", status: .badRequest,
                    try self.accessRequestPage(v, message: v.t.privacy.personHelp + " " + v.t.privacy.requestedByHelp))
            }
            do {
                let cases = try self.policy.readableCases(v.account).map(\.id)
                let zip = try AccessExporter(store: self.store, timeZone: Layout.amsterdam.timeZone)
                    .zip(person: person, cases: cases, madeBy: v.account.name, requestedBy: asked)
                var headers: HTTPFields = [.contentType: "application/zip"]
                headers[.contentDisposition] = "attachment; filename=\"inzage.zip\""
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: zip.bytes)))
            } catch {
                return self.page(
                    v, title: v.t.privacy.accessRequestTitle, current: "inzage", status: .unprocessableContent,
                    try self.accessRequestPage(v, message: Self.text(of: error, v.t)))
            }
        }
    }

    func accessRequestPage(_ v: Visit, message: String?) throws -> HTML {
        let t = v.t.privacy
        let cases = try policy.readableCases(v.account).count
        let note: HTML = message.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            \(note)
            <p>\(t.accessRequestExplain(cases: cases))</p>
            <form method="post" action="/inzage">
            \(Layout.csrfField(v.session.csrf))
            <label for="persoon">\(t.personLabel)</label><input type="text" id="persoon" name="persoon" maxlength="200" required>
            <p class="uitleg">\(t.personHelp)</p>
            <label for="gevraagd">\(t.requestedByLabel)</label><input type="text" id="gevraagd" name="gevraagd" maxlength="200" required>
            <p class="uitleg">\(t.requestedByHelp)</p>
            <div><button type="submit">\(t.exportButton)</button></div>
            </form>
            """
    }
}

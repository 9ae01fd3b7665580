#if Web
import Foundation
import Hummingbird
import BewaarModel
import BewaarKit
import BewaarStore

/// POST /zaken/ID/bewijs: several files at once, streamed to disk, then ingested one by one.
/// The CSRF token is in the URL and checked before a byte of the body is read.
extension WebApp {
    func addUploadRoute(_ router: Router<BasicRequestContext>) {
        router.post("/zaken/:id/bewijs") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            try self.checkCSRF(FormData(request.uri.query ?? "")["_csrf"], v.session)
            guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
                  let boundary = media.parameter?.value, !boundary.isEmpty else {
                throw PageError(status: .unsupportedMediaType, body: Layout.bare(
                    title: "Niet gelukt", message: "Kies de bestanden met het formulier op de zaakpagina.", back: "/zaken/\(id)#bewijs").raw)
            }
            if let length = request.headers[.contentLength].flatMap(Int64.init), length > self.config.uploadLimit + 64 * 1024 {
                throw self.tooLarge(id)
            }
            let receiver = try UploadReceiver(folder: self.store.path + "/tmp/upload-" + Random.hex(12), limit: self.config.uploadLimit)
            defer { receiver.cleanUp() }
            do {
                try await receiver.receive(request.body, boundary: boundary)
            } catch UploadError.tooLarge {
                throw self.tooLarge(id)
            } catch UploadError.unwritable {
                throw PageError(status: .internalServerError, body: Layout.bare(
                    title: "Niet gelukt", message: "De schijf van de opslag is vol of niet beschrijfbaar. Er is niets bewaard; vraag de systeembeheerder.",
                    back: "/zaken/\(id)#bewijs").raw)
            } catch {
                throw PageError(status: .badRequest, body: Layout.bare(
                    title: "Upload afgebroken", message: "Het uploaden is afgebroken. Er is niets half bewaard; wat al bewaard was, blijft bewaard. Probeer het opnieuw.",
                    back: "/zaken/\(id)#bewijs").raw)
            }
            let from = receiver.fields["herkomst"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            let ingestion = Ingestion(store: self.store)
            var outcomes: [UploadOutcome] = []
            for file in receiver.files {
                do {
                    let report = try ingestion.ingest(path: file.path, into: id, actor: v.account.name, collectedFrom: from)
                    let note: String
                    switch report.outcome {
                    case .stored: note = "Bewaard."
                    default: note = "Dit bestand zat al in de zaak; de ontvangst is erbij gezet."
                    }
                    outcomes.append(UploadOutcome(name: file.name, ok: true, format: report.result.format,
                                                  messages: report.result.messages.count,
                                                  warnings: report.result.warnings.prefix(20).map(\.message), note: note))
                } catch let e as KitError {
                    outcomes.append(UploadOutcome(name: file.name, ok: false, format: "", messages: 0, warnings: [], note: e.dutch))
                } catch {
                    outcomes.append(UploadOutcome(name: file.name, ok: false, format: "", messages: 0, warnings: [],
                                                  note: Self.plainText(error)))
                }
            }
            if receiver.files.isEmpty {
                outcomes.append(UploadOutcome(name: "—", ok: false, format: "", messages: 0, warnings: [], note: "Er was geen bestand gekozen."))
            }
            let token = await self.sessions.setFlash(v.session.id, outcomes)
            throw PageError.redirect("/zaken/\(id)?upload=\(token)#bewijs")
        }
    }

    func tooLarge(_ id: CaseID) -> PageError {
        PageError(status: .contentTooLarge, headers: [.connection: "close"], body: Layout.bare(
            title: "Bestand te groot",
            message: "De bestanden zijn samen groter dan \(Layout.bytes(config.uploadLimit)), de grens van deze server. Er is niets bewaard. "
                + "Upload de bestanden los, of vraag de systeembeheerder de grens te verhogen (bewaar serve --max-upload-mb).",
            back: "/zaken/\(id)#bewijs").raw)
    }

    static func plainText(_ error: any Error) -> String {
        if let e = error as? StoreError { return e.dutch }
        return "Niet bewaard: \(error)"
    }
}
#endif

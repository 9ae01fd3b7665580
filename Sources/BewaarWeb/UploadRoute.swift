import Foundation
import Hummingbird
import BewaarModel
import BewaarKit
import BewaarImport
import BewaarStore

/// POST /zaken/ID/bewijs: several files at once, streamed to disk, then ingested one by one.
/// The CSRF token is in the URL and checked before a byte of the body is read.
extension WebApp {
    func addUploadRoute(_ cases: RouterGroup<CaseContext>) {
        cases.post("/bewijs") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
                  let boundary = media.parameter?.value, !boundary.isEmpty else {
                throw PageError.failed(v.t, v.t.chooseFilesOnCasePage, back: "/zaken/\(id)#bewijs", status: .unsupportedMediaType)
            }
            if let length = request.headers[.contentLength].flatMap(Int64.init), length > self.config.uploadLimit + 64 * 1024 {
                throw self.tooLarge(id, v.t)
            }
            let receiver = try UploadReceiver(
                tmp: self.store.path + "/tmp", kind: "upload", limit: self.config.uploadLimit, csrf: v.session.csrf)
            defer { receiver.cleanUp() }
            do {
                try await receiver.receive(request.body, boundary: boundary)
            } catch UploadError.forbidden {
                throw self.csrfRefusal(v.session)
            } catch UploadError.tooLarge {
                throw self.tooLarge(id, v.t)
            } catch UploadError.unwritable {
                throw PageError.failed(v.t, v.t.diskProblem, back: "/zaken/\(id)#bewijs", status: .internalServerError)
            } catch {
                throw PageError.failed(v.t, v.t.uploadBroken, back: "/zaken/\(id)#bewijs", title: v.t.uploadBrokenTitle)
            }
            let from = receiver.fields["herkomst"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            // One unpack budget for all zips of this upload, bounded like the upload itself.
            // Screenshots among the files are read ahead on another core while the first is ingested.
            let (detector, readAhead) = Importers.detector(readingAhead: receiver.files.map(\.path))
            defer { readAhead?.stop() }
            let ingestion = Ingestion(store: self.store, detector: detector, unpackLimit: self.config.unpackLimit)
            // How far the reading has come, for the form's progress line (when it sent an id).
            let progress = self.uploadProgress.reporter(
                session: v.session.key, id: QueryFields(of: request)["voortgang"], case: id, files: receiver.files)
            defer { progress?.end() }
            var outcomes: [UploadOutcome] = []
            for (index, file) in receiver.files.enumerated() {
                var read = 0
                defer { progress?.finished(index, messages: read) }
                do {
                    let report = try ingestion.ingest(
                        path: file.path, into: id, actor: v.account.name, collectedFrom: from, progress: progress?.reading(index))
                    read = report.messageCount
                    let note: String
                    switch report.outcome {
                    case .stored: note = v.t.uploadStored
                    default: note = v.t.uploadAlreadyThere
                    }
                    outcomes.append(UploadOutcome(name: file.name, ok: true, format: report.result.format,
                                                  messages: report.messageCount,
                                                  warnings: Self.plainWarnings(file, report.result, v.t) + report.result.warnings.prefix(20).map { Self.pageText(of: $0, v.t) },
                                                  note: note))
                } catch {
                    outcomes.append(UploadOutcome(name: file.name, ok: false, format: "", messages: 0, warnings: [],
                                                  note: v.t.notStored(Self.text(of: error, v.t))))
                }
            }
            if receiver.files.isEmpty {
                outcomes.append(UploadOutcome(name: "—", ok: false, format: "", messages: 0, warnings: [], note: v.t.uploadNoFile))
            }
            let token = try self.sessions.flashes.set(v.session.key, case: id, outcomes)
            return .seeOther("/zaken/\(id)?upload=\(token)#bewijs")
        }
    }

    /// What the upload form's progress line says while the server reads the files.
    struct ReadingStatus: Encodable {
        /// The sentence to show (the page's language; the browser puts it in as text).
        var tekst: String
        /// Every file is read.
        var klaar: Bool
    }

    /// GET /zaken/ID/voortgang?id=…: how far the reading of this session's upload with that id
    /// has come, as JSON; 404 when there is none (not started, someone else's, or long gone).
    func addUploadProgressRoute(_ cases: RouterGroup<CaseContext>) {
        cases.get("/voortgang") { request, context -> Response in
            let v = context.visit
            guard let key = UploadProgressBoard.key(session: v.session.key, id: QueryFields(of: request)["id"]),
                let e = self.uploadProgress.entry(key, case: context.caseID)
            else { return Response(status: .notFound, headers: [.cacheControl: "no-store"]) }
            let percent = e.totalBytes > 0 && e.bytesRead > 0 ? Int(min(100, e.bytesRead * 100 / e.totalBytes)) : nil
            let text =
                e.done
                ? v.t.readingDone(files: e.files)
                : v.t.reading(file: e.file, of: e.files, name: e.name, messages: e.messages, percent: percent)
            let body = try JSONEncoder().encode(ReadingStatus(tekst: text, klaar: e.done))
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// What a teacher must know about a stored file at once: it is empty, Bewaar could not read it,
    /// or it is an image too small to read.
    static func plainWarnings(_ file: ReceivedFile, _ result: ImportResult, _ t: any PageText) -> [String] {
        if file.size == 0 { return [t.work.emptyFileWarning] }
        if result.format == "unknown" || result.format.isEmpty { return [t.work.unknownFormatWarning] }
        if case .object(let image)? = result.extra["image"], case .int(let w)? = image["width"], case .int(let h)? = image["height"],
           min(w, h) < 200 {
            return [t.work.smallImageWarning(width: Int(w), height: Int(h))]
        }
        return []
    }

    /// An importer's warning as a page says it: the warnings that name a command-line option
    /// or command say what to do in the browser instead.
    static func pageText(of w: ImportWarning, _ t: any PageText) -> String {
        switch w.code {
        case "date-order-ambiguous": return t.dateOrder.openNotice
        case "date-order-option-overruled": return t.dateOrder.overruled
        case "possible-repetition":
            let head = w.message.range(of: " Volgens het protocol").map { String(w.message[..<$0.lowerBound]) } ?? w.message
            return head + " " + t.work.repetitionAdvice
        default: return w.message
        }
    }

    /// 413: the upload passed the limit; nothing was kept.
    func tooLarge(_ id: CaseID, _ t: any PageText, back: String? = nil) -> PageError {
        PageError(status: .contentTooLarge, headers: [.connection: "close"], body: Layout.bare(
            t, title: t.tooLargeTitle, message: t.tooLarge(limit: Layout.bytes(config.uploadLimit, t)),
            back: back ?? "/zaken/\(id)#bewijs").raw)
    }
}

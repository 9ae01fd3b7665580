import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarDigest
import HTTPTypes

/// /herkomst: where an e-mail came from (step 3, trace the perpetrator). The systeembeheerder
/// sees the e-mail items of every case but only their header block (never the text); mentors
/// and afdelingsleiders see the e-mail items of their own cases. A mail can be uploaded with the
/// school's logs (read, traced, removed: nothing stored), or an item picked and traced with
/// uploaded logs: then the trace is stored on its case like `bewaar trace --case` does.
extension WebApp {
    static let traceRoles: Set<AccountRole> = [.systeembeheerder, .mentor, .afdelingsleider, .ondersteuningscoordinator]

    func addTraceRoutes(_ tracers: RouterGroup<SignedInContext>, seam: TraceSeam) {
        tracers.get("") { _, context -> Response in
            let v = context.visit
            return self.page(v, title: v.t.traceTitle, current: "herkomst", try self.traceList(v, seam: seam))
        }
        tracers.post("") { request, context -> Response in
            let v = context.visit
            let receiver = try await self.receiveTraceFiles(request, v, back: "/herkomst")
            defer { receiver.cleanUp() }
            guard let mail = receiver.files.first(where: { $0.field == "mail" }) else {
                throw PageError.failed(v.t, v.t.needMail, back: "/herkomst")
            }
            let logs = Self.logs(in: receiver)
            let outcome = try self.trace(seam, mailPath: mail.path, mailName: mail.name, logs: logs, v, back: "/herkomst")
            let sha = (try? FileReader.sha256(path: mail.path).digest.hex) ?? ""
            var details = ["name": mail.name, "sha256": sha, "role": v.account.role.rawValue]
            if !logs.isEmpty { details["logs"] = logs.map(\.name).joined(separator: ", ") }
            try self.store.recordAccess(chain: CaseStore.storeChain, actor: v.account.name, action: "trace-mail-read", details: details)
            return self.page(v, title: v.t.traceOf(mail.name), current: "herkomst", """
                <p>\(v.t.mailReadNotStored(name: mail.name, sha256: sha))</p>
                \(self.traceBody(outcome, headers: self.headers(path: mail.path, for: v.account.role, v.t), step3: "", v.t))
                """)
        }
        tracers.get("/:item") { request, context -> Response in
            let v = context.visit
            let item = try self.mailItem(v, request, context)
            try self.recordHeadersViewed(v, item)
            let outcome = try self.store.withOriginal(item.sha256) {
                try self.trace(seam, mailPath: $0, mailName: item.name, logs: [], v, back: "/herkomst")
            }
            return self.page(v, title: self.mailTitle(v, item), current: "herkomst", try self.tracePage(v, item, outcome, seam: seam, recorded: nil))
        }
        tracers.post("/:item") { request, context -> Response in
            let v = context.visit
            let item = try self.mailItem(v, request, context)
            let back = "/herkomst/\(item.id)"
            let receiver = try await self.receiveTraceFiles(request, v, back: back)
            defer { receiver.cleanUp() }
            guard seam.conclude != nil else { return .seeOther(back) }
            let outcome = try self.store.withOriginal(item.sha256) {
                try self.trace(seam, mailPath: $0, mailName: item.name, logs: Self.logs(in: receiver), v, back: back)
            }
            try self.recordHeadersViewed(v, item)
            var record: StoredTrace?
            if let outcome {
                var t = outcome.record
                t.itemID = item.id
                do { record = try self.store.recordTrace(t, in: item.caseID, actor: v.account.name) } catch {
                    throw self.problem(error, v.t, back: back)
                }
            }
            return self.page(v, title: self.mailTitle(v, item), current: "herkomst", try self.tracePage(v, item, outcome, seam: seam, recorded: record))
        }
    }

    /// The e-mail item of the URL, when this visitor may see its headers (refused and logged
    /// otherwise); the role was checked by the group's ``RoleGate``.
    func mailItem(_ v: Visit, _ request: Request, _ context: some RequestContext) throws -> EvidenceItem {
        let itemID = try RequestInput.parameter(context, "item", in: 1...(1 << 53), v.t)
        // A missing item and one of someone else's case answer the same.
        guard let item = try? store.item(itemID), Self.isMail(item),
              try v.account.role == .systeembeheerder || policy.mayRead(v.account, item.caseID) else {
            if let item = try? store.item(itemID) {
                _ = try? store.recordAccess(chain: item.caseID.description, actor: v.account.name, action: "access-refused",
                                            details: ["path": String(request.uri.path.prefix(200)), "role": v.account.role.rawValue])
            }
            throw PageError.notFound(v.t, v.t.notAMail)
        }
        return item
    }

    func recordHeadersViewed(_ v: Visit, _ item: EvidenceItem) throws {
        try store.recordAccess(chain: item.caseID.description, actor: v.account.name, action: "headers-viewed",
                               details: ["itemId": String(item.id), "sha256": item.sha256.hex, "role": v.account.role.rawValue])
    }

    /// Streams a herkomst upload (a mail and logs) to a private folder; the CSRF token is in the
    /// URL and checked before the body is read. The caller removes the folder.
    func receiveTraceFiles(_ request: Request, _ v: Visit, back: String) async throws -> UploadReceiver {
        guard let type = request.headers[.contentType], let media = MediaType(from: type), media.isType(.multipartForm),
              let boundary = media.parameter?.value, !boundary.isEmpty else {
            throw PageError.failed(v.t, v.t.needMail, back: back, status: .unsupportedMediaType)
        }
        let receiver = try UploadReceiver(tmp: store.path + "/tmp", kind: "trace", limit: config.uploadLimit, csrf: v.session.csrf)
        do {
            try await receiver.receive(request.body, boundary: boundary)
        } catch {
            receiver.cleanUp()
            if error as? UploadError == .forbidden { throw csrfRefusal(v.session) }
            throw PageError.failed(v.t, v.t.traceUploadBroken(limit: Layout.bytes(config.uploadLimit, v.t)), back: back,
                                   status: error as? UploadError == .tooLarge ? .contentTooLarge : .badRequest)
        }
        return receiver
    }

    static func logs(in receiver: UploadReceiver) -> [TraceLog] {
        receiver.files.filter { $0.field == "logboeken" }.map { TraceLog(path: $0.path, name: $0.name) }
    }

    /// Runs the trace through the seam (nil without one). A mail or log that cannot be read is a
    /// plain error page naming the file; nothing is stored then.
    func trace(_ seam: TraceSeam, mailPath: String, mailName: String, logs: [TraceLog], _ v: Visit, back: String) throws -> TraceOutcome? {
        guard let conclude = seam.conclude else { return nil }
        do {
            return try conclude(TraceRequest(mailPath: mailPath, mailName: mailName, logs: logs, language: v.session.language))
        } catch {
            throw PageError.failed(v.t, Self.text(of: error, v.t) + " " + v.t.nothingRecorded, back: back, title: v.t.traceFailedTitle)
        }
    }

    /// Whether an item is an e-mail: what the importer read it as, never its name (a chat export
    /// named `chat.eml` is no mail, and its messages are no headers).
    static func isMail(_ item: EvidenceItem) -> Bool {
        item.format.lowercased() == "email"
    }

    /// The title of a mail's page: its file name for those who read the case, a number for the
    /// systeembeheerder (file names can hold pupils' names).
    func mailTitle(_ v: Visit, _ item: EvidenceItem) -> String {
        v.t.traceOf(v.account.role == .systeembeheerder ? v.t.access.mailNumber(item.id) : item.name)
    }

    func traceList(_ v: Visit, seam: TraceSeam) throws -> HTML {
        let t = v.t
        let cases = v.account.role == .systeembeheerder ? try store.cases() : try policy.readableCases(v.account)
        var rows: [HTML] = []
        for c in cases {
            for item in try store.items(c.id) where Self.isMail(item) {
                let name = v.account.role == .systeembeheerder ? t.access.mailNumber(item.id) : item.name
                rows.append("<tr><td>\(c.id.description)</td><td><a href=\"/herkomst/\(item.id)\">\(name)</a></td><td>\(Layout.time(item.collectedAt, t))</td></tr>")
            }
        }
        let note: HTML = v.account.role == .systeembeheerder ? "<p class=\"uitleg\">\(t.sysadminNote)</p>" : ""
        let logs: HTML = seam.conclude == nil ? "" : """
            <label for="logboeken">\(t.logsLabel)</label>
            <input type="file" id="logboeken" name="logboeken" multiple>
            <p class="uitleg">\(t.logsHelp)</p>
            """
        let table: HTML = rows.isEmpty ? "<p>\(t.noMails)</p>" : """
            <table><thead><tr><th scope="col">\(t.colCase)</th><th scope="col">\(t.colMail)</th><th scope="col">\(t.colStored)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return """
            \(note)
            <h2>\(t.traceUploadHeading)</h2>
            <form method="post" enctype="multipart/form-data" action="/herkomst">\(Layout.csrfField(v.session.csrf))
            <label for="mail">\(t.mailToTrace)</label>
            <input type="file" id="mail" name="mail" accept=".eml,message/rfc822" required>
            \(logs)
            <div><button type="submit">\(t.traceButton)</button></div></form>
            <p>\(t.pickIntro)</p>
            \(table)
            """
    }

    func tracePage(_ v: Visit, _ item: EvidenceItem, _ outcome: TraceOutcome?, seam: TraceSeam, recorded: StoredTrace?) throws -> HTML {
        let t = v.t
        let step3 = try store.checklist(item.caseID).first { $0.step == .daderOpsporen }
        let step3HTML: HTML = step3.map { s in
            "<p>\(t.step3Line(case: item.caseID.description, status: t.stepStatus(s.status), trace: s.fields["trace"] ?? "—", result: s.fields["result"] ?? "—"))</p>"
        } ?? ""
        let done: HTML = recorded.map { "<p class=\"goed\" role=\"status\">\(t.recorded(case: $0.caseID.description, trace: $0.id))</p>" } ?? ""
        let form: HTML = seam.conclude == nil ? "" : """
            <h2>\(t.itemLogsHeading)</h2>
            <form method="post" enctype="multipart/form-data" action="/herkomst/\(item.id)">\(Layout.csrfField(v.session.csrf))
            <label for="logboeken">\(t.itemLogsLabel)</label>
            <input type="file" id="logboeken" name="logboeken" multiple>
            <p class="uitleg">\(t.logsHelp)</p>
            <div><button type="submit">\(t.traceAndRecord(item.caseID.description))</button></div></form>
            """
        return """
            \(done)
            <p>\(t.mailStoredIntro(name: v.account.role == .systeembeheerder ? t.access.mailNumber(item.id) : item.name, sha256: item.sha256.hex))</p>
            \(traceBody(outcome, headers: (try? store.withOriginal(item.sha256) { headers(path: $0, for: v.account.role, t) }) ?? [], step3: step3HTML, t))
            \(form)
            """
    }
}

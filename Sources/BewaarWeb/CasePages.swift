import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// /zaken (my cases) and /zaken/ID (parties, checklist, evidence, observations, talks,
/// escalation) with the forms that change a case.
extension WebApp {
    /// The fields of a checklist step: its status, a note, and the step's own fields (`veld-KEY`).
    struct StepForm: Decodable {
        var status: String?
        var notitie: String?
    }

    /// A sexual image recorded without the image (who sent it, to whom, when, where).
    struct ObservationForm: Decodable {
        var afzender: String?
        var ontvangers: String?
        var wanneer: String?
        var plaats: String?
        var beschrijving: String?
    }

    /// A talk and its agreements.
    struct TalkForm: Decodable {
        var datum: String?
        var deelnemers: String?
        var met: String?
        var samenvatting: String?
        var afspraken: String?
        var vervolg: String?
    }

    /// Escalation to an afdelingsleider.
    struct EscalationForm: Decodable {
        var aan: String?
        var reden: String?
        var toelichting: String?
    }

    /// Undoing an escalation, with the reason.
    struct UndoEscalationForm: Decodable {
        var escalatie: String?
        var reden: String?
    }

    /// Granting (`account`) or revoking (`link`) access to the case.
    struct AccessForm: Decodable {
        var link: String?
        var account: String?
        var reden: String?
    }

    func addCaseRoutes(_ groups: RouteGroups) {
        groups.caseReaders.get("") { _, context -> Response in
            let v = context.visit
            return self.page(v, title: v.t.myCasesTitle, current: "zaken", try self.caseList(v))
        }
        let cases = groups.cases
        cases.get("", viewed: viewed("zaak")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let query = QueryFields(of: request)
            let flash = self.sessions.flashes.get(v.session.key, case: id, token: query["upload"])
            let c = try self.store.case(id)
            let saved = query["opgeslagen"].flatMap { $0.utf8.count <= 20 && $0.allSatisfy(\.isLetter) ? $0 : nil }
            return self.page(v, title: v.t.caseTitle(id.description, c.title), caseNav: id, current: "zaak",
                             try self.casePage(v, c, flash: flash, saved: saved))
        }
        cases.post("/stap/:step") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<StepForm>.self)
            let form = posted.fields
            let n = Int(try RequestInput.parameter(context, "step", in: 1...6, v.t))
            guard let step = CyberpestenStep(rawValue: n) else { throw PageError.notFound(v.t, v.t.noSuchStep) }
            var fields: [String: String] = [:]
            for key in step.fieldKeys.map(\.key) { if let value = posted.values["veld-" + key].nonBlank { fields[key] = value } }
            let update = ChecklistUpdate(status: form.status.flatMap(StepStatus.init(parsing:)), note: form.notitie.nonBlank, fields: fields)
            do { _ = try self.store.updateStep(id, step: step, update: update, actor: v.account.name) } catch {
                return try self.failed(v, id, section: "stappenplan", posted.values, error)
            }
            return .seeOther("/zaken/\(id)?opgeslagen=stappenplan#stap-\(n)")
        }
        cases.post("/waarneming") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<ObservationForm>.self)
            let form = posted.fields
            let o = Observation(kind: .seksueleAfbeelding, sender: form.afzender.nonBlank, recipients: form.ontvangers.nonBlank,
                                when: form.wanneer.nonBlank, place: form.plaats.nonBlank, description: form.beschrijving.nonBlank ?? "",
                                recordedBy: v.account.name, recordedAt: Date())
            do { try self.store.addObservation(o, to: id) } catch { return try self.failed(v, id, section: "afbeelding", posted.values, error) }
            return Self.saved(id, "afbeelding")
        }
        cases.post("/gesprek") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<TalkForm>.self)
            let form = posted.fields
            let talk = Talk(date: form.datum.nonBlank ?? "", participants: Self.list(form.deelnemers, lines: false),
                            withWhom: Self.list(form.met, lines: false), summary: form.samenvatting.nonBlank ?? "",
                            agreements: Self.list(form.afspraken, lines: true),
                            followUp: form.vervolg.nonBlank, recordedBy: v.account.name, recordedAt: Date())
            do { _ = try self.store.addTalk(talk, to: id) } catch { return try self.failed(v, id, section: "gesprekken", posted.values, error) }
            return Self.saved(id, "gesprekken")
        }
        let managers = groups.managers
        managers.post("/escaleren") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: EscalationForm.self)
            // Only to an active afdelingsleider account picked from the list, never a typed name.
            guard let to = form.aan.nonBlank, let head = try self.store.account(named: to), head.role == AccountRole.afdelingsleider.rawValue,
                  head.disabledAt == nil, let reason = form.reden.flatMap(EscalationReason.init(rawValue:)) else {
                throw PageError.failed(v.t, v.t.fillEscalation, back: "/zaken/\(id)#escalatie")
            }
            do {
                _ = try self.store.escalate(id, to: head.name, reason: reason, note: form.toelichting.nonBlank, actor: v.account.name,
                                            account: head.name)
            } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#escalatie") }
            return Self.saved(id, "escalatie")
        }
        managers.post("/escaleren/terug") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: UndoEscalationForm.self)
            guard let escalation = try RequestInput.id(form.escalatie, v.t), let why = form.reden.nonBlank else {
                throw PageError.failed(v.t, v.t.access.undoReasonLabel, back: "/zaken/\(id)#escalatie")
            }
            do { try self.store.undoEscalation(id, escalation: escalation, reason: why, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#escalatie")
            }
            return Self.saved(id, "escalatie")
        }
        managers.post("/toegang") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let form = try await self.form(request, v.session, as: AccessForm.self)
            do {
                if let link = try RequestInput.id(form.link, v.t) {
                    try self.store.revokeAccess(id, link: link, actor: v.account.name, reason: form.reden.nonBlank)
                } else {
                    // A case's own staff add mentors and support coordinators; afdelingsleiders come by escalation.
                    guard let name = form.account.nonBlank, let acc = try self.store.account(named: name),
                          acc.role == AccountRole.mentor.rawValue || acc.role == AccountRole.ondersteuningscoordinator.rawValue else {
                        throw RequestInput.bad(v.t)
                    }
                    try self.store.grantAccess(id, account: acc.name, role: acc.role, actor: v.account.name, reason: form.reden.nonBlank)
                }
            } catch let e as PageError { throw e } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#toegang") }
            return Self.saved(id, "toegang")
        }
        cases.get("/bewijs/:item") { _, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let itemID = try RequestInput.parameter(context, "item", in: 1...(1 << 53), v.t)
            guard let item = try? self.store.item(itemID), item.caseID == id else {
                throw PageError.notFound(v.t, v.t.itemNotInCase)
            }
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "original-downloaded",
                                        details: ["itemId": String(itemID), "sha256": item.sha256.hex, "name": item.name])
            return try await self.download(item.sha256, name: item.name, context: context)
        }
    }

    /// The entries of a list field: one per line for agreements (CRLF, LF or CR, as browsers
    /// send them), comma-separated for names.
    static func list(_ text: String?, lines: Bool) -> [String] {
        let t = text ?? ""
        let parts = lines ? t.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) : t.split(separator: ",")
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func caseList(_ v: Visit) throws -> HTML {
        let t = v.t
        let w = t.work
        let cases = try policy.readableCases(v.account)
        let destroyedItems: [HTML] = try destroyedFor(v.account).map { r in
            "<li>\(t.lifecycle.destroyedNotice(r.caseID.description, at: Layout.time(r.time, t), by: r.actor, reason: r.reason))</li>"
        }
        let destroyedHeading: HTML = "<h2 id=\"vernietigd\">\(t.lifecycle.destroyedHeading)</h2>"
        let destroyedList: HTML = "<ul>\(destroyedItems)</ul>"
        let destroyed: HTML = destroyedItems.isEmpty ? "" : "<section aria-labelledby=\"vernietigd\">\(destroyedHeading)\(destroyedList)</section>"
        let open: HTML = "<p><a class=\"knop\" href=\"/zaken/nieuw\">\(w.newCaseButton)</a></p>"
        if cases.isEmpty { return "\(open)<p>\(t.noCases)</p>\(destroyed)" }
        let now = store.clock()
        var rows: [HTML] = []
        var escalatedRows: [HTML] = []
        for c in cases {
            let checklist = try store.checklist(c.id)
            let done = checklist.filter { $0.status != .open }.count
            let next = checklist.first { $0.status == .open }.map { t.stepHeading($0.step.rawValue, t.stepTitle($0.step)) } ?? w.openSteps(0)
            let last = try store.lastEvent(c.id)
            let overdue: HTML = c.isPastRetention(at: now) ? " <span class=\"let-op\">\(w.retentionPassed)</span>" : ""
            let status = lifecycleLabel(c, t, now: now)
            rows.append("""
                <tr><td data-kop="\(t.colCase)"><a href="/zaken/\(c.id.description)">\(c.id.description)</a></td><td data-kop="\(t.colTitle)">\(c.title)</td>\
                <td data-kop="\(t.colStatus)">\(status)</td><td data-kop="\(t.colSteps)">\(t.stepsDone(done))</td>\
                <td data-kop="\(w.colNextStep)">\(next)</td>\
                <td data-kop="\(t.colLastAction)">\(Layout.time(last?.time, t)) – \(w.eventLabel(last?.action.rawValue ?? ""))</td></tr>
                """)
            // For an afdelingsleider: the cases escalated to them, "nieuw" until they opened it.
            if v.account.role == .afdelingsleider, let link = try store.accessLinks(c.id).last(where: { $0.isActive && $0.account == v.account.name && $0.escalationID != nil }) {
                let seen = try store.events(chain: c.id.description).contains {
                    $0.actor == v.account.name && $0.action.rawValue == "page-viewed" && $0.time >= link.grantedAt
                }
                let badge: HTML = seen ? "" : " <span class=\"nieuw\">\(w.newBadge)</span>"
                let open = checklist.filter { $0.status == .open }.count
                escalatedRows.append("<li><a href=\"/zaken/\(c.id.description)\">\(c.id.description)</a> \(c.title)\(badge) – \(w.openSteps(open))\(overdue)</li>")
            }
        }
        let escalated: HTML = escalatedRows.isEmpty ? "" : "<section aria-labelledby=\"geescaleerd\"><h2 id=\"geescaleerd\">\(w.escalatedCasesHeading)</h2><ul>\(escalatedRows)</ul></section>"
        // Per pupil: the cases and talks that involve them (what teachers know from Magister's logbook).
        var pupils: [String: (cases: [Case], talks: Int)] = [:]
        for c in cases {
            let talks = try store.talks(c.id)
            for p in try store.people(c.id) where [.slachtoffer, .vermoedelijkeDader, .getuige, .omstander, .melder].contains(p.role) {
                var entry = pupils[p.name] ?? ([], 0)
                entry.cases.append(c)
                entry.talks += talks.filter { $0.withWhom.contains(p.name) }.count
                pupils[p.name] = entry
            }
        }
        let pupilRows: [HTML] = pupils.sorted { $0.key < $1.key }.map { name, e in
            let links: [HTML] = e.cases.map { "<a href=\"/zaken/\($0.id.description)\">\($0.id.description)</a>" }
            return "<li>\(name): \(w.pupilCases(e.cases.count)) (\(HTML.join(links, separator: ", "))), \(t.talksHeading.lowercased()): \(e.talks)</li>"
        }
        return """
            \(open)
            \(escalated)
            <table class="stapel"><caption class="uitleg">\(t.casesCaption)</caption>
            <thead><tr><th scope="col">\(t.colCase)</th><th scope="col">\(t.colTitle)</th><th scope="col">\(t.colStatus)</th><th scope="col">\(t.colSteps)</th><th scope="col">\(w.colNextStep)</th><th scope="col">\(t.colLastAction)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <section aria-labelledby="leerlingen"><h2 id="leerlingen">\(w.pupilsHeading)</h2><ul>\(pupilRows)</ul></section>
            \(destroyed)
            """
    }
}

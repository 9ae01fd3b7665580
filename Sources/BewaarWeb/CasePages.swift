import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// /zaken (my cases) and /zaken/ID (parties, checklist, evidence, observations, talks,
/// escalation) with the forms that change a case.
extension WebApp {
    func addCaseRoutes(_ router: Router<WebContext>) {
        router.get("/zaken") { request, _ -> Response in
            let v = try self.visit(request)
            guard v.account.role.readsCases else { throw self.refuse(v, chain: CaseStore.storeChain, path: request.uri.path) }
            return self.page(v, title: v.t.myCasesTitle, current: "zaken", try self.caseList(v))
        }
        router.get("/zaken/:id") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: "zaak")
            let flash = await self.sessions.flashes.get(v.session.key, token: FormData(request.uri.query ?? "")["upload"])
            let c = try self.store.case(id)
            return self.page(v, title: v.t.caseTitle(id.description, c.title), caseNav: id, current: "zaak", try self.casePage(v, c, flash: flash))
        }
        router.post("/zaken/:id/stap/:step") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            let n = Int(try RequestInput.parameter(context, "step", in: 1...6, v.t))
            guard let step = CyberpestenStep(rawValue: n) else { throw PageError.notFound(v.t, v.t.noSuchStep) }
            var fields: [String: String] = [:]
            for key in step.fieldKeys.map(\.key) { if let value = form.text("veld-" + key) { fields[key] = value } }
            let update = ChecklistUpdate(status: form["status"].flatMap(StepStatus.init(parsing:)), note: form.text("notitie"), fields: fields)
            do { _ = try self.store.updateStep(id, step: step, update: update, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#stap-\(n)")
            }
            throw PageError.redirect("/zaken/\(id)#stap-\(n)")
        }
        router.post("/zaken/:id/waarneming") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            let o = Observation(kind: .seksueleAfbeelding, sender: form.text("afzender"), recipients: form.text("ontvangers"),
                                when: form.text("wanneer"), place: form.text("plaats"), description: form.text("beschrijving") ?? "",
                                recordedBy: v.account.name, recordedAt: Date())
            do { try self.store.addObservation(o, to: id) } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#afbeelding") }
            throw PageError.redirect("/zaken/\(id)#afbeelding")
        }
        router.post("/zaken/:id/gesprek") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            func list(_ key: String, _ sep: Character) -> [String] {
                (form[key] ?? "").split(separator: sep).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let talk = Talk(date: form.text("datum") ?? "", participants: list("deelnemers", ","), withWhom: list("met", ","),
                            summary: form.text("samenvatting") ?? "", agreements: list("afspraken", "\n"),
                            followUp: form.text("vervolg"), recordedBy: v.account.name, recordedAt: Date())
            do { _ = try self.store.addTalk(talk, to: id) } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#gesprekken") }
            throw PageError.redirect("/zaken/\(id)#gesprekken")
        }
        router.post("/zaken/:id/escaleren") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            try self.requireManager(v, id, request)
            let form = try await self.form(request, v.session)
            // Only to an active afdelingsleider account picked from the list, never a typed name.
            guard let to = form.text("aan"), let head = try self.store.account(named: to), head.role == AccountRole.afdelingsleider.rawValue,
                  head.disabledAt == nil, let reason = form["reden"].flatMap(EscalationReason.init(rawValue:)) else {
                throw PageError.failed(v.t, v.t.fillEscalation, back: "/zaken/\(id)#escalatie")
            }
            do {
                _ = try self.store.escalate(id, to: head.name, reason: reason, note: form.text("toelichting"), actor: v.account.name,
                                            account: head.name)
            } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#escalatie") }
            throw PageError.redirect("/zaken/\(id)#escalatie")
        }
        router.post("/zaken/:id/escaleren/terug") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            try self.requireManager(v, id, request)
            let form = try await self.form(request, v.session)
            guard let escalation = try RequestInput.id(form["escalatie"], v.t), let why = form.text("reden") else {
                throw PageError.failed(v.t, v.t.access.undoReasonLabel, back: "/zaken/\(id)#escalatie")
            }
            do { try self.store.undoEscalation(id, escalation: escalation, reason: why, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#escalatie")
            }
            throw PageError.redirect("/zaken/\(id)#escalatie")
        }
        router.post("/zaken/:id/toegang") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            try self.requireManager(v, id, request)
            let form = try await self.form(request, v.session)
            do {
                if let link = try RequestInput.id(form["link"], v.t) {
                    try self.store.revokeAccess(id, link: link, actor: v.account.name, reason: form.text("reden"))
                } else {
                    // A case's own staff add mentors and support coordinators; afdelingsleiders come by escalation.
                    guard let name = form.text("account"), let acc = try self.store.account(named: name),
                          acc.role == AccountRole.mentor.rawValue || acc.role == AccountRole.ondersteuningscoordinator.rawValue else {
                        throw RequestInput.bad(v.t)
                    }
                    try self.store.grantAccess(id, account: acc.name, role: acc.role, actor: v.account.name, reason: form.text("reden"))
                }
            } catch let e as PageError { throw e } catch { throw self.problem(error, v.t, back: "/zaken/\(id)#toegang") }
            throw PageError.redirect("/zaken/\(id)#toegang")
        }
        router.get("/zaken/:id/bewijs/:item") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            let itemID = try RequestInput.parameter(context, "item", in: 1...(1 << 53), v.t)
            guard let item = try? self.store.item(itemID), item.caseID == id else {
                throw PageError.notFound(v.t, v.t.itemNotInCase)
            }
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "original-downloaded",
                                        details: ["itemId": String(itemID), "sha256": item.sha256.hex, "name": item.name])
            return try await self.download(path: self.store.objects.path(for: item.sha256), name: item.name, context: context)
        }
    }

    /// Refuses (and logs) unless `v` is a mentor or afdelingsleider of the case.
    func requireManager(_ v: Visit, _ id: CaseID, _ request: Request) throws {
        guard try policy.mayManageAccess(v.account, id) else { throw refuse(v, chain: id.description, path: request.uri.path) }
    }

    func caseList(_ v: Visit) throws -> HTML {
        let t = v.t
        let cases = try policy.readableCases(v.account)
        if cases.isEmpty { return "<p>\(t.noCases)</p>" }
        var rows: [HTML] = []
        for c in cases {
            let done = try store.checklist(c.id).filter { $0.status != .open }.count
            let last = try store.lastEvent(c.id)
            rows.append("""
                <tr><td><a href="/zaken/\(c.id.description)">\(c.id.description)</a></td><td>\(c.title)</td><td>\(t.caseStatus(c.status))</td>\
                <td>\(t.stepsDone(done))</td><td>\(Layout.time(last?.time, t)) – \(last?.action.rawValue ?? "")</td></tr>
                """)
        }
        return """
            <table><caption class="uitleg">\(t.casesCaption)</caption>
            <thead><tr><th scope="col">\(t.colCase)</th><th scope="col">\(t.colTitle)</th><th scope="col">\(t.colStatus)</th><th scope="col">\(t.colSteps)</th><th scope="col">\(t.colLastAction)</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }
}

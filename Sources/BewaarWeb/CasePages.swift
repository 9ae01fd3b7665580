#if Web
import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// /zaken (my cases) and /zaken/ID (parties, checklist, evidence, observations, talks,
/// escalation) with the forms that change a case.
extension WebApp {
    func addCaseRoutes(_ router: Router<BasicRequestContext>) {
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
            guard let n = context.parameters.get("step", as: Int.self), let step = CyberpestenStep(rawValue: n) else {
                throw PageError.notFound(v.t, v.t.noSuchStep)
            }
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
            let form = try await self.form(request, v.session)
            guard let to = form.text("aan"), let reason = form["reden"].flatMap(EscalationReason.init(rawValue:)) else {
                throw PageError.failed(v.t, v.t.fillEscalation, back: "/zaken/\(id)#escalatie")
            }
            do { _ = try self.store.escalate(id, to: to, reason: reason, note: form.text("toelichting"), actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/zaken/\(id)#escalatie")
            }
            throw PageError.redirect("/zaken/\(id)#escalatie")
        }
        router.get("/zaken/:id/bewijs/:item") { request, context -> Response in
            let (v, id) = try self.caseVisit(request, context: context, page: nil)
            guard let itemID = context.parameters.get("item", as: Int64.self), let item = try? self.store.item(itemID), item.caseID == id else {
                throw PageError.notFound(v.t, v.t.itemNotInCase)
            }
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "original-downloaded",
                                        details: ["itemId": String(itemID), "sha256": item.sha256.hex, "name": item.name])
            return try await self.download(path: self.store.objects.path(for: item.sha256), name: item.name, context: context)
        }
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
#endif

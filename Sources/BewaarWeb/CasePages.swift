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
            let v = try await self.visit(request)
            guard v.account.role.readsCases else { throw self.refuse(v, chain: CaseStore.storeChain, path: request.uri.path) }
            return self.page(v, title: "Mijn zaken", current: "zaken", try self.caseList(v))
        }
        router.get("/zaken/:id") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: "zaak")
            let flash = await self.sessions.flash(v.session.id, token: FormData(request.uri.query ?? "")["upload"])
            let c = try self.store.case(id)
            return self.page(v, title: "Zaak \(id): \(c.title)", caseNav: id, current: "zaak", try self.casePage(v, c, flash: flash))
        }
        router.post("/zaken/:id/stap/:step") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            guard let n = context.parameters.get("step", as: Int.self), let step = CyberpestenStep(rawValue: n) else {
                throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Deze stap bestaat niet.").raw)
            }
            var fields: [String: String] = [:]
            for key in step.fieldKeys.map(\.key) { if let value = form.text("veld-" + key) { fields[key] = value } }
            let update = ChecklistUpdate(status: form["status"].flatMap(StepStatus.init(parsing:)), note: form.text("notitie"), fields: fields)
            do { _ = try self.store.updateStep(id, step: step, update: update, actor: v.account.name) } catch {
                throw self.problem(error, back: "/zaken/\(id)#stap-\(n)")
            }
            throw PageError.redirect("/zaken/\(id)#stap-\(n)")
        }
        router.post("/zaken/:id/waarneming") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            let o = Observation(kind: .seksueleAfbeelding, sender: form.text("afzender"), recipients: form.text("ontvangers"),
                                when: form.text("wanneer"), place: form.text("plaats"), description: form.text("beschrijving") ?? "",
                                recordedBy: v.account.name, recordedAt: Date())
            do { try self.store.addObservation(o, to: id) } catch { throw self.problem(error, back: "/zaken/\(id)#afbeelding") }
            throw PageError.redirect("/zaken/\(id)#afbeelding")
        }
        router.post("/zaken/:id/gesprek") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            func list(_ key: String, _ sep: Character) -> [String] {
                (form[key] ?? "").split(separator: sep).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let talk = Talk(date: form.text("datum") ?? "", participants: list("deelnemers", ","), withWhom: list("met", ","),
                            summary: form.text("samenvatting") ?? "", agreements: list("afspraken", "\n"),
                            followUp: form.text("vervolg"), recordedBy: v.account.name, recordedAt: Date())
            do { _ = try self.store.addTalk(talk, to: id) } catch { throw self.problem(error, back: "/zaken/\(id)#gesprekken") }
            throw PageError.redirect("/zaken/\(id)#gesprekken")
        }
        router.post("/zaken/:id/escaleren") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            let form = try await self.form(request, v.session)
            guard let to = form.text("aan"), let reason = form["reden"].flatMap(EscalationReason.init(rawValue:)) else {
                throw PageError(status: .badRequest, body: Layout.bare(
                    title: "Niet gelukt", message: "Vul de naam van de afdelingsleider in en kies een reden.", back: "/zaken/\(id)#escalatie").raw)
            }
            do { _ = try self.store.escalate(id, to: to, reason: reason, note: form.text("toelichting"), actor: v.account.name) } catch {
                throw self.problem(error, back: "/zaken/\(id)#escalatie")
            }
            throw PageError.redirect("/zaken/\(id)#escalatie")
        }
        router.get("/zaken/:id/bewijs/:item") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: nil)
            guard let itemID = context.parameters.get("item", as: Int64.self), let item = try? self.store.item(itemID), item.caseID == id else {
                throw PageError(status: .notFound, body: Layout.bare(title: "Niet gevonden", message: "Dit bewijsstuk hoort niet bij deze zaak.").raw)
            }
            try self.store.recordAccess(chain: id.description, actor: v.account.name, action: "original-downloaded",
                                        details: ["itemId": String(itemID), "sha256": item.sha256.hex, "name": item.name])
            return try await self.download(path: self.store.objects.path(for: item.sha256), name: item.name, context: context)
        }
    }

    func caseList(_ v: Visit) throws -> HTML {
        let cases = try policy.readableCases(v.account)
        if cases.isEmpty {
            return "<p>U staat bij geen enkele zaak. Een zaak verschijnt hier zodra u erbij bent gezet of als hij naar u is geëscaleerd.</p>"
        }
        var rows: [HTML] = []
        for c in cases {
            let done = try store.checklist(c.id).filter { $0.status != .open }.count
            let last = try store.lastEvent(c.id)
            rows.append("""
                <tr><td><a href="/zaken/\(c.id.description)">\(c.id.description)</a></td><td>\(c.title)</td><td>\(Self.statusText(c.status))</td>\
                <td>\(done) van 6</td><td>\(Layout.time(last?.time)) – \(last?.action.rawValue ?? "")</td></tr>
                """)
        }
        return """
            <table><caption class="uitleg">Zaken waar u bij staat of die naar u zijn geëscaleerd</caption>
            <thead><tr><th scope="col">Zaak</th><th scope="col">Titel</th><th scope="col">Status</th><th scope="col">Stappen</th><th scope="col">Laatste handeling</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    /// The format id in words ("unknown" means no importer recognised the file: it is kept as is).
    static func formatText(_ format: String) -> String {
        switch format {
        case "unknown", "": return "onbekend formaat (wel bewaard)"
        default: return format
        }
    }

    static func statusText(_ s: CaseStatus) -> String {
        switch s {
        case .open: return "open"
        case .escalated: return "geëscaleerd"
        case .closed: return "gesloten"
        }
    }

    func casePage(_ v: Visit, _ c: Case, flash: [UploadOutcome]) throws -> HTML {
        let id = c.id
        let csrf = v.session.csrf
        // Parties and handles.
        let people = try store.people(id)
        let handles = try store.handles(id)
        let peopleRows: [HTML] = people.map { p in
            let own = handles.filter { $0.personID == p.id }.map { "\($0.value) (\($0.kind.rawValue))" }.joined(separator: ", ")
            return "<tr><td>\(p.name)</td><td>\(p.role.rawValue)</td><td>\(p.relatedTo ?? "")</td><td>\(p.group ?? "")</td><td>\(own)</td></tr>"
        }
        let summary: HTML = c.summary.isEmpty ? "" : "<p class=\"bericht\">\(c.summary)</p>"
        // Checklist.
        let steps: [HTML] = try store.checklist(id).map { s in
            let n = s.step.rawValue
            let options: [HTML] = StepStatus.allCases.map { st in
                st == s.status ? "<option value=\"\(st.rawValue)\" selected>\(st.rawValue)</option>" : "<option value=\"\(st.rawValue)\">\(st.rawValue)</option>"
            }
            let fields: [HTML] = s.step.fieldKeys.map { f in
                """
                <label for="veld-\(n)-\(f.key)">\(f.labelNL)</label>
                <input type="text" id="veld-\(n)-\(f.key)" name="veld-\(f.key)" value="\(s.fields[f.key] ?? "")">
                """
            }
            let done: HTML = s.by.map { "<p class=\"uitleg\">Laatst bijgewerkt door \($0) op \(Layout.time(s.at)).</p>" } ?? ""
            return """
                <section class="stap" id="stap-\(n)" aria-labelledby="stap-\(n)-kop">
                <h3 id="stap-\(n)-kop">Stap \(n). \(s.step.titleNL) – <span class="status-\(s.status == .open ? "open" : "gedaan")">\(s.status.rawValue)</span></h3>
                <p class="uitleg">\(s.step.guidanceNL)</p>
                \(done)
                <form method="post" action="/zaken/\(id.description)/stap/\(n)">
                \(Layout.csrfField(csrf))
                <label for="status-\(n)">Status van stap \(n)</label>
                <select id="status-\(n)" name="status">\(options)</select>
                <label for="notitie-\(n)">Notitie</label>
                <textarea id="notitie-\(n)" name="notitie">\(s.note ?? "")</textarea>
                \(fields)
                <div><button type="submit">Stap \(n) opslaan</button></div>
                </form>
                </section>
                """
        }
        // Evidence.
        let items = try store.items(id)
        let itemRows: [HTML] = items.map { i in
            let parent: HTML = i.pathInParent.map { " <span class=\"uitleg\">(in \($0))</span>" } ?? ""
            return """
                <tr><td><a href="/zaken/\(id.description)/bewijs/\(i.id)" download>\(i.name)</a>\(parent)</td><td>\(Self.formatText(i.format))</td>\
                <td>\(i.messageCount) berichten, \(i.warningCount) waarschuwingen</td><td>\(Layout.bytes(i.size))</td>\
                <td><code>\(String(i.sha256.hex.prefix(16)))…</code></td><td>\(i.collectedBy), \(Layout.time(i.collectedAt))</td></tr>
                """
        }
        let flashHTML: [HTML] = flash.map { f in
            let w: HTML = f.warnings.isEmpty ? "" : "<ul>\(f.warnings.map { w -> HTML in "<li>\(w)</li>" })</ul>"
            return f.ok
                ? "<div class=\"goed\" role=\"status\"><strong>\(f.name)</strong>: \(Self.formatText(f.format)), \(f.messages) berichten, \(f.warnings.count) waarschuwingen. \(f.note)\(w)</div>"
                : "<div class=\"melding\" role=\"alert\"><strong>\(f.name)</strong>: \(f.note)</div>"
        }
        // Observations.
        let observations: [HTML] = try store.observations(id).map { o in
            "<li>\(o.kind == .seksueleAfbeelding ? "Seksuele afbeelding (niet bewaard)" : "Niet bewaard"): \(o.description) – afzender \(o.sender ?? "onbekend"), \(o.when ?? "") \(o.place ?? "") <span class=\"uitleg\">(vastgelegd door \(o.recordedBy), \(Layout.time(o.recordedAt)))</span></li>"
        }
        // Talks.
        let talks: [HTML] = try store.talks(id).map { t in
            let agreements: HTML = t.agreements.isEmpty ? "" : "<ul>\(t.agreements.map { a -> HTML in "<li>\(a)</li>" })</ul>"
            return "<li><strong>\(t.date)</strong> met \(t.withWhom.joined(separator: ", ")): <span class=\"bericht\">\(t.summary)</span>\(agreements)</li>"
        }
        let escalations: [HTML] = try store.escalations(id).map { e in
            "<li>Naar <strong>\(e.to)</strong> (\(e.reason.dutch)) door \(e.by), \(Layout.time(e.at)). \(e.note ?? "")</li>"
        }
        let reasons: [HTML] = EscalationReason.allCases.map { "<option value=\"\($0.rawValue)\">\($0.dutch)</option>" }
        let limitText = Layout.bytes(config.uploadLimit)
        return """
            \(summary)
            <section aria-labelledby="betrokkenen"><h2 id="betrokkenen">Betrokkenen</h2>
            <table><thead><tr><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Hoort bij</th><th scope="col">Groep</th><th scope="col">Accounts en nummers</th></tr></thead>
            <tbody>\(peopleRows)</tbody></table></section>

            <section aria-labelledby="stappenplan"><h2 id="stappenplan">Stappenplan cyberpesten</h2>\(steps)</section>

            <section aria-labelledby="bewijs"><h2 id="bewijs">Bewijs</h2>
            \(flashHTML)
            <table><thead><tr><th scope="col">Bestand (download)</th><th scope="col">Soort</th><th scope="col">Inhoud</th><th scope="col">Grootte</th><th scope="col">SHA-256</th><th scope="col">Bewaard door</th></tr></thead>
            <tbody>\(itemRows)</tbody></table>
            <form class="upload" method="post" enctype="multipart/form-data" action="/zaken/\(id.description)/bewijs?_csrf=\(csrf)">
            \(Layout.csrfField(csrf))
            <div class="sleepvlak">
            <label for="bestanden">Bestanden toevoegen (WhatsApp-export, e-mail, opgeslagen pagina, schermafbeelding; meerdere tegelijk mag; samen hoogstens \(limitText))</label>
            <input type="file" id="bestanden" name="bestanden" multiple required>
            <p class="uitleg">U kunt bestanden ook hierheen slepen.</p>
            </div>
            <label for="herkomst-bron">Waar komt het vandaan?</label>
            <input type="text" id="herkomst-bron" name="herkomst" placeholder="bijvoorbeeld: telefoon van Sanne, via AirDrop">
            <div><button type="submit">Bewaren</button></div>
            <progress class="verborgen" max="100" value="0" aria-label="Voortgang van het uploaden"></progress>
            <p class="voortgang" role="status" aria-live="polite"></p>
            </form>
            </section>

            <section aria-labelledby="afbeelding"><h2 id="afbeelding">Seksuele afbeelding: alleen vastleggen, nooit uploaden</h2>
            <p class="melding">Een seksuele afbeelding van een minderjarige mag u niet bewaren, doorsturen of uploaden, ook niet als bewijs: \
            bezit en verspreiding zijn strafbaar, ook voor een mentor. Leg hier alleen vast dát de afbeelding bestaat, \
            wie hem stuurde en waar, en schakel de politie in. Beschrijf neutraal, zonder de inhoud.</p>
            <ul>\(observations)</ul>
            <form method="post" action="/zaken/\(id.description)/waarneming">
            \(Layout.csrfField(csrf))
            <label for="afzender">Afzender</label><input type="text" id="afzender" name="afzender">
            <label for="ontvangers">Ontvangers</label><input type="text" id="ontvangers" name="ontvangers">
            <label for="wanneer">Wanneer</label><input type="text" id="wanneer" name="wanneer">
            <label for="plaats">Waar (groep, platform)</label><input type="text" id="plaats" name="plaats">
            <label for="beschrijving">Neutrale beschrijving</label><textarea id="beschrijving" name="beschrijving" required></textarea>
            <div><button type="submit">Vastleggen (zonder afbeelding)</button></div>
            </form></section>

            <section aria-labelledby="gesprekken"><h2 id="gesprekken">Gesprekken en afspraken</h2>
            <ul>\(talks)</ul>
            <form method="post" action="/zaken/\(id.description)/gesprek">
            \(Layout.csrfField(csrf))
            <label for="datum">Datum (jjjj-mm-dd)</label><input type="date" id="datum" name="datum" required>
            <label for="met">Met wie (komma's ertussen)</label><input type="text" id="met" name="met" required>
            <label for="deelnemers">Aanwezig (komma's ertussen)</label><input type="text" id="deelnemers" name="deelnemers">
            <label for="samenvatting">Samenvatting</label><textarea id="samenvatting" name="samenvatting" required></textarea>
            <label for="afspraken">Afspraken (één per regel)</label><textarea id="afspraken" name="afspraken"></textarea>
            <label for="vervolg">Vervolg</label><input type="text" id="vervolg" name="vervolg">
            <div><button type="submit">Gesprek vastleggen</button></div>
            </form></section>

            <section aria-labelledby="escalatie"><h2 id="escalatie">Escalatie naar de afdelingsleider</h2>
            <ul>\(escalations)</ul>
            <form method="post" action="/zaken/\(id.description)/escaleren">
            \(Layout.csrfField(csrf))
            <label for="aan">Naam van de afdelingsleider</label><input type="text" id="aan" name="aan" required>
            <label for="reden">Reden</label><select id="reden" name="reden">\(reasons)</select>
            <label for="toelichting">Toelichting</label><textarea id="toelichting" name="toelichting"></textarea>
            <div><button type="submit">Escaleren</button></div>
            </form></section>
            """
    }
}
#endif

import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarKit

/// The mentor's work on a case in the browser: opening a case, people and their accounts,
/// summary, statements, talks, withdrawing a wrong file. Every save lands on its own section
/// with "Opgeslagen"; a form that cannot be saved comes back with everything typed in it.
extension WebApp {
    /// The new-case form: a title and pupil rows (`leerling-N`, `rol-N`, `klas-N`, N = 1…``pupilRows``).
    struct NewCaseForm: Decodable {
        var titel: String?
    }

    /// A person added to the case.
    struct PersonForm: Decodable {
        var naam: String?
        var rol: String?
        var hoort: String?
        var klas: String?
    }

    /// A sender's account linked to a person of the case.
    struct HandleForm: Decodable {
        var persoon: String?
        var handle: String?
        var soort: String?
    }

    /// The case's summary.
    struct SummaryForm: Decodable {
        var samenvatting: String?
    }

    /// A statement of a victim or a witness.
    struct StatementForm: Decodable {
        var soort: String?
        var naam: String?
        var datum: String?
        var tekst: String?
        var sinds: String?
    }

    /// The reason a wrong file is withdrawn.
    struct WithdrawForm: Decodable {
        var reden: String?
    }

    func addCaseWorkRoutes(_ groups: RouteGroups) {
        groups.caseReaders.get("/nieuw") { _, context -> Response in
            let v = context.visit
            return self.page(v, title: v.t.work.newCaseTitle, current: "zaken", self.newCasePage(v, values: [:], error: nil))
        }
        groups.caseReaders.post("/nieuw") { request, context -> Response in
            let v = context.visit
            let posted = try await self.form(request, v.session, as: Drafted<NewCaseForm>.self)
            var values = posted.values
            values["_csrf"] = nil
            guard let title = posted.fields.titel.nonBlank else {
                return self.page(v, title: v.t.work.newCaseTitle, current: "zaken", status: .badRequest,
                                 self.newCasePage(v, values: values, error: v.t.work.needTitle))
            }
            var people: [Person] = []
            for n in 1...Self.pupilRows {
                guard let name = values["leerling-\(n)"].nonBlank else { continue }
                let role = values["rol-\(n)"].flatMap(Role.init(rawValue:)) ?? .slachtoffer
                people.append(Person(name: String(name.prefix(200)), role: role, group: values["klas-\(n)"].nonBlank.map { String($0.prefix(40)) }))
            }
            // The one who opens the case is on it in their own role, and gets the access link.
            let own: Role = v.account.role == .afdelingsleider ? .afdelingsleider
                : v.account.role == .ondersteuningscoordinator ? .ondersteuningscoordinator : .mentor
            people.append(Person(name: v.account.name, role: own))
            do {
                let c = try self.store.openCase(title: String(title.prefix(200)), actor: v.account.name, people: people)
                try self.store.grantAccess(c.id, account: v.account.name, role: v.account.role.rawValue, actor: v.account.name,
                                           reason: "opende de zaak")
                return .seeOther("/zaken/\(c.id)?opgeslagen=overzicht#overzicht")
            } catch {
                return self.page(v, title: v.t.work.newCaseTitle, current: "zaken", status: .badRequest,
                                 self.newCasePage(v, values: values, error: Self.text(of: error, v.t)))
            }
        }
        let cases = groups.cases
        cases.post("/personen") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<PersonForm>.self)
            let form = posted.fields
            let person = Person(name: String((form.naam.nonBlank ?? "").prefix(200)), role: form.rol.flatMap(Role.init(rawValue:)) ?? .getuige,
                                relatedTo: form.hoort.nonBlank, group: form.klas.nonBlank)
            do { _ = try self.store.addPerson(person, to: id, actor: v.account.name) } catch {
                return try self.failed(v, id, section: "betrokkenen", posted.values, error)
            }
            return Self.saved(id, "betrokkenen")
        }
        cases.post("/personen/:person") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let person = try RequestInput.parameter(context, "person", in: 1...(1 << 53), v.t)
            let posted = try await self.form(request, v.session, as: Drafted<PersonForm>.self)
            let form = posted.fields
            guard let role = form.rol.flatMap(Role.init(rawValue:)) else { throw RequestInput.bad(v.t) }
            do {
                try self.store.updatePerson(id, person: person, role: role, relatedTo: form.hoort.nonBlank, group: form.klas.nonBlank,
                                            actor: v.account.name)
            } catch { return try self.failed(v, id, section: "betrokkenen", posted.values, error) }
            return Self.saved(id, "betrokkenen")
        }
        // The senders in the evidence that belong to nobody yet: its own page, because counting
        // them reads every record of the case (the case page must stay quick).
        cases.get("/afzenders", viewed: viewed("afzenders")) { _, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let c = try self.store.case(id)
            return self.page(v, title: v.t.work.suggestionsHeading, caseNav: id, current: "zaak", try self.sendersPage(v, c))
        }
        cases.post("/koppelen") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<HandleForm>.self)
            let form = posted.fields
            do {
                _ = try self.store.linkHandle(id, person: form.persoon.nonBlank ?? "", value: form.handle.nonBlank ?? "",
                                              kind: form.soort.flatMap(HandleKind.init(rawValue:)), profileURL: nil, actor: v.account.name)
            } catch { return try self.failed(v, id, section: "betrokkenen", posted.values, error) }
            return Self.saved(id, "betrokkenen")
        }
        cases.post("/samenvatting") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<SummaryForm>.self)
            do {
                try self.store.setSummary(id, summary: StoredText.bounded(posted.fields.samenvatting.nonBlank ?? "", limit: 20_000),
                                          actor: v.account.name)
            } catch {
                return try self.failed(v, id, section: "overzicht", posted.values, error)
            }
            return Self.saved(id, "overzicht")
        }
        cases.post("/verklaring") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let posted = try await self.form(request, v.session, as: Drafted<StatementForm>.self)
            let form = posted.fields
            let s = Testimony(kind: form.soort == "getuige" ? .getuige : .slachtoffer, person: form.naam.nonBlank ?? "",
                              date: form.datum.nonBlank ?? "", text: form.tekst.nonBlank ?? "", since: form.sinds.nonBlank, effect: nil,
                              recordedBy: v.account.name, recordedAt: Date())
            do { _ = try self.store.addStatement(s, to: id) } catch { return try self.failed(v, id, section: "verklaringen", posted.values, error) }
            return Self.saved(id, "verklaringen")
        }
        cases.post("/bewijs/:item/terugtrekken") { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let item = try RequestInput.parameter(context, "item", in: 1...(1 << 53), v.t)
            let posted = try await self.form(request, v.session, as: Drafted<WithdrawForm>.self)
            do {
                try self.store.withdrawItem(id, item: item, reason: posted.fields.reden.nonBlank ?? "", actor: v.account.name)
                // A withdrawn screenshot no longer stands for the messages later ones repeat.
                try ScreenshotLinking.relink(id, store: self.store)
            } catch {
                return try self.failed(v, id, section: "bewijs", posted.values, error)
            }
            return .seeOther("/zaken/\(id)?opgeslagen=bewijs#bestand-\(item)")
        }
    }

    func sendersPage(_ v: Visit, _ c: Case) throws -> HTML {
        let t = v.t
        let w = t.work
        let id = c.id
        let csrf = v.session.csrf
        let personOptions: [HTML] = try store.people(id).map { "<option>\($0.name)</option>" }
        let suggestions: [HTML] = try store.unlinkedAuthors(id).prefix(50).enumerated().map { n, s in
            """
            <li><form method="post" action="/zaken/\(id.description)/koppelen" class="inline">\(Layout.csrfField(csrf))\
            <input type="hidden" name="handle" value="\(s.author)"><input type="hidden" name="soort" value="\(s.kind.rawValue)">\
            <span class="bericht">\(w.suggestion(s.author, messages: s.messageCount))</span> \
            <label for="sug-\(n)">\(t.colName)</label><select id="sug-\(n)" name="persoon">\(personOptions)</select>\
            <button type="submit" class="licht">\(w.linkHandleButton)</button></form></li>
            """
        }
        let list: HTML = suggestions.isEmpty ? "<p class=\"uitleg\">\(w.noSuggestions)</p>" : "<ul>\(suggestions)</ul>"
        return "\(list)<p><a href=\"/zaken/\(id.description)#betrokkenen\">\(t.back)</a></p>"
    }

    /// Pupil rows on the new-case form.
    static let pupilRows = 4

    /// The redirect after a save: to the section, which then says "Opgeslagen".
    static func saved(_ id: CaseID, _ section: String) -> Response {
        .seeOther("/zaken/\(id)?opgeslagen=\(section)#\(section)")
    }

    /// The case page again, with the error at the form's section and everything typed kept.
    func failed(_ v: Visit, _ id: CaseID, section: String, _ typed: [String: String], _ error: any Error) throws -> Response {
        var values = typed
        values["_csrf"] = nil
        let draft = FormDraft(section: section, values: values, error: Self.text(of: error, v.t))
        let c = try store.case(id)
        return page(v, title: v.t.caseTitle(id.description, c.title), caseNav: id, current: "zaak", status: .badRequest,
                    try casePage(v, c, flash: [], draft: draft))
    }

    func newCasePage(_ v: Visit, values: [String: String], error: String?) -> HTML {
        let t = v.t
        let w = t.work
        let roles: [Role] = [.slachtoffer, .vermoedelijkeDader, .melder, .getuige, .omstander]
        let rows: [HTML] = (1...Self.pupilRows).map { n in
            let chosen = values["rol-\(n)"] ?? (n == 1 ? Role.slachtoffer.rawValue : n == 2 ? Role.vermoedelijkeDader.rawValue : Role.getuige.rawValue)
            let options: [HTML] = roles.map { r in
                r.rawValue == chosen ? "<option value=\"\(r.rawValue)\" selected>\(t.personRole(r))</option>" : "<option value=\"\(r.rawValue)\">\(t.personRole(r))</option>"
            }
            return """
                <fieldset class="leerling"><legend>\(w.pupilRow(n))</legend>
                <label for="leerling-\(n)">\(t.colName)</label><input type="text" id="leerling-\(n)" name="leerling-\(n)" maxlength="200" value="\(values["leerling-\(n)"] ?? "")">
                <label for="rol-\(n)">\(t.colRole)</label><select id="rol-\(n)" name="rol-\(n)">\(options)</select>
                <label for="klas-\(n)">\(w.classLabel)</label><input type="text" id="klas-\(n)" name="klas-\(n)" maxlength="40" value="\(values["klas-\(n)"] ?? "")">
                </fieldset>
                """
        }
        let note: HTML = error.map { "<p class=\"melding\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <p class="uitleg">\(w.newCaseExplain)</p>
            \(note)
            <form method="post" action="/zaken/nieuw">\(Layout.csrfField(v.session.csrf))
            <label for="titel">\(w.caseTitleLabel)</label><input type="text" id="titel" name="titel" maxlength="200" required placeholder="\(w.caseTitleExample)" value="\(values["titel"] ?? "")">
            <h2>\(w.pupilsLegend)</h2>
            \(rows)
            <div><button type="submit">\(w.openCaseButton)</button></div>
            </form>
            """
    }
}

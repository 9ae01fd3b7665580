import Foundation
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarKit

/// The body of /zaken/ID: parties and handles, the six steps with the protocol's guidance,
/// evidence with the upload form, the record of a sexual image (never the image), talks and
/// agreements, escalation.
extension WebApp {
    func casePage(_ v: Visit, _ c: Case, flash: [UploadOutcome], draft: FormDraft? = nil, saved: String? = nil) throws -> HTML {
        let t = v.t
        let w = t.work
        let id = c.id
        let csrf = v.session.csrf
        let withdrawn = try store.withdrawals(id)
        /// The "saved" note or the error of a failed form, at the section it belongs to.
        func note(_ section: String) -> HTML {
            if let draft, draft.section == section { return "<p class=\"melding\" role=\"alert\">\(draft.error)</p>" }
            if saved == section { return "<p class=\"goed\" role=\"status\">\(w.saved)</p>" }
            return ""
        }
        func value(_ section: String, _ key: String) -> String { draft?.section == section ? draft?.values[key] ?? "" : "" }
        // Parties and handles.
        let people = try store.people(id)
        let handles = try store.handles(id)
        let peopleRows: [HTML] = people.map { p in
            let own = handles.filter { $0.personID == p.id }.map { "\($0.value) (\(t.handleKind($0.kind)))" }.joined(separator: ", ")
            let pid = p.id ?? 0
            let roles: [HTML] = Role.allCases.map { r in
                r == p.role ? "<option value=\"\(r.rawValue)\" selected>\(t.personRole(r))</option>" : "<option value=\"\(r.rawValue)\">\(t.personRole(r))</option>"
            }
            let edit: HTML = """
                <details><summary>\(t.work.editPerson)</summary><form method="post" action="/zaken/\(id.description)/personen/\(pid)">\
                \(Layout.csrfField(csrf))<label for="e-rol-\(pid)">\(t.colRole)</label><select id="e-rol-\(pid)" name="rol">\(roles)</select>\
                <label for="e-hoort-\(pid)">\(t.colRelatedTo)</label><input type="text" id="e-hoort-\(pid)" name="hoort" value="\(p.relatedTo ?? "")">\
                <label for="e-klas-\(pid)">\(t.work.classLabel)</label><input type="text" id="e-klas-\(pid)" name="klas" value="\(p.group ?? "")">\
                <button type="submit" class="licht">\(t.save)</button></form></details>
                """
            return """
                <tr><td data-kop="\(t.colName)">\(p.name)\(edit)</td><td data-kop="\(t.colRole)">\(t.personRole(p.role))</td>\
                <td data-kop="\(t.colRelatedTo)">\(p.relatedTo ?? "")</td><td data-kop="\(t.colGroup)">\(p.group ?? "")</td><td data-kop="\(t.colHandles)">\(own)</td></tr>
                """
        }
        let roleOptions: [HTML] = Role.allCases.map { "<option value=\"\($0.rawValue)\">\(t.personRole($0))</option>" }
        let personOptions: [HTML] = people.map { "<option>\($0.name)</option>" }
        let kindOptions: [HTML] = HandleKind.allCases.map { "<option value=\"\($0.rawValue)\">\(t.handleKind($0))</option>" }
        let peopleForms: HTML = """
            \(note("betrokkenen"))
            <p><a href="/zaken/\(id.description)/afzenders">\(w.suggestionsHeading)</a></p>
            <details\(HTML(raw: draft?.section == "betrokkenen" ? " open" : ""))><summary>\(w.addPersonHeading)</summary>
            <form method="post" action="/zaken/\(id.description)/personen">\(Layout.csrfField(csrf))
            <label for="p-naam">\(t.colName)</label><input type="text" id="p-naam" name="naam" maxlength="200" required value="\(value("betrokkenen", "naam"))">
            <label for="p-rol">\(t.colRole)</label><select id="p-rol" name="rol">\(roleOptions)</select>
            <label for="p-hoort">\(w.relatedToLabel)</label><input type="text" id="p-hoort" name="hoort" value="\(value("betrokkenen", "hoort"))">
            <label for="p-klas">\(w.classLabel)</label><input type="text" id="p-klas" name="klas" value="\(value("betrokkenen", "klas"))">
            <div><button type="submit">\(w.addPersonButton)</button></div></form></details>
            <details><summary>\(w.linkHandleHeading)</summary>
            <form method="post" action="/zaken/\(id.description)/koppelen">\(Layout.csrfField(csrf))
            <label for="h-persoon">\(t.colName)</label><select id="h-persoon" name="persoon">\(personOptions)</select>
            <label for="h-waarde">\(w.handleLabel)</label><input type="text" id="h-waarde" name="handle" required>
            <label for="h-soort">\(w.handleKindLabel)</label><select id="h-soort" name="soort">\(kindOptions)</select>
            <div><button type="submit">\(w.linkHandleButton)</button></div></form></details>
            """
        let summary: HTML = """
            <section aria-labelledby="overzicht"><h2 id="overzicht">\(w.summaryHeading)</h2>
            \(note("overzicht"))
            \(c.summary.isEmpty ? "" : HTML(raw: "<p class=\"bericht\">" + HTML.escape(c.summary) + "</p>"))
            <details><summary>\(w.summaryLabel)</summary>
            <form method="post" action="/zaken/\(id.description)/samenvatting">\(Layout.csrfField(csrf))
            <label for="s-tekst">\(w.summaryLabel)</label><textarea id="s-tekst" name="samenvatting">\(c.summary)</textarea>
            <div><button type="submit">\(w.saveSummary)</button></div></form></details>
            </section>
            """
        let steps: [HTML] = try store.checklist(id).map { stepSection($0, id: id, csrf: csrf, t) }
        // Evidence.
        let openDateOrder = try store.itemsWithOpenDateOrder(id)
        let itemRows: [HTML] = try store.items(id).map { i in
            let parent: HTML = i.pathInParent.map { " <span class=\"uitleg\">(in \($0))</span>" } ?? ""
            var state: HTML
            if let wd = withdrawn[i.id] {
                state = "<p class=\"uitleg\">\(w.withdrawn(by: wd.by, at: Layout.time(wd.at, t), reason: wd.reason))</p>"
            } else if i.parentID == nil {
                state = """
                    <details><summary>\(w.withdrawButton)</summary><form method="post" action="/zaken/\(id.description)/bewijs/\(i.id)/terugtrekken">\
                    \(Layout.csrfField(csrf))<label for="terug-\(i.id)">\(w.withdrawReason)</label><input type="text" id="terug-\(i.id)" name="reden" required>\
                    <button type="submit" class="licht">\(w.withdrawButton)</button></form></details>
                    """
            } else { state = "" }
            if openDateOrder.contains(i.id), withdrawn[i.id] == nil {
                state = "<p class=\"let-op\"><a href=\"/zaken/\(id.description)/stukken/\(i.id)#datumvolgorde\">\(t.dateOrder.openNotice)</a></p>\(state)"
            }
            return """
                <tr\(HTML(raw: withdrawn[i.id] == nil ? "" : " class=\"teruggetrokken\"")) id="bestand-\(i.id)"><td data-kop="\(t.colFileDownload)"><a href="/zaken/\(id.description)/stukken/\(i.id)">\(i.name)</a>\(parent) <a href="/zaken/\(id.description)/bewijs/\(i.id)" download class="klein">(\(t.evidence.download))</a>\(state)</td>\
                <td data-kop="\(t.colKind)">\(w.formatName(i.format))</td>\
                <td data-kop="\(t.colContent)">\(i.size == 0 ? w.emptyFile : w.messagesAndWarnings(messages: i.messageCount, warnings: i.warningCount))</td><td data-kop="\(t.colSize)">\(Layout.bytes(i.size, t))</td>\
                <td data-kop="SHA-256"><code>\(String(i.sha256.hex.prefix(16)))…</code></td><td data-kop="\(t.colStoredBy)">\(i.collectedBy), \(Layout.time(i.collectedAt, t))</td></tr>
                """
        }
        let flashHTML: [HTML] = flash.map { f in
            let w: HTML = f.warnings.isEmpty ? "" : "<ul>\(f.warnings.map { w -> HTML in "<li>\(w)</li>" })</ul>"
            return f.ok
                ? "<div class=\"\(f.warnings.isEmpty ? "goed" : "let-op")\" role=\"status\"><strong>\(f.name)</strong>: \(t.work.formatName(f.format)), \(t.work.messagesAndWarnings(messages: f.messages, warnings: f.warnings.count)). \(f.note)\(w)</div>"
                : "<div class=\"melding\" role=\"alert\"><strong>\(f.name)</strong>: \(f.note)</div>"
        }
        // Observations, talks, escalations.
        let observations: [HTML] = try store.observations(id).map { o in
            "<li>\(o.kind == .seksueleAfbeelding ? t.imageRecorded : t.notStoredObservation): \(o.description) – \(t.senderWord) \(o.sender ?? t.unknown), \(o.when ?? "") \(o.place ?? "") <span class=\"uitleg\">\(t.recordedBy(o.recordedBy, at: Layout.time(o.recordedAt, t)))</span></li>"
        }
        let allTalks = try store.talks(id)
        let talks: [HTML] = allTalks.map { talk in
            let agreements: HTML = talk.agreements.isEmpty ? "" : "<ul>\(talk.agreements.map { a -> HTML in "<li>\(a)</li>" })</ul>"
            let follow: HTML = talk.followUp.map { "<p class=\"uitleg\">\(t.followUp): \(Layout.day($0, t))</p>" } ?? ""
            return "<li><strong>\(Layout.day(talk.date, t))</strong> \(t.withWord) \(talk.withWhom.joined(separator: ", ")) – \(w.agreementsCount(talk.agreements.count)): <span class=\"bericht\">\(talk.summary)</span>\(agreements)\(follow)</li>"
        }
        let magister: HTML = allTalks.isEmpty ? "" : """
            <h3><label for="magister">\(w.magisterHeading)</label></h3><p class="uitleg">\(w.magisterExplain)</p>
            <textarea id="magister" class="magister" readonly rows="8">\(MagisterText.render(case: c, talks: allTalks))</textarea>
            <div><button type="button" class="kopieer licht" data-doel="magister" data-gekopieerd="\(w.copied)">\(w.copyButton)</button></div>
            """
        let statements: [HTML] = try store.statements(id).map { st in
            "<li><strong>\(w.statementLine(kind: t.personRole(st.kind == .slachtoffer ? .slachtoffer : .getuige), person: st.person, date: Layout.day(st.date, t)))</strong>: <span class=\"bericht\">\(st.text)</span></li>"
        }
        let statementForm: HTML = """
            <details\(HTML(raw: draft?.section == "verklaringen" ? " open" : ""))><summary>\(w.addStatement)</summary>
            <form method="post" action="/zaken/\(id.description)/verklaring">\(Layout.csrfField(csrf))
            <label for="v-soort">\(w.statementKind)</label><select id="v-soort" name="soort"><option value="slachtoffer">\(t.personRole(.slachtoffer))</option><option value="getuige">\(t.personRole(.getuige))</option></select>
            <label for="v-naam">\(w.whoseStatement)</label><input type="text" id="v-naam" name="naam" required value="\(value("verklaringen", "naam"))">
            <label for="v-datum">\(t.dateLabel)</label><input type="date" id="v-datum" name="datum" required value="\(value("verklaringen", "datum"))">
            <label for="v-tekst">\(w.statementText)</label><textarea id="v-tekst" name="tekst" required>\(value("verklaringen", "tekst"))</textarea>
            <label for="v-sinds">\(w.sinceWhen)</label><input type="text" id="v-sinds" name="sinds" value="\(value("verklaringen", "sinds"))">
            <div><button type="submit">\(w.addStatement)</button></div></form></details>
            """
        let manager = try policy.mayManageAccess(v.account, id)
        let reasons: [HTML] = EscalationReason.allCases.map { "<option value=\"\($0.rawValue)\">\(t.escalationReason($0))</option>" }
        let escalations: [HTML] = try store.escalations(id).map { e in
            let undone: HTML = e.undoneAt.map { at -> HTML in " <em>\(t.access.escalationUndone(by: e.undoneBy ?? "—", at: Layout.time(at, t), reason: e.undoReason ?? ""))</em>" } ?? ""
            let undo: HTML = (manager && e.stands && e.id != nil) ? """
                <form method="post" action="/zaken/\(id.description)/escaleren/terug" class="inline">\(Layout.csrfField(csrf))\
                <input type="hidden" name="escalatie" value="\(e.id ?? 0)"><label for="terug-\(e.id ?? 0)">\(t.access.undoReasonLabel)</label>\
                <input type="text" id="terug-\(e.id ?? 0)" name="reden" required><button type="submit" class="licht">\(t.access.undoEscalationButton)</button></form>
                """ : ""
            return "<li>\(t.escalationLine(to: e.to, reason: t.escalationReason(e.reason), by: e.by, at: Layout.time(e.at, t), note: e.note ?? ""))\(undone)\(undo)</li>"
        }
        let allAccounts = try store.accounts().filter { $0.disabledAt == nil }
        let heads: [HTML] = allAccounts.filter { $0.role == AccountRole.afdelingsleider.rawValue }.map { "<option value=\"\($0.name)\">\($0.name)</option>" }
        let links = try store.accessLinks(id).filter(\.isActive)
        let linkItems: [HTML] = links.map { l in
            let revoke: HTML = manager && l.account.caseInsensitiveCompare(v.account.name) != .orderedSame ? """
                <form method="post" action="/zaken/\(id.description)/toegang" class="inline">\(Layout.csrfField(csrf))\
                <input type="hidden" name="link" value="\(l.id)"><button type="submit" class="licht">\(t.access.revokeAccessButton)</button></form>
                """ : ""
            return "<li>\(t.access.accessLine(account: l.account, role: AccountRole(rawValue: l.role).map(t.role) ?? l.role, by: l.grantedBy, at: Layout.time(l.grantedAt, t)))\(revoke)</li>"
        }
        let grantable = allAccounts.filter { acc in
            (acc.role == AccountRole.mentor.rawValue || acc.role == AccountRole.ondersteuningscoordinator.rawValue)
                && !links.contains { $0.account.caseInsensitiveCompare(acc.name) == .orderedSame }
        }
        let grantOptions: [HTML] = grantable.map { "<option value=\"\($0.name)\">\($0.name) (\(AccountRole(rawValue: $0.role).map(t.role) ?? $0.role))</option>" }
        let grantForm: HTML = !manager ? "" : grantOptions.isEmpty ? "<p class=\"uitleg\">\(t.access.noAccountsToGrant)</p>" : """
            <form method="post" action="/zaken/\(id.description)/toegang">\(Layout.csrfField(csrf))
            <label for="toegang-account">\(t.access.grantAccessLabel)</label><select id="toegang-account" name="account">\(grantOptions)</select>
            <label for="toegang-reden">\(t.access.reasonOptional)</label><input type="text" id="toegang-reden" name="reden">
            <div><button type="submit">\(t.access.grantAccessButton)</button></div></form>
            """
        let escalateForm: HTML = !manager ? "" : heads.isEmpty ? "<p class=\"uitleg\">\(t.access.noHeadAccounts)</p>" : """
            <form method="post" action="/zaken/\(id.description)/escaleren">
            \(Layout.csrfField(csrf))
            <label for="aan">\(t.access.pickHead)</label><select id="aan" name="aan" required>\(heads)</select>
            <label for="reden">\(t.reason)</label><select id="reden" name="reden">\(reasons)</select>
            <label for="toelichting">\(t.explanation)</label><textarea id="toelichting" name="toelichting"></textarea>
            <div><button type="submit">\(t.escalateButton)</button></div>
            </form>
            """
        let accessSection: HTML = """
            <section aria-labelledby="toegang"><h2 id="toegang">\(t.access.accessHeading)</h2>\(note("toegang"))
            <p class="uitleg">\(t.access.accessExplain)</p><ul>\(linkItems)</ul>\(grantForm)</section>
            """
        let checklist = try store.checklist(id)
        let nextStep: HTML = checklist.first { $0.status == .open }.map {
            "<p>\(w.nextStep($0.step.rawValue, t.stepTitle($0.step))) <a href=\"#stap-\($0.step.rawValue)\">\(t.stepHeading($0.step.rawValue, t.stepTitle($0.step)))</a></p><p class=\"uitleg\">\(t.stepGuidance($0.step))</p>"
        } ?? "<p>\(w.allStepsDone)</p>"
        let standing = try store.escalations(id).filter(\.stands)
        let banner: HTML = standing.last.map { e in
            "<div class=\"let-op\" role=\"status\"><strong>\(w.escalatedBanner)</strong>: \(w.escalatedTo(e.to, reason: t.escalationReason(e.reason), by: e.by))\(e.note.map { " " + $0 } ?? "")</div>"
        } ?? ""
        let sections: [(String, String)] = [("overzicht", w.sectionOverview), ("betrokkenen", t.peopleHeading), ("toegang", t.access.accessHeading),
                                             ("stappenplan", t.planHeading), ("bewijs", t.evidenceHeading), ("gesprekken", t.talksHeading),
                                             ("verklaringen", w.statementsHeading), ("afbeelding", t.imageHeading), ("escalatie", t.escalationHeading)]
            + [("afsluiten", t.lifecycle.heading)]
        let nav: [HTML] = sections.map { "<li><a href=\"#\($0.0)\">\($0.1)</a></li>" }
        let lifecycleLink: HTML = "<a href=\"#afsluiten\">\(lifecycleLabel(c, t, now: store.clock()))</a>"
        let lifecycleBanner: HTML = c.hold != nil || c.status == .closed ? "<div class=\"let-op\" role=\"status\">\(lifecycleLink)</div>" : ""
        return """
            \(banner)\(lifecycleBanner)
            <div class="volgende" role="note"><h2 id="volgende-stap">\(w.nextStepHeading)</h2>\(nextStep)</div>
            <nav class="secties" aria-label="\(w.caseSections)"><ul>\(nav)</ul></nav>
            \(summary)
            <section aria-labelledby="betrokkenen"><h2 id="betrokkenen">\(t.peopleHeading)</h2>
            <table class="stapel"><thead><tr><th scope="col">\(t.colName)</th><th scope="col">\(t.colRole)</th><th scope="col">\(t.colRelatedTo)</th><th scope="col">\(t.colGroup)</th><th scope="col">\(t.colHandles)</th></tr></thead>
            <tbody>\(peopleRows)</tbody></table>
            \(peopleForms)</section>

            \(accessSection)

            <section aria-labelledby="stappenplan"><h2 id="stappenplan">\(t.planHeading)</h2>\(note("stappenplan"))\(steps)</section>

            <section aria-labelledby="bewijs"><h2 id="bewijs">\(t.evidenceHeading)</h2>
            \(note("bewijs"))\(flashHTML)
            <table class="stapel"><thead><tr><th scope="col">\(t.colFileDownload)</th><th scope="col">\(t.colKind)</th><th scope="col">\(t.colContent)</th><th scope="col">\(t.colSize)</th><th scope="col">SHA-256</th><th scope="col">\(t.colStoredBy)</th></tr></thead>
            <tbody>\(itemRows)</tbody></table>
            <form class="upload" method="post" enctype="multipart/form-data" action="/zaken/\(id.description)/bewijs" \
            data-sent="\(t.jsSent)" data-failed="\(t.jsFailed)" data-broken="\(t.jsBroken)" data-voortgang="/zaken/\(id.description)/voortgang">
            \(Layout.csrfField(csrf))
            <div class="sleepvlak">
            <label for="bestanden">\(t.uploadLabel(limit: Layout.bytes(config.uploadLimit, t)))</label>
            <input type="file" id="bestanden" name="bestanden" multiple required>
            <p class="uitleg">\(t.dropHint)</p>
            </div>
            <label for="herkomst-bron">\(t.whereFrom)</label>
            <input type="text" id="herkomst-bron" name="herkomst" placeholder="\(t.whereFromExample)">
            <div><button type="submit">\(t.storeButton)</button></div>
            <progress class="verborgen" max="100" value="0" aria-label="\(t.uploadProgress)"></progress>
            <p class="voortgang" role="status" aria-live="polite"></p>
            </form>
            </section>
            \(try uploadLinkSection(v, id))

            <section aria-labelledby="afbeelding"><h2 id="afbeelding">\(t.imageHeading)</h2>
            <p class="melding">\(t.imageWarning)</p>
            <ul>\(observations)</ul>
            <form method="post" action="/zaken/\(id.description)/waarneming">
            \(Layout.csrfField(csrf))
            <label for="afzender">\(t.sender)</label><input type="text" id="afzender" name="afzender">
            <label for="ontvangers">\(t.recipients)</label><input type="text" id="ontvangers" name="ontvangers">
            <label for="wanneer">\(t.when)</label><input type="text" id="wanneer" name="wanneer">
            <label for="plaats">\(t.place)</label><input type="text" id="plaats" name="plaats">
            <label for="beschrijving">\(t.neutralDescription)</label><textarea id="beschrijving" name="beschrijving" required></textarea>
            <div><button type="submit">\(t.recordWithoutImage)</button></div>
            </form></section>

            <section aria-labelledby="gesprekken"><h2 id="gesprekken">\(t.talksHeading)</h2>
            \(note("gesprekken"))
            <ul>\(talks)</ul>
            <form method="post" action="/zaken/\(id.description)/gesprek">
            \(Layout.csrfField(csrf))
            <label for="datum">\(t.dateLabel)</label><input type="date" id="datum" name="datum" required value="\(value("gesprekken", "datum"))">
            <label for="met">\(t.withWhom)</label><input type="text" id="met" name="met" required value="\(value("gesprekken", "met"))">
            <label for="deelnemers">\(t.present)</label><input type="text" id="deelnemers" name="deelnemers" value="\(value("gesprekken", "deelnemers"))">
            <label for="samenvatting">\(t.summary)</label><textarea id="samenvatting" name="samenvatting" required>\(value("gesprekken", "samenvatting"))</textarea>
            <label for="afspraken">\(t.agreements)</label>
            <textarea id="afspraken" name="afspraken">\(value("gesprekken", "afspraken"))</textarea>
            <label for="vervolg">\(t.followUp)</label><p class="uitleg" id="vervolg-uitleg">\(w.followUpHelp)</p>\
            <input type="text" id="vervolg" name="vervolg" list="vervolg-keuzes" aria-describedby="vervolg-uitleg" value="\(value("gesprekken", "vervolg"))">
            <div><button type="submit">\(t.recordTalk)</button></div>
            </form>
            \(magister)</section>

            <section aria-labelledby="verklaringen"><h2 id="verklaringen">\(w.statementsHeading)</h2>
            \(note("verklaringen"))<ul>\(statements)</ul>\(statementForm)</section>

            <section aria-labelledby="escalatie"><h2 id="escalatie">\(t.escalationHeading)</h2>
            \(note("escalatie"))<ul>\(escalations)</ul>
            \(escalateForm)</section>

            \(try lifecycleSection(v, c, note: note("afsluiten")))
            """
    }

    /// One step of the plan: title, the protocol's guidance, who last changed it, and its form.
    func stepSection(_ s: ChecklistStep, id: CaseID, csrf: String, _ t: any PageText) -> HTML {
        let n = s.step.rawValue
        let options: [HTML] = StepStatus.allCases.map { st in
            st == s.status ? "<option value=\"\(st.rawValue)\" selected>\(t.stepStatus(st))</option>" : "<option value=\"\(st.rawValue)\">\(t.stepStatus(st))</option>"
        }
        let fields: [HTML] = s.step.fieldKeys.map { f in
            """
            <label for="veld-\(n)-\(f.key)">\(t.fieldLabel(nl: f.labelNL, en: f.labelEN))</label>
            <input type="text" id="veld-\(n)-\(f.key)" name="veld-\(f.key)" value="\(s.fields[f.key] ?? "")">
            """
        }
        let done: HTML = s.by.map { "<p class=\"uitleg\">\(t.lastUpdated(by: $0, at: Layout.time(s.at, t)))</p>" } ?? ""
        return """
            <section class="stap" id="stap-\(n)" aria-labelledby="stap-\(n)-kop">
            <h3 id="stap-\(n)-kop">\(t.stepHeading(n, t.stepTitle(s.step))) – <span class="status-\(s.status == .open ? "open" : "gedaan")">\(t.stepStatus(s.status))</span></h3>
            <p class="uitleg">\(t.stepGuidance(s.step))</p>
            \(done)
            <form method="post" action="/zaken/\(id.description)/stap/\(n)">
            \(Layout.csrfField(csrf))
            <label for="status-\(n)">\(t.statusOfStep(n))</label>
            <select id="status-\(n)" name="status">\(options)</select>
            <label for="notitie-\(n)">\(t.note)</label>
            <textarea id="notitie-\(n)" name="notitie">\(s.note ?? "")</textarea>
            \(fields)
            <div><button type="submit">\(t.saveStep(n))</button></div>
            </form>
            </section>
            """
    }
}

/// What a visitor typed into a form that could not be saved: shown again, with the error, at
/// the form's own section, so nothing typed is lost.
struct FormDraft: Sendable {
    var section: String
    var values: [String: String]
    var error: String
}

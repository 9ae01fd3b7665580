import Foundation
import BewaarModel
import BewaarStore
import BewaarAccounts

/// The body of /zaken/ID: parties and handles, the six steps with the protocol's guidance,
/// evidence with the upload form, the record of a sexual image (never the image), talks and
/// agreements, escalation.
extension WebApp {
    /// The format id in words ("unknown" means no importer recognised the file: it is kept as is).
    static func formatText(_ format: String, _ t: any PageText) -> String {
        switch format {
        case "unknown", "": return t.formatUnknown
        default: return format
        }
    }

    func casePage(_ v: Visit, _ c: Case, flash: [UploadOutcome]) throws -> HTML {
        let t = v.t
        let id = c.id
        let csrf = v.session.csrf
        // Parties and handles.
        let people = try store.people(id)
        let handles = try store.handles(id)
        let peopleRows: [HTML] = people.map { p in
            let own = handles.filter { $0.personID == p.id }.map { "\($0.value) (\(t.handleKind($0.kind)))" }.joined(separator: ", ")
            return "<tr><td>\(p.name)</td><td>\(t.personRole(p.role))</td><td>\(p.relatedTo ?? "")</td><td>\(p.group ?? "")</td><td>\(own)</td></tr>"
        }
        let summary: HTML = c.summary.isEmpty ? "" : "<p class=\"bericht\">\(c.summary)</p>"
        let steps: [HTML] = try store.checklist(id).map { stepSection($0, id: id, csrf: csrf, t) }
        // Evidence.
        let itemRows: [HTML] = try store.items(id).map { i in
            let parent: HTML = i.pathInParent.map { " <span class=\"uitleg\">(in \($0))</span>" } ?? ""
            return """
                <tr><td><a href="/zaken/\(id.description)/bewijs/\(i.id)" download>\(i.name)</a>\(parent)</td><td>\(Self.formatText(i.format, t))</td>\
                <td>\(t.itemContent(messages: i.messageCount, warnings: i.warningCount))</td><td>\(Layout.bytes(i.size, t))</td>\
                <td><code>\(String(i.sha256.hex.prefix(16)))…</code></td><td>\(i.collectedBy), \(Layout.time(i.collectedAt, t))</td></tr>
                """
        }
        let flashHTML: [HTML] = flash.map { f in
            let w: HTML = f.warnings.isEmpty ? "" : "<ul>\(f.warnings.map { w -> HTML in "<li>\(w)</li>" })</ul>"
            return f.ok
                ? "<div class=\"goed\" role=\"status\"><strong>\(f.name)</strong>: \(Self.formatText(f.format, t)), \(t.itemContent(messages: f.messages, warnings: f.warnings.count)). \(f.note)\(w)</div>"
                : "<div class=\"melding\" role=\"alert\"><strong>\(f.name)</strong>: \(f.note)</div>"
        }
        // Observations, talks, escalations.
        let observations: [HTML] = try store.observations(id).map { o in
            "<li>\(o.kind == .seksueleAfbeelding ? t.imageRecorded : t.notStoredObservation): \(o.description) – \(t.senderWord) \(o.sender ?? t.unknown), \(o.when ?? "") \(o.place ?? "") <span class=\"uitleg\">\(t.recordedBy(o.recordedBy, at: Layout.time(o.recordedAt, t)))</span></li>"
        }
        let talks: [HTML] = try store.talks(id).map { talk in
            let agreements: HTML = talk.agreements.isEmpty ? "" : "<ul>\(talk.agreements.map { a -> HTML in "<li>\(a)</li>" })</ul>"
            return "<li><strong>\(talk.date)</strong> \(t.withWord) \(talk.withWhom.joined(separator: ", ")): <span class=\"bericht\">\(talk.summary)</span>\(agreements)</li>"
        }
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
            <section aria-labelledby="toegang"><h2 id="toegang">\(t.access.accessHeading)</h2>
            <p class="uitleg">\(t.access.accessExplain)</p><ul>\(linkItems)</ul>\(grantForm)</section>
            """
        return """
            \(summary)
            <section aria-labelledby="betrokkenen"><h2 id="betrokkenen">\(t.peopleHeading)</h2>
            <table><thead><tr><th scope="col">\(t.colName)</th><th scope="col">\(t.colRole)</th><th scope="col">\(t.colRelatedTo)</th><th scope="col">\(t.colGroup)</th><th scope="col">\(t.colHandles)</th></tr></thead>
            <tbody>\(peopleRows)</tbody></table></section>

            \(accessSection)

            <section aria-labelledby="stappenplan"><h2 id="stappenplan">\(t.planHeading)</h2>\(steps)</section>

            <section aria-labelledby="bewijs"><h2 id="bewijs">\(t.evidenceHeading)</h2>
            \(flashHTML)
            <table><thead><tr><th scope="col">\(t.colFileDownload)</th><th scope="col">\(t.colKind)</th><th scope="col">\(t.colContent)</th><th scope="col">\(t.colSize)</th><th scope="col">SHA-256</th><th scope="col">\(t.colStoredBy)</th></tr></thead>
            <tbody>\(itemRows)</tbody></table>
            <form class="upload" method="post" enctype="multipart/form-data" action="/zaken/\(id.description)/bewijs" \
            data-sent="\(t.jsSent)" data-failed="\(t.jsFailed)" data-broken="\(t.jsBroken)">
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
            <ul>\(talks)</ul>
            <form method="post" action="/zaken/\(id.description)/gesprek">
            \(Layout.csrfField(csrf))
            <label for="datum">\(t.dateLabel)</label><input type="date" id="datum" name="datum" required>
            <label for="met">\(t.withWhom)</label><input type="text" id="met" name="met" required>
            <label for="deelnemers">\(t.present)</label><input type="text" id="deelnemers" name="deelnemers">
            <label for="samenvatting">\(t.summary)</label><textarea id="samenvatting" name="samenvatting" required></textarea>
            <label for="afspraken">\(t.agreements)</label><textarea id="afspraken" name="afspraken"></textarea>
            <label for="vervolg">\(t.followUp)</label><input type="text" id="vervolg" name="vervolg">
            <div><button type="submit">\(t.recordTalk)</button></div>
            </form></section>

            <section aria-labelledby="escalatie"><h2 id="escalatie">\(t.escalationHeading)</h2>
            <ul>\(escalations)</ul>
            \(escalateForm)</section>
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

import Foundation
import Hummingbird
import BewaarKit
import BewaarStore

/// /instellingen: settings of the signed-in account (every role). For now the language of the
/// pages, Nederlands or English, stored with the account so it holds on every next login.
extension WebApp {
    /// The language form's field.
    struct LanguageForm: Decodable {
        var taal: String?
    }

    /// The fields of the form that changes one's own password.
    struct PasswordForm: Decodable {
        var huidig: String?
        var nieuw: String?
        var herhaling: String?
    }

    func addSettingsRoutes(_ signedIn: RouterGroup<SignedInContext>) {
        signedIn.get("/instellingen") { request, context -> Response in
            let v = context.visit
            let query = QueryFields(of: request)
            return self.page(v, title: v.t.settingsTitle, current: "instellingen",
                             self.settingsPage(v, saved: query["opgeslagen"] == "1", passwordChanged: query["wachtwoord"] == "1"))
        }
        signedIn.post("/instellingen") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: LanguageForm.self)
            guard let language = form.taal.flatMap(Language.init(rawValue:)) else {
                throw PageError.failed(v.t, v.t.chooseLanguage, back: "/instellingen")
            }
            do { try self.store.setLanguage(language.rawValue, account: v.account.name, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/instellingen")
            }
            return .seeOther("/instellingen?opgeslagen=1")
        }
        signedIn.post("/instellingen/wachtwoord") { request, context -> Response in
            let v = context.visit
            let form = try await self.form(request, v.session, as: PasswordForm.self)
            if let wait = await self.throttle.take(self.client(request, context)) {
                throw PageError.failed(v.t, v.t.access.tooManyLogins(seconds: wait), back: "/instellingen", status: .tooManyRequests)
            }
            let new = form.nieuw ?? ""
            guard new == (form.herhaling ?? "") else { throw PageError.failed(v.t, v.t.access.passwordsDiffer, back: "/instellingen") }
            let accounts = self.accounts, name = v.account.name, current = form.huidig ?? "", keep = v.session.key
            do {
                try await self.passwordWork.run { try accounts.changePassword(name: name, current: current, new: new, keepSession: keep) }
            } catch is PasswordWork.Busy {
                throw PageError.failed(v.t, v.t.access.loginBusy, back: "/instellingen", status: .serviceUnavailable)
            } catch { throw self.problem(error, v.t, back: "/instellingen") }
            return .seeOther("/instellingen?wachtwoord=1")
        }
    }

    func settingsPage(_ v: Visit, saved: Bool, passwordChanged: Bool = false) -> HTML {
        let t = v.t
        // Each language is named in itself, as language pickers do.
        let choices: [HTML] = [(Language.nl, "Nederlands"), (Language.en, "English")].map { language, name in
            let checked: HTML = language == v.session.language ? " checked" : ""
            return """
                <div><input type="radio" id="taal-\(language.rawValue)" name="taal" value="\(language.rawValue)"\(checked)> \
                <label class="keuze" for="taal-\(language.rawValue)" lang="\(language.rawValue)">\(name)</label></div>
                """
        }
        let note: HTML = saved ? "<p class=\"goed\" role=\"status\">\(t.saved)</p>" : ""
        return """
            \(note)
            <form method="post" action="/instellingen">
            \(Layout.csrfField(v.session.csrf))
            <fieldset><legend>\(t.languageLegend)</legend>
            \(choices)
            <p class="uitleg">\(t.languageHelp)</p>
            </fieldset>
            <div><button type="submit">\(t.save)</button></div>
            </form>
            <h2>\(t.access.changePasswordHeading)</h2>
            \(passwordChanged ? HTML(raw: "<p class=\"goed\" role=\"status\">" + HTML.escape(t.access.passwordChanged) + "</p>") : "")
            <form method="post" action="/instellingen/wachtwoord">
            \(Layout.csrfField(v.session.csrf))
            <label for="huidig">\(t.access.currentPassword)</label><input type="password" id="huidig" name="huidig" autocomplete="current-password" required>
            <label for="nieuw">\(t.access.newPassword)</label><input type="password" id="nieuw" name="nieuw" autocomplete="new-password" minlength="10" required>
            <label for="herhaling">\(t.access.repeatPassword)</label><input type="password" id="herhaling" name="herhaling" autocomplete="new-password" minlength="10" required>
            <div><button type="submit">\(t.access.changePasswordButton)</button></div>
            </form>
            """
    }
}

#if Web
import Foundation
import Hummingbird
import BewaarKit
import BewaarStore

/// /instellingen: settings of the signed-in account (every role). For now the language of the
/// pages, Nederlands or English, stored with the account so it holds on every next login.
extension WebApp {
    func addSettingsRoutes(_ router: Router<BasicRequestContext>) {
        router.get("/instellingen") { request, _ -> Response in
            let v = try self.visit(request)
            let saved = FormData(request.uri.query ?? "")["opgeslagen"] == "1"
            return self.page(v, title: v.t.settingsTitle, current: "instellingen", self.settingsPage(v, saved: saved))
        }
        router.post("/instellingen") { request, _ -> Response in
            let v = try self.visit(request)
            let form = try await self.form(request, v.session)
            guard let language = form["taal"].flatMap(Language.init(rawValue:)) else {
                throw PageError.failed(v.t, v.t.chooseLanguage, back: "/instellingen")
            }
            do { try self.store.setLanguage(language.rawValue, account: v.account.name, actor: v.account.name) } catch {
                throw self.problem(error, v.t, back: "/instellingen")
            }
            throw PageError.redirect("/instellingen?opgeslagen=1")
        }
    }

    func settingsPage(_ v: Visit, saved: Bool) -> HTML {
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
            """
    }
}
#endif

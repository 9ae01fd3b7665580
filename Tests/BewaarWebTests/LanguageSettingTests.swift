import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarStore
@testable import BewaarWeb

/// English pages via /instellingen: stored with the account, every page follows, evidence is
/// never translated, URLs stay Dutch.
@Suite struct LanguageSettingTests {
    /// Dutch words of the interface that must not show on an English page.
    static let dutchWords = ["Stappenplan", "Betrokkenen", "Opslaan", "Uitloggen", "Ingelogd", "Tijdlijn", "Logboek", "Zoeken",
                             "Markeer", "Herkomst", "Bewaard door", "Mijn zaken", "Gemarkeerd", "Bestanden", "Instellingen"]

    func pages(_ f: WebFixture) -> [String] {
        let id = f.caseID.description
        return ["/zaken", "/zaken/\(id)", "/zaken/\(id)/tijdlijn", "/zaken/\(id)/pakket", "/zaken/\(id)/logboek", "/herkomst",
                "/herkomst/\(f.mailItem.id)", "/instellingen"]
    }

    @Test func theMentorSwitchesToEnglishAndEveryPageFollowsButNotTheEvidence() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/instellingen", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("<html lang=\"nl\">"))
                #expect(page.contains("<legend>Taal van de pagina&#39;s</legend>"))
                #expect(page.contains("<label class=\"keuze\" for=\"taal-en\" lang=\"en\">English</label>"))
                #expect(page.contains("value=\"nl\" checked"))
            }
            try await client.execute(uri: "/zaken/\(id)", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Stappenplan cyberpesten") && page.contains("Berichten bewaren"))
            }
            let (h, body) = b.form(["_csrf": b.csrf, "taal": "en"])
            try await client.execute(uri: "/instellingen", method: .post, headers: h, body: body) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/instellingen?opgeslagen=1")
            }
            try await client.execute(uri: "/instellingen?opgeslagen=1", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Saved."))
                #expect(page.contains("value=\"en\" checked"))
            }
            for path in pages(f) {
                try await client.execute(uri: path, method: .get, headers: b.headers) { r in
                    #expect(r.status == .ok, "\(path)")
                    let page = String(buffer: r.body)
                    #expect(page.contains("<html lang=\"en\">"), "\(path)")
                    #expect(page.contains("Signed in as <strong>J. Bakker</strong> (mentor)"), "\(path)")
                    for word in Self.dutchWords { #expect(!page.contains(word), "\(path) still says \(word)") }
                }
            }
            try await client.execute(uri: "/zaken/\(id)", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Six-step plan after a report of cyberbullying"))
                #expect(page.contains("Step 1. Save the messages"))
                #expect(page.contains("Try to save the messages that show the bullying."))
                #expect(page.contains(">victim</td>"))
                #expect(page.contains("WhatsApp-chat &quot;2B&quot; &lt;groep&gt;.txt"), "file names stay as they are")
                #expect(page.contains("href=\"/zaken/\(id)/tijdlijn\""), "URLs stay Dutch")
            }
            try await client.execute(uri: "/zaken/\(id)/tijdlijn", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("Niemand wil jou in de groep"), "evidence is never translated")
            }
            // Refusals and errors follow the setting too.
            try await client.execute(uri: "/beheer", method: .get, headers: b.headers) { r in
                #expect(r.status == .forbidden)
                #expect(String(buffer: r.body).contains("As mentor you have no access to this page."))
            }
            try await client.execute(uri: "/bestaat-niet", method: .get, headers: b.headers) { r in
                #expect(r.status == .notFound)
                #expect(String(buffer: r.body).contains("This page does not exist."))
            }
        }
        #expect(try f.store.account(named: "J. Bakker")?.language == "en")
        #expect(try f.store.events(chain: CaseStore.storeChain).contains { $0.action.rawValue == "account-setting-changed" && $0.details["language"] == "en" })
    }

    @Test func theLanguageHoldsOverANewLoginAndARestart() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "S. Systeem"))
            let (h, body) = b.form(["_csrf": b.csrf, "taal": "en"])
            try await client.execute(uri: "/instellingen", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            let (lh, lbody) = b.form(["_csrf": b.csrf])
            try await client.execute(uri: "/uitloggen", method: .post, headers: lh, body: lbody) { #expect($0.status == .seeOther) }
        }
        try await f.app().test(.router) { client in
            try await client.execute(uri: "/inloggen", method: .get) { r in
                #expect(String(buffer: r.body).contains("<html lang=\"nl\">"), "before login nobody's setting is known")
            }
            let b = try #require(try await login(client, "S. Systeem"))
            try await client.execute(uri: "/herkomst", method: .get, headers: b.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("<html lang=\"en\">"))
                #expect(page.contains("<h1>Origin of an e-mail</h1>"))
                #expect(page.contains("As system administrator you see only the header lines"))
            }
            // Another account keeps its own (Dutch) pages.
            let m = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken", method: .get, headers: m.headers) { r in
                #expect(String(buffer: r.body).contains("<h1>Mijn zaken</h1>"))
            }
        }
    }

    @Test func theSettingFormNeedsItsCSRFToken() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            for token in ["", String(repeating: "0", count: 64)] {
                let (h, body) = b.form(["_csrf": token, "taal": "en"])
                try await client.execute(uri: "/instellingen", method: .post, headers: h, body: body) { r in
                    #expect(r.status == .forbidden)
                    #expect(String(buffer: r.body).contains("Formulier verlopen"))
                }
            }
            let (h, body) = b.form(["_csrf": b.csrf, "taal": "fr"])
            try await client.execute(uri: "/instellingen", method: .post, headers: h, body: body) { r in
                #expect(r.status == .badRequest)
                #expect(String(buffer: r.body).contains("Kies Nederlands of English"))
            }
        }
        #expect(try f.store.account(named: "J. Bakker")?.language == "nl")
    }
}

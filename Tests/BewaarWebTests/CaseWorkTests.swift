import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarKit
@testable import BewaarWeb
import BewaarTestSupport

/// The mentor's whole job in the browser: open a case, people, talks, withdraw a wrong file,
/// plain warnings, plain Dutch.
@Suite struct CaseWorkTests {
    @Test func aMentorOpensACaseInTheBrowserAndIsItsMentor() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let k = try #require(try await login(client, "K. Smit"))
            try await client.execute(uri: "/zaken", method: .get, headers: k.headers) { r in
                #expect(String(buffer: r.body).contains("href=\"/zaken/nieuw\""))
            }
            var (h, body) = k.form(["_csrf": k.csrf, "titel": "", "leerling-1": "Sanne de Vries", "klas-1": "2B"])
            try await client.execute(uri: "/zaken/nieuw", method: .post, headers: h, body: body) { r in
                #expect(r.status == .badRequest)
                let page = String(buffer: r.body)
                #expect(page.contains("Geef de zaak een korte titel.") && page.contains("value=\"Sanne de Vries\""), "what was typed is kept")
            }
            (h, body) = k.form(["_csrf": k.csrf, "titel": "Uitgesloten in 3A", "leerling-1": "Sanne de Vries", "rol-1": "slachtoffer", "klas-1": "3A",
                                "leerling-2": "Daan Jansen", "rol-2": "vermoedelijke-dader", "klas-2": "3A"])
            let location = try await client.execute(uri: "/zaken/nieuw", method: .post, headers: h, body: body) { r -> String in
                #expect(r.status == .seeOther)
                return r.headers[.location] ?? ""
            }
            #expect(location.contains("opgeslagen=overzicht"))
            try await client.execute(uri: location, method: .get, headers: k.headers) { r in
                #expect(r.status == .ok)
                let page = String(buffer: r.body)
                #expect(page.contains("Uitgesloten in 3A") && page.contains("Volgende stap"))
            }
        }
        let c = try #require(try f.store.cases().first { $0.title == "Uitgesloten in 3A" })
        #expect(try f.store.people(c.id).map(\.name).sorted() == ["Daan Jansen", "K. Smit", "Sanne de Vries"])
        #expect(try f.store.people(c.id).first { $0.name == "Daan Jansen" }?.group == "3A")
        #expect(try f.store.hasAccess(account: "K. Smit", role: "mentor", to: c.id))
    }

    @Test func aPersonIsAddedAndChangedAndAnAuthorIsLinkedFromTheSuggestions() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken/\(f.caseID)/afzenders", method: .get, headers: m.headers) { r in
                #expect(String(buffer: r.body).contains("Lotte Visser (1 bericht)"), "the chat's unlinked sender is suggested")
            }
            var (h, body) = m.form(["_csrf": m.csrf, "persoon": "Sanne de Vries", "handle": "Lotte Visser", "soort": "naam"])
            try await client.execute(uri: "/zaken/\(f.caseID)/koppelen", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            (h, body) = m.form(["_csrf": m.csrf, "naam": "Lotte Visser", "rol": "getuige", "klas": "2B"])
            try await client.execute(uri: "/zaken/\(f.caseID)/personen", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            let lotte = try #require(try f.store.people(f.caseID).first { $0.name == "Lotte Visser" }?.id)
            (h, body) = m.form(["_csrf": m.csrf, "rol": "melder", "klas": "2C"])
            try await client.execute(uri: "/zaken/\(f.caseID)/personen/\(lotte)", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
        }
        let lotte = try #require(try f.store.people(f.caseID).first { $0.name == "Lotte Visser" })
        #expect(lotte.role == .melder && lotte.group == "2C")
        #expect(try f.store.handles(f.caseID).contains { $0.value == "Lotte Visser" })
        #expect(try f.store.events(chain: f.caseID.description).contains { $0.action.rawValue == "person-changed" && $0.details["previousRole"] == "getuige" })
    }

    @Test func threeAgreementsOnThreeLinesAreThreeAndAFailedTalkKeepsWhatWasTyped() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            var (h, body) = m.form(["_csrf": m.csrf, "datum": "morgen", "met": "Daan Jansen", "samenvatting": "Lange samenvatting die niet verloren mag gaan",
                                    "afspraken": "een\r\ntwee\r\ndrie"])
            try await client.execute(uri: "/zaken/\(f.caseID)/gesprek", method: .post, headers: h, body: body) { r in
                #expect(r.status == .badRequest)
                let page = String(buffer: r.body)
                #expect(page.contains("Lange samenvatting die niet verloren mag gaan"), "a failed form keeps its input")
                #expect(page.contains("jjjj-mm-dd"))
            }
            (h, body) = m.form(["_csrf": m.csrf, "datum": "2026-12-03", "met": "Daan Jansen, Sanne de Vries", "samenvatting": "Gesprek",
                                "afspraken": "Daan stuurt geen berichten meer\r\nSanne meldt nieuwe berichten\r\nEvaluatie met ouders", "vervolg": "na de kerstvakantie"])
            try await client.execute(uri: "/zaken/\(f.caseID)/gesprek", method: .post, headers: h, body: body) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/zaken/\(f.caseID)?opgeslagen=gesprekken#gesprekken")
            }
            try await client.execute(uri: "/zaken/\(f.caseID)?opgeslagen=gesprekken", method: .get, headers: m.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("3 dec 2026") && !page.contains(">2026-12-03<"), "one date style")
                #expect(page.contains("3 afspraken") && page.contains("Opgeslagen."))
                #expect(page.contains("Afspraak 3: Evaluatie met ouders"), "the Magister text")
            }
        }
        let talk = try #require(try f.store.talks(f.caseID).first)
        #expect(talk.agreements == ["Daan stuurt geen berichten meer", "Sanne meldt nieuwe berichten", "Evaluatie met ouders"])
        #expect(talk.followUp == "na de kerstvakantie")
    }

    @Test func aWrongUploadIsWithdrawnWithAReasonAndLeavesTheTimelineAndReport() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            var (h, body) = m.form(["_csrf": m.csrf, "reden": ""])
            try await client.execute(uri: "/zaken/\(f.caseID)/bewijs/\(f.chatItem.id)/terugtrekken", method: .post, headers: h, body: body) {
                #expect($0.status == .badRequest)
            }
            (h, body) = m.form(["_csrf": m.csrf, "reden": "chat van een andere klas"])
            try await client.execute(uri: "/zaken/\(f.caseID)/bewijs/\(f.chatItem.id)/terugtrekken", method: .post, headers: h, body: body) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/zaken/\(f.caseID)/tijdlijn", method: .get, headers: m.headers) { r in
                #expect(!String(buffer: r.body).contains("Niemand wil jou"))
            }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: m.headers) { r in
                #expect(String(buffer: r.body).contains("Teruggetrokken door J. Bakker"))
            }
        }
        #expect(try f.store.events(chain: f.caseID.description).contains { $0.action.rawValue == "item-withdrawn" && $0.details["reason"] == "chat van een andere klas" })
        #expect(FileManager.default.fileExists(atPath: f.store.objects.path(for: f.chatItem.sha256)), "the original stays")
        let folder = f.folder + "/pakket"
        _ = try PacketMaker(store: f.store).make(f.caseID, folder: folder, actor: "J. Bakker")
        let html = try String(contentsOfFile: folder + "/rapport.html", encoding: .utf8)
        #expect(!html.contains("WhatsApp-chat &quot;2B&quot;") && html.contains("anonieme-mail.eml"))
    }

    @Test func emptyAndUnknownFilesAreStoredWithAPlainWarning() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let h = m.multipartHeaders
            let location = try await client.execute(uri: "/zaken/\(f.caseID)/bewijs", method: .post, headers: h,
                                                    body: ByteBuffer(string: Multipart.body(csrf: m.csrf, [("leeg.txt", ""), ("raar.bin", "\u{1}\u{2}\u{3}xyz"),
                                                        ("WhatsApp-chat met Klas 2C.txt", "04-03-2026 10:00 - Daan Jansen: hoi\n04-03-2026 10:01 - Sanne de Vries: hallo\n")]))) {
                $0.headers[.location] ?? ""
            }
            try await client.execute(uri: location, method: .get, headers: m.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Het bestand is leeg (0 bytes)"))
                #expect(page.contains("leeg bestand"), "the evidence table says so too")
                #expect(page.contains("WhatsApp-chat, 2 berichten"), "the upload says how many messages went into the store")
            }
        }
    }

    @Test func theAfdelingsleiderSeesANewBadgeUntilOpeningTheCase() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let a = try #require(try await login(client, "A. de Groot"))
            let (h, body) = m.form(["_csrf": m.csrf, "aan": "A. de Groot", "reden": "herhaling", "toelichting": "derde keer na afspraken"])
            _ = try await client.execute(uri: "/zaken/\(f.caseID)/escaleren", method: .post, headers: h, body: body) { $0.status }
            try await client.execute(uri: "/zaken", method: .get, headers: a.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Naar mij geëscaleerd") && page.contains("<span class=\"nieuw\">nieuw</span>"))
            }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: a.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("Deze zaak is geëscaleerd") && page.contains("derde keer na afspraken"), "the reason at the top")
            }
            try await client.execute(uri: "/zaken", method: .get, headers: a.headers) { r in
                #expect(!String(buffer: r.body).contains("<span class=\"nieuw\">"))
            }
        }
    }

    /// No page shows event codes, format codes, command-line options or "1 berichten".
    @Test func pagesSpeakDutchAsTeachersWriteIt() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        _ = try f.store.updateStep(f.caseID, step: .blokkeren, update: ChecklistUpdate(status: .nietVanToepassing), actor: "J. Bakker")
        _ = try ChatSeed.record(in: f.store, case: f.caseID, messages: [("Daan Jansen", "nog één")])
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let (h, body) = m.form(["_csrf": m.csrf, "aan": "A. de Groot", "reden": "herhaling"])
            _ = try await client.execute(uri: "/zaken/\(f.caseID)/escaleren", method: .post, headers: h, body: body) { $0.status }
            for path in ["/zaken", "/zaken/\(f.caseID)", "/zaken/\(f.caseID)/tijdlijn", "/zaken/\(f.caseID)/pakket", "/instellingen", "/herkomst"] {
                try await client.execute(uri: path, method: .get, headers: m.headers) { r in
                    // What a reader sees: the text, not the values of form fields.
                    let page = String(buffer: r.body).replacing(/<[^>]*>/, with: " ")
                    for code in ["packet-made", "page-viewed", "case-escalated", "niet-van-toepassing", "vermoedelijke-dader", "geescaleerd",
                                 "--date-order", "bewaar user add", " whatsapp ", "1 berichten", "1 waarschuwingen", "1 bestanden"] {
                        #expect(!page.contains(code), "\(path) shows \(code)")
                    }
                    #expect(page.firstMatch(of: /[^0-9]1 (berichten|waarschuwingen|bestanden|afspraken|zaken)/) == nil, "\(path): singular after 1")
                }
            }
        }
    }
}

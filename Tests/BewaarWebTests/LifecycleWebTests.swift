import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb

/// The end of a case in the browser: the mentor proposes closing, the case's afdelingsleider
/// closes it and places a legal hold, the retention overview shows it to the afdelingsleider and
/// the beheerder (without its title to the beheerder, who reads no case), and once the period has
/// passed the case is destroyed behind a form where its number is typed again. Those who had
/// access are then told it was destroyed; to anyone else it never existed.
@Suite struct LifecycleWebTests {
    func post(
        _ client: some TestClientProtocol, _ b: Browser, _ uri: String, _ fields: [String: String]
    ) async throws -> (HTTPResponse.Status, String) {
        var all = fields
        all["_csrf"] = all["_csrf"] ?? b.csrf
        let (headers, body) = b.form(all)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body) { ($0.status, String(buffer: $0.body)) }
    }

    func get(_ client: some TestClientProtocol, _ b: Browser, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: b.headers) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func theMentorProposesTheAfdelingsleiderClosesHoldsAndTheOverviewShowsIt() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try f.store.grantAccess(f.caseID, account: "A. de Groot", role: "afdelingsleider", actor: "J. Bakker", reason: "herhaling")
        try await f.app().test(.router) { client in
            let mentor = try #require(try await login(client, "J. Bakker"))
            let head = try #require(try await login(client, "A. de Groot"))
            let beheer = try #require(try await login(client, "B. Beheer"))
            // The mentor proposes; closing is refused to them.
            let page = try await get(client, mentor, "/zaken/\(id)").1
            #expect(page.contains("action=\"/zaken/\(id)/afsluiten/voorstel\"") && !page.contains("action=\"/zaken/\(id)/afsluiten\""))
            #expect(page.contains("loopt nog"))
            #expect(try await post(client, mentor, "/zaken/\(id)/afsluiten", ["uitkomst": "opgelost", "reden": "klaar"]).0 == .forbidden)
            #expect(
                try await post(client, mentor, "/zaken/\(id)/afsluiten/voorstel", ["uitkomst": "opgelost", "reden": "<b>afspraken</b> nagekomen"]).0
                    == .seeOther)
            #expect(try f.store.events(chain: id).last?.action == .closeProposed)
            // The afdelingsleider sees the proposal (escaped) and closes.
            let seen = try await get(client, head, "/zaken/\(id)").1
            #expect(seen.contains("J. Bakker stelde op") && seen.contains("&lt;b&gt;afspraken&lt;/b&gt;") && !seen.contains("<b>afspraken"))
            #expect(try await get(client, head, "/bewaartermijn").1.contains("Voorstellen tot sluiten"))
            #expect(try await post(client, head, "/zaken/\(id)/afsluiten", ["uitkomst": "onzin", "reden": "x"]).0 == .badRequest)
            #expect(try await post(client, head, "/zaken/\(id)/afsluiten", ["uitkomst": "opgelost", "reden": ""]).0 == .badRequest)
            #expect(
                try await post(client, head, "/zaken/\(id)/afsluiten", ["uitkomst": "aangifte-gedaan", "reden": "ouders deden aangifte"]).0
                    == .seeOther)
            #expect(try f.store.case(f.caseID).status == .closed)
            #expect(try await post(client, head, "/zaken/\(id)/bewaarplicht", ["reden": "aangifte gedaan"]).0 == .seeOther)
            #expect(try f.store.case(f.caseID).hold?.reason == "aangifte gedaan")
            let closed = try await get(client, head, "/zaken/\(id)").1
            #expect(closed.contains("Gesloten op") && closed.contains("aangifte gedaan") && closed.contains("Bewaarplicht sinds"))
            #expect(closed.contains("action=\"/zaken/\(id)/heropenen\"") && closed.contains("action=\"/zaken/\(id)/bewaarplicht/opheffen\""))
            let list = try await get(client, mentor, "/zaken").1
            #expect(list.contains("gesloten") && list.contains("bewaarplicht") && list.contains("bewaren tot"))
            // The beheerder sees the hold, never the title.
            let overview = try await get(client, beheer, "/bewaartermijn")
            #expect(overview.0 == .ok && overview.1.contains(id) && overview.1.contains("aangifte gedaan"))
            #expect(!overview.1.contains("Pesten in groepsapp"))
            #expect(try await get(client, mentor, "/bewaartermijn").0 == .forbidden)
            // The beheerder sets the policy; an afdelingsleider cannot.
            #expect(overview.1.contains("action=\"/beheer/bewaartermijn\""))
            #expect(!(try await get(client, head, "/bewaartermijn").1.contains("action=\"/beheer/bewaartermijn\"")))
            #expect(try await post(client, head, "/beheer/bewaartermijn", ["maanden": "12", "reden": "x"]).0 == .forbidden)
            #expect(try await post(client, beheer, "/beheer/bewaartermijn", ["maanden": "0", "reden": "x"]).0 == .badRequest)
            #expect(try await post(client, beheer, "/beheer/bewaartermijn", ["maanden": "12", "reden": "besluit MR"]).0 == .seeOther)
            #expect(try f.store.retentionPolicy().months == 12)
            #expect(try f.store.events(chain: CaseStore.storeChain).last?.action == .retentionPolicyChanged)
            // Every change is an event in the case's chain.
            let actions = try f.store.events(chain: id).map(\.action)
            #expect(actions.contains(.caseClosed) && actions.contains(.holdPlaced))
            #expect(try f.store.verifyChain(id).intact)
        }
    }

    @Test func aDueCaseIsDestroyedBehindAConfirmationAndThoseWhoHadAccessAreTold() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        try f.store.closeCase(f.caseID, outcome: .resolved, reason: "opgelost", actor: "A. de Groot")
        try f.store.placeHold(f.caseID, reason: "aangifte gedaan", actor: "A. de Groot")
        // The same store two years and a month later.
        let later = try CaseStore(
            path: f.folder, create: false, clock: { Date().addingTimeInterval(25 * 31 * 86400) },
            modules: WebServer.storeModules)
        let app = Application(router: WebServer.router(store: later, configuration: f.configuration()))
        try await app.test(.router) { client in
            let head = try #require(try await login(client, "A. de Groot"))
            let form = "/bewaartermijn/\(id)/vernietigen"
            // On hold: no form, and a post is refused with the reason.
            #expect(try await get(client, head, "/bewaartermijn").1.contains("Op bewaarplicht"))
            #expect(!(try await get(client, head, form).1.contains("name=\"bevestiging\"")))
            let held = try await post(client, head, form, ["bevestiging": id, "reden": "termijn verstreken"])
            #expect(held.0 == .badRequest && held.1.contains("bewaarplicht"))
            try later.releaseHold(f.caseID, reason: "politie klaar", actor: "A. de Groot")
            let overview = try await get(client, head, "/bewaartermijn").1
            #expect(overview.contains("href=\"\(form)\""))
            #expect(try await get(client, head, form).1.contains("name=\"bevestiging\""))
            // A wrong number, a missing reason or a missing token destroy nothing.
            #expect(try await post(client, head, form, ["bevestiging": "2026-9999", "reden": "x"]).1.contains("niets vernietigd"))
            #expect(try await post(client, head, form, ["bevestiging": id, "reden": " "]).0 == .badRequest)
            #expect(try await post(client, head, form, ["bevestiging": id, "reden": "x", "_csrf": "0"]).0 == .forbidden)
            #expect(try later.case(f.caseID).title == "Pesten in groepsapp 2B")
            let done = try await post(client, head, form, ["bevestiging": id, "reden": "bewaartermijn verstreken"])
            #expect(done.0 == .ok && done.1.contains("is vernietigd"))
            let record = try #require(try later.destruction(of: f.caseID))
            #expect(record.actor == "A. de Groot" && record.actorRole == "afdelingsleider" && record.accounts == ["J. Bakker"])
            #expect(try later.check().intact)
            // The mentor who had access is told; another mentor sees a plain 404.
            let mentor = try #require(try await login(client, "J. Bakker"))
            let notice = try await get(client, mentor, "/zaken/\(id)")
            #expect(notice.0 == .gone && notice.1.contains("is vernietigd op") && notice.1.contains("bewaartermijn verstreken"))
            #expect(try await get(client, mentor, "/zaken").1.contains("Vernietigde zaken"))
            let other = try #require(try await login(client, "K. Smit"))
            let stranger = try await get(client, other, "/zaken/\(id)")
            #expect(stranger.0 == .notFound && !stranger.1.contains("vernietigd"))
            #expect(try await get(client, head, "/bewaartermijn").1.contains("bewaartermijn verstreken"))
        }
    }
}

import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb

/// Access to a case follows explicit, logged, revocable links — never a name on the case — and
/// the beheerder manages accounts without ever knowing or setting a password.
@Suite struct AccessLinkTests {
    /// The attack: a beheerder makes an account named like the victim's mother on the case.
    @Test func anAccountNamedLikeAParentOnTheCaseSeesNothing() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try f.store.addPerson(Person(name: "Marieke de Vries", role: .ouder, relatedTo: "Sanne de Vries"), to: f.caseID, actor: "J. Bakker")
        try f.store.addPerson(Person(name: "P. Peters", role: .mentor), to: f.caseID, actor: "J. Bakker")
        let accounts = Accounts(store: f.store, hasher: .forTests)
        try accounts.add(name: "Marieke de Vries", role: .mentor, password: WebFixture.password, actor: "B. Beheer")
        try accounts.add(name: "P. Peters", role: .mentor, password: WebFixture.password, actor: "B. Beheer")
        try await f.app().test(.router) { client in
            for name in ["Marieke de Vries", "P. Peters"] {
                let b = try #require(try await login(client, name))
                try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: b.headers) { r in
                    #expect(r.status == .notFound, "a name on the case (even a staff person's) gives \(name) no access")
                    #expect(!String(buffer: r.body).contains("Niemand wil jou"))
                }
                try await client.execute(uri: "/zaken/\(f.caseID)/bewijs/\(f.chatItem.id)", method: .get, headers: b.headers) { #expect($0.status == .notFound) }
            }
        }
    }

    /// The mentor of the case gives a colleague access and takes it back; both are in the log.
    @Test func theMentorGivesAndRevokesAccessAndTheLogSaysSo() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let k = try #require(try await login(client, "K. Smit"))
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: k.headers) { #expect($0.status == .notFound) }
            // An afdelingsleider comes by escalation, not by this form.
            var (h, body) = m.form(["_csrf": m.csrf, "account": "A. de Groot"])
            try await client.execute(uri: "/zaken/\(f.caseID)/toegang", method: .post, headers: h, body: body) { #expect($0.status == .badRequest) }
            (h, body) = m.form(["_csrf": m.csrf, "account": "K. Smit", "reden": "duo-mentor"])
            try await client.execute(uri: "/zaken/\(f.caseID)/toegang", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: k.headers) { #expect($0.status == .ok) }
            let link = try #require(try f.store.accessLinks(f.caseID).first { $0.account == "K. Smit" && $0.isActive })
            // An afdelingsleider the case was not escalated to cannot touch its access.
            let a = try #require(try await login(client, "A. de Groot"))
            (h, body) = a.form(["_csrf": a.csrf, "link": String(link.id)])
            try await client.execute(uri: "/zaken/\(f.caseID)/toegang", method: .post, headers: h, body: body) { #expect($0.status == .notFound) }
            #expect(try f.store.hasAccess(account: "K. Smit", role: "mentor", to: f.caseID))
            (h, body) = m.form(["_csrf": m.csrf, "link": String(link.id), "reden": "klaar"])
            try await client.execute(uri: "/zaken/\(f.caseID)/toegang", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: k.headers) { #expect($0.status == .notFound) }
        }
        let actions = try f.store.events(chain: f.caseID.description).map { ($0.action.rawValue, $0.actor) }
        #expect(actions.contains { $0 == ("access-granted", "J. Bakker") })
        #expect(actions.contains { $0.0 == "access-revoked" })
        #expect(try f.store.verifyChain(f.caseID.description).intact)
    }

    /// Escalation goes to an afdelingsleider account picked from a list, gives it access, and can
    /// be undone (which ends that access).
    @Test func escalationGoesToAPickedAccountAndCanBeUndone() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let a = try #require(try await login(client, "A. de Groot"))
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: m.headers) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("<select id=\"aan\" name=\"aan\" required><option value=\"A. de Groot\">A. de Groot</option></select>"))
            }
            // A typed name that is no afdelingsleider account sends the case to nobody: refused.
            for to in ["A. de Grot", "K. Smit"] {
                let (h, body) = m.form(["_csrf": m.csrf, "aan": to, "reden": "herhaling"])
                try await client.execute(uri: "/zaken/\(f.caseID)/escaleren", method: .post, headers: h, body: body) { #expect($0.status == .badRequest) }
            }
            var (h, body) = m.form(["_csrf": m.csrf, "aan": "A. de Groot", "reden": "herhaling"])
            try await client.execute(uri: "/zaken/\(f.caseID)/escaleren", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: a.headers) { #expect($0.status == .ok) }
            let escalation = try #require(try f.store.escalations(f.caseID).first?.id)
            (h, body) = m.form(["_csrf": m.csrf, "escalatie": String(escalation), "reden": "verkeerde afdeling"])
            try await client.execute(uri: "/zaken/\(f.caseID)/escaleren/terug", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: a.headers) { #expect($0.status == .notFound) }
        }
        #expect(try f.store.case(f.caseID).status == .open)
        #expect(try f.store.escalations(f.caseID).first?.undoReason == "verkeerde afdeling")
        let actions = try f.store.events(chain: f.caseID.description).map(\.action.rawValue)
        #expect(actions.contains("case-escalated") && actions.contains("escalation-undone") && actions.contains("access-revoked"))
    }

    /// The beheerder forces a reset: the old password stops, sessions end, and only the owner's
    /// code sets a new one. The beheerder can neither set nor learn it, and every step is logged
    /// under the beheerder's own name.
    @Test func aBeheerderForcesAResetTheOwnerCompletes() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let owner = try #require(try await login(client, "J. Bakker"))
            let admin = try #require(try await login(client, "B. Beheer"))
            // A password typed into the beheer form is ignored: no form sets another user's password.
            var (h, body) = admin.form(["_csrf": admin.csrf, "naam": "J. Bakker", "actie": "wachtwoord", "wachtwoord": "door-de-beheerder-1"])
            try await client.execute(uri: "/beheer/account", method: .post, headers: h, body: body) { #expect($0.status == .badRequest) }
            #expect(try await login(client, "J. Bakker", password: "door-de-beheerder-1") == nil)
            (h, body) = admin.form(["_csrf": admin.csrf, "naam": "J. Bakker", "actie": "reset"])
            let code = try await client.execute(uri: "/beheer/account", method: .post, headers: h, body: body) { r -> String in
                #expect(r.status == .ok)
                return String(buffer: r.body).firstMatch(of: /Code voor J\. Bakker: ([A-Z0-9-]+)/).map { String($0.output.1) } ?? ""
            }
            #expect(code.count == 24)
            try await client.execute(uri: "/zaken", method: .get, headers: owner.headers) { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/inloggen", "the owner's session ended")
            }
            #expect(try await login(client, "J. Bakker") == nil, "the old password no longer works")
            // The owner sets a new password with the code, once.
            let (cookie, token) = try await client.execute(uri: "/wachtwoord-instellen", method: .get) { r in
                (sessionCookie(r) ?? "", csrfToken(in: String(buffer: r.body)) ?? "")
            }
            let pre = Browser(cookie: cookie, csrf: token)
            (h, body) = pre.form(["_csrf": token, "naam": "J. Bakker", "code": code.lowercased(), "wachtwoord": "mijn-eigen-nieuwe-1", "herhaling": "mijn-eigen-nieuwe-1"])
            try await client.execute(uri: "/wachtwoord-instellen", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/wachtwoord-instellen", method: .post, headers: h, body: body) { #expect($0.status == .unauthorized, "a code works once") }
            #expect(try await login(client, "J. Bakker", password: "mijn-eigen-nieuwe-1") != nil)
        }
        let events = try f.store.events(chain: CaseStore.storeChain)
        #expect(events.contains { $0.action.rawValue == "password-reset-forced" && $0.actor == "B. Beheer" && $0.details["account"] == "J. Bakker" })
        #expect(events.contains { $0.action.rawValue == "password-set" && $0.actor == "J. Bakker" && $0.details["codeMadeBy"] == "B. Beheer" })
    }

    /// Staff who leave: a disabled account's sessions end and it cannot log in; a removed one
    /// loses every access link, and a new account with the same name starts without access.
    @Test func disablingAndRemovingAnAccountEndsItsSessionsAndAccess() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let owner = try #require(try await login(client, "J. Bakker"))
            let admin = try #require(try await login(client, "B. Beheer"))
            var (h, body) = admin.form(["_csrf": admin.csrf, "naam": "J. Bakker", "actie": "uit"])
            try await client.execute(uri: "/beheer/account", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken/\(f.caseID)", method: .get, headers: owner.headers) { #expect($0.headers[.location] == "/inloggen") }
            #expect(try await login(client, "J. Bakker") == nil)
            (h, body) = admin.form(["_csrf": admin.csrf, "naam": "J. Bakker", "actie": "verwijder"])
            try await client.execute(uri: "/beheer/account", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
        }
        #expect(try f.store.account(named: "J. Bakker") == nil)
        #expect(try f.store.accessLinks(f.caseID).allSatisfy { !$0.isActive })
        try Accounts(store: f.store, hasher: .forTests).add(name: "J. Bakker", role: .mentor, password: WebFixture.password, actor: "B. Beheer")
        #expect(try f.store.hasAccess(account: "J. Bakker", role: "mentor", to: f.caseID) == false)
        let actions = try f.store.events(chain: CaseStore.storeChain).filter { $0.actor == "B. Beheer" }.map(\.action.rawValue)
        #expect(actions.contains("account-disabled") && actions.contains("account-removed"))
    }

    /// Changing one's own password ends every other session of that account.
    @Test func aPasswordChangeEndsTheOtherSessions() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let here = try #require(try await login(client, "J. Bakker"))
            let elsewhere = try #require(try await login(client, "J. Bakker"))
            let (h, body) = here.form(["_csrf": here.csrf, "huidig": WebFixture.password, "nieuw": "een-nieuw-wachtwoord", "herhaling": "een-nieuw-wachtwoord"])
            try await client.execute(uri: "/instellingen/wachtwoord", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/zaken", method: .get, headers: here.headers) { #expect($0.status == .ok) }
            try await client.execute(uri: "/zaken", method: .get, headers: elsewhere.headers) { #expect($0.headers[.location] == "/inloggen") }
        }
    }
}

import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
import BewaarSignOn
@testable import BewaarWeb
import BewaarTestSupport

/// A provider that sends no verified e-mail address (Microsoft Entra ID without `xms_edov`,
/// SURFconext): the person gets the page with the issuer, the subject and the command the
/// beheerder runs; the beheerder runs it (the built `bewaar`, through a real shell); the next
/// sign-in finds the account by subject. An unverified address never links.
@Suite(.enabled(if: OIDCProviderProcess.available, Comment(rawValue: OIDCProviderProcess.missing ?? "")))
struct SchoolAccountLinkTests {
    typealias Flow = SchoolSignInTests

    /// The text of the element with `id` on `page`, unescaped.
    static func text(_ page: String, id: String) -> String? {
        guard let start = page.range(of: "id=\"\(id)\">"), let end = page[start.upperBound...].range(of: "</code>") else { return nil }
        return String(page[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func anUnknownPersonGetsTheCommandTheBeheerderRunsAndThenSignsIn() async throws {
        let s = try await Flow.setup()
        defer { s.f.cleanUp() }
        // Entra-style: the address and the user name, nothing that says the address was verified.
        // The subject is hostile on purpose: quotes, markup and a command substitution.
        let sub = "smit'\"<b>&$(touch geraakt)"
        try s.f.store.setEmail("k.smit@voorbeeldcollege.example.org", account: "K. Smit", actor: "B. Beheer")
        try await s.provider.setUser(
            sub, claims: ["email": "k.smit@voorbeeldcollege.example.org", "preferred_username": "k.smit@voorbeeldcollege.example.org"])
        let command = try await Application(router: s.router).test(.live) { client -> String in
            let o = try await Flow.signIn(client, s, sub: sub)
            #expect(o.status == .forbidden && o.session == nil)
            #expect(o.body.contains("U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder."))
            #expect(!o.body.contains("<b>") && o.body.contains("&lt;b&gt;"), "the provider's values are escaped")
            #expect(Self.text(o.body, id: "issuer") == s.provider.base)
            #expect(Self.text(o.body, id: "subject") == sub)
            return try #require(Self.text(o.body, id: "koppelopdracht"))
        }
        #expect(try s.f.store.account(named: "K. Smit")?.oidcSubject == nil, "an unverified address never links")
        #expect(
            try Flow.securityKinds(s.f.store).first
                == "sign-on-unknown: subject \(sub) of \(s.provider.base): e-mail address k.smit@voorbeeldcollege.example.org not verified by the provider"
        )
        let prefix = "bewaar user subject NAAM "
        #expect(command.hasPrefix(prefix), "\(command)")
        // The beheerder pastes it into a shell, with the account's name for NAAM.
        let work = s.f.folder + "-shell"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", "exec \"$0\" user subject \"$1\" \(command.dropFirst(prefix.count)) --store \"$2\" --by \"$3\"", BewaarBinary.path, "K. Smit",
            s.f.folder, "B. Beheer",
        ]
        shell.currentDirectoryURL = URL(fileURLWithPath: work)
        shell.environment = ["PATH": "/usr/bin:/bin", "LANG": "nl_NL.UTF-8", "HOME": NSTemporaryDirectory()]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("Account K. Smit is gekoppeld"))
        #expect(!FileManager.default.fileExists(atPath: work + "/geraakt"), "the shell ran nothing the subject held")
        let linked = try #require(try s.f.store.account(named: "K. Smit"))
        #expect(linked.oidcSubject == sub && linked.oidcIssuer == s.provider.base)
        try await Application(router: s.router).test(.live) { client in
            let again = try await Flow.signIn(client, s, sub: sub)
            #expect(again.status == .ok && again.session != nil, "\(again.body)")
        }
        let events = try s.f.store.events(chain: CaseStore.storeChain).suffix(2)
        #expect(events.map(\.action.rawValue) == ["account-subject-linked", "login"])
        let link = try #require(events.first)
        #expect(link.actor == "B. Beheer" && link.details["method"] == "by-hand" && link.details["subject"] == sub)
        #expect(events.last?.details["method"] == "school-account")
    }

    /// In the store: a subject is one account's; an account holds one subject; unlinking ends its
    /// sessions, and the custody log says who did what.
    @Test func aSubjectIsOneAccountsAndUnlinkingEndsTheSessions() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
        #expect(try f.store.linkSubject(issuer: issuer, subject: "AAAAbakker", account: "j. bakker", actor: "B. Beheer"))
        #expect(
            try f.store.linkSubject(issuer: issuer, subject: "AAAAbakker", account: "J. Bakker", actor: "B. Beheer") == false,
            "the same again changes nothing")
        #expect(throws: StoreError.self) { try f.store.linkSubject(issuer: issuer, subject: "AAAAbakker", account: "K. Smit", actor: "B. Beheer") }
        #expect(throws: StoreError.self) { try f.store.linkSubject(issuer: issuer, subject: "AAAAanders", account: "J. Bakker", actor: "B. Beheer") }
        #expect(throws: StoreError.self) { try f.store.linkSubject(issuer: issuer, subject: "x", account: "Z. Niemand", actor: "B. Beheer") }
        // The same subject of another issuer is another person.
        #expect(try f.store.linkSubject(issuer: "https://accounts.google.com", subject: "AAAAbakker", account: "K. Smit", actor: "B. Beheer"))
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            #expect(try f.store.unlinkSubject(account: "J. Bakker", actor: "B. Beheer"))
            try await client.execute(uri: "/zaken", method: .get, headers: b.headers) { #expect($0.headers[.location] == "/inloggen") }
        }
        #expect(try f.store.unlinkSubject(account: "J. Bakker", actor: "B. Beheer") == false)
        #expect(try f.store.account(issuer: issuer, subject: "AAAAbakker") == nil)
        let actions = try f.store.events(chain: CaseStore.storeChain).filter { $0.action.rawValue.hasPrefix("account-subject") }
        #expect(actions.map(\.action.rawValue) == ["account-subject-linked", "account-subject-linked", "account-subject-unlinked"])
        #expect(actions.allSatisfy { $0.actor == "B. Beheer" })
        #expect(actions.last?.details["subject"] == "AAAAbakker" && actions.last?.details["account"] == "J. Bakker")
    }
}

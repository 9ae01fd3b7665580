import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
@testable import BewaarWeb

/// /beheer/privacy: the beheerder reads the processing register — counts and case numbers,
/// the same text as `bewaar privacy` — and no name or title of a case.
@Suite struct RegisterPageTests {
    @Test func theBeheerderReadsTheRegisterWithoutAnyNameOfACase() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let expected = try ProcessingRegister.gather(f.store).sections(.nl)
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "B. Beheer"))
            try await client.execute(uri: "/beheer", method: .get, headers: b.headers) { r in
                #expect(String(buffer: r.body).contains("href=\"/beheer/privacy\""))
            }
            try await client.execute(uri: "/beheer/privacy", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                let page = String(buffer: r.body)
                #expect(page.contains("<h1>Verwerkingsregister</h1>"))
                #expect(page.contains("<li>Opgesteld "))
                for s in expected {
                    #expect(page.contains("<h2>\(HTML.escape(s.title))</h2>"))
                    // (The time it was made may be a minute later on the page.)
                    for line in s.lines where !line.hasPrefix("Opgesteld") { #expect(page.contains("<li>\(HTML.escape(line))</li>")) }
                }
                #expect(page.contains("status open: 1 zaak; 2 leerlingen, 0 ouders, 1 medewerker op de zaken"))
                #expect(page.contains(f.caseID.description))
                for secret in ["Sanne", "Daan", "Lotte", "Pesten in groepsapp", "GEHEIME"] { #expect(!page.contains(secret), "\(secret)") }
            }
        }
    }
}

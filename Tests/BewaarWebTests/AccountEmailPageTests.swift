import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarStore
@testable import BewaarWeb

/// The beheerder gives an account its e-mail address on the beheer page (for the first sign-in
/// with a school account); hostile input stays text.
@Suite struct AccountEmailPageTests {
    @Test func theBeheerderSetsAndClearsAnAddressOnTheBeheerPage() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "B. Beheer"))
            func post(_ email: String) async throws -> (HTTPResponse.Status, String) {
                let (h, body) = b.form(["_csrf": b.csrf, "naam": "J. Bakker", "actie": "email", "email": email])
                return try await client.execute(uri: "/beheer/account", method: .post, headers: h, body: body) {
                    ($0.status, String(buffer: $0.body))
                }
            }
            let (ok, page) = try await post(" j.bakker@voorbeeldcollege.example.org ")
            #expect(ok == .ok && page.contains("Het e-mailadres van J. Bakker is opgeslagen."))
            #expect(page.contains("value=\"j.bakker@voorbeeldcollege.example.org\""))
            #expect(try f.store.account(named: "J. Bakker")?.email == "j.bakker@voorbeeldcollege.example.org")
            let (bad, refused) = try await post("<script>@x\"")
            #expect(bad == .badRequest && refused.contains("geen bruikbaar e-mailadres") && !refused.contains("<script>@"))
            let (taken, twice) = try await post("")
            #expect(taken == .ok && twice.contains("opgeslagen"))
            #expect(try f.store.account(named: "J. Bakker")?.email == nil)
        }
        let events = try f.store.events(chain: CaseStore.storeChain).filter { $0.action.rawValue == "account-email-set" }
        #expect(events.map { $0.details["email"] } == ["j.bakker@voorbeeldcollege.example.org", "—"])
    }
}

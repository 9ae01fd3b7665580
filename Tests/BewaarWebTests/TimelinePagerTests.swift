import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import BewaarModel
import BewaarStore
@testable import BewaarWeb
import BewaarTestSupport

/// The timeline's pages link by the record at their edge (keyset paging): "Volgende" and
/// "Vorige" give the neighbouring pages exactly, and a cursor of another case shows nothing of it.
@Suite struct TimelinePagerTests {
    static func links(_ page: String) -> [String: String] {
        var out: [String: String] = [:]
        for label in ["Volgende 100", "Vorige 100"] {
            guard let end = page.range(of: "\">\(label)</a>") else { continue }
            let start = page[..<end.lowerBound].range(of: "href=\"", options: .backwards)!.upperBound
            out[label] = String(page[start..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
        }
        return out
    }

    static func rows(_ page: String) -> [String] {
        page.components(separatedBy: "<tr id=\"bericht-").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
    }

    @Test func nextAndPreviousAreTheNeighbouringPages() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        _ = try ChatSeed.record(in: f.store, case: f.caseID, messages: (0..<230).map { ("Daan Jansen", "bericht \($0)") })
        var all = TimelineQuery()
        all.limit = 1000
        let whole = try f.store.timeline(f.caseID, all).entries.map { String($0.id) }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            var (_, page) = try await EvidenceViewTests.get(client, m, "/zaken/\(f.caseID)/tijdlijn")
            #expect(Self.rows(page) == Array(whole[0..<100]))
            #expect(Self.links(page)["Vorige 100"] == nil)
            let next = try #require(Self.links(page)["Volgende 100"])
            #expect(next.contains("na=") && next.contains("pagina=2"))
            (_, page) = try await EvidenceViewTests.get(client, m, next)
            #expect(Self.rows(page) == Array(whole[100..<200]))
            #expect(page.contains("(pagina 2)"))
            let third = try #require(Self.links(page)["Volgende 100"])
            (_, page) = try await EvidenceViewTests.get(client, m, third)
            #expect(Self.rows(page) == Array(whole[200...]))
            #expect(Self.links(page)["Volgende 100"] == nil)
            let back = try #require(Self.links(page)["Vorige 100"])
            #expect(back.contains("voor=") && back.contains("pagina=2"))
            (_, page) = try await EvidenceViewTests.get(client, m, back)
            #expect(Self.rows(page) == Array(whole[100..<200]))
            let first = try #require(Self.links(page)["Vorige 100"])
            (_, page) = try await EvidenceViewTests.get(client, m, first)
            #expect(Self.rows(page) == Array(whole[0..<100]))
            // A record of another case as the cursor: nothing of that case, a plain message.
            let other = try f.store.openCase(title: "Andere zaak", actor: "beheer")
            let foreign = try ChatSeed.record(in: f.store, case: other.id, messages: [("Iemand", "geheim van een andere zaak")])
            let foreignID = try #require(try f.store.timeline(other.id, TimelineQuery()).entries.first?.id)
            _ = foreign
            let (status, refused) = try await EvidenceViewTests.get(client, m, "/zaken/\(f.caseID)/tijdlijn?na=\(foreignID)")
            #expect(status == .ok && !refused.contains("geheim van een andere zaak") && Self.rows(refused).isEmpty)
        }
    }
}

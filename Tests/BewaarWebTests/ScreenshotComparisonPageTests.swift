import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import BewaarModel
import BewaarStore
import BewaarKit
@testable import BewaarWeb
import BewaarTestSupport

/// The export of a chat and a screenshot of it in one case: the pages link the two both ways and
/// show the message the export lacks as a finding; a lookalike image is pointed out. Real
/// Tesseract on committed fixtures.
@Suite struct ScreenshotComparisonPageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screenshots")

    @Test func theScreenshotAndTheExportAreLinkedBothWaysAndTheMissingMessageIsAFinding() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let ingestion = Ingestion(store: f.store)
        let export = try ingestion.ingest(
            path: Self.fixtures.appendingPathComponent("exports/WhatsApp-chat met Daan Bakker.txt").path, into: f.caseID,
            actor: "J. Bakker", collectedFrom: "Sanne de Vries"
        ).outcome.item
        let shot = try ingestion.ingest(
            path: Self.fixtures.appendingPathComponent("whatsapp-android-light-1on1-2x.png").path, into: f.caseID, actor: "J. Bakker",
            collectedFrom: "Sanne de Vries"
        ).outcome.item
        let again = try ingestion.ingest(
            path: Self.fixtures.appendingPathComponent("whatsapp-android-light-1on1-2x-q80.jpg").path, into: f.caseID, actor: "J. Bakker"
        ).outcome.item
        let read = try f.store.records(item: shot.id, at: .start, limit: 100).entries
        let first = try #require(read.first { $0.message.text.contains("fietsenhok") })
        let lacking = try #require(read.first { $0.message.text.contains("meneer De Groot") })
        let exported = try f.store.records(item: export.id, at: .start, limit: 100).entries
        let exportFirst = try #require(exported.first { $0.message.text.contains("fietsenhok") })
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (_, origin) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(first.id)/bron")
            #expect(origin.contains("Vergeleken met het andere bewijs"))
            // The export's second record (after its opening system line) is this message.
            #expect(
                origin.contains(
                    "Komt overeen met <a href=\"/zaken/\(id)/tijdlijn/\(exportFirst.id)/bron\">bericht #2</a> in <strong>WhatsApp-chat met Daan Bakker.txt</strong>."
                ))
            let (_, missing) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(lacking.id)/bron")
            #expect(missing.contains("Niet gevonden in de export</strong> <strong>WhatsApp-chat met Daan Bakker.txt</strong>"))
            // Both ways: the export's record names the screenshot that shows it.
            let (_, exportOrigin) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(exportFirst.id)/bron")
            #expect(exportOrigin.contains("Ook te zien op de schermafbeelding <strong>whatsapp-android-light-1on1-2x.png</strong>"))
            // The image's page lists the comparison beside each message, and the re-saved copy looks like it.
            let (_, page) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/stukken/\(shot.id)")
            #expect(page.contains("class=\"vergeleken\">Komt overeen met"))
            let (_, copy) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/stukken/\(again.id)")
            #expect(copy.contains("Lijkt op <a href=\"/zaken/\(id)/stukken/\(shot.id)\">[\(shot.id)] whatsapp-android-light-1on1-2x.png</a>"))
            #expect(copy.contains("Stond al op <strong>whatsapp-android-light-1on1-2x.png</strong>"))
            // The same in English.
            let (h, body) = b.form(["_csrf": b.csrf, "taal": "en"])
            try await client.execute(uri: "/instellingen", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            let (_, english) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(lacking.id)/bron")
            #expect(english.contains("Not found in the export</strong> <strong>WhatsApp-chat met Daan Bakker.txt</strong>"))
        }
    }
}

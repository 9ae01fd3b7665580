import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarKit
@testable import BewaarWeb
import BewaarTestSupport

/// A mentor ingests a screenshot Sanne brought and looks at what Bewaar read from it, in every
/// place evidence is shown: the timeline and its search, the image's own page, a message's
/// origin (the bubble cut out of the picture, never the file's bytes), the mark page; in Dutch
/// and in English. Real Tesseract on a committed fixture; hostile text escaped on every view.
@Suite struct ScreenshotViewTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screenshots/whatsapp-android-light-1on1-2x.png").path

    static func records(_ f: WebFixture, _ item: EvidenceItem) throws -> [TimelineEntry] {
        try f.store.records(item: item.id, at: .start, limit: 1000).entries
    }

    @Test func screenshotMessagesAreShownAsReadFromTheImageWithTheirPixels() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let item = try Ingestion(store: f.store).ingest(
            path: Self.fixture, into: f.caseID, actor: "J. Bakker",
            collectedFrom: "Sanne de Vries"
        ).outcome.item
        let entries = try Self.records(f, item)
        #expect(entries.count >= 6, "the fixture's bubbles become records")
        let incoming = try #require(entries.first { $0.message.extra["screenshot"]?["side"] == .string("incoming") && $0.message.origin.box != nil })
        let outgoing = try #require(entries.first { $0.message.extra["screenshot"]?["authorBasis"] == .string("assumed-owner") })
        let box = try #require(incoming.message.origin.box)
        let confidence = try #require(incoming.message.extra["screenshot"]?["confidence"]?.intValue)
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))

            // The timeline: marked as read from an image with its confidence, the assumed author
            // marked, the origin link in pixels, never the whole file's byte range.
            let (_, timeline) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn")
            #expect(timeline.contains("uit afbeelding · \(confidence) % zeker"))
            #expect(timeline.contains("Sanne de Vries <span class=\"aangenomen\">(aangenomen)</span>"))
            #expect(timeline.contains(">pixels \(box.x),\(box.y) \(box.width)×\(box.height)</a>"))
            #expect(!timeline.contains("bytes 0–\(item.size)"))

            // Search finds a screenshot message and shows it the same way.
            let word = try #require(incoming.message.text.split(separator: " ").first { $0.count >= 5 && $0.allSatisfy(\.isLetter) })
            let (_, search) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn?q=\(URLText.encode(String(word)))")
            #expect(search.contains("id=\"bericht-\(incoming.id)\""))
            #expect(search.contains("<mark>"))
            #expect(search.contains("uit afbeelding · \(confidence) % zeker"))

            // The origin: the bubble cut out by its box over the item's own image route, the facts,
            // the whole picture with the box outlined; no hex dump of the file.
            let (status, origin) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(incoming.id)/bron")
            #expect(status == .ok)
            #expect(
                origin.contains(
                    "<svg class=\"uitsnede\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(box.x) \(box.y) \(box.width) \(box.height)\""))
            #expect(origin.contains("<image href=\"/zaken/\(id)/stukken/\(item.id)/afbeelding\""))
            #expect(origin.contains("<rect x=\"\(box.x)\" y=\"\(box.y)\" width=\"\(box.width)\" height=\"\(box.height)\""))
            #expect(origin.contains("binnenkomend (links)"))
            #expect(origin.contains("\(confidence) % zeker"))
            #expect(origin.contains("OCR kan letters en woorden verkeerd lezen"))
            #expect(!origin.contains("class=\"hex\""))
            let (_, own) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(outgoing.id)/bron")
            #expect(own.contains("aangenomen: de leerling van wie de afbeelding komt"))
            #expect(own.contains("verstuurd (rechts)"))
            // The image the SVG points at is served inline, and the policy lets the page show it.
            try await client.execute(uri: "/zaken/\(id)/stukken/\(item.id)/afbeelding", method: .get, headers: b.headers) { r in
                #expect(r.headers[.contentType] == "image/png")
                #expect(r.headers[.contentSecurityPolicy]?.contains("img-src 'self'") == true)
            }

            // The image's page: every message's box outlined and numbered, the list beside it.
            let (_, page) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/stukken/\(item.id)")
            #expect(page.contains("<svg class=\"schermbeeld\""))
            #expect(page.components(separatedBy: "<rect ").count - 1 == entries.filter { $0.message.origin.box != nil }.count)
            for e in entries { #expect(page.contains("<li id=\"bericht-\(e.id)\"")) }
            #expect(page.contains("<a href=\"#bericht-\(incoming.id)\"><rect x=\"\(box.x)\""))
            #expect(page.contains("OCR kan letters en woorden verkeerd lezen"))

            // The same in English.
            let (h, body) = b.form(["_csrf": b.csrf, "taal": "en"])
            try await client.execute(uri: "/instellingen", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            let (_, english) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn")
            #expect(english.contains("read from an image · \(confidence) % sure"))
            #expect(english.contains("<span class=\"aangenomen\">(assumed)</span>"))
            let (_, englishOrigin) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(outgoing.id)/bron")
            #expect(englishOrigin.contains("assumed: the pupil the image came from"))
            #expect(englishOrigin.contains("OCR can misread letters and words"))
            let (_, englishPage) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/stukken/\(item.id)")
            #expect(englishPage.contains("Messages read"))
        }
    }

    /// A record as the screenshot importer writes one, with hostile text in every field a page shows.
    static func seedHostileScreenshot(_ f: WebFixture) throws -> EvidenceItem {
        let png = URL(fileURLWithPath: fixture).deletingLastPathComponent().appendingPathComponent("sms-1on1-english-2x.png").path
        let (digest, size) = try f.store.objects.put(file: png)
        let hostile = "<script>alert('ocr')</script>"
        let message = Message(
            timestamp: nil, author: "<b>Daan</b>", text: hostile, kind: .message,
            origin: Origin(line: nil, offset: 0, length: size, box: PixelRect(x: 10, y: 20, width: 300, height: 80)),
            flags: ["ocr", "low-confidence"],
            extra: [
                "screenshot": .object([
                    "side": .string("<i>incoming</i>"), "time": .string("<img src=x onerror=alert(1)>"), "confidence": .int(41),
                    "daySeparator": .string("<svg onload=alert(2)>"), "authorBasis": .string("<u>label</u>"),
                ])
            ])
        let e = NewEvidence(
            name: "<img src=x>.png", size: size, sha256: digest, mediaType: "image/png", format: "image", collectedBy: "J. Bakker",
            messages: [message], extra: ["image": .object(["type": .string("png"), "width": .int(780), "height": .int(1688)])])
        return try f.store.recordIngest(e, in: f.caseID).item
    }

    @Test func hostileTextReadFromAnImageIsEscapedOnEveryView() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let item = try Self.seedHostileScreenshot(f)
        let entry = try #require(try Self.records(f, item).first)
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let views = [
                "/zaken/\(id)/tijdlijn", "/zaken/\(id)/tijdlijn?q=alert", "/zaken/\(id)/stukken/\(item.id)",
                "/zaken/\(id)/tijdlijn/\(entry.id)/bron", "/zaken/\(id)/tijdlijn/\(entry.id)/markeren",
            ]
            for uri in views {
                let (status, page) = try await EvidenceViewTests.get(client, b, uri)
                #expect(status == .ok, "\(uri)")
                #expect(!page.contains("<script>alert"), "\(uri)")
                #expect(!page.contains("<b>Daan"), "\(uri)")
                #expect(!page.contains("<img src=x"), "\(uri)")
                #expect(!page.contains("<svg onload"), "\(uri)")
                #expect(!page.contains("<i>incoming"), "\(uri)")
                #expect(!page.contains("<u>label"), "\(uri)")
                #expect(page.contains("&lt;script&gt;"), "\(uri)")
            }
            let (_, origin) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn/\(entry.id)/bron")
            #expect(origin.contains("&lt;img src=x onerror=alert(1)&gt;"), "the shown time, escaped")
            #expect(origin.contains("&lt;svg onload=alert(2)&gt;"), "the day separator, escaped")
            #expect(origin.contains("41 % zeker (laag: lees de afbeelding zelf)"))
            let (_, timeline) = try await EvidenceViewTests.get(client, b, "/zaken/\(id)/tijdlijn")
            #expect(timeline.contains("<span class=\"ocr laag\">uit afbeelding · 41 % zeker</span>"))
        }
    }
}

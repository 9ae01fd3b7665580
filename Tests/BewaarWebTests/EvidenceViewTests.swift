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

/// The mentor looks at the evidence itself: a chat as the pupil saw it on her phone, a message
/// marked with a reason (then changed, then removed), a message beside its original bytes, an
/// e-mail with its headers and attachments, a saved page as text only, an image.
@Suite struct EvidenceViewTests {
    static let png = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/evidence/schermafbeelding-groepsapp.png").path

    /// A chat from Sanne's phone as an importer records it: a system line, her own message, a
    /// deleted message, a photo that came with the export (PNG bytes under a .jpg name), a
    /// photo that did not, and a hostile message.
    static func seedConversation(_ f: WebFixture) throws -> (item: EvidenceItem, photo: EvidenceItem) {
        let (photoSHA, photoSize) = try f.store.objects.put(file: png)
        let lines: [(String?, String, MessageKind, [BewaarModel.Attachment])] = [
            (nil, "Daan Jansen heeft Sanne de Vries toegevoegd", .system, []),
            ("Daan Jansen", "Sanne je bent te dik om mee te doen", .message, []),
            ("Sanne de Vries", "doe normaal", .message, []),
            ("Daan Jansen", "Dit bericht is verwijderd", .deleted, []),
            ("Daan Jansen", "IMG-20260302-WA0001.jpg (bestand bijgevoegd)", .media,
             [BewaarModel.Attachment(name: "IMG-20260302-WA0001.jpg", size: photoSize, sha256: photoSHA, mediaType: "image/jpeg")]),
            ("Daan Jansen", "<Media weggelaten>", .media, []),
            ("+31 6 12345001", "<img src=x onerror=alert(1)>\u{202E}gpj.exe", .message, []),
        ]
        var text = ""
        var messages: [Message] = []
        for (n, l) in lines.enumerated() {
            let line = "02-03-2026 20:0\(n) - " + (l.0.map { $0 + ": " } ?? "") + l.1 + "\n"
            messages.append(Message(timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_478_060 + Double(n * 60)), utcOffsetSeconds: 3600),
                                    author: l.0, text: l.1, kind: l.2, attachments: l.3,
                                    origin: Origin(line: n + 1, offset: Int64(text.utf8.count), length: Int64(line.utf8.count))))
            text += line
        }
        let path = NSTemporaryDirectory() + "gesprek-" + UUID().uuidString + ".txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (digest, size) = try f.store.objects.put(file: path)
        let e = NewEvidence(name: "WhatsApp-chat met Daan.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                            collectedBy: "J. Bakker", collectedFrom: "telefoon van Sanne", messages: messages,
                            contained: [.init(name: "IMG-20260302-WA0001.jpg", pathInParent: "IMG-20260302-WA0001.jpg", mediaType: "image/jpeg",
                                              size: photoSize, sha256: photoSHA)])
        let item = try f.store.recordIngest(e, in: f.caseID).item
        let photo = try #require(try f.store.items(f.caseID).first { $0.parentID == item.id })
        return (item, photo)
    }

    /// Ingests `content` as the file `name` through the real importers.
    static func ingest(_ f: WebFixture, name: String, _ content: [UInt8]) throws -> EvidenceItem {
        let folder = NSTemporaryDirectory() + "bewijs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        try Data(content).write(to: URL(fileURLWithPath: path))
        return try Ingestion(store: f.store).ingest(path: path, into: f.caseID, actor: "J. Bakker").outcome.item
    }

    static func get(_ client: some TestClientProtocol, _ b: Browser, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: b.headers) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func anImagesMetadataIsListedOnItsPageAsEscapedText() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        // The sample screenshot with a PNG text chunk after its header, written by a hostile hand.
        var png = Array(try Data(contentsOf: URL(fileURLWithPath: Self.png)))
        let text = Array("Software".utf8) + [0] + Array("<script>alert('x')</script> Adobe Photoshop 25.0".utf8)
        let chunk = [0, 0, 0, UInt8(text.count)] + Array("tEXt".utf8) + text + [0, 0, 0, 0]
        png.insert(contentsOf: chunk, at: 33)
        let item = try Self.ingest(f, name: "bewerkt.png", png)
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (status, page) = try await Self.get(client, b, "/zaken/\(f.caseID)/stukken/\(item.id)")
            #expect(status == .ok)
            #expect(page.contains("Metadata in het bestand (EXIF, PNG-tekst, XMP)"))
            let shown = HTMLEscaping.escape("Software: <script>alert('x')</script> Adobe Photoshop 25.0")
            #expect(page.contains("<th scope=\"row\">PNG-tekst</th><td>\(shown); Title: "), "the PNG text chunks, escaped")
            #expect(!page.contains("<script>alert"), "evidence text is escaped")
        }
    }

    @Test func aChatOpensAsAConversationWithThePupilsOwnSideOnTheRight() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let (item, photo) = try Self.seedConversation(f)
        let id = f.caseID.description
        let entries = try f.store.records(item: item.id, at: .start, limit: 100).entries
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (status, page) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)")
            #expect(status == .ok)
            // "afkomstig van: telefoon van Sanne" puts Sanne on the right, and the page says why.
            #expect(page.contains("Rechts staat Sanne de Vries: dit bewijs komt van “telefoon van Sanne”"))
            #expect(page.contains("<li class=\"bubbel rechts\" id=\"bericht-\(entries[2].id)\">"))
            #expect(page.contains("<li class=\"bubbel links\" id=\"bericht-\(entries[1].id)\"><p class=\"afzender\">Daan Jansen</p>"))
            #expect(page.contains("<li class=\"systeem\" id=\"bericht-\(entries[0].id)\"><span class=\"bericht\">Daan Jansen heeft Sanne de Vries toegevoegd</span>"))
            #expect(page.contains("<p class=\"soort\">Verwijderd bericht</p><div class=\"bericht verwijderd\">Dit bericht is verwijderd</div>"))
            #expect(page.contains("<p class=\"soort\">Foto, video of ander bestand</p>"))
            #expect(page.contains("<img src=\"/zaken/\(id)/stukken/\(photo.id)/afbeelding\" alt=\"Afbeelding IMG-20260302-WA0001.jpg uit het bewijs\""))
            #expect(page.contains("Het bestand zat niet in de export."))
            #expect(page.contains("<li class=\"dag\"><span>2 mrt 2026</span></li>"))
            // Hostile text stays text; the bidi override is shown, not obeyed.
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;⟦U+202E⟧gpj.exe"))
            #expect(!page.contains("<img src=x"))
            // Every bubble links its marking (no form, no reason chosen) and its original bytes.
            #expect(page.contains("href=\"/zaken/\(id)/tijdlijn/\(entries[1].id)/markeren?terug="))
            #expect(page.contains("href=\"/zaken/\(id)/tijdlijn/\(entries[1].id)/bron\""))
            #expect(!page.contains("<select id=\"reden"))
            #expect(page.contains("Bericht 1 tot en met 7 van 7."))
            // The mentor picks another side; or nobody.
            let (_, daan) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?rechts=Daan%20Jansen")
            #expect(daan.contains("Rechts staat Daan Jansen, zoals u hebt gekozen."))
            #expect(daan.contains("<li class=\"bubbel rechts\" id=\"bericht-\(entries[1].id)\">"))
            #expect(daan.contains("<option value=\"Daan Jansen\" selected>"))
            let (_, nobody) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?rechts=-")
            #expect(!nobody.contains("bubbel rechts"))
            // The fixture's chat names nobody who wrote in it, and its victim did not write: everyone left, and the page asks.
            let (_, unknown) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(f.chatItem.id)")
            #expect(unknown.contains("Bewaar weet niet van wie dit gesprek komt"))
            #expect(unknown.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"))
            #expect(!unknown.contains("<script>alert"))
            // The case page and the timeline link the conversation.
            let (_, casePage) = try await Self.get(client, b, "/zaken/\(id)")
            #expect(casePage.contains("<a href=\"/zaken/\(id)/stukken/\(item.id)\">WhatsApp-chat met Daan.txt</a>"))
            let (_, timeline) = try await Self.get(client, b, "/zaken/\(id)/tijdlijn")
            #expect(timeline.contains("href=\"/zaken/\(id)/stukken/\(item.id)?bericht=\(entries[1].id)#bericht-\(entries[1].id)\""))
            // An e-mail Bewaar could not read is still a page, with its download.
            let (_, unread) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(f.mailItem.id)")
            #expect(unread.contains("Bewijsstuk anonieme-mail.eml") && unread.contains("Bewaar kon in dit bestand geen berichten lezen"))
        }
        let views = try f.store.events(chain: id).filter { $0.action.rawValue == "page-viewed" && $0.details["page"] == "stuk" }
        #expect(views.count == 5)
    }

    @Test func aLongChatIsPagedBySequenceNumber() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let lines = (0..<250).map { i in (i % 2 == 0 ? "Daan Jansen" : "Sanne de Vries", "bericht nummer \(i)") }
        let item = try ChatSeed.record(in: f.store, case: f.caseID, messages: lines)
        let id = f.caseID.description
        let target = try #require(try f.store.records(item: item.id, at: .from(180), limit: 1).entries.first)
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (_, first) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)")
            #expect(first.components(separatedBy: "class=\"bubbel ").count - 1 == 100)
            #expect(first.contains("bericht nummer 99<") && !first.contains("bericht nummer 100<"))
            #expect(first.contains("href=\"/zaken/\(id)/stukken/\(item.id)?vanaf=100\">Latere berichten</a>"))
            #expect(!first.contains("Eerdere berichten"))
            let (_, second) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?vanaf=100")
            #expect(second.contains("bericht nummer 100<") && second.contains("Bericht 101 tot en met 200 van 250."))
            #expect(second.contains("href=\"/zaken/\(id)/stukken/\(item.id)?voor=100\">Eerdere berichten</a>"))
            let (_, back) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?voor=100")
            #expect(back.contains("bericht nummer 0<") && back.contains("bericht nummer 99<"))
            let (_, around) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?bericht=\(target.id)")
            #expect(around.contains("id=\"bericht-\(target.id)\"") && around.contains("Bericht 176 tot en met 250 van 250."))
            // A side picked stays picked while paging.
            let (_, picked) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?rechts=Daan%20Jansen")
            #expect(picked.contains("href=\"/zaken/\(id)/stukken/\(item.id)?rechts=Daan%20Jansen&amp;vanaf=100\""))
            for bad in ["vanaf=-1", "voor=99999999999999999999", "bericht=0", "vanaf=%D9%A1"] {
                let (status, _) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)?\(bad)")
                #expect(status == .badRequest, "\(bad)")
            }
        }
    }

    @Test func markingFromABubbleAsksForAReasonAndChangesAndRemovalsAreLogged() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let (item, _) = try Self.seedConversation(f)
        let id = f.caseID.description
        let message = try #require(try f.store.records(item: item.id, at: .start, limit: 100).entries.first { $0.message.text.contains("te dik") })
        let back = "/zaken/\(id)/stukken/\(item.id)?vanaf=0"
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let markPage = "/zaken/\(id)/tijdlijn/\(message.id)/markeren?terug=" + URLText.encode(back)
            let (status, page) = try await Self.get(client, b, markPage)
            #expect(status == .ok)
            #expect(page.contains("Waarom is dit bericht van belang?"))
            #expect(page.contains("<input type=\"radio\" name=\"reden\" value=\"bedreiging\" required> bedreiging"))
            #expect(!page.contains("checked"), "no reason is chosen beforehand")
            #expect(page.contains("Sanne je bent te dik om mee te doen"))
            #expect(!page.contains("Markering weghalen"))
            // Without a reason nothing is marked.
            var (h, body) = b.form(["_csrf": b.csrf, "bericht": String(message.id), "terug": back, "toelichting": "zonder reden"])
            try await client.execute(uri: "/zaken/\(id)/markeren", method: .post, headers: h, body: body) { r in
                #expect(r.status == .badRequest)
                #expect(String(buffer: r.body).contains("Kies een reden"))
            }
            #expect(try f.store.mark(of: message.id) == nil)
            // With one: back to the bubble, marked.
            (h, body) = b.form(["_csrf": b.csrf, "bericht": String(message.id), "terug": back, "reden": "belediging", "toelichting": "over gewicht"])
            try await client.execute(uri: "/zaken/\(id)/markeren", method: .post, headers: h, body: body) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == back + "#bericht-\(message.id)")
            }
            let (_, conversation) = try await Self.get(client, b, back)
            #expect(conversation.contains("<li class=\"bubbel links gemarkeerd\" id=\"bericht-\(message.id)\">"))
            #expect(conversation.contains("Gemarkeerd: belediging – over gewicht (J. Bakker)"))
            #expect(conversation.contains(">Markering wijzigen</a>"))
            // Change it: the page offers the current reason, and a removal.
            let (_, again) = try await Self.get(client, b, markPage)
            #expect(again.contains("value=\"belediging\" required checked>"))
            #expect(again.contains("Nu gemarkeerd als belediging, door J. Bakker"))
            #expect(again.contains("data-bevestig=\"De markering van dit bericht weghalen?\""))
            (h, body) = b.form(["_csrf": b.csrf, "bericht": String(message.id), "terug": back, "reden": "uitsluiting", "wijzigen": "1"])
            try await client.execute(uri: "/zaken/\(id)/markeren", method: .post, headers: h, body: body) { #expect($0.status == .seeOther) }
            #expect(try f.store.mark(of: message.id)?.reason == .uitsluiting)
            // Remove it, with a reason for the log; a form without its token does nothing.
            (h, body) = b.form(["bericht": String(message.id), "terug": back])
            try await client.execute(uri: "/zaken/\(id)/markeren/verwijderen", method: .post, headers: h, body: body) { #expect($0.status == .forbidden) }
            (h, body) = b.form(["_csrf": b.csrf, "bericht": String(message.id), "terug": back, "waarom": "verkeerd bericht"])
            try await client.execute(uri: "/zaken/\(id)/markeren/verwijderen", method: .post, headers: h, body: body) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == back + "#bericht-\(message.id)")
            }
            #expect(try f.store.mark(of: message.id) == nil)
            // A "terug" that leaves the case lands on its timeline instead.
            (h, body) = b.form(["_csrf": b.csrf, "bericht": String(message.id), "terug": "https://elders.example/", "reden": "anders"])
            try await client.execute(uri: "/zaken/\(id)/markeren", method: .post, headers: h, body: body) { r in
                #expect(r.headers[.location] == "/zaken/\(id)/tijdlijn#bericht-\(message.id)")
            }
            for evil in ["//elders.example/zaken/\(id)/", "/zaken/\(id)/../../beheer", "/zaken/\(id)/\r\nSet-Cookie: x=1", "/zaken/2099-0001/"] {
                #expect(WebApp.back(evil, f.caseID) == "/zaken/\(id)/tijdlijn", "\(evil)")
            }
            // The timeline rows carry a link, not a form with a reason already chosen.
            let (_, timeline) = try await Self.get(client, b, "/zaken/\(id)/tijdlijn")
            #expect(!timeline.contains("<select id=\"reden-"))
            #expect(!timeline.contains("name=\"reden\""))
            #expect(timeline.contains("href=\"/zaken/\(id)/tijdlijn/\(message.id)/markeren?terug=%2Fzaken%2F\(id)%2Ftijdlijn\">Markering wijzigen</a>"))
        }
        let actions = try f.store.events(chain: id).map(\.action).filter { [.entryMarked, .markChanged, .markRemoved].contains($0) }
        #expect(actions == [.entryMarked, .markChanged, .markRemoved, .entryMarked])
        #expect(try f.store.events(chain: id).contains { $0.action == .markRemoved && $0.details["why"] == "verkeerd bericht" })
        #expect(try f.store.verifyChain(id).intact)
        #expect(DutchText().work.eventLabel("mark-changed") == "markering gewijzigd" && DutchText().work.eventLabel("mark-removed") == "markering weggehaald")
    }

    @Test func aMessagesOriginShowsItsBytesAsTextAndHexWithLineAndSHA256() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let id = f.caseID.description
        let entries = try f.store.records(item: f.chatItem.id, at: .start, limit: 10).entries
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (status, page) = try await Self.get(client, b, "/zaken/\(id)/tijdlijn/\(entries[1].id)/bron")
            #expect(status == .ok)
            #expect(page.contains(f.chatItem.sha256.hex))
            #expect(page.contains(", regel 2."))
            #expect(page.contains("02-03-2026 10:01 - Daan Jansen: &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"))
            #expect(page.contains("Oorspronkelijke bytes (hex)"))
            // The second line starts at byte 60 (0x3c): its first 16 bytes in hex, and their printable ASCII beside them.
            #expect(page.contains("0000003c  30 32 2d 30 33 2d 32 30 32 36 20 31 30 3a 30 31  02-03-2026 10:01"))
            #expect(page.contains("3c 73 63 72 69 70 74 3e"), "the script tag as bytes")
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("tabindex=\"0\""), "the hex scrolls inside its own box, reachable by keyboard")
            #expect(page.contains("href=\"/zaken/\(id)/stukken/\(f.chatItem.id)?bericht=\(entries[1].id)#bericht-\(entries[1].id)\""))
        }
        #expect(try f.store.events(chain: id).contains { $0.action.rawValue == "page-viewed" && $0.details["page"] == "bron" })
    }

    static let mail: [UInt8] = {
        let png = (try? Data(contentsOf: URL(fileURLWithPath: EvidenceViewTests.png))) ?? Data()
        let lines = [
            "Received: from ws-lok12-07.leerlingen.example.org (10.20.12.7) by mail.example.org; Wed, 04 Mar 2026 10:17:39 +0100",
            "From: \"Een vriend\" <anoniem2b@example.org>",
            "To: Sanne de Vries <sanne.devries@example.org>",
            "Subject: <b>Iedereen</b> weet het",
            "Date: Wed, 04 Mar 2026 10:17:38 +0100",
            "Message-ID: <4ZbX1k2Qz9sT@example.org>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"BUITEN\"",
            "",
            "--BUITEN",
            "Content-Type: multipart/alternative; boundary=\"BINNEN\"",
            "",
            "--BINNEN",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "Iedereen in 2B lacht om je foto.",
            "--BINNEN",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Iedereen in 2B lacht om je foto.</p><script>alert('mail')</script>",
            "--BINNEN--",
            "--BUITEN",
            "Content-Type: image/png; name=\"foto.png\"",
            "Content-Disposition: attachment; filename=\"foto.png\"",
            "Content-Transfer-Encoding: base64",
            "",
            png.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]),
            "--BUITEN",
            "Content-Type: image/png; name=\"nep.png\"",
            "Content-Disposition: attachment; filename=\"nep.png\"",
            "",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "--BUITEN--",
            "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }()

    @Test func anEmailShowsHeadersBodyAttachmentsAndAHerkomstButton() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let item = try Self.ingest(f, name: "pesterij.eml", Self.mail)
        #expect(item.format == "email")
        let children = try f.store.items(f.caseID).filter { $0.parentID == item.id }
        let photo = try #require(children.first { $0.name == "foto.png" })
        let fake = try #require(children.first { $0.name == "nep.png" })
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (status, page) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)")
            #expect(status == .ok)
            #expect(page.contains("&lt;b&gt;Iedereen&lt;/b&gt; weet het"))
            #expect(page.contains("<dt>Van</dt><dd>Een vriend &lt;anoniem2b@example.org&gt;</dd>"))
            #expect(page.contains("<dt>Aan</dt><dd>Sanne de Vries &lt;sanne.devries@example.org&gt;</dd>"))
            #expect(page.contains("<div class=\"bericht mailtekst\">Iedereen in 2B lacht om je foto.</div>"))
            #expect(page.contains("<td>Received</td>") && page.contains("<td>Message-ID</td>"))
            #expect(page.contains(">foto.png</a>") && page.contains(">nep.png</a>"))
            #expect(page.contains("<img src=\"/zaken/\(id)/stukken/\(photo.id)/afbeelding\""))
            #expect(!page.contains("/stukken/\(fake.id)/afbeelding"), "a part that only claims to be an image is not shown")
            #expect(page.contains("<a class=\"knop\" href=\"/herkomst/\(item.id)\">Herkomst</a>"))
            #expect(page.contains("De opmaak (HTML) van de mail wordt niet getoond"))
            #expect(!page.contains("<script>alert") && !page.contains("<p>Iedereen"))
            // The attachments themselves: the real PNG inline, the fake one only as a download.
            try await client.execute(uri: "/zaken/\(id)/stukken/\(photo.id)/afbeelding", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "image/png")
                #expect(r.headers[.contentDisposition] == "inline")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/zaken/\(id)/stukken/\(fake.id)/afbeelding", method: .get, headers: b.headers) { r in
                #expect(r.headers[.contentType] == "application/octet-stream")
                #expect(r.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            }
        }
    }

    @Test func aSavedPageIsShownAsTextAndMetadataNeverRendered() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let html = """
            <!doctype html><html><head><title>Profiel van d.jansen</title><script>alert('pagina')</script>
            <link rel="canonical" href="https://www.instagram.com/d.jansen/"></head>
            <body><p>Sanne is een loser</p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">klik hier</a>
            <style>body { display: none }</style></body></html>
            """
        let item = try Self.ingest(f, name: "profiel.html", Array(html.utf8))
        #expect(item.format == "html")
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (status, page) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(item.id)")
            #expect(status == .ok)
            #expect(page.contains("De pagina zelf wordt hier niet getoond"))
            #expect(page.contains("<dt>Titel</dt><dd class=\"bericht\">Profiel van d.jansen</dd>"))
            #expect(page.contains("Sanne is een loser"))
            #expect(page.contains("href=\"/zaken/\(id)/bewijs/\(item.id)\" download"))
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("onerror=\""))
            #expect(!page.contains("href=\"javascript:"))
            #expect(!page.contains("<style>"))
            #expect(!page.contains("<iframe"))
        }
    }

    @Test func anImageIsShownInlineWithBewaarsOwnTypeAndAnythingElseStaysADownload() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let image = try Self.ingest(f, name: "schermafbeelding.png", Array(try Data(contentsOf: URL(fileURLWithPath: Self.png))))
        let notImage = try Self.ingest(f, name: "foto.png", Array("<html><script>alert(1)</script></html>".utf8))
        let svg = try Self.ingest(f, name: "plaatje.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8))
        let id = f.caseID.description
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (_, page) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(image.id)")
            // The sample is a chat screenshot: the picture with its read messages outlined.
            #expect(page.contains("<svg class=\"schermbeeld\"") && page.contains("/zaken/\(id)/stukken/\(image.id)/afbeelding"))
            try await client.execute(uri: "/zaken/\(id)/stukken/\(image.id)/afbeelding", method: .get, headers: b.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "image/png")
                #expect(r.headers[.contentDisposition] == "inline")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[.contentSecurityPolicy] != nil)
            }
            for other in [notImage, svg] {
                let (_, otherPage) = try await Self.get(client, b, "/zaken/\(id)/stukken/\(other.id)")
                #expect(!otherPage.contains("/stukken/\(other.id)/afbeelding"))
                try await client.execute(uri: "/zaken/\(id)/stukken/\(other.id)/afbeelding", method: .get, headers: b.headers) { r in
                    #expect(r.status == .ok)
                    #expect(r.headers[.contentType] == "application/octet-stream", "\(other.name)")
                    #expect(r.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                    #expect(r.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            // Someone else's item is not reachable through this case.
            let (status, _) = try await Self.get(client, b, "/zaken/\(id)/stukken/999999/afbeelding")
            #expect(status == .notFound)
        }
        #expect(try f.store.events(chain: id).filter { $0.action.rawValue == "original-downloaded" }.count == 2)
    }

    @Test func anExportShowsEachOfItsConversationsByName() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        var messages: [Message] = []
        for (n, thread) in ["klas2b_chat", "klas2b_chat", "<b>dm</b> daan"].enumerated() {
            messages.append(Message(timestamp: nil, author: "daan.j", text: "bericht \(n)", origin: Origin(line: nil, offset: Int64(n), length: 1),
                                    extra: ["thread": .string(thread)]))
        }
        let path = NSTemporaryDirectory() + "export-" + UUID().uuidString
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (digest, size) = try f.store.objects.put(file: path)
        let item = try f.store.recordIngest(NewEvidence(name: "instagram.zip", size: size, sha256: digest, mediaType: "application/zip",
                                                        format: "export", collectedBy: "J. Bakker", messages: messages), in: f.caseID).item
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (_, page) = try await Self.get(client, b, "/zaken/\(f.caseID)/stukken/\(item.id)")
            #expect(page.components(separatedBy: "<li class=\"dag\">").count - 1 == 2)
            #expect(page.contains("<li class=\"dag\"><span class=\"bericht\">&lt;b&gt;dm&lt;/b&gt; daan</span></li>"))
        }
    }

    @Test func searchInTheTimelineFindsWordBeginnings() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        _ = try ChatSeed.record(in: f.store, case: f.caseID, messages: [("Daan Jansen", "jij bent echt te dikke")])
        try await f.app().test(.router) { client in
            let b = try #require(try await login(client, "J. Bakker"))
            let (_, page) = try await Self.get(client, b, "/zaken/\(f.caseID)/tijdlijn?q=dik")
            #expect(page.contains("jij bent echt te <mark>dikke</mark>"))
            let (_, upper) = try await Self.get(client, b, "/zaken/\(f.caseID)/tijdlijn?q=NIEM")
            #expect(upper.contains("<mark>Niemand</mark> wil jou in de groep"))
        }
    }
}

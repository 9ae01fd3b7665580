import Testing
import Foundation
import BewaarModel
import BewaarImport
import BewaarImportWeb

/// Snapchat `chat_history` HTML and TikTok `user_data` HTML, read per message. Fixtures are
/// written for these tests (fictional pupils); the layouts follow what is known of the real
/// exports (see notes/issue-6.md for what is uncertain).
@Suite("Snapchat and TikTok chat HTML")
struct ChatHTMLTests {
    /// ≤2022 single `html/chat_history.html`: received and sent tables, text in the row after.
    static let snapchat2022 = """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>Chat History</title></head><body>
    <h1>Chat History</h1>
    <h2>Received Saved Chat History</h2>
    <table>
    <tr><th>From</th><th>Media Type</th><th>Created</th></tr>
    <tr><td>daanj_12</td><td>TEXT</td><td>2022-07-22 19:28:21 UTC</td></tr>
    <tr><td>iedereen lacht om je haha</td></tr>
    <tr><td>lotte.v</td><td>TEXT</td><td>2022-07-22 19:30:05 UTC</td></tr>
    <tr><td>kom maar niet meer &amp; zo</td></tr>
    </table>
    <h2>Sent Saved Chat History</h2>
    <table>
    <tr><th>To</th><th>Media Type</th><th>Created</th></tr>
    <tr><td>daanj_12</td><td>TEXT</td><td>2022-07-22 19:31:00 UTC</td></tr>
    <tr><td>hou op alsjeblieft</td></tr>
    </table>
    </body></html>
    """

    /// 2023+ per-conversation page: one block of labelled lines per message.
    static let snapchat2023Blocks = """
    <html><head><title>daanj_12</title></head><body><div class="conversation">
    <div class="msg"><p><b>From:</b> daanj_12</p><p><b>Created:</b> 2023-03-04 14:07:09 UTC</p><p><b>Content:</b> kijk deze foto dan</p><p><b>Media IDs:</b> b~EiQSFTM0</p></div>
    <div class="msg"><p><b>From:</b> sanne.dv</p><p><b>Created:</b> 2023-03-04 14:08:00 UTC</p><p><b>Content:</b> verwijder hem!</p></div>
    </div></body></html>
    """

    /// A per-conversation page as a table with a Dutch header row and an inline image.
    static let snapchat2023Table = """
    <html><body><table>
    <tr><th>Van</th><th>Datum</th><th>Bericht</th></tr>
    <tr><td>lotte.v</td><td>2023-03-05 09:00:00 UTC</td><td>wie is dat op de foto?</td></tr>
    <tr><td>lotte.v</td><td>2023-03-05 09:01:30 UTC</td><td><img src="../../chat_media/2023-03-05_media~zip-AB12.jpeg"></td></tr>
    </table></body></html>
    """

    /// TikTok `user_data` HTML: conversations and comments as labelled blocks.
    static let tiktok = """
    <html><head><title>TikTok user data</title></head><body>
    <h2>Direct Messages</h2>
    <h3>Chat History with daanj_12:</h3>
    <div class="item"><div>Date: 2024-03-04 14:07:09 UTC</div><div>From: daanj_12</div><div>Content: je bent zo stom</div></div>
    <div class="item"><div>Date: 2024-03-04 14:09:00</div><div>From: sanne.dv</div><div>Content: laat me</div></div>
    <h2>Comments</h2>
    <div class="item"><div>Date: 2024-03-05 08:00:00 UTC</div><div>Comment: stop hiermee</div></div>
    </body></html>
    """

    @Test func snapchat2022TablesGiveAuthorsTimesAndTexts() throws {
        let dir = try Fixtures.tempDir()
        let bytes = Array(Self.snapchat2022.utf8)
        let f = try Fixtures.write(bytes, to: dir.appendingPathComponent("chat_history.html"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "snapchat")
        let m = i.result.messages
        #expect(m.map(\.text) == ["iedereen lacht om je haha", "kom maar niet meer & zo", "hou op alsjeblieft"])
        #expect(m.map(\.author) == ["daanj_12", "lotte.v", nil])
        #expect(m[2].extra["to"]?.stringValue == "daanj_12")
        #expect(m[2].extra["direction"]?.stringValue == "sent")
        #expect(m[0].timestamp?.rfc3339 == "2022-07-22T19:28:21Z")
        #expect(m[0].timestamp?.utcOffsetSeconds == 0)
        #expect(m[0].extra["timeZoneAssumed"] == nil)
        #expect(m.allSatisfy { $0.extra["layout"]?.stringValue == "snapchat-html-2022" })
        #expect(i.result.extra["layouts"]?.arrayValue == [.string("snapchat-html-2022")])
        let s = Fixtures.slice(bytes, m[0].origin)
        #expect(s.hasPrefix("<tr><td>daanj_12</td>") && s.hasSuffix("iedereen lacht om je haha</td></tr>"))
        #expect(Fixtures.slice(bytes, m[2].origin).contains("hou op alsjeblieft"))
        #expect(!i.result.warnings.contains { $0.code == "snapchat-html-generic" })
        #expect(i.result.extra["participants"]?.arrayValue == [.string("daanj_12"), .string("lotte.v")])
    }

    @Test func snapchat2023PagesInAZipLinkChatMedia() throws {
        let dir = try Fixtures.tempDir()
        let blocks = Array(Self.snapchat2023Blocks.utf8), table = Array(Self.snapchat2023Table.utf8)
        let zip = try Fixtures.zip([
            ("mydata~1709/html/chat_history/subpage_daanj_12.html", blocks),
            ("mydata~1709/html/chat_history/subpage_lotte.v.html", table),
            ("mydata~1709/chat_media/2023-03-04_b~EiQSFTM0.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]),
            ("mydata~1709/chat_media/2023-03-05_media~zip-AB12.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 3, 4]),
            ("mydata~1709/json/account.json", Array("{}".utf8)),
        ], to: dir.appendingPathComponent("mydata.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "snapchat")
        let m = i.result.messages
        #expect(m.map(\.text) == ["kijk deze foto dan", "verwijder hem!", "wie is dat op de foto?", ""])
        #expect(m.map(\.author) == ["daanj_12", "sanne.dv", "lotte.v", "lotte.v"])
        #expect(m.map { $0.timestamp?.rfc3339 } == ["2023-03-04T14:07:09Z", "2023-03-04T14:08:00Z", "2023-03-05T09:00:00Z", "2023-03-05T09:01:30Z"])
        #expect(m.allSatisfy { $0.extra["layout"]?.stringValue == "snapchat-html-2023" })
        #expect(m[0].origin.part == "mydata~1709/html/chat_history/subpage_daanj_12.html")
        let s0 = Fixtures.slice(blocks, m[0].origin)
        #expect(s0.hasPrefix("<div class=\"msg\"><p><b>From:</b> daanj_12") && s0.hasSuffix("b~EiQSFTM0</p></div>"))
        #expect(!s0.contains("verwijder"))
        #expect(Fixtures.slice(table, m[2].origin) == "<tr><td>lotte.v</td><td>2023-03-05 09:00:00 UTC</td><td>wie is dat op de foto?</td></tr>")
        #expect(m[0].attachments.first?.name == "mydata~1709/chat_media/2023-03-04_b~EiQSFTM0.jpeg")
        #expect(m[0].attachments.first?.sha256 != nil)
        #expect(m[3].kind == .media)
        #expect(m[3].attachments.first?.name == "mydata~1709/chat_media/2023-03-05_media~zip-AB12.jpeg")
        #expect(m[3].attachments.first?.sha256?.hex == BewaarModelTestsSHA.hex([0xFF, 0xD8, 0xFF, 0xE0, 3, 4]))
        #expect(m[0].extra["thread"]?.stringValue == "subpage_daanj_12")
        #expect(i.result.contained.count == 5)
    }

    @Test func snapchatHTMLNextToJSONIsKeptNotReadTwice() throws {
        let dir = try Fixtures.tempDir()
        let json = #"{"daanj_12": [{"From": "daanj_12", "Media Type": "TEXT", "Created": "2023-03-04 14:07:09 UTC", "Content": "kijk deze foto dan", "Conversation Title": null, "IsSender": false, "Media IDs": ""}]}"#
        let zip = try Fixtures.zip([
            ("json/chat_history.json", Array(json.utf8)),
            ("html/chat_history/subpage_daanj_12.html", Array(Self.snapchat2023Blocks.utf8)),
        ], to: dir.appendingPathComponent("mydata.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.messages.map(\.text) == ["kijk deze foto dan"])
        #expect(i.result.warnings.contains { $0.code == "meta-html-twin" })
    }

    @Test func tikTokHTMLGivesConversationsAndComments() throws {
        let dir = try Fixtures.tempDir()
        let bytes = Array(Self.tiktok.utf8)
        let f = try Fixtures.write(bytes, to: dir.appendingPathComponent("user_data_tiktok.html"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "tiktok")
        let m = i.result.messages
        #expect(m.map(\.text) == ["je bent zo stom", "laat me", "stop hiermee"])
        #expect(m.map(\.author) == ["daanj_12", "sanne.dv", nil])
        #expect(m.map(\.kind) == [.message, .message, .comment])
        #expect(m[0].timestamp?.rfc3339 == "2024-03-04T14:07:09Z" && m[0].timestamp?.utcOffsetSeconds == 0)
        #expect(m[0].extra["timeZoneAssumed"] == nil)
        #expect(m[1].extra["timeZoneAssumed"]?.stringValue == "UTC")
        #expect(m[0].extra["thread"]?.stringValue == "daanj_12")
        #expect(m.allSatisfy { $0.extra["layout"]?.stringValue == "tiktok-html" })
        let s = Fixtures.slice(bytes, m[0].origin)
        #expect(s.hasPrefix("<div class=\"item\"><div>Date: 2024-03-04 14:07:09 UTC") && s.hasSuffix("je bent zo stom</div></div>"))
        #expect(Fixtures.slice(bytes, m[2].origin).contains("stop hiermee"))
        #expect(i.result.extra["participants"]?.arrayValue == [.string("daanj_12"), .string("sanne.dv")])
    }

    @Test func aTikTokHTMLPageWithAnUnknownNameIsFoundByContent() throws {
        let dir = try Fixtures.tempDir()
        let zip = try Fixtures.zip([
            ("TikTok_Data/user_data_tiktok.txt", Array("Profile\nUsername: sanne.dv\n".utf8)),
            ("TikTok_Data/Direct Messages/Chat History.txt", Array("Chat History with lotte.v:\nDate: 2024-03-01 10:00:00\nFrom: lotte.v\nContent: hoi\n".utf8)),
            ("TikTok_Data/Messages/berichten.html", Array(Self.tiktok.utf8)),
            ("TikTok_Data/Profile/profiel.html", Array("<html><body><p>Profiel</p></body></html>".utf8)),
        ], to: dir.appendingPathComponent("tiktok.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "tiktok")
        #expect(i.result.messages.map(\.text) == ["hoi", "je bent zo stom", "laat me", "stop hiermee"])
        #expect(i.result.messages[1].origin.part == "TikTok_Data/Messages/berichten.html")
        #expect(i.result.extra["otherFiles"]?.arrayValue?.contains(.string("TikTok_Data/Profile/profiel.html")) == true)
    }

    @Test func aSavedPageMentioningChatHistoryStaysAPage() throws {
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write("<html><body><p>Zo bekijk je je Chat History with vrienden op TikTok.</p></body></html>", to: dir.appendingPathComponent("uitleg.html"))
        #expect(try Fixtures.inspect(f).result.format == "html")
        let g = try Fixtures.write(Self.tiktok, to: dir.appendingPathComponent("export.html"))
        #expect(try Fixtures.inspect(g).result.format == "tiktok")
    }

    @Test func aPageWithoutMessagesFallsBackToTextBlocks() throws {
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write("<html><body><p>Geen gesprekken gevonden.</p></body></html>", to: dir.appendingPathComponent("chat_history.html"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.messages.map(\.text) == ["Geen gesprekken gevonden."])
        #expect(i.result.warnings.contains { $0.code == "snapchat-html-generic" })
    }

    @Test func hostileNestingAndLongMessagesStayBounded() throws {
        // 100,000 nested <div>s around one labelled message, then 20,000 further paragraphs of it.
        var html = "<html><body>" + String(repeating: "<div>", count: 100_000)
        html += "<p>From: daanj_12</p><p>Created: 2023-03-04 14:07:09 UTC</p><p>Content: eerste regel</p>"
        html += String(repeating: "<p>nog een regel</p>", count: 20_000)
        html += String(repeating: "</div>", count: 100_000) + "</body></html>"
        let start = Date()
        let r = WebReading.chatHTML(bytes: Array(html.utf8))
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(r.messages.count == 1)
        #expect(r.messages.first?.author == "daanj_12")
        #expect(r.messages.first?.text.hasPrefix("eerste regel\nnog een regel") == true)
        #expect(r.messages.first?.timestamp?.rfc3339 == "2023-03-04T14:07:09Z")
        #expect(r.warnings.contains { $0.code == "chat-html-deep" })
    }

    @Test func theBuiltBinaryIngestsASnapchatHTMLExport() throws {
        let dir = try Fixtures.tempDir()
        let store = dir.appendingPathComponent("store").path
        let zip = try Fixtures.zip([
            ("html/chat_history.html", Array(Self.snapchat2022.utf8)),
            ("html/chat_history/subpage_daanj_12.html", Array(Self.snapchat2023Blocks.utf8)),
            ("chat_media/2023-03-04_b~EiQSFTM0.jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2]),
        ], to: dir.appendingPathComponent("snapchat-sanne.zip"))
        let made = try EndToEndTests.run(["case", "new", "--store", store, "--title", "Pesten 3A", "--victim", "Sanne de Vries"])
        #expect(made.status == 0)
        let caseID = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let ingest = try EndToEndTests.run(["ingest", "--store", store, "--case", caseID, zip.path])
        #expect(ingest.status == 0, "\(ingest.out)")
        let show = try EndToEndTests.run(["case", "show", "--store", store, caseID, "--messages", "20"])
        #expect(show.status == 0)
        #expect(show.out.contains("snapchat"))
        #expect(show.out.contains("iedereen lacht om je haha"))
        #expect(show.out.contains("kijk deze foto dan"))
        #expect(show.out.contains("daanj_12"))
        #expect(show.out.contains("3 bestanden erin"))
        let json = try EndToEndTests.run(["inspect", "--json", zip.path])
        #expect(json.status == 0)
        #expect(json.out.contains("snapchat-html-2022") && json.out.contains("snapchat-html-2023"))
        #expect(json.out.contains("2022-07-22T19:28:21Z"))
        let check = try EndToEndTests.run(["check", "--store", store])
        #expect(check.status == 0, "\(check.out)")
    }
}

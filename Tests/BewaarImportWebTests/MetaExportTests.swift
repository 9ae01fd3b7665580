import Testing
import Foundation
import BewaarModel
import BewaarImport
import BewaarImportWeb

@Suite("A mentor archives an Instagram or Facebook export")
struct MetaExportTests {
    /// Instagram 2023+ layout (`your_instagram_activity/messages/inbox/<handle>_<id>/message_N.json`),
    /// strings with Meta's mojibake as the real exports write them.
    static let thread1 = #"""
    {
      "participants": [ {"name": "Sanne de Vries"}, {"name": "Daan Jansen"} ],
      "messages": [
        { "sender_name": "Daan Jansen", "timestamp_ms": 1709561280000, "content": "Daan Jansen heeft een bericht ongedaan gemaakt", "is_unsent": true, "is_geoblocked_for_viewer": false },
        { "sender_name": "Sanne de Vries", "timestamp_ms": 1709561250000, "content": "Waarom doe je dit",
          "reactions": [ {"reaction": "\u00f0\u009f\u0098\u00a2", "actor": "Lotte Visser"} ], "is_geoblocked_for_viewer": false },
        { "sender_name": "Daan Jansen", "timestamp_ms": 1709561220000, "content": "Zo\u00c3\u00ab is echt stom \u00f0\u009f\u0098\u0082",
          "photos": [ {"uri": "your_instagram_activity/messages/inbox/daanj_123/photos/991.jpg", "creation_timestamp": 1709561219} ],
          "share": {"link": "https://www.example.org/p/abc/"},
          "reactions": [ {"reaction": "\u00e2\u009d\u00a4", "actor": "Sanne de Vries"} ], "is_geoblocked_for_viewer": false }
      ],
      "title": "Daan Jansen", "is_still_participant": true, "thread_path": "inbox/daanj_123", "magic_words": []
    }
    """#
    static let thread2 = #"""
    {"participants":[{"name":"Sanne de Vries"},{"name":"Daan Jansen"}],"messages":[{"sender_name":"Sanne de Vries","timestamp_ms":1709474400000,"content":"hoi"}],"title":"Daan Jansen","thread_path":"inbox/daanj_123"}
    """#

    @Test func anInstagramZipGivesTheThreadWithRepairedTextAndUTCTimes() throws {
        let dir = try Fixtures.tempDir()
        let jpg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]
        let root = "instagram-sanne_20240310/"
        let zip = try Fixtures.zip([
            (root + "your_instagram_activity/messages/inbox/daanj_123/message_1.json", Array(Self.thread1.utf8)),
            (root + "your_instagram_activity/messages/inbox/daanj_123/message_2.json", Array(Self.thread2.utf8)),
            (root + "your_instagram_activity/messages/inbox/daanj_123/photos/991.jpg", jpg),
            (root + "your_instagram_activity/comments/post_comments_1.json", Array(#"[{"media_list_data":[{"uri":""}],"string_map_data":{"Comment":{"value":"@daanj je bent zo z\u00c3\u00a9\u00c3\u00a9r stom"},"Media Owner":{"value":"lotte.v"},"Time":{"timestamp":1709650000}}}]"#.utf8)),
            (root + "connections/followers_and_following/followers_1.json", Array(#"[{"string_list_data":[{"href":"https://www.instagram.com/daanj","value":"daanj","timestamp":1690000000}]}]"#.utf8)),
        ], to: dir.appendingPathComponent("instagram-sanne.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "instagram")
        #expect(i.result.contained.count == 5)
        #expect(i.result.extra["participants"]?.arrayValue == [.string("Daan Jansen"), .string("Sanne de Vries")])
        #expect(i.result.extra["layouts"]?.arrayValue == [.string("meta-comments-json"), .string("meta-json")])
        #expect(i.result.extra["otherFiles"]?.arrayValue?.count == 2)
        let comment = try #require(i.result.messages.first { $0.kind == .comment })
        #expect(comment.text == "@daanj je bent zo zéér stom")
        #expect(comment.extra["mediaOwner"]?.stringValue == "lotte.v")
        #expect(comment.timestamp?.rfc3339 == "2024-03-05T14:46:40Z")
        let m = i.result.messages.filter { $0.kind != .comment }
        #expect(m.count == 4)
        #expect(m.map(\.text) == ["hoi", "Zoë is echt stom 😂", "Waarom doe je dit", "Daan Jansen heeft een bericht ongedaan gemaakt"])
        #expect(m.map { $0.timestamp?.rfc3339 ?? "" } == ["2024-03-03T14:00:00Z", "2024-03-04T14:07:00Z", "2024-03-04T14:07:30Z", "2024-03-04T14:08:00Z"])
        #expect(m[1].author == "Daan Jansen")
        #expect(m[1].extra["platform"]?.stringValue == "instagram")
        #expect(m[1].extra["reactions"]?.arrayValue?.first?["reaction"]?.stringValue == "❤")
        #expect(m[1].extra["links"]?.arrayValue == [.string("https://www.example.org/p/abc/")])
        #expect(m[1].extra["threadPath"]?.stringValue == "inbox/daanj_123")
        let photo = try #require(m[1].attachments.first)
        #expect(photo.sha256 != nil)
        #expect(photo.size == 8)
        #expect(m[3].kind == .deleted && m[3].flags == ["unsent"])
        #expect(m[2].extra["reactions"]?.arrayValue?.first?["actor"]?.stringValue == "Lotte Visser")
        #expect(i.result.warnings.contains { $0.code == "meta-mojibake-repaired" })
        // The origin is the message's JSON object in the member.
        let o = m[1].origin
        #expect(o.part == root + "your_instagram_activity/messages/inbox/daanj_123/message_1.json")
        let slice = Fixtures.slice(Array(Self.thread1.utf8), o)
        #expect(slice.hasPrefix("{ \"sender_name\": \"Daan Jansen\", \"timestamp_ms\": 1709561220000"))
        #expect(slice.hasSuffix("}"))
    }

    @Test func aSingleMessageJSONFileIsRead() throws {
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write(Self.thread1.replacingOccurrences(of: "your_instagram_activity/", with: ""), to: dir.appendingPathComponent("message_1.json"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "facebook")
        #expect(i.result.warnings.contains { $0.code == "platform-guessed" })
        #expect(i.result.messages.count == 3)
    }

    /// Layout of 2023+ (Instagram and Facebook): `_a6-g` blocks, sender in `<h2>`, time "Mar 04, 2024 3:07 pm".
    static let html2023 = """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>Daan Jansen</title></head><body><div class="_a705"><div class="_a706" role="main">
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_a6-p">Deelnemers: Sanne de Vries en Daan Jansen</div></div>
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><h2 class="_3-95 _2pim _a6-h _a6-i">Daan Jansen</h2><div class="_3-95 _a6-p"><div><div></div><div>Zoë is echt stom &#x1F602;</div><div><a href="https://www.example.org/p/abc/">https://www.example.org/p/abc/</a></div><div><img src="messages/inbox/daanj_123/photos/991.jpg"></div><div><ul class="_a6-q"><li><span>❤Sanne de Vries</span></li></ul></div></div></div><div class="_3-94 _a6-o">Mar 04, 2024 3:07 pm</div></div>
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><h2 class="_3-95 _2pim _a6-h _a6-i">Sanne de Vries</h2><div class="_3-95 _a6-p"><div><div></div><div>Waarom doe je dit</div></div></div><div class="_3-94 _a6-o">Jul 04, 2024 11:15 am</div></div>
    </div></div></body></html>
    """

    @Test func theHTMLLayoutOf2023GivesLocalTimesInTheAssumedZone() throws {
        let dir = try Fixtures.tempDir()
        let bytes = Array(Self.html2023.utf8)
        let f = try Fixtures.write(bytes, to: dir.appendingPathComponent("message_1.html"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "facebook")
        let m = i.result.messages
        #expect(m.count == 2)
        #expect(m[0].author == "Daan Jansen")
        #expect(m[0].text == "Zoë is echt stom 😂 https://www.example.org/p/abc/")
        #expect(m[0].timestamp?.rfc3339 == "2024-03-04T15:07:00+01:00")
        #expect(m[1].timestamp?.rfc3339 == "2024-07-04T11:15:00+02:00")
        #expect(m[0].extra["layout"]?.stringValue == "meta-html-2022")
        #expect(m[0].extra["timeZoneAssumed"]?.stringValue == "Europe/Amsterdam")
        #expect(m[0].extra["reactions"]?.arrayValue == [.string("❤Sanne de Vries")])
        #expect(m[0].attachments.first?.name == "messages/inbox/daanj_123/photos/991.jpg")
        // From the participants block (its own order), not guessed from the authors.
        #expect(i.result.extra["threads"]?.arrayValue?.first?["participants"]?.arrayValue == [.string("Sanne de Vries"), .string("Daan Jansen")])
        #expect(i.result.warnings.contains { $0.code == "meta-html-zone-assumed" })
        #expect(Fixtures.slice(bytes, m[0].origin).hasPrefix("<div class=\"pam _3-95 _2ph- _a6-g"))
        #expect(Fixtures.slice(bytes, m[0].origin).hasSuffix("3:07 pm</div></div>"))
    }

    @Test func theHTMLLayoutOf2018IsRead() throws {
        let html = """
        <html><head><title>Lotte Visser</title></head><body><div class="_4t5n" role="main">
        <div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder"><div class="_3-96 _2pio _2lek _2lel">Lotte Visser</div><div class="_3-96 _2let"><div><div></div><div>jij hoort er niet bij</div><div></div><div></div></div></div><div class="_3-94 _2lem">Oct 11, 2019, 9:41 PM</div></div>
        </div></body></html>
        """
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write(html, to: dir.appendingPathComponent("message_1.html"))
        let i = try Fixtures.inspect(f)
        let m = try #require(i.result.messages.first)
        #expect(m.author == "Lotte Visser")
        #expect(m.text == "jij hoort er niet bij")
        #expect(m.timestamp?.rfc3339 == "2019-10-11T21:41:00+02:00")
        #expect(m.extra["layout"]?.stringValue == "meta-html-2018")
    }

    @Test func theOldFacebookMessagesPageIsRead() throws {
        let html = """
        <html><head><title>Sanne de Vries - Messages</title></head><body><div class="contents"><h1>Sanne de Vries</h1>
        <div><div class="thread">Daan Jansen, Sanne de Vries
        <div class="message"><div class="message_header"><span class="user">Daan Jansen</span><span class="meta">Friday, October 4, 2013 at 10:05pm PDT</span></div></div><p>niemand vindt jou leuk</p>
        <div class="message"><div class="message_header"><span class="user">Sanne de Vries</span><span class="meta">Friday, October 4, 2013 at 10:07pm PDT</span></div></div><p>laat me met rust</p>
        </div></div></div></body></html>
        """
        let dir = try Fixtures.tempDir()
        // Given alone, the old page is recognised by its structure.
        let single = try Fixtures.inspect(try Fixtures.write(html, to: dir.appendingPathComponent("messages.htm")))
        #expect(single.result.messages.count == 2)
        #expect(single.result.format == "facebook")
        let zip = try Fixtures.zip([("facebook-sanne/html/messages.htm", Array(html.utf8)), ("facebook-sanne/index.htm", Array("<html></html>".utf8))],
                                   to: dir.appendingPathComponent("facebook-2013.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "facebook")
        let m = i.result.messages
        #expect(m.map(\.text) == ["niemand vindt jou leuk", "laat me met rust"])
        #expect(m.first?.author == "Daan Jansen")
        #expect(m.first?.timestamp?.rfc3339 == "2013-10-04T22:05:00-07:00")
        #expect(m.first?.extra["layout"]?.stringValue == "meta-html-2017")
    }

    @Test func aFacebookExportWithoutThreadsSaysWhereTheChatsAre() throws {
        let dir = try Fixtures.tempDir()
        let zip = try Fixtures.zip([
            ("facebook-sanne/personal_information/profile_information/profile_information.json", Array("{\"profile_v2\":{}}".utf8)),
            ("facebook-sanne/your_facebook_activity/messages/autofill_information.json", Array("{}".utf8)),
            ("facebook-sanne/your_facebook_activity/posts/your_posts_1.json", Array("[]".utf8)),
        ], to: dir.appendingPathComponent("facebook-2024.zip"))
        let posts = #"[{"timestamp":1709650000,"data":[{"post":"Iedereen weet wat Sanne gedaan heeft \u00f0\u009f\u0098\u0082"}],"title":"Daan Jansen schreef op de tijdlijn van Klas 2B.","attachments":[{"data":[{"media":{"uri":"your_facebook_activity/posts/media/klas2b/1.jpg"}}]}]}]"#
        _ = try Fixtures.zip([
            ("facebook-sanne/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", Array(posts.utf8)),
            ("facebook-sanne/your_facebook_activity/posts/media/klas2b/1.jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
        ], to: dir.appendingPathComponent("facebook-posts.zip"))
        let p = try Fixtures.inspect(dir.appendingPathComponent("facebook-posts.zip"))
        let post = try #require(p.result.messages.first)
        #expect(post.kind == .post)
        #expect(post.text == "Iedereen weet wat Sanne gedaan heeft 😂")
        #expect(post.timestamp?.rfc3339 == "2024-03-05T14:46:40Z")
        #expect(post.attachments.first?.sha256 != nil)
        #expect(post.extra["context"]?.stringValue == "Daan Jansen schreef op de tijdlijn van Klas 2B.")
        let r = try PlatformExportImporter().importFile(
            ImportSource(path: zip.path, name: "facebook-2024.zip", size: 1, sha256: nil), context: ImportContext())
        #expect(r.format == "facebook")
        #expect(r.messages.isEmpty)
        let w = try #require(r.warnings.first { $0.code == "no-messenger-threads" })
        #expect(w.message.contains("Messenger"))
        #expect(r.contained.count == 3)
        #expect(r.extra["otherFiles"]?.arrayValue?.count == 2)   // the (empty) posts file was read
    }
}

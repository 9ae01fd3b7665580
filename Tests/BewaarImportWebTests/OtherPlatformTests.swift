import Testing
import Foundation
import BewaarModel
import BewaarImport
import BewaarImportWeb

@Suite("TikTok, Snapchat and X exports")
struct OtherPlatformTests {
    /// TikTok `user_data_tiktok.json`, 2025 key names ("Your Activity", "Profile Info"), DMs under "Direct Message".
    static let tiktok = #"""
    {"Profile": {"Profile Info": {"ProfileMap": {"userName": "sanne.dv", "bioDescription": ""}}},
     "Comment": {"Comments": {"CommentsList": [ {"date": "2024-03-05 08:00:00", "comment": "stop hiermee", "url": "https://www.tiktok.example.org/@daanj_12/video/1"} ]}},
     "Direct Message": {"Direct Messages": {"ChatHistory": {
        "Chat History with daanj_12:": [
          {"Date": "2024-03-04 14:07:09", "From": "daanj_12", "Content": "je bent zo stom"},
          {"Date": "2024-03-04 14:09:00", "From": "sanne.dv", "Content": "laat me"} ] }}}}
    """#

    @Test func tikTokJSONGivesConversationsAndComments() throws {
        let dir = try Fixtures.tempDir()
        let bytes = Array(Self.tiktok.utf8)
        let f = try Fixtures.write(bytes, to: dir.appendingPathComponent("user_data_tiktok.json"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "tiktok")
        let m = i.result.messages
        #expect(m.map(\.text) == ["je bent zo stom", "laat me", "stop hiermee"])
        #expect(m[0].author == "daanj_12")
        #expect(m[0].timestamp?.rfc3339 == "2024-03-04T14:07:09Z")
        #expect(m[0].extra["thread"]?.stringValue == "daanj_12")
        #expect(m[0].extra["timeZoneAssumed"]?.stringValue == "UTC")
        #expect(m[2].kind == .comment && m[2].author == "sanne.dv")
        #expect(Fixtures.slice(bytes, m[0].origin).hasPrefix("{\"Date\": \"2024-03-04 14:07:09\""))
        #expect(i.result.extra["participants"]?.arrayValue == [.string("daanj_12"), .string("sanne.dv")])
    }

    @Test func tikTokTXTIsRead() throws {
        let txt = "Chat History with daanj_12:\nDate: 2024-03-04 14:07:09\nFrom: daanj_12\nContent: je bent zo stom\n\nDate: 2024-03-04 14:09:00\nFrom: sanne.dv\nContent: laat me\n"
        let dir = try Fixtures.tempDir()
        let zip = try Fixtures.zip([("TikTok_Data/Direct Messages/Chat History/Chat History.txt", Array(txt.utf8))], to: dir.appendingPathComponent("tiktok.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "tiktok")
        #expect(i.result.messages.map(\.author) == ["daanj_12", "sanne.dv"])
        #expect(i.result.messages.first?.origin.line == 2)
    }

    @Test func snapchatOldAndNewShapes() throws {
        let old = #"""
        {"Received Saved Chat History": [ {"From": "daan.j", "Media Type": "TEXT", "Created": "2022-07-22 19:28:21 UTC", "Text": "jij&#39;bent raar"} ],
         "Sent Saved Chat History": [ {"To": "daan.j", "Media Type": "TEXT", "Created": "2022-07-22 19:30:00 UTC", "Text": "stop"} ]}
        """#
        let new = #"""
        {"daan.j": [ {"From": "daan.j", "Media Type": "TEXT", "Created": "2024-03-04 14:07:09 UTC", "Content": "zie je morgen &amp; dan", "Conversation Title": null, "IsSender": false, "Created(microseconds)": 1709561229000000, "IsSaved": true, "Media IDs": ""},
                     {"From": "sanne.dv", "Media Type": "MEDIA", "Created": "2024-03-04 14:08:00 UTC", "Content": "", "IsSender": true, "Media IDs": "b~EiASFm1"} ]}
        """#
        let dir = try Fixtures.tempDir()
        let a = try Fixtures.inspect(try Fixtures.write(old, to: dir.appendingPathComponent("a/chat_history.json")))
        #expect(a.result.format == "snapchat")
        #expect(a.result.messages.first?.text == "jij'bent raar")
        #expect(a.result.messages.first?.timestamp?.rfc3339 == "2022-07-22T19:28:21Z")
        #expect(a.result.messages.last?.extra["direction"]?.stringValue == "sent")
        #expect(a.result.messages.first?.extra["layout"]?.stringValue == "snapchat-json-2022")
        let zip = try Fixtures.zip([
            ("mydata/json/chat_history.json", Array(new.utf8)),
            ("mydata/chat_media/2024-03-04_b~EiASFm1.jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("mydata/json/account.json", Array("{}".utf8)),
        ], to: dir.appendingPathComponent("snapchat.zip"))
        let b = try Fixtures.inspect(zip)
        #expect(b.result.format == "snapchat")
        #expect(b.result.messages.map(\.text) == ["zie je morgen & dan", ""])
        #expect(b.result.messages[1].kind == .media)
        #expect(b.result.messages[1].attachments.first?.sha256 != nil)
        #expect(b.result.messages[0].extra["layout"]?.stringValue == "snapchat-json-2023")
        #expect(b.result.contained.count == 3)
    }

    @Test func anXArchiveGivesPostsAndDirectMessages() throws {
        let account = #"window.YTD.account.part0 = [ { "account": { "email": "sanne@example.org", "username": "sanne_dv", "accountId": "1111", "accountDisplayName": "Sanne" } } ]"#
        let tweets = #"""
        window.YTD.tweets.part0 = [ { "tweet": { "id_str": "42", "full_text": "@daanj_12 hou op https://t.co/x", "created_at": "Mon Mar 04 14:07:09 +0000 2024",
          "in_reply_to_screen_name": "daanj_12", "entities": { "urls": [ {"expanded_url": "https://www.example.org/bewijs"} ], "user_mentions": [ {"screen_name": "daanj_12"} ] } } } ]
        """#
        let dms = #"""
        window.YTD.direct_messages.part0 = [ { "dmConversation": { "conversationId": "1111-2222", "messages": [
          { "messageCreate": { "id": "9", "senderId": "2222", "recipientId": "1111", "text": "niemand mag jou", "createdAt": "2024-03-04T14:10:00.000Z", "urls": [], "mediaUrls": [] } },
          { "messageCreate": { "id": "8", "senderId": "1111", "recipientId": "2222", "text": "waarom", "createdAt": "2024-03-04T14:09:00.000Z", "urls": [], "mediaUrls": [] } } ] } } ]
        """#
        let dir = try Fixtures.tempDir()
        let zip = try Fixtures.zip([
            ("twitter-2024/data/account.js", Array(account.utf8)),
            ("twitter-2024/data/tweets.js", Array(tweets.utf8)),
            ("twitter-2024/data/direct-messages.js", Array(dms.utf8)),
            ("twitter-2024/Your archive.html", Array("<html></html>".utf8)),
        ], to: dir.appendingPathComponent("x-archief.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "x")
        let m = i.result.messages
        let post = try #require(m.first { $0.kind == .post })
        #expect(post.author == "sanne_dv")
        #expect(post.timestamp?.rfc3339 == "2024-03-04T14:07:09Z")
        #expect(post.extra["links"]?.arrayValue == [.string("https://www.example.org/bewijs")])
        let dm = m.filter { $0.kind == .message }
        #expect(dm.map(\.text) == ["waarom", "niemand mag jou"])
        #expect(dm.map(\.author) == ["@sanne_dv", "id:2222"])
        #expect(dm[0].timestamp?.rfc3339 == "2024-03-04T14:09:00Z")
        #expect(Fixtures.slice(Array(dms.utf8), dm[1].origin).hasPrefix("{ \"messageCreate\""))
        #expect(i.result.extra["otherFiles"]?.arrayValue?.contains(.string("twitter-2024/Your archive.html")) == true)
    }
}

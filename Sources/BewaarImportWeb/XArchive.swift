import Foundation
import BewaarModel

/// The X (Twitter) archive: `data/*.js`, each `window.YTD.<name>.part0 = [ … ]`.
/// `account.js` names the owner; `tweets*.js` holds posts (`created_at` like
/// "Wed Oct 10 20:19:24 +0000 2018"); `direct-messages*.js` holds conversations whose senders
/// are numeric ids (mapped to the owner's handle where known). All times are UTC.
enum XArchive {
    struct Owner { var id: String?; var handle: String?; var name: String? }

    /// The JSON array after the `=`.
    static func arraySpan(_ b: [UInt8]) -> Range<Int>? {
        guard let eq = b.prefix(4096).firstIndex(of: 0x3D) else { return nil }
        let s = JSONSpans.skipSpace(b, eq + 1, b.count)
        guard let e = JSONSpans.valueEnd(b, s, end: b.count) else { return nil }
        return s..<e
    }

    static func owner(_ b: [UInt8]) -> Owner? {
        guard let span = arraySpan(b), let first = JSONSpans.elements(b, span).first, let v = JSONSpans.parse(b, first) else { return nil }
        let a = v["account"]
        return Owner(id: a?["accountId"]?.stringValue, handle: a?["username"]?.stringValue, name: a?["accountDisplayName"]?.stringValue)
    }

    static func read(_ b: [UInt8], name: String, part: String?, owner: Owner?) -> [ChatThreadRead] {
        guard let span = arraySpan(b) else { return [] }
        let lname = name.lowercased()
        if lname.hasPrefix("tweets") || lname.hasPrefix("tweet") {
            var t = ChatThreadRead(platform: "x", layout: "x-archive")
            t.title = "Posts"
            if let h = owner?.handle { t.participants = [h] }
            for e in JSONSpans.elements(b, span) {
                guard let v = JSONSpans.parse(b, e) else { continue }
                let tw = v["tweet"] ?? v
                var extra: [String: JSONValue] = ["platform": .string("x"), "layout": .string("x-archive")]
                extra["id"] = .string(tw["id_str"]?.stringValue)
                if let r = tw["in_reply_to_screen_name"]?.stringValue { extra["inReplyTo"] = .string(r) }
                let urls = (tw["entities"]?["urls"]?.arrayValue ?? []).compactMap { $0["expanded_url"]?.stringValue }
                if !urls.isEmpty { extra["links"] = .array(urls.map(JSONValue.string)) }
                let mentions = (tw["entities"]?["user_mentions"]?.arrayValue ?? []).compactMap { $0["screen_name"]?.stringValue }
                if !mentions.isEmpty { extra["mentions"] = .array(mentions.map(JSONValue.string)) }
                let media = (tw["entities"]?["media"]?.arrayValue ?? []).compactMap { $0["media_url_https"]?.stringValue ?? $0["media_url"]?.stringValue }
                t.messages.append(Message(timestamp: tw["created_at"]?.stringValue.flatMap(twitterDate), author: owner?.handle,
                                          text: tw["full_text"]?.stringValue ?? tw["text"]?.stringValue ?? "", kind: .post,
                                          attachments: media.map { Attachment(name: $0) },
                                          origin: Origin(line: nil, offset: Int64(e.lowerBound), length: Int64(e.count), part: part), extra: extra))
            }
            return t.messages.isEmpty ? [] : [t]
        }
        if lname.hasPrefix("direct-message") && !lname.contains("header") {
            var out: [ChatThreadRead] = []
            for e in JSONSpans.elements(b, span) {
                guard let conv = JSONSpans.members(b, e).first(where: { $0.key == "dmConversation" })?.value else { continue }
                let members = JSONSpans.members(b, conv)
                let cid = members.first { $0.key == "conversationId" }.flatMap { JSONSpans.parse(b, $0.value)?.stringValue }
                var t = ChatThreadRead(platform: "x", layout: "x-archive")
                t.title = cid
                var people = Set<String>()
                if let ms = members.first(where: { $0.key == "messages" })?.value {
                    for me in JSONSpans.elements(b, ms) {
                        guard let v = JSONSpans.parse(b, me), let mc = v["messageCreate"] else { continue }
                        let sender = mc["senderId"]?.stringValue.map { display($0, owner) }
                        if let s = sender { people.insert(s) }
                        if let r = mc["recipientId"]?.stringValue { people.insert(display(r, owner)) }
                        var extra: [String: JSONValue] = ["platform": .string("x"), "layout": .string("x-archive"), "thread": .string(cid)]
                        extra["senderId"] = .string(mc["senderId"]?.stringValue)
                        let urls = (mc["urls"]?.arrayValue ?? []).compactMap { $0["expanded"]?.stringValue ?? $0["expanded_url"]?.stringValue }
                        if !urls.isEmpty { extra["links"] = .array(urls.map(JSONValue.string)) }
                        let media = (mc["mediaUrls"]?.arrayValue ?? []).compactMap(\.stringValue)
                        t.messages.append(Message(timestamp: mc["createdAt"]?.stringValue.flatMap { Timestamp(rfc3339: $0) }, author: sender,
                                                  text: mc["text"]?.stringValue ?? "", kind: .message, attachments: media.map { Attachment(name: $0) },
                                                  origin: Origin(line: nil, offset: Int64(me.lowerBound), length: Int64(me.count), part: part), extra: extra))
                    }
                }
                t.participants = people.sorted()
                if !t.messages.isEmpty { out.append(t) }
            }
            return out
        }
        return []
    }

    static func display(_ id: String, _ owner: Owner?) -> String {
        if let o = owner, o.id == id, let h = o.handle { return "@" + h }
        return "id:" + id
    }

    /// "Wed Oct 10 20:19:24 +0000 2018".
    static func twitterDate(_ s: String) -> Timestamp? {
        let p = s.split(separator: " ")
        guard p.count == 6, let y = Int(p[5]), let d = Int(p[2]) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let m = months.firstIndex(of: String(p[1])) else { return nil }
        let hms = p[3].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3, p[4].count == 5, let z = Int(p[4].dropFirst()) else { return nil }
        let off = ((z / 100) * 3600 + (z % 100) * 60) * (p[4].hasPrefix("-") ? -1 : 1)
        let local = Timestamp.days(fromCivil: y, m + 1, d) * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2]
        return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(local - off)), utcOffsetSeconds: off)
    }
}

import Foundation
import BewaarModel

/// Comments the account owner wrote, from a Meta export:
/// - Instagram `your_instagram_activity/comments/post_comments_N.json`: `[{string_map_data:
///   {Comment: {value}, "Media Owner": {value}, Time: {timestamp}}}]` (or an object wrapping that array);
/// - Facebook `comments_and_reactions/comments.json`: `{comments_v2: [{timestamp, title,
///   data: [{comment: {timestamp, comment, author}}]}]}`.
/// Times are UTC epoch seconds; strings carry Meta's mojibake, repaired here.
enum MetaComments {
    static func read(_ b: [UInt8], part: String?, platform: String) -> ChatThreadRead? {
        var t = ChatThreadRead(platform: platform, layout: "meta-comments-json")
        t.title = "Comments"
        var repaired = 0
        var spans: [Range<Int>] = JSONSpans.elements(b, 0..<b.count)
        if spans.isEmpty {
            for (k, v) in JSONSpans.members(b, 0..<b.count) where k.hasPrefix("comments") {
                spans += JSONSpans.elements(b, v)
            }
        }
        for span in spans {
            guard let raw = JSONSpans.parse(b, span) else { continue }
            let v = MetaMojibake.repairAll(raw, count: &repaired)
            var text: String?, author: String?, seconds: Int64?
            var extra: [String: JSONValue] = ["platform": .string(platform), "layout": .string("meta-comments-json")]
            if let m = v["string_map_data"] {
                text = m["Comment"]?["value"]?.stringValue
                if let owner = m["Media Owner"]?["value"]?.stringValue { extra["mediaOwner"] = .string(owner) }
                seconds = m["Time"]?["timestamp"]?.intValue
            } else if let c = v["data"]?.arrayValue?.first?["comment"] {
                text = c["comment"]?.stringValue
                author = c["author"]?.stringValue
                seconds = c["timestamp"]?.intValue ?? v["timestamp"]?.intValue
                if let title = v["title"]?.stringValue { extra["context"] = .string(title) }
            }
            guard let text else { continue }
            let ts = seconds.map { Timestamp(date: Date(timeIntervalSince1970: TimeInterval($0)), utcOffsetSeconds: 0) }
            t.messages.append(Message(timestamp: ts, author: author, text: text, kind: .comment,
                                      origin: Origin(line: nil, offset: Int64(span.lowerBound), length: Int64(span.count), part: part), extra: extra))
        }
        t.repaired = repaired
        return t.messages.isEmpty ? nil : t
    }
}

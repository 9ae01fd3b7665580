import Foundation
import BewaarModel

/// Posts the account owner made, from a Meta export:
/// - Instagram `your_instagram_activity/content/posts_N.json`: `[{media: [{uri, creation_timestamp, title}], title?, creation_timestamp?}]`;
/// - Facebook `your_facebook_activity/posts/your_posts…_N.json`: `[{timestamp, data: [{post}], attachments: [{data: [{media: {uri}}]}], title}]`.
/// Times are UTC epoch seconds; strings carry Meta's mojibake, repaired here.
enum MetaPosts {
    static func read(_ b: [UInt8], part: String?, platform: String) -> ChatThreadRead? {
        var t = ChatThreadRead(platform: platform, layout: "meta-posts-json")
        t.title = "Posts"
        var repaired = 0
        for span in JSONSpans.elements(b, 0..<b.count) {
            guard let raw = JSONSpans.parse(b, span) else { continue }
            let v = MetaMojibake.repairAll(raw, count: &repaired)
            let media = v["media"]?.arrayValue ?? []
            var uris = media.compactMap { $0["uri"]?.stringValue }
            for a in v["attachments"]?.arrayValue ?? [] {
                for d in a["data"]?.arrayValue ?? [] { if let u = d["media"]?["uri"]?.stringValue { uris.append(u) } }
            }
            let text = v["data"]?.arrayValue?.compactMap({ $0["post"]?.stringValue }).first
                ?? v["title"]?.stringValue ?? media.first?["title"]?.stringValue ?? ""
            let seconds = v["timestamp"]?.intValue ?? v["creation_timestamp"]?.intValue ?? media.first?["creation_timestamp"]?.intValue
            guard !text.isEmpty || !uris.isEmpty else { continue }
            var extra: [String: JSONValue] = ["platform": .string(platform), "layout": .string("meta-posts-json")]
            if let title = v["title"]?.stringValue, title != text { extra["context"] = .string(title) }
            t.messages.append(Message(timestamp: seconds.map { Timestamp(date: Date(timeIntervalSince1970: TimeInterval($0)), utcOffsetSeconds: 0) },
                                      author: nil, text: text, kind: .post,
                                      attachments: uris.map { Attachment(name: $0, mediaType: MediaTypeGuess.forName($0)) },
                                      origin: Origin(line: nil, offset: Int64(span.lowerBound), length: Int64(span.count), part: part), extra: extra))
        }
        t.repaired = repaired
        return t.messages.isEmpty ? nil : t
    }
}

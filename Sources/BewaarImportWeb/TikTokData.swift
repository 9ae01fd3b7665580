import Foundation
import BewaarModel

/// TikTok "Download your data": `user_data.json` / `user_data_tiktok.json`, or the TXT variant.
/// Keys were renamed more than once ("Activity" → "Your Activity", "Profile Information" →
/// "Profile Info", `Date` → `date`), so they are found case-insensitively wherever they sit:
/// every object key starting with "Chat History with" is a conversation
/// (`[{Date, From, Content}]`), every `CommentsList` holds comments (`[{date, comment, url}]`).
/// `Date` has no zone; it is read as UTC, as the known tools do, and the record says so.
enum TikTokData {
    static func read(json b: [UInt8], part: String?) -> [ChatThreadRead] {
        var threads: [ChatThreadRead] = []
        var owner: String?
        var comments = ChatThreadRead(platform: "tiktok", layout: "tiktok-json")
        comments.title = "Comments"
        walk(b, 0..<b.count, depth: 0) { key, span in
            let k = key.lowercased()
            if k.hasPrefix("chat history with") {
                let other = String(key.dropFirst("chat history with".count)).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
                var t = ChatThreadRead(platform: "tiktok", layout: "tiktok-json")
                t.title = other
                t.participants = [other]
                for e in JSONSpans.elements(b, span) {
                    guard let v = JSONSpans.parse(b, e) else { continue }
                    t.messages.append(message(v, span: e, part: part, thread: other))
                }
                threads.append(t)
                return false
            }
            if k == "commentslist" {
                for e in JSONSpans.elements(b, span) {
                    guard let v = JSONSpans.parse(b, e) else { continue }
                    let date = field(v, "date").flatMap { LocalTime.isoLike($0, zone: LocalTime.utc) }
                    var extra: [String: JSONValue] = ["platform": .string("tiktok"), "layout": .string("tiktok-json"), "timeZoneAssumed": .string("UTC")]
                    if let u = field(v, "url") { extra["links"] = .array([.string(u)]) }
                    comments.messages.append(Message(timestamp: date, author: nil, text: field(v, "comment") ?? "", kind: .comment,
                                                     origin: Origin(line: nil, offset: Int64(e.lowerBound), length: Int64(e.count), part: part), extra: extra))
                }
                return false
            }
            if k == "username", owner == nil, let v = JSONSpans.parse(b, span)?.stringValue { owner = v }
            return true
        }
        if !comments.messages.isEmpty { threads.append(comments) }
        for i in threads.indices {
            if let owner {
                if !threads[i].participants.contains(owner) { threads[i].participants.append(owner) }
                for j in threads[i].messages.indices where threads[i].messages[j].kind == .comment { threads[i].messages[j].author = owner }
            }
        }
        return threads
    }

    static func field(_ v: JSONValue, _ name: String) -> String? {
        guard let o = v.objectValue else { return nil }
        return o.first { $0.key.lowercased() == name.lowercased() }?.value.stringValue
    }

    static func message(_ v: JSONValue, span: Range<Int>, part: String?, thread: String) -> Message {
        let date = field(v, "date").flatMap { LocalTime.isoLike($0, zone: LocalTime.utc) }
        let extra: [String: JSONValue] = ["platform": .string("tiktok"), "layout": .string("tiktok-json"), "thread": .string(thread), "timeZoneAssumed": .string("UTC")]
        return Message(timestamp: date, author: field(v, "from"), text: field(v, "content") ?? "", kind: .message,
                       origin: Origin(line: nil, offset: Int64(span.lowerBound), length: Int64(span.count), part: part), extra: extra)
    }

    /// Visits every object member below `span`; `visit` returns whether to descend into it.
    static func walk(_ b: [UInt8], _ span: Range<Int>, depth: Int, _ visit: (String, Range<Int>) -> Bool) {
        guard depth < 64 else { return }
        let i = JSONSpans.skipSpace(b, span.lowerBound, span.upperBound)
        guard i < span.upperBound else { return }
        if b[i] == 0x7B {
            for (k, v) in JSONSpans.members(b, span) where visit(k, v) { walk(b, v, depth: depth + 1, visit) }
        } else if b[i] == 0x5B {
            for e in JSONSpans.elements(b, span) { walk(b, e, depth: depth + 1, visit) }
        }
    }

    /// The TXT variant: "Chat History with X:" then blocks of `Date:`, `From:`, `Content:` lines.
    static func read(txt b: [UInt8], part: String?) -> [ChatThreadRead] {
        var threads: [ChatThreadRead] = []
        var cur: ChatThreadRead?
        var date: String?, from: String?, content: String?, start = 0, lineNo = 0, startLine = 1
        func flush(_ end: Int) {
            guard date != nil || content != nil else { return }
            if cur == nil { cur = ChatThreadRead(platform: "tiktok", layout: "tiktok-txt") }
            let ts = date.flatMap { LocalTime.isoLike($0, zone: LocalTime.utc) }
            cur!.messages.append(Message(timestamp: ts, author: from, text: content ?? "", kind: .message,
                                         origin: Origin(line: startLine, offset: Int64(start), length: Int64(end - start), part: part),
                                         extra: ["platform": .string("tiktok"), "layout": .string("tiktok-txt"), "thread": .string(cur!.title), "timeZoneAssumed": .string("UTC")]))
            date = nil; from = nil; content = nil
        }
        var i = 0
        while i < b.count {
            var j = i
            while j < b.count && b[j] != 0x0A { j += 1 }
            lineNo += 1
            let line = String(decoding: b[i..<j], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if line.lowercased().hasPrefix("chat history with") {
                flush(i)
                if let c = cur { threads.append(c) }
                let other = String(line.dropFirst("chat history with".count)).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
                cur = ChatThreadRead(platform: "tiktok", layout: "tiktok-txt"); cur!.title = other; cur!.participants = [other]
            } else if line.hasPrefix("Date:") {
                flush(i); start = i; startLine = lineNo
                date = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("From:") {
                from = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("Content:") || line.hasPrefix("Message:") {
                content = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            } else if !line.isEmpty, content != nil {
                content! += "\n" + line
            }
            i = j + 1
        }
        flush(b.count)
        if let c = cur { threads.append(c) }
        return threads
    }
}

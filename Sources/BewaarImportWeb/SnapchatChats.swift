import Foundation
import BewaarModel

/// Snapchat "My Data" `json/chat_history.json`. Only saved chats are in it.
/// - ≤2022: `{"Received Saved Chat History": [{From, Media Type, Created, Text}], "Sent Saved Chat History": [{To, …}]}`;
/// - 2023+: `{"<conversation>": [{From, Media Type, Created, Content, Conversation Title, IsSender, Media IDs}]}`.
/// `Created` is an explicit UTC time ("2022-07-22 19:28:21 UTC"); text may carry HTML entities.
enum SnapchatChats {
    static func read(json b: [UInt8], part: String?) -> [ChatThreadRead] {
        var threads: [ChatThreadRead] = []
        for (key, span) in JSONSpans.members(b, 0..<b.count) {
            let old = key.hasSuffix("Saved Chat History")
            var t = ChatThreadRead(platform: "snapchat", layout: old ? "snapchat-json-2022" : "snapchat-json-2023")
            t.title = key
            var people = Set<String>()
            for e in JSONSpans.elements(b, span) {
                guard let v = JSONSpans.parse(b, e) else { continue }
                let from = v["From"]?.stringValue, to = v["To"]?.stringValue
                let sent = key.hasPrefix("Sent") || v["IsSender"] == .bool(true)
                if let from { people.insert(from) }
                if let to { people.insert(to) }
                let text = entities(v["Content"]?.stringValue ?? v["Text"]?.stringValue ?? "")
                let created = v["Created"]?.stringValue.flatMap { LocalTime.isoLike($0, zone: LocalTime.utc) }
                var extra: [String: JSONValue] = ["platform": .string("snapchat"), "layout": .string(t.layout), "direction": .string(sent ? "sent" : "received")]
                extra["thread"] = .string(v["Conversation Title"]?.stringValue ?? (old ? nil : key))
                if let to { extra["to"] = .string(to) }
                if let mt = v["Media Type"]?.stringValue { extra["mediaType"] = .string(mt) }
                var atts: [Attachment] = []
                if let ids = v["Media IDs"]?.stringValue, !ids.isEmpty {
                    atts = ids.split(separator: "|").map { Attachment(name: $0.trimmingCharacters(in: .whitespaces)) }
                }
                let mediaType = v["Media Type"]?.stringValue ?? "TEXT"
                t.messages.append(Message(timestamp: created, author: from ?? (sent ? nil : from), text: text,
                                          kind: mediaType == "TEXT" || !text.isEmpty ? .message : .media, attachments: atts,
                                          origin: Origin(line: nil, offset: Int64(e.lowerBound), length: Int64(e.count), part: part), extra: extra))
            }
            t.participants = people.sorted()
            if !t.messages.isEmpty { threads.append(t) }
        }
        return threads
    }

    /// Unescapes HTML entities once (`&#39;`, `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#x27;`).
    static func entities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = s[s.index(after: i)..<semi]
                var rep: String?
                switch name {
                case "amp": rep = "&"
                case "lt": rep = "<"
                case "gt": rep = ">"
                case "quot": rep = "\""
                case "apos": rep = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { rep = String(u) }
                    else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { rep = String(u) }
                }
                if let rep { out += rep; i = s.index(after: semi); continue }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}

import Foundation
import BewaarModel

/// A Meta (Instagram, Facebook Messenger) `message_N.json` thread file. Shape shared by both
/// since 2018: `participants[].name`, `messages[]` newest first with `sender_name`,
/// `timestamp_ms` (UTC epoch ms; older Facebook: `timestamp` in seconds), `content`, media
/// (`photos` `videos` `audio_files` `gifs` `files` `sticker`), `share.link`, `reactions`,
/// `is_unsent`; `title`, `thread_path`. Strings carry Meta's mojibake, repaired here.
enum MetaJSONThread {
    static func read(_ b: [UInt8], part: String?, platform: String) -> ChatThreadRead? {
        let top = JSONSpans.members(b, 0..<b.count)
        guard !top.isEmpty, let messagesSpan = top.first(where: { $0.key == "messages" })?.value else { return nil }
        var t = ChatThreadRead(platform: platform, layout: "meta-json")
        var repaired = 0
        for (key, span) in top where key != "messages" {
            guard let v = JSONSpans.parse(b, span) else { continue }
            let fixed = MetaMojibake.repairAll(v, count: &repaired)
            switch key {
            case "participants": t.participants = (fixed.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
            case "title": t.title = fixed.stringValue
            case "thread_path": t.threadPath = fixed.stringValue
            default: break
            }
        }
        var bad = 0
        for span in JSONSpans.elements(b, messagesSpan) {
            guard let raw = JSONSpans.parse(b, span) else { bad += 1; continue }
            let v = MetaMojibake.repairAll(raw, count: &repaired)
            t.messages.append(message(v, span: span, part: part, thread: t))
        }
        if bad > 0 {
            t.warnings.append(ImportWarning("\(bad) bericht(en) in \(part ?? "het bestand") waren geen geldige JSON en zijn overgeslagen; ze staan wel in het origineel.",
                                            code: "meta-json-invalid"))
        }
        t.repaired = repaired
        return t
    }

    static func message(_ v: JSONValue, span: Range<Int>, part: String?, thread: ChatThreadRead) -> Message {
        var ts: Timestamp?
        if let ms = v["timestamp_ms"]?.intValue {
            ts = Timestamp(date: Date(timeIntervalSince1970: TimeInterval(ms) / 1000), utcOffsetSeconds: 0)
        } else if let s = v["timestamp"]?.intValue {
            ts = Timestamp(date: Date(timeIntervalSince1970: TimeInterval(s)), utcOffsetSeconds: 0)
        }
        var attachments: [Attachment] = []
        for key in ["photos", "videos", "audio_files", "gifs", "files"] {
            for item in v[key]?.arrayValue ?? [] {
                if let uri = item["uri"]?.stringValue { attachments.append(Attachment(name: uri, mediaType: MediaTypeGuess.forName(uri))) }
            }
        }
        if let uri = v["sticker"]?["uri"]?.stringValue { attachments.append(Attachment(name: uri, mediaType: MediaTypeGuess.forName(uri))) }
        var extra: [String: JSONValue] = ["platform": .string(thread.platform), "layout": .string("meta-json")]
        extra["thread"] = .string(thread.title)
        if let p = thread.threadPath { extra["threadPath"] = .string(p) }
        if let r = v["reactions"]?.arrayValue, !r.isEmpty {
            extra["reactions"] = .array(r.map { .object(["reaction": .string($0["reaction"]?.stringValue), "actor": .string($0["actor"]?.stringValue)]) })
        }
        var links: [JSONValue] = []
        if let share = v["share"] {
            if let l = share["link"]?.stringValue { links.append(.string(l)) }
            if let st = share["share_text"]?.stringValue { extra["shareText"] = .string(st) }
            if let o = share["original_content_owner"]?.stringValue { extra["shareOwner"] = .string(o) }
        }
        if !links.isEmpty { extra["links"] = .array(links) }
        if let type = v["type"]?.stringValue { extra["type"] = .string(type) }
        var flags: [String] = []
        var kind: MessageKind = .message
        let content = v["content"]?.stringValue
        if v["is_unsent"] == .bool(true) { flags.append("unsent"); kind = .deleted }
        else if content == nil && !attachments.isEmpty { kind = .media }
        else if let type = v["type"]?.stringValue, ["Call", "Subscribe", "Unsubscribe"].contains(type) { kind = .system }
        return Message(timestamp: ts, author: v["sender_name"]?.stringValue, text: content ?? "", kind: kind, attachments: attachments,
                       origin: Origin(line: nil, offset: Int64(span.lowerBound), length: Int64(span.count), part: part),
                       flags: flags, extra: extra)
    }
}

/// Media types of files a record names, by extension.
enum MediaTypeGuess {
    static func forName(_ n: String) -> String? {
        let ext = n.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
                "mp4": "video/mp4", "mov": "video/quicktime", "m4a": "audio/mp4", "aac": "audio/aac", "mp3": "audio/mpeg",
                "opus": "audio/ogg", "pdf": "application/pdf"][ext]
    }
}

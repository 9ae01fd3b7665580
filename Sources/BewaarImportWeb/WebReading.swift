import Foundation
import BewaarModel
import BewaarImport

/// Reading web evidence held in memory, without a file: for the fuzz target and for callers
/// that already have the bytes. Same readers as the importers; resource parts are only hashed.
public enum WebReading {
    /// A saved HTML page.
    public static func page(bytes: [UInt8]) -> ImportResult {
        let p = PageExtraction.read(bytes: bytes, part: nil)
        var extra: [String: JSONValue] = ["page": .object(p.page)]
        if let h = PageExtraction.host(p.url) { extra["platform"] = .string(h) }
        return ImportResult(format: "html", mediaType: "text/html", messages: p.messages, warnings: p.warnings, extra: extra)
    }

    /// An MHTML file.
    public static func mhtml(bytes: [UInt8]) -> ImportResult {
        (try? MHTMLImporter().read(bytes: bytes, sink: HashingSink()))
            ?? ImportResult(format: "mhtml", mediaType: "multipart/related", warnings: [ImportWarning("unreadable", code: "unreadable")])
    }

    /// A Meta `message_N.html` thread page, times placed in `zone`.
    public static func metaThreadHTML(bytes: [UInt8], zone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) -> ImportResult {
        var c = Collected(platform: "facebook")
        c.add([MetaHTMLReader.read(bytes, part: nil, platform: "facebook", zone: zone)], folder: "")
        return c.result(mediaType: "text/html", contained: [], isWholeExport: false)
    }

    /// A Snapchat `chat_history` or TikTok `user_data` HTML page (`platform` = `snapchat`/`tiktok`).
    public static func chatHTML(bytes: [UInt8], platform: String = "snapchat") -> ImportResult {
        var c = Collected(platform: platform)
        c.add(ChatHTMLReader.read(bytes, part: nil, platform: platform), folder: "")
        return c.result(mediaType: "text/html", contained: [], isWholeExport: false)
    }
}

import Foundation
import BewaarModel
import BewaarDigest
import BewaarImport
import BewaarMIME

/// A page saved as one file by Chrome or Edge ("Webpagina, één bestand": `.mhtml`/`.mht`,
/// MIME multipart/related). Format id `mhtml`.
///
/// The page is the part whose Content-Location equals `Snapshot-Content-Location` (else the
/// first `text/html` part). Its records are read like a saved page; their origins point into
/// the decoded part (`origin.part` = `part N`), and `parts` lists where each part sits in the
/// file. Every part (page, frames, images, styles) is kept decoded as an original of its own.
public struct MHTMLImporter: EvidenceImporter {
    public let format = "mhtml"

    public init() {}

    /// Largest MHTML file read into memory.
    static let maxBytes: Int64 = 1 << 30

    public func recognise(_ probe: FileProbe) -> Recognition? {
        guard !probe.isDirectory else { return nil }
        let head = String(decoding: probe.head.prefix(8192), as: UTF8.self).lowercased()
        let multipart = head.contains("multipart/related")
        if multipart && (head.contains("snapshot-content-location:") || head.contains("<saved by blink>")) {
            return Recognition(confidence: 95, reason: "MHTML (webpagina als één bestand, door een browser opgeslagen)")
        }
        if ["mhtml", "mht"].contains(probe.fileExtension) {
            return Recognition(confidence: multipart ? 90 : 60, reason: "MHTML-bestand (.\(probe.fileExtension))")
        }
        return nil
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        guard source.size <= MHTMLImporter.maxBytes else { throw WebImportError.tooLarge(source.name, source.size) }
        let fr = try FileReader(path: source.path)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(source.size))
        try fr.forEachChunk { bytes.append(contentsOf: $0) }
        return try read(bytes: bytes, sink: context.sink)
    }

    /// Reads MHTML bytes; resource parts go to `sink`.
    func read(bytes: [UInt8], sink: any OriginalSink) throws -> ImportResult {
        let mime = MHTMLParts.parse(bytes)
        var warnings = mime.warnings.map { ImportWarning($0, code: "mhtml-structure") }
        guard !mime.parts.isEmpty else { throw WebImportError.unreadable("MHTML", "geen delen gevonden") }
        let snapshot = MHTMLParts.value(mime.headers, "snapshot-content-location")
        let pageIndex = mime.parts.firstIndex { p in snapshot != nil && MHTMLParts.value(p.headers, "content-location") == snapshot && p.mediaType == "text/html" }
            ?? mime.parts.firstIndex { $0.mediaType == "text/html" }
        var partsJSON: [JSONValue] = []
        var byLocation: [String: ContainedOriginal] = [:]
        var page: PageExtraction?
        var contained: [ContainedOriginal] = []
        for (i, p) in mime.parts.enumerated() {
            let decoded = MHTMLParts.decode(bytes, p)
            let location = MHTMLParts.value(p.headers, "content-location")
            let id = "part \(p.number)"
            let name = MHTMLImporter.fileName(location: location, number: p.number, mediaType: p.mediaType)
            let kept = try sink.keep(name: name, pathInParent: id + (location.map { ": \($0)" } ?? ""), mediaType: p.mediaType) { w in
                try w.write(contentsOf: decoded)
            }
            contained.append(kept)
            if let location { byLocation[location] = kept }
            var o: [String: JSONValue] = [
                "part": .string(id), "mediaType": .string(p.mediaType), "offset": .int(Int64(p.offset)),
                "length": .int(Int64(p.length)), "bodyOffset": .int(Int64(p.bodyOffset)), "bodyLength": .int(Int64(p.bodyLength)),
                "decodedSize": .int(Int64(decoded.count)), "sha256": .string(kept.sha256.hex),
            ]
            o["contentLocation"] = .string(location)
            o["transferEncoding"] = .string(MHTMLParts.value(p.headers, "content-transfer-encoding")?.lowercased())
            partsJSON.append(.object(o))
            if i == pageIndex {
                page = PageExtraction.read(bytes: decoded, part: id)
                for j in page!.messages.indices {
                    page!.messages[j].extra["partOrigin"] = .object(["offset": .int(Int64(p.bodyOffset)), "length": .int(Int64(p.bodyLength))])
                }
            }
        }
        var extra: [String: JSONValue] = ["parts": .array(partsJSON)]
        var messages: [Message] = []
        if var page {
            // Images that name another part (by its Content-Location) become attachments.
            for j in page.messages.indices {
                for img in page.messages[j].extra["images"]?.arrayValue ?? [] {
                    if let src = img["src"]?.stringValue, let c = byLocation[src] {
                        page.messages[j].attachments.append(Attachment(name: c.name, size: c.size, sha256: c.sha256, mediaType: c.mediaType))
                    }
                }
            }
            var info = page.page
            if let snapshot {
                info["url"] = .string(snapshot)
                info["urlSource"] = .string("mhtml-snapshot")
            }
            if let d = MHTMLParts.value(mime.headers, "date") {
                info["savedDate"] = .string(MailDate.parse(d)?.rfc3339)
                info["savedDateAsWritten"] = .string(d)
            }
            if let s = mime.headers.first("subject") { info["subject"] = .string(s.decoded) }
            let from = MHTMLParts.value(mime.headers, "from")
            info["saveTool"] = .string(from?.contains("Blink") == true ? "Blink (Chrome/Edge)" : from)
            extra["page"] = .object(info)
            if let host = PageExtraction.host(snapshot ?? page.url) { extra["platform"] = .string(host) }
            messages = page.messages
            warnings += page.warnings
        } else {
            warnings.append(ImportWarning("Geen HTML-deel in dit MHTML-bestand; alle delen zijn als origineel bewaard.", code: "no-page"))
        }
        return ImportResult(format: format, mediaType: "multipart/related", messages: messages, warnings: warnings,
                            contained: contained, extra: extra)
    }

    /// A file name for a part: the last path piece of its location, else `part-N.ext`.
    static func fileName(location: String?, number: Int, mediaType: String) -> String {
        if let location, !location.hasPrefix("cid:"), let u = URLComponents(string: location) {
            let last = u.path.split(separator: "/").last.map(String.init) ?? ""
            if !last.isEmpty && last.count < 120 { return last }
        }
        let ext = ["text/html": "html", "text/css": "css", "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif",
                   "image/webp": "webp", "image/svg+xml": "svg"][mediaType] ?? "bin"
        return "part-\(number).\(ext)"
    }
}

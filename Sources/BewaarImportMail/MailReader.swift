import BewaarModel
import BewaarJSON
import BewaarMIME
import BewaarImport

/// Turns messages held in a buffer into records: headers decoded, the MIME tree walked, text
/// bodies decoded, every attachment streamed (transfer-decoded) to the sink, attached messages
/// read as records of their own.
struct MailReader {
    let b: UnsafeBufferPointer<UInt8>
    let sink: any OriginalSink
    let limits: ImportLimits
    /// Whether offsets are into the file (false inside a decoded part).
    let inFile: Bool
    var warnings: [MailWarning] = []
    var records: [Message] = []
    /// Offsets of each record's start, for line numbers later (nil inside decoded parts).
    var recordOffsets: [Int?] = []
    private var scratch: [UInt8] = []

    init(_ b: UnsafeBufferPointer<UInt8>, sink: any OriginalSink, limits: ImportLimits, inFile: Bool = true) {
        self.b = b
        self.sink = sink
        self.limits = limits
        self.inFile = inFile
    }

    /// Reads the message in `start..<end`. `label` prefixes part paths ("bericht 2"), `origin`
    /// overrides where the record says it came from (for messages inside decoded parts).
    mutating func read(start: Int, end: Int, label: String, depth: Int, origin: Origin? = nil, part: String? = nil,
                       flags: [String] = []) throws {
        var parser = MIMEParser(b, maxDepth: limits.maxNesting, inFile: inFile)
        let root = parser.parseMessage(start: start, end: end)
        warnings.append(contentsOf: parser.warnings)
        let h = root.headers
        let prefix = label.isEmpty ? "" : label + ", "

        // Duplicated singleton headers: the first counts, all are kept and reported.
        for name in ["From", "To", "Cc", "Subject", "Date", "Message-ID", "Sender", "Reply-To", "In-Reply-To"] {
            let all = h.all(name)
            if all.count > 1 {
                warnings.append(MailWarning(message: "Header \(name) staat \(all.count) keer in het bericht; de eerste telt, alle zijn bewaard.",
                                            code: "header-duplicate", offset: all[1].offset, inFile: inFile))
            }
        }

        // Text bodies, HTML parts, attachments.
        var texts: [String] = []
        var attachments: [Attachment] = []
        var attachmentJSON: [JSONValue] = []
        var htmlJSON: [JSONValue] = []
        var inlineJSON: [JSONValue] = []
        var embedded: [MIMEPart] = []
        let bodyParts = MailReader.bodyTexts(root)
        let bodyPaths = Set(bodyParts.map(\.path))

        var leaves: [MIMEPart] = []
        root.walk { p in if !p.isMultipart { leaves.append(p) } }
        for p in leaves {
            if p.isAttachment {
                let name = p.fileName ?? MailReader.defaultName(for: p, in: b)
                let kept = try keep(p, name: name, path: prefix + "deel " + (p.path.isEmpty ? "1" : p.path) + " (\(name))")
                attachments.append(Attachment(name: name, size: kept.size, sha256: kept.sha256, mediaType: p.mediaType))
                attachmentJSON.append(.object(["name": .string(name), "mediaType": .string(p.mediaType), "size": .int(kept.size),
                                               "sha256": .string(kept.sha256.hex), "part": .string(p.path.isEmpty ? "1" : p.path)]))
                if p.isMessage { embedded.append(p) }
                continue
            }
            if p.mediaType == "text/html" || (!bodyPaths.contains(p.path) && !p.mediaType.hasPrefix("text/plain")) {
                // HTML bodies and unnamed inline parts (images with a Content-ID) are kept too.
                let ext = p.mediaType == "text/html" ? "html" : MailReader.extensionFor(p.mediaType)
                let name = "deel-\(p.path.isEmpty ? "1" : p.path).\(ext)"
                let kept = try keep(p, name: name, path: prefix + "deel " + (p.path.isEmpty ? "1" : p.path) + " (\(name))")
                let j: JSONValue = .object(["name": .string(name), "mediaType": .string(p.mediaType), "size": .int(kept.size),
                                            "sha256": .string(kept.sha256.hex), "part": .string(p.path.isEmpty ? "1" : p.path)])
                if p.mediaType == "text/html" { htmlJSON.append(j) } else { inlineJSON.append(j) }
            }
        }
        for p in bodyParts {
            let (bytes, report) = PartDecoder.decodeAll(b, start: p.bodyStart, end: p.bodyEnd, encoding: p.transferEncoding)
            note(report, part: p)
            let label = p.charset ?? "us-ascii"
            let decoded = Charset.decode(bytes, label: label)
            if let problem = decoded.problem {
                warnings.append(MailWarning(message: "Tekens in deel \(p.path.isEmpty ? "1" : p.path): \(problem).", code: "charset",
                                            offset: p.bodyStart, inFile: inFile))
            }
            let text = p.mediaType == "text/html" ? HTMLBodyText.text(decoded.text) : decoded.text
            texts.append(text)
        }

        // Header fields.
        let fields = MailReader.headerFields(h, inFile: inFile)
        warnings.append(contentsOf: fields.warnings)
        var email = fields.email
        let timestamp = fields.timestamp
        email["attachments"] = .array(attachmentJSON)
        if !htmlJSON.isEmpty { email["htmlParts"] = .array(htmlJSON) }
        if !inlineJSON.isEmpty { email["inlineParts"] = .array(inlineJSON) }
        if !label.isEmpty { email["label"] = .string(label) }

        let o = origin ?? Origin(line: nil, offset: Int64(start), length: Int64(end - start), part: part)
        let message = Message(timestamp: timestamp, author: fields.author, text: texts.joined(separator: "\n\n"), kind: .email,
                              attachments: attachments, origin: o, flags: flags, extra: ["email": .object(email)])
        records.append(message)
        recordOffsets.append(origin == nil && inFile ? start : nil)

        // Attached messages: records of their own.
        for p in embedded {
            let path = prefix + "deel " + p.path
            guard depth < limits.maxNesting else {
                warnings.append(MailWarning(message: "Bijgevoegd bericht \(path) te diep genest; niet gelezen.", code: "mime-too-deep",
                                            offset: p.bodyStart, inFile: inFile))
                continue
            }
            let partOrigin = Origin(line: nil, offset: Int64(p.bodyStart), length: Int64(p.bodyEnd - p.bodyStart), part: path)
            if ["base64", "quoted-printable"].contains(p.transferEncoding) {
                let (bytes, _) = PartDecoder.decodeAll(b, start: p.bodyStart, end: p.bodyEnd, encoding: p.transferEncoding)
                var inner: MailReader? = nil
                try bytes.withUnsafeBufferPointer { buf in
                    var r = MailReader(buf, sink: sink, limits: limits, inFile: false)
                    try r.read(start: 0, end: buf.count, label: path, depth: depth + 1, origin: origin ?? partOrigin,
                               flags: ["attached-message"])
                    inner = r
                }
                if let r = inner {
                    warnings.append(contentsOf: r.warnings.map { var w = $0; w.inFile = false; w.offset = p.bodyStart; return w })
                    records.append(contentsOf: r.records)
                    recordOffsets.append(contentsOf: r.recordOffsets.map { _ in nil })
                }
            } else {
                try read(start: p.bodyStart, end: p.bodyEnd, label: path, depth: depth + 1, origin: origin, part: path,
                         flags: ["attached-message"])
            }
        }
    }

    /// Streams a leaf's transfer-decoded bytes to the sink.
    mutating func keep(_ p: MIMEPart, name: String, path: String) throws -> ContainedOriginal {
        var report = PartDecoder.Report()
        var scratch = self.scratch
        let b = self.b
        let kept = try sink.keep(name: name, pathInParent: path, mediaType: p.mediaType) { writer in
            report = try PartDecoder.decode(b, start: p.bodyStart, end: p.bodyEnd, encoding: p.transferEncoding, scratch: &scratch) { chunk in
                try writer.write(UnsafeRawBufferPointer(chunk))
            }
        }
        self.scratch = scratch
        note(report, part: p)
        return kept
    }

    mutating func note(_ r: PartDecoder.Report, part p: MIMEPart) {
        let where_ = p.path.isEmpty ? "1" : p.path
        if r.base64Junk > 0 {
            warnings.append(MailWarning(message: "Deel \(where_): \(r.base64Junk) tekens buiten het base64-alfabet overgeslagen.",
                                        code: "base64-junk", offset: p.bodyStart, inFile: inFile))
        }
        if r.base64Truncated {
            warnings.append(MailWarning(message: "Deel \(where_): base64 is afgebroken of heeft onjuiste opvulling; gelezen zover het gaat.",
                                        code: "base64-truncated", offset: p.bodyStart, inFile: inFile))
        }
        if let e = r.unknownEncoding {
            warnings.append(MailWarning(message: "Deel \(where_): onbekende Content-Transfer-Encoding \"\(e)\"; ongewijzigd bewaard.",
                                        code: "transfer-encoding-unknown", offset: p.bodyStart, inFile: inFile))
        }
    }

    /// The parts that make the record's text: in an alternative the plain one (else HTML),
    /// elsewhere every inline text part in order. Attached messages are records of their own.
    static func bodyTexts(_ p: MIMEPart) -> [MIMEPart] {
        if p.isMultipart {
            let results = p.children.map(bodyTexts)
            if p.mediaType == "multipart/alternative" {
                if let plain = results.first(where: { $0.contains { $0.mediaType == "text/plain" } }) { return plain }
                return results.first(where: { !$0.isEmpty }) ?? []
            }
            return results.flatMap { $0 }
        }
        if p.isAttachment { return [] }
        if p.mediaType == "text/plain" || p.mediaType == "text/html" || p.boundaryMissing { return [p] }
        if p.mediaType.hasPrefix("text/") && p.disposition?.value != "inline" { return [] }
        return []
    }

    /// The `email` object's header-derived fields, the author and the time of a header block.
    static func headerFields(_ h: HeaderBlock, inFile: Bool) -> (email: [String: JSONValue], author: String?, timestamp: Timestamp?,
                                                                 warnings: [MailWarning]) {
        var warnings: [MailWarning] = []
        let from = h.first("from").map { MailAddress.parseList($0.unfoldedBytes) } ?? []
        func list(_ n: String) -> JSONValue {
            .array(h.all(n).flatMap { MailAddress.parseList($0.unfoldedBytes) }.map(MailReader.addressJSON))
        }
        var subject: String?
        if let s = h.first("subject") {
            let d = EncodedWord.decodeText(s.unfoldedBytes)
            subject = d.text
            for p in d.problems {
                warnings.append(MailWarning(message: "Onderwerp: \(p).", code: "charset", offset: s.offset, inFile: inFile))
            }
        }
        var timestamp: Timestamp?
        var dateText: String?
        if let d = h.first("date") {
            dateText = d.text
            timestamp = MailDate.parse(d.text)
            if timestamp == nil {
                warnings.append(MailWarning(message: "Datum \"\(d.text)\" is niet leesbaar.", code: "date-unreadable", offset: d.offset, inFile: inFile))
            }
        }
        let hops = ReceivedParser.parseAll(h.all("received").map(\.text))
        var email: [String: JSONValue] = [
            "from": .array(from.map(MailReader.addressJSON)),
            "to": list("to"), "cc": list("cc"), "replyTo": list("reply-to"),
            "subject": .string(subject),
            "date": .string(timestamp.map(RFC3339.string)),
            "messageId": .string(h.first("message-id")?.text),
            "inReplyTo": .string(h.first("in-reply-to")?.text),
            "received": .array(hops.map(\.json)),
            "attachments": .array([]),
            "authentication": AuthenticationHeaders.json(h),
            "clientIps": AuthenticationHeaders.clientIPs(h),
            "headers": .array(h.fields.map { .object(["name": .string($0.name), "value": .string($0.text), "offset": .int($0.offset)]) }),
        ]
        if let dateText { email["dateText"] = .string(dateText) }
        return (email, from.first?.formatted, timestamp, warnings)
    }

    static func addressJSON(_ a: MailAddress) -> JSONValue {
        .object(["name": .string(a.name), "address": .string(a.address)])
    }

    /// A name for an attachment that has none: the subject of an attached message, else the part.
    static func defaultName(for p: MIMEPart, in b: UnsafeBufferPointer<UInt8>) -> String {
        if p.isMessage {
            var w: [MailWarning] = []
            let h = HeaderBlock.parse(b, start: p.bodyStart, end: p.bodyEnd, isMessage: true, warnings: &w, inFile: false)
            let subject = h.first("subject")?.decoded ?? ""
            let safe = String(subject.map { "/\\:*?\"<>|\0".contains($0) || $0.isNewline ? "_" : $0 }.prefix(80)).trimmingBlanks
            return (safe.isEmpty ? "bericht" : safe) + ".eml"
        }
        return "deel-\(p.path.isEmpty ? "1" : p.path).\(extensionFor(p.mediaType))"
    }

    static func extensionFor(_ mediaType: String) -> String {
        switch mediaType {
        case "text/plain": return "txt"
        case "text/html": return "html"
        case "image/jpeg": return "jpg"
        case "image/png": return "png"
        case "image/gif": return "gif"
        case "application/pdf": return "pdf"
        case "message/rfc822": return "eml"
        default: return "bin"
        }
    }
}

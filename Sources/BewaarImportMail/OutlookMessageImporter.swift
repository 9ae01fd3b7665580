import Foundation
import BewaarModel
import BewaarMIME
import BewaarImport

/// Outlook `.msg` files: the compound file's MAPI properties become the same record an .eml
/// gives. The transport headers (`PR_TRANSPORT_MESSAGE_HEADERS`), when present, are read as a
/// header block (Received hops, authentication); MAPI values fill what they lack. Body: the
/// plain text, else the HTML as text; HTML and compressed RTF are kept as parts. Attachments
/// are streamed to the sink; an attached message is read as a record of its own.
enum OutlookMessageImporter {
    static func read(_ b: UnsafeBufferPointer<UInt8>, source: ImportSource, context: ImportContext) throws -> ImportResult {
        let cf: CompoundFile
        do { cf = try CompoundFile(b) } catch {
            throw MailImportError(nl: "\(source.name) is geen leesbaar Outlook-bericht (\(error.description)).",
                                  en: "\(source.name) is not a readable Outlook message (\(error.description)).")
        }
        var records: [Message] = []
        var warnings: [ImportWarning] = cf.problems.map { ImportWarning("Compound File: \($0).", code: "msg-structure") }
        try readMessage(cf, storage: 0, label: "", depth: 0, total: b.count, context: context, records: &records, warnings: &warnings)
        return ImportResult(format: "email", mediaType: "application/vnd.ms-outlook", messages: records, warnings: warnings,
                            contained: context.sink.kept, extra: ["container": .string("msg")])
    }

    static func readMessage(_ cf: CompoundFile, storage: Int, label: String, depth: Int, total: Int, context: ImportContext,
                            records: inout [Message], warnings: inout [ImportWarning]) throws {
        let msg = OutlookMessage(cf, storage: storage)
        let prefix = label.isEmpty ? "" : label + ", "
        var email: [String: JSONValue]
        var author: String?
        var timestamp: Timestamp?
        if let th = msg.text(OutlookMessage.transportHeaders), !th.isEmpty {
            let bytes = Array(th.utf8)
            var w: [MailWarning] = []
            let fields = bytes.withUnsafeBufferPointer { hb in
                let h = HeaderBlock.parse(hb, start: 0, end: hb.count, isMessage: true, warnings: &w, inFile: false)
                return MailReader.headerFields(h, inFile: false)
            }
            email = fields.email
            author = fields.author
            timestamp = fields.timestamp
            for x in w + fields.warnings { warnings.append(ImportWarning("Transportheaders: \(x.message)", code: x.code)) }
            email["transportHeaders"] = .bool(true)
        } else {
            email = ["from": .array([]), "to": .array([]), "cc": .array([]), "replyTo": .array([]), "subject": .null, "date": .null,
                     "messageId": .null, "inReplyTo": .null, "received": .array([]), "attachments": .array([]),
                     "authentication": .object([:]), "clientIps": .array([]), "headers": .array([]), "transportHeaders": .bool(false)]
        }
        // MAPI values: the subject as Outlook shows it; the rest where the headers lack it.
        if let s = msg.text(OutlookMessage.subject) { email["subject"] = .string(s) }
        let senderName = msg.text(OutlookMessage.senderName) ?? msg.text(OutlookMessage.sentRepresentingName) ?? ""
        let senderAddress = [OutlookMessage.senderSMTP, OutlookMessage.sentRepresentingSMTP, OutlookMessage.senderEmail,
                             OutlookMessage.sentRepresentingEmail].compactMap { msg.text($0) }.first { $0.utf8.contains(UInt8(ascii: "@")) }
            ?? msg.text(OutlookMessage.senderEmail) ?? ""
        if email["from"]?.arrayValue?.isEmpty ?? true, !(senderName.isEmpty && senderAddress.isEmpty) {
            let a = MailAddress(name: senderName, address: senderAddress)
            email["from"] = .array([MailReader.addressJSON(a)])
            author = a.formatted
        }
        for (key, type) in [("to", 1), ("cc", 2), ("bcc", 3)] where email[key]?.arrayValue?.isEmpty ?? true {
            let list = msg.recipients.filter { $0.type == type }.map { MailReader.addressJSON(MailAddress(name: $0.name, address: $0.address)) }
            if !list.isEmpty || key != "bcc" { email[key] = .array(list) }
        }
        if timestamp == nil, let d = msg.time(OutlookMessage.clientSubmitTime) ?? msg.time(OutlookMessage.deliveryTime) ?? msg.time(OutlookMessage.creationTime) {
            timestamp = Timestamp(date: d, utcOffsetSeconds: 0)
            email["date"] = .string(timestamp?.rfc3339)
        }
        if email["messageId"] == .null, let id = msg.text(OutlookMessage.internetMessageID) { email["messageId"] = .string(id) }
        if email["inReplyTo"] == .null, let id = msg.text(OutlookMessage.inReplyTo) { email["inReplyTo"] = .string(id) }
        var mapi: [String: JSONValue] = [:]
        if let d = msg.time(OutlookMessage.clientSubmitTime) { mapi["clientSubmitTime"] = .string(Timestamp(date: d, utcOffsetSeconds: 0).rfc3339) }
        if let d = msg.time(OutlookMessage.deliveryTime) { mapi["deliveryTime"] = .string(Timestamp(date: d, utcOffsetSeconds: 0).rfc3339) }
        if let d = msg.time(OutlookMessage.creationTime) { mapi["creationTime"] = .string(Timestamp(date: d, utcOffsetSeconds: 0).rfc3339) }
        if let e = msg.text(OutlookMessage.senderEmail) { mapi["senderEmailAddress"] = .string(e) }
        email["mapi"] = .object(mapi)

        // Body, and the HTML / RTF forms kept as parts.
        var text = msg.text(OutlookMessage.body) ?? ""
        var parts: [JSONValue] = []
        if case .binary(let html)? = msg.properties[OutlookMessage.html] {
            let kept = try context.sink.keep(name: "bericht.html", pathInParent: prefix + "PR_HTML (bericht.html)", mediaType: "text/html") {
                try $0.write(contentsOf: html)
            }
            parts.append(.object(["name": .string("bericht.html"), "mediaType": .string("text/html"), "size": .int(kept.size), "sha256": .string(kept.sha256.hex)]))
            if text.isEmpty { text = HTMLBodyText.text(Charset.utf8OrWindows1252(html).text) }
        } else if case .string(let html)? = msg.properties[OutlookMessage.html], text.isEmpty {
            text = HTMLBodyText.text(html)
        }
        if case .binary(let rtf)? = msg.properties[OutlookMessage.rtfCompressed] {
            let kept = try context.sink.keep(name: "bericht.rtf.lzfu", pathInParent: prefix + "PR_RTF_COMPRESSED (bericht.rtf.lzfu)",
                                             mediaType: "application/rtf") { try $0.write(contentsOf: rtf) }
            parts.append(.object(["name": .string("bericht.rtf.lzfu"), "mediaType": .string("application/rtf"), "size": .int(kept.size), "sha256": .string(kept.sha256.hex)]))
        }
        if !parts.isEmpty { email["htmlParts"] = .array(parts) }

        // Attachments.
        var attachments: [Attachment] = []
        var attachmentJSON: [JSONValue] = []
        var embedded: [(Int, String)] = []
        for (n, a) in msg.attachments.enumerated() {
            let name = a.name ?? "bijlage-\(n + 1)"
            let media = a.mimeTag ?? MediaType.forName(name)
            if let ds = a.dataStream {
                let kept = try context.sink.keep(name: name, pathInParent: prefix + "bijlage \(n + 1) (\(name))", mediaType: media) { w in
                    try cf.stream(ds) { try w.write(UnsafeRawBufferPointer($0)) }
                }
                attachments.append(Attachment(name: name, size: kept.size, sha256: kept.sha256, mediaType: media))
                attachmentJSON.append(.object(["name": .string(name), "mediaType": .string(media), "size": .int(kept.size),
                                               "sha256": .string(kept.sha256.hex), "part": .string("bijlage \(n + 1)")]))
            } else if let st = a.embeddedStorage {
                // An attached Outlook message has no byte form of its own: it is read as a record.
                attachments.append(Attachment(name: name, mediaType: "application/vnd.ms-outlook"))
                attachmentJSON.append(.object(["name": .string(name), "mediaType": .string("application/vnd.ms-outlook"), "size": .null,
                                               "sha256": .null, "part": .string("bijlage \(n + 1)")]))
                embedded.append((st, prefix + "bijlage \(n + 1)"))
            } else {
                warnings.append(ImportWarning("Bijlage \(n + 1) (\(name)) heeft geen inhoud in het .msg-bestand.", code: "msg-attachment-empty"))
            }
        }
        email["attachments"] = .array(attachmentJSON)
        if !label.isEmpty { email["label"] = .string(label) }
        let origin = Origin(line: nil, offset: 0, length: Int64(total), part: label.isEmpty ? nil : label)
        records.append(Message(timestamp: timestamp, author: author, text: text, kind: .email, attachments: attachments, origin: origin,
                               flags: depth > 0 ? ["attached-message"] : [], extra: ["email": .object(email)]))
        for (st, path) in embedded {
            guard depth < context.limits.maxNesting else {
                warnings.append(ImportWarning("Bijgevoegd bericht \(path) te diep genest; niet gelezen.", code: "mime-too-deep"))
                continue
            }
            try readMessage(cf, storage: st, label: path, depth: depth + 1, total: total, context: context, records: &records, warnings: &warnings)
        }
    }
}

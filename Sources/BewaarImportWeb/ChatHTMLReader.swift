import Foundation
import BewaarModel
import BewaarHTML

/// Reads the HTML variants of chat exports that put one message in a table row or in a block
/// of labelled lines: Snapchat "My Data" `html/chat_history.html` (≤2022: tables under
/// "Received/Sent Saved Chat History", a row `From | Media Type | Created` followed by a row
/// with the text) and the per-conversation pages under `html/chat_history/` (2023+), and
/// TikTok's `user_data` HTML ("Chat History with X:" then `Date:`/`From:`/`Content:` blocks;
/// comments as `Date:`/`Comment:`).
///
/// The real layouts are only partly documented, so the reader is tolerant: a header row of
/// labels (`From`/`Van`, `Created`/`Date`/`Datum`, `Content`/`Text`/`Message`/`Bericht`,
/// `Media Type`, `Media IDs`, `To`/`Aan`) maps the columns of the rows below it; a line
/// `Label: value` (or a label element followed by its value) fills one field of a record, and a
/// field seen twice starts the next record. Times like "2023-01-01 12:00:00 UTC" are UTC
/// (offset 0); a time without a zone is read as UTC and the record says so (`timeZoneAssumed`).
/// Origin = the smallest element holding only that message, else the span from its first to its
/// last element.
enum ChatHTMLReader {
    enum Field: Hashable { case from, to, time, text, comment, mediaType, mediaIDs }

    static func field(_ label: String) -> Field? {
        var l = label.lowercased().trimmingCharacters(in: .whitespaces)
        if l.hasSuffix(":") { l.removeLast() }
        switch l.trimmingCharacters(in: .whitespaces) {
        case "from", "van", "sender", "afzender", "author": return .from
        case "to", "aan", "recipient", "ontvanger": return .to
        case "created", "date", "datum", "time", "tijd", "timestamp", "sent at", "created at": return .time
        case "content", "text", "message", "bericht", "tekst", "chat": return .text
        case "comment", "reactie", "opmerking": return .comment
        case "media type", "type", "mediatype": return .mediaType
        case "media ids", "media id", "media", "media names", "attachment", "bijlage": return .mediaIDs
        default: return nil
        }
    }

    /// `Label: value` → (field, value); a bare label → (field, nil).
    static func labelled(_ text: String) -> (Field, String?)? {
        if let f = field(text) { return (f, nil) }
        guard let colon = text.prefix(24).firstIndex(of: ":"), let f = field(String(text[..<colon])) else { return nil }
        return (f, text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// "2023-01-01 12:00:00 UTC" → (UTC time, zone given); nil when not a time.
    static func time(_ s: String) -> (Timestamp, zoneGiven: Bool)? {
        guard let t = LocalTime.isoLike(s, zone: LocalTime.utc) else { return nil }
        let l = s.lowercased()
        return (t, l.contains("utc") || l.contains("gmt") || l.hasSuffix("z"))
    }

    struct Record {
        var fields: [Field: String] = [:]
        var units: [Int] = []
        var media: [String] = []
        /// The parent elements of its units (a further paragraph in one of them continues the text).
        var parents: Set<Int64> = []
        var start: Int64 = .max
        var end: Int64 = 0
        mutating func take(_ i: Int, _ u: ChatHTMLCollector.Unit) {
            units.append(i); media += u.media
            if u.path.count >= 2 { parents.insert(u.path[u.path.count - 2]) }
            start = min(start, u.offset); end = max(end, u.end)
        }
        var isEmpty: Bool { fields[.time] == nil && fields[.text] == nil && fields[.comment] == nil && media.isEmpty }
    }

    /// Reads a page held in memory. `platform` is `snapchat` or `tiktok`.
    static func read(_ bytes: [UInt8], part: String?, platform: String) -> [ChatThreadRead] {
        let c = ChatHTMLCollector()
        let report = HTMLStreamParser.parse(bytes: bytes, handler: c)
        var threads = interpret(c, part: part, platform: platform)
        if let first = threads.indices.first { threads[first].warnings += PageExtraction.warnings(report, where: part) }
        return threads
    }

    /// Reads a page from a file in chunks (the parser streams; only the units are kept).
    static func read(file path: String, part: String?, platform: String) throws -> [ChatThreadRead] {
        let c = ChatHTMLCollector()
        let head = try FileReaderHead.read(path)
        let report = HTMLStreamParser.parse(head: head, handler: c) { body in try FileChunks.forEach(path, body) }
        var threads = interpret(c, part: part, platform: platform)
        if let first = threads.indices.first { threads[first].warnings += PageExtraction.warnings(report, where: part) }
        return threads
    }

    static func interpret(_ c: ChatHTMLCollector, part: String?, platform: String) -> [ChatThreadRead] {
        let units = c.sortedUnits()
        var bounds: [ImportWarning] = []
        if c.deepBlocks > 0 {
            bounds.append(ImportWarning("\(part ?? "De pagina"): \(c.deepBlocks) elementen zitten dieper dan \(ChatHTMLCollector.maxDepth) niveaus; van hun omringende blokken zijn alleen de buitenste onthouden (de herkomst van een bericht kan daardoor ruimer zijn).", code: "chat-html-deep"))
        }
        if c.truncated > 0 {
            bounds.append(ImportWarning("\(part ?? "De pagina"): \(c.truncated) tekstblok(ken) langer dan 8 MB zijn afgekapt; het origineel is volledig bewaard.", code: "chat-html-truncated"))
        }
        let baseLayout = platform == "tiktok" ? "tiktok-html" : "snapchat-html"
        var threads: [ChatThreadRead] = []
        var thread = ChatThreadRead(platform: platform, layout: baseLayout)
        var direction: String?
        var commentsSection = false
        var columns: [Int: Field] = [:]
        var rec = Record()
        var pendingLabel: Field?
        var sawSavedTables = false

        func emit() {
            defer { rec = Record(); pendingLabel = nil }
            guard !rec.isEmpty else { return }
            var span = (rec.start, rec.end)
            // The smallest element around all of the record's units, if it holds nothing else.
            let paths = rec.units.map { units[$0].path }
            var common = paths.first ?? []
            for p in paths.dropFirst() { common = Array(zip(common, p).prefix { $0.0 == $0.1 }.map(\.0)) }
            if let cand = common.last, let candEnd = c.ends[cand], let lo = rec.units.min(), let hi = rec.units.max() {
                let beforeOK = lo == 0 || rec.units.contains(lo - 1) || units[lo - 1].offset < cand
                let afterOK = hi + 1 >= units.count || units[hi + 1].offset >= candEnd
                if beforeOK && afterOK && cand <= rec.start && candEnd >= rec.end { span = (cand, candEnd) }
            }
            let f = rec.fields
            let timeText = f[.time] ?? ""
            let parsed = time(timeText)
            var extra: [String: JSONValue] = ["platform": .string(platform), "layout": .string(thread.layout), "timeAsDisplayed": .string(timeText)]
            if parsed != nil && parsed?.zoneGiven == false { extra["timeZoneAssumed"] = .string("UTC") }
            if let d = direction { extra["direction"] = .string(d) }
            if let to = f[.to] { extra["to"] = .string(to) }
            if let mt = f[.mediaType] { extra["mediaType"] = .string(mt) }
            var names = rec.media
            if let ids = f[.mediaIDs], !ids.isEmpty {
                names += ids.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            var seen = Set<String>()
            let atts = names.filter { seen.insert($0).inserted }.map { Attachment(name: $0, mediaType: MediaTypeGuess.forName($0)) }
            let text = SnapchatChats.entities(f[.text] ?? f[.comment] ?? "")
            var kind: MessageKind = f[.comment] != nil || commentsSection ? .comment : .message
            if text.isEmpty && (!atts.isEmpty || (f[.mediaType].map { $0.uppercased() != "TEXT" } ?? false)) { kind = .media }
            let author = f[.from].flatMap { $0.isEmpty ? nil : $0 }
            if let a = author, !thread.participants.contains(a) { thread.participants.append(a) }
            if let t = f[.to], !t.isEmpty, !thread.participants.contains(t) { thread.participants.append(t) }
            thread.messages.append(Message(timestamp: parsed?.0, author: author, text: text, kind: kind, attachments: atts,
                                           origin: Origin(line: nil, offset: span.0, length: span.1 - span.0, part: part), extra: extra))
        }
        func takeRow(_ r: Int, _ members: [Int]) {
            for m in members { rec.take(m, units[m]) }
            if let span = c.rows[r] { rec.start = min(rec.start, span.0); rec.end = max(rec.end, span.1) }
        }
        func newThread(_ title: String?, layout: String) {
            emit()
            if !thread.messages.isEmpty { threads.append(thread) }
            thread = ChatThreadRead(platform: platform, layout: layout)
            thread.title = title
            columns = [:]
        }

        var i = 0
        while i < units.count {
            let u = units[i]
            let lower = u.text.lowercased()
            // Section markers.
            if u.row == nil || u.isHeading {
                if lower.hasPrefix("chat history with") {
                    let other = String(u.text.dropFirst("chat history with".count)).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
                    newThread(other, layout: baseLayout)
                    if !other.isEmpty { thread.participants = [other] }
                    commentsSection = false; direction = nil
                    i += 1; continue
                }
                if lower.hasSuffix("saved chat history") && lower.count < 40 {
                    sawSavedTables = true
                    newThread(u.text, layout: "snapchat-html-2022")
                    direction = lower.hasPrefix("sent") ? "sent" : "received"
                    i += 1; continue
                }
                if u.isHeading, ["comments", "comment", "comment history", "comments list", "reacties"].contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ": "))) {
                    newThread(u.text, layout: baseLayout)
                    commentsSection = true; direction = nil
                    i += 1; continue
                }
            }
            if let r = u.row {
                // A whole table row: its cells in order.
                var j = i
                var cells: [Int: String] = [:]
                var members: [Int] = []
                while j < units.count, units[j].row == r {
                    cells[units[j].cell, default: ""] += (cells[units[j].cell].map { $0.isEmpty ? "" : " " } ?? "") + units[j].text
                    members.append(j); j += 1
                }
                let texts = cells.keys.sorted().map { cells[$0]! }
                let labels = texts.map { field($0) }
                if texts.count >= 2, labels.filter({ $0 != nil }).count >= 2 {
                    // Header row: maps the columns below.
                    emit()
                    columns = [:]
                    for (k, key) in cells.keys.sorted().enumerated() { if let l = labels[k] { columns[key] = l } }
                } else if texts.count == 2, let l = labels[0] {
                    // Key/value row.
                    if rec.fields[l] != nil { emit() }
                    rec.fields[l] = texts[1]
                    takeRow(r, members)
                } else if !columns.isEmpty, texts.count >= 2 {
                    emit()
                    for (key, text) in cells { if let l = columns[key] { rec.fields[l] = text } }
                    if direction == "sent", let from = rec.fields[.from], columns[0] == .from, rec.fields[.to] == nil { rec.fields[.to] = from; rec.fields[.from] = nil }
                    takeRow(r, members)
                    if rec.fields[.text] == nil && rec.fields[.comment] == nil && rec.fields[.time] != nil {
                        // ≤2022 Snapchat: the text follows in a row of its own.
                    } else { emit() }
                } else if texts.count == 3, time(texts[2]) != nil {
                    emit()
                    if direction == "sent" { rec.fields[.to] = texts[0] } else { rec.fields[.from] = texts[0] }
                    rec.fields[.mediaType] = texts[1]; rec.fields[.time] = texts[2]
                    takeRow(r, members)
                } else if texts.count == 1, rec.fields[.time] != nil, rec.fields[.text] == nil {
                    rec.fields[.text] = texts[0]
                    takeRow(r, members)
                    emit()
                } else if texts.count == 1, let (l, v) = labelled(texts[0]) {
                    if let v { if rec.fields[l] != nil { emit() }; rec.fields[l] = v; takeRow(r, members) }
                    else { pendingLabel = l }
                }
                i = j; continue
            }
            // Labelled lines.
            if let l = pendingLabel, labelled(u.text) == nil {
                if rec.fields[l] != nil { emit() }
                rec.fields[l] = u.text
                rec.take(i, u)
                pendingLabel = nil
            } else if let (l, v) = labelled(u.text) {
                if rec.fields[l] != nil || (l == .text && rec.fields[.comment] != nil) { emit() }
                if let v { rec.fields[l] = v; rec.take(i, u) } else { pendingLabel = l; rec.take(i, u) }
            } else if !u.media.isEmpty && !rec.units.isEmpty {
                rec.take(i, u)
            } else if rec.fields[.text] != nil, !u.isHeading, u.path.count >= 2,
                      rec.parents.contains(u.path[u.path.count - 2]) {
                // A further paragraph of the same message (same parent element).
                rec.fields[.text]! += "\n" + u.text
                rec.take(i, u)
            }
            i += 1
        }
        emit()
        if !thread.messages.isEmpty { threads.append(thread) }
        if let first = threads.indices.first { threads[first].warnings += bounds }
        if platform == "snapchat" {
            let layout = sawSavedTables ? "snapchat-html-2022" : "snapchat-html-2023"
            for k in threads.indices where threads[k].layout == "snapchat-html" {
                threads[k].layout = layout
                for m in threads[k].messages.indices { threads[k].messages[m].extra["layout"] = .string(layout) }
            }
        }
        return threads
    }
}

import Foundation
import BewaarModel
import BewaarHTML
import BewaarImport
import BewaarJSON

/// A Meta `message_N.html` thread page (or Facebook's old `messages.htm`), read as a stream.
///
/// Layouts (class names are obfuscated and change; the structure is what is matched):
/// - `meta-html-2022`: block `div._a6-g` → sender (`<h2>` since 2023, else `div._a6-h`), body `div._a6-p`, time `div._a6-o`;
/// - `meta-html-2018`: block `div._2lej` → sender `div._2lel`, body `div._2let`, time `div._2lem`;
/// - `meta-html-2017`: `div.thread` > `div.message` (`span.user`, `span.meta`) followed by a `<p>` with the text.
/// A block is read as: first child = sender, last child = time, the children between = body.
/// Times have no zone: they are placed in the import's zone, and the record says so.
final class MetaHTMLReader: HTMLEventHandler {
    let part: String?
    let platform: String
    let zone: TimeZone
    private(set) var thread: ChatThreadRead
    private let offsets: LocalTime.OffsetCache
    private let zoneID: JSONValue
    private var depth = 0
    private var blockDepth: Int?
    private var blockOffset: Int64 = 0
    private var blockLayout = ""
    /// The texts of the block's children as UTF-8 bytes, collapsed once the block ends.
    private var children = MetaHTMLBlockChildren()
    private var listDepth: Int?
    private var reactions: [String] = []
    private var currentReaction = ""
    private var links: [String] = []
    private var media: [String] = []
    private var titleDepth: Int?
    private var title = ""
    private(set) var layouts: Set<String> = []
    private(set) var untimed = 0
    private(set) var zoneAssumed = false
    /// When set, records go here as they are read instead of into `thread.messages`.
    private let spill: PageOrderRecords<ReadMessage>?
    /// When set, each record is made as its block ends and staged there; `spill` keeps its key.
    private var staging: (any StagingRecordSink)?
    /// The page title the staged records carry (the title read before the first of them).
    private var stagedTitle: String??
    private var stagingFailure: (any Error)?
    /// When set, each record is written at its final place as its block ends (``PlacedPageOrder``).
    private var placing: (any PlacingRecordSink)?
    private var placedOrder = PlacedPageOrder()
    /// The count of the page's blocks, made beside the reading, and the records read before it
    /// was there, with their blocks' numbers.
    private var counting: MetaHTMLBlockCount.Background?
    private var held: [(FlatRecord, Int)] = []
    /// The placing broke: the rest of the page is not parsed (it is read again by staging).
    private(set) var abandoned = false
    /// Where the message the page ends inside begins (the page was cut short).
    private var cutOffset: Int64?
    // ≤2017 layout
    private var oldMessage: (offset: Int64, depth: Int)?
    private var oldCapture: (kind: String, depth: Int)?
    private var oldAuthor = "", oldTime = ""
    private var pending: (offset: Int64, author: String, time: String, depth: Int)?
    private var oldText: (depth: Int, text: String)?

    init(part: String?, platform: String, zone: TimeZone, spill: PageOrderRecords<ReadMessage>? = nil) {
        self.part = part
        self.spill = spill
        self.platform = platform
        self.zone = zone
        self.thread = ChatThreadRead(platform: platform, layout: "meta-html")
        self.offsets = LocalTime.OffsetCache(zone: zone)
        self.zoneID = .string(zone.identifier)
    }

    func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64) {
        depth += 1
        if name == "title" { titleDepth = depth }
        if blockDepth == nil, name == "div" {
            let cls = attributes.words("class")
            var layout: String?
            if cls.contains("_a6-g") {
                layout = "meta-html-2022"
            } else if cls.contains("_2lej") {
                layout = "meta-html-2018"
            } else if cls.contains("pam") && cls.contains("uiBoxWhite") {
                layout = "meta-html"
            }
            if let layout {
                if placing != nil { placedOrder.blockStarted() }
                blockDepth = depth; blockOffset = offset; blockLayout = layout
                children.removeAll(); reactions = []; links = []; media = []
                return
            }
        }
        if let b = blockDepth {
            if depth == b + 1 {
                children.addChild()
            } else if depth > b + 1, name == "div" || name == "br" || name == "p" {
                children.appendToLast(0x20)
            }
            if name == "ul" && listDepth == nil { listDepth = depth }
            if name == "li" && listDepth != nil { currentReaction = "" }
            if name == "a", let h = attributes["href"] { links.append(h) }
            if name == "img" || name == "video" || name == "audio" || name == "source",
                let s = attributes["src"]
            {
                media.append(s)
            }
            return
        }
        // ≤2017: div.message with span.user / span.meta, then a <p>.
        if name == "div" && attributes.words("class").contains("message") {
            flushPending(end: offset)
            oldMessage = (offset, depth); oldAuthor = ""; oldTime = ""
        } else if oldMessage != nil && name == "span", case let cls = attributes.words("class"), cls.contains("user") || cls.contains("meta") {
            oldCapture = (cls.contains("user") ? "user" : "meta", depth)
        } else if name == "p", pending != nil, oldText == nil {
            oldText = (depth, "")
        }
    }

    func endElement(_ name: String, end: Int64) {
        defer { depth -= 1 }
        if titleDepth == depth { titleDepth = nil }
        if let b = blockDepth {
            if depth == b {
                finishBlock(end: end)
                blockDepth = nil
            } else if let l = listDepth {
                if name == "li" { reactions.append(VisibleText.collapse(currentReaction)) }
                if depth == l { listDepth = nil }
            }
            return
        }
        if let c = oldCapture, c.depth == depth { oldCapture = nil }
        if let m = oldMessage, m.depth == depth {
            pending = (m.offset, VisibleText.collapse(oldAuthor), VisibleText.collapse(oldTime), depth)
            oldMessage = nil
        }
        if let t = oldText, t.depth == depth, let p = pending {
            emitOld(p, text: VisibleText.collapse(t.text), end: end)
            pending = nil; oldText = nil
        }
    }

    func elementLeftOpen(_ name: String) {
        if let b = blockDepth, depth == b { cutOffset = blockOffset }
    }

    func text(_ text: String) {
        var text = text
        text.withUTF8 { self.text(utf8: $0) }
    }

    func text(utf8: UnsafeBufferPointer<UInt8>) {
        if blockDepth != nil, titleDepth == nil, listDepth == nil {
            // The common case, a message's own text: kept as bytes, no `String` per text node.
            children.appendToLast(utf8)
            return
        }
        let text = String(decoding: utf8, as: UTF8.self)
        if titleDepth != nil { title += text }
        if blockDepth != nil {
            if listDepth != nil { currentReaction += text; return }
            children.appendToLast(utf8)
            return
        }
        if let c = oldCapture { if c.kind == "user" { oldAuthor += text } else { oldTime += text } }
        if oldText != nil { oldText!.text += text }
    }

    private func flushPending(end: Int64) {
        if let p = pending { emitOld(p, text: "", end: end); pending = nil; oldText = nil }
    }

    /// Called after the last event.
    func finish(end: Int64) {
        flushPending(end: end)
        let t = VisibleText.collapse(title)
        if !t.isEmpty { thread.title = t }
        if thread.participants.isEmpty {
            thread.participants = Array(spill?.authors ?? Set(thread.messages.compactMap(\.author))).sorted()
        }
        thread.layout = layouts.sorted().first ?? "meta-html"
    }

    /// A block ended without a record.
    private func noRecord() {
        if placing != nil {
            placedOrder.blockWithoutRecord()
            abandoned = placedOrder.broken
        }
    }

    private func emitOld(_ p: (offset: Int64, author: String, time: String, depth: Int), text: String, end: Int64) {
        layouts.insert("meta-html-2017")
        if placing != nil {
            placedOrder.uncounted()
            abandoned = true
            return
        }
        append(
            author: p.author, timeText: p.time, parsed: MetaTimeText.parse(p.time, zone: zone, cache: offsets), text: text, offset: p.offset,
            end: end, layout: "meta-html-2017", reactions: [], links: [], media: [])
    }

    private func finishBlock(end: Int64) {
        for k in children.indices { VisibleText.collapse(inPlace: &children[k]) }
        let parsed: (Timestamp, zoneGiven: Bool)? =
            children.count >= 2
            ? children[children.count - 1].withUnsafeBufferPointer { MetaTimeText.parse(utf8: $0, zone: zone, cache: offsets) } : nil
        if let parsed, placing != nil, placeFlat(parsed, end: end) { return }
        let texts = children.strings
        let timeText = texts.count >= 2 ? texts.last! : ""
        if parsed == nil {
            // The first block lists the participants and has no time.
            let all = texts.joined(separator: " ")
            for prefix in ["Participants:", "Deelnemers:", "Deelnemer:"] where all.hasPrefix(prefix) {
                let list = all.dropFirst(prefix.count).replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " en ", with: ", ")
                thread.participants = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                noRecord()
                return
            }
            if texts.count < 2 {
                noRecord()
                return
            }
        }
        layouts.insert(blockLayout)
        let body = texts.count > 2 ? texts[1..<(texts.count - 1)].filter { !$0.isEmpty }.joined(separator: " ") : ""
        append(
            author: texts.first ?? "", timeText: timeText, parsed: parsed, text: body, offset: blockOffset, end: end, layout: blockLayout,
            reactions: reactions, links: links, media: media)
    }

    /// Places the block just read (timed) as a ``FlatRecord``
    /// straight from its collapsed bytes: what ``append(author:timeText:parsed:text:offset:end:layout:reactions:links:media:)``
    /// and ``record(_:platform:zone:part:thread:)`` make of it, without a `Message`. False when
    /// its time's bytes are not valid UTF-8 (the caller then takes the long way).
    private func placeFlat(_ parsed: (Timestamp, zoneGiven: Bool), end: Int64) -> Bool {
        guard let placing, let spill else { return false }
        let timeBytes = children[children.count - 1]
        guard timeBytes.withUnsafeBufferPointer(UTF8Check.isValid) else { return false }
        layouts.insert(blockLayout)
        if !parsed.zoneGiven { zoneAssumed = true }
        if stagedTitle == nil {
            let t = VisibleText.collapse(title)
            stagedTitle = .some(t.isEmpty ? nil : t)
        }
        let time = parsed.0.date
        guard let block = placedOrder.take(time: time.timeIntervalSinceReferenceDate), stagingFailure == nil else {
            abandoned = true
            return true
        }
        let author = String(decoding: children[0], as: UTF8.self)
        spill.addKey(time: time, author: author.isEmpty ? nil : author)
        let bodyChildren = children.indices.dropFirst().dropLast()
        let bodyLength = bodyChildren.reduce(0) { $0 + children[$1].count + 1 }
        let text = String(unsafeUninitializedCapacity: bodyLength) { out in
            // The non-empty children between the author and the time, one space between them.
            var n = 0
            for k in bodyChildren where !children[k].isEmpty {
                if n > 0 {
                    out[n] = 0x20
                    n += 1
                }
                n = children[k].withUnsafeBufferPointer { UnsafeMutableBufferPointer(rebasing: out[n...]).initialize(fromContentsOf: $0) } + n
            }
            return n
        }
        if flatFields == nil { flatFields = FlatFields(platform: platform, thread: stagedTitle ?? nil, zone: zone.identifier) }
        let found = Self.linksAndAttachments(text: text, links: links, media: media)
        let extra = flatFields!.json(
            layout: blockLayout, links: found.links, reactions: reactions, timeAsDisplayed: timeBytes, zoneAssumed: !parsed.zoneGiven)
        let record = FlatRecord(
            timestamp: parsed.0, author: author.isEmpty ? nil : author, text: text, kind: found.kind, attachments: found.attachments,
            offset: blockOffset, length: max(0, end - blockOffset), extraJSON: extra)
        place(record, block: block, in: placing)
        return true
    }

    /// Writes the record of block `block` at its place, or holds it until the blocks are counted
    /// (the count runs beside the reading: ``MetaHTMLBlockCount/Background``).
    private func place(_ record: FlatRecord, block: Int, in placing: any PlacingRecordSink) {
        if placedOrder.total == nil, let finished = counting?.finished { counted(finished) }
        guard placedOrder.total != nil else {
            held.append((record, block))
            return
        }
        guard let seq = placedOrder.seq(ofBlock: block), !abandoned else {
            abandoned = true
            return
        }
        do {
            try placing.record(record, at: seq)
        } catch {
            stagingFailure = error
            abandoned = true
        }
    }

    /// The blocks are counted (nil: the count cannot be trusted, and the page is read again by
    /// staging): the records held get their places.
    private func counted(_ total: Int?) {
        guard let total, total > 0, let placing else {
            abandoned = true
            held = []
            return
        }
        placedOrder.counted(total)
        let waiting = held
        held = []
        for (record, block) in waiting where !abandoned { place(record, block: block, in: placing) }
    }

    /// The format fields of a placed record as JSON, with what is the same on the whole page
    /// written once: `{"layout":…[,"links":[…]],"platform":…[,"reactions":[…]],"thread":…,
    /// "timeAsDisplayed":…[,"timeZoneAssumed":…]}`, the keys sorted as ``JSONValue`` writes them.
    struct FlatFields {
        /// `,"platform":"…"`.
        let platform: [UInt8]
        /// From `,"thread":` to `"timeAsDisplayed":`.
        let thread: [UInt8]
        /// `,"timeZoneAssumed":"…"}`.
        let zoneTail: [UInt8]

        init(platform: String, thread: String?, zone: String) {
            var p = Array(#","platform":"#.utf8)
            Self.write(platform, into: &p)
            self.platform = p
            var m = Array(#","thread":"#.utf8)
            if let thread { Self.write(thread, into: &m) } else { m += Array("null".utf8) }
            m += Array(#","timeAsDisplayed":"#.utf8)
            self.thread = m
            var z = Array(#","timeZoneAssumed":"#.utf8)
            Self.write(zone, into: &z)
            z.append(0x7D)
            zoneTail = z
        }

        func json(layout: String, links: [String], reactions: [String], timeAsDisplayed: [UInt8], zoneAssumed: Bool) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(platform.count + thread.count + zoneTail.count + timeAsDisplayed.count + 40)
            out += #"{"layout":"#.utf8
            Self.write(layout, into: &out)
            if !links.isEmpty {
                out += #","links":"#.utf8
                Self.write(links, into: &out)
            }
            out += platform
            if !reactions.isEmpty {
                out += #","reactions":"#.utf8
                Self.write(reactions, into: &out)
            }
            out += thread
            timeAsDisplayed.withUnsafeBufferPointer { JSONValue.writeString(utf8: $0, into: &out) }
            if zoneAssumed { out += zoneTail } else { out.append(0x7D) }
            return out
        }

        /// `s` as a JSON string.
        private static func write(_ s: String, into out: inout [UInt8]) {
            var s = s
            s.withUTF8 { JSONValue.writeString(utf8: $0, into: &out) }
        }

        /// `strings` as a JSON array.
        private static func write(_ strings: [String], into out: inout [UInt8]) {
            out.append(0x5B)
            for (n, s) in strings.enumerated() {
                if n > 0 { out.append(0x2C) }
                write(s, into: &out)
            }
            out.append(0x5D)
        }
    }
    private var flatFields: FlatFields?

    private func append(
        author: String, timeText: String, parsed: (Timestamp, zoneGiven: Bool)?, text: String, offset: Int64, end: Int64, layout: String,
        reactions: [String], links: [String], media: [String]
    ) {
        if let (_, given) = parsed { if !given { zoneAssumed = true } } else { untimed += 1 }
        let read = ReadMessage(
            author: author, timeText: timeText, text: text, layout: layout, timestamp: parsed?.0, zoneAssumed: parsed.map { !$0.zoneGiven } ?? false,
            offset: offset, end: end, reactions: reactions, links: links, media: media)
        if let placing, let spill {
            if stagedTitle == nil {
                let t = VisibleText.collapse(title)
                stagedTitle = .some(t.isEmpty ? nil : t)
            }
            let time = read.timestamp?.date
            guard let block = placedOrder.take(time: time?.timeIntervalSinceReferenceDate), stagingFailure == nil else {
                abandoned = true
                return
            }
            spill.addKey(time: time, author: author.isEmpty ? nil : author)
            // A block without a readable time, or whose time is not valid UTF-8 (the rest go by
            // ``placeFlat(_:end:)``).
            guard let flat = FlatRecord(Self.record(read, platform: platform, zone: zoneID, part: part, thread: stagedTitle ?? nil)) else {
                abandoned = true
                return
            }
            place(flat, block: block, in: placing)
        } else if let staging, let spill {
            if stagedTitle == nil {
                let t = VisibleText.collapse(title)
                stagedTitle = .some(t.isEmpty ? nil : t)
            }
            spill.addKey(time: read.timestamp?.date, author: author.isEmpty ? nil : author)
            guard stagingFailure == nil else { return }
            do {
                try staging.stage(Self.record(read, platform: platform, zone: zoneID, part: part, thread: stagedTitle ?? nil))
            } catch {
                stagingFailure = error
            }
        } else if let spill {
            spill.add(read, time: read.timestamp?.date, author: author.isEmpty ? nil : author)
        } else {
            thread.messages.append(Self.record(read, platform: platform, zone: zoneID, part: part, thread: thread.title))
        }
    }

    /// What a message block gave, before it is a record: kept while a page spills (smaller than
    /// its record, whose `extra` is a dictionary of its own).
    struct ReadMessage {
        var author, timeText, text, layout: String
        var timestamp: Timestamp?
        var zoneAssumed: Bool
        var offset, end: Int64
        var reactions, links, media: [String]
    }

    /// The record of a read block; `zone` is the assumed zone's id, `thread` the page's title.
    static func record(_ r: ReadMessage, platform: String, zone: JSONValue, part: String?, thread: String?) -> Message {
        let (author, text, reactions, links, media) = (r.author, r.text, r.reactions, r.links, r.media)
        var extra: [String: JSONValue] = ["platform": .string(platform), "layout": .string(r.layout), "timeAsDisplayed": .string(r.timeText)]
        if r.zoneAssumed { extra["timeZoneAssumed"] = zone }
        if !reactions.isEmpty { extra["reactions"] = .array(reactions.map(JSONValue.string)) }
        let found = linksAndAttachments(text: text, links: links, media: media)
        if !found.links.isEmpty { extra["links"] = .array(found.links.map(JSONValue.string)) }
        let (attachments, kind) = (found.attachments, found.kind)
        extra["thread"] = .string(thread)
        let origin = Origin(line: nil, offset: r.offset, length: max(0, r.end - r.offset), part: part)
        let by = author.isEmpty ? nil : author
        return Message(timestamp: r.timestamp, author: by, text: text, kind: kind, attachments: attachments, origin: origin, extra: extra)
    }

    /// A block's web links (what is not its media), its attachments (its media and links to
    /// files of the export) and its kind (media when it has attachments and no text).
    static func linksAndAttachments(text: String, links: [String], media: [String]) -> (links: [String], attachments: [Attachment], kind: MessageKind)
    {
        guard !links.isEmpty || !media.isEmpty else { return ([], [], .message) }
        // A block has a link or two and a photo or two: arrays, no sets; `://` found in the bytes.
        func hasScheme(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { u in
                var i = 0
                while i + 2 < u.count {
                    if u[i] == 0x3A && u[i + 1] == 0x2F && u[i + 2] == 0x2F { return true }
                    i += 1
                }
                return false
            }
        }
        let realLinks = links.filter { !media.contains($0) && ($0.hasPrefix("http://") || $0.hasPrefix("https://")) }
        let fileLinks = links.filter { !hasScheme($0) && !$0.hasPrefix("#") && !$0.hasPrefix("mailto:") }
        let attachments = (media + fileLinks.filter { !media.contains($0) }).map {
            Attachment(name: $0, mediaType: MediaTypeGuess.forName($0))
        }
        return (realLinks, attachments, text.isEmpty && !attachments.isEmpty ? .media : .message)
    }

    /// Reads a thread page held in memory.
    static func read(_ bytes: [UInt8], part: String?, platform: String, zone: TimeZone) -> ChatThreadRead {
        let r = MetaHTMLReader(part: part, platform: platform, zone: zone)
        let report = HTMLStreamParser.parse(bytes: bytes, handler: r)
        return r.finished(report, size: Int64(bytes.count))
    }

    /// Reads a thread page from a file in chunks. With `spill`, what each message block gave goes
    /// there as it is read (the returned thread has no records; `streamedCount` says how many).
    static func read(
        file path: String, part: String?, platform: String, zone: TimeZone, spill: PageOrderRecords<ReadMessage>? = nil
    ) throws -> ChatThreadRead {
        let r = MetaHTMLReader(part: part, platform: platform, zone: zone, spill: spill)
        let head = try FileReaderHead.read(path)
        let report = HTMLStreamParser.parse(head: head, handler: r) { body in try FileChunks.forEach(path, body) }
        return r.finished(report, size: report.bytesRead)
    }

    /// Reads a thread page from a file, staging each record in `sink` as its block ends (page
    /// order) and only its order key in `keys`. `titleHeld` is false when the page's title
    /// changed after the first record was staged (a `<title>` after messages): the staged
    /// records then carry the wrong thread name and must be dropped.
    static func read(
        file path: String, platform: String, zone: TimeZone, keys: PageOrderRecords<ReadMessage>, staging sink: any StagingRecordSink
    ) throws -> (thread: ChatThreadRead, titleHeld: Bool) {
        let r = MetaHTMLReader(part: nil, platform: platform, zone: zone, spill: keys)
        r.staging = sink
        let head = try FileReaderHead.read(path)
        let report = HTMLStreamParser.parse(head: head, handler: r) { body in try FileChunks.forEach(path, body) }
        if let failure = r.stagingFailure { throw failure }
        let thread = r.finished(report, size: report.bytesRead)
        let held = r.stagedTitle.map { $0 == thread.title } ?? true
        return (thread, held)
    }

    /// Reads a thread page from a file, writing each record at its final place in `sink` as its
    /// block ends (``PlacedPageOrder``), the page's message blocks counted on a thread beside the
    /// reading (records read before the count is there wait for it); `keys` keeps the authors and
    /// the count. `fits` is false when the page turned out not to fit (a time later than the one
    /// above it, a block without a record between records, a title after messages, a count that
    /// does not match or cannot be trusted): the reading stops there, and what was placed must be
    /// dropped.
    static func read(
        file path: String, platform: String, zone: TimeZone, keys: PageOrderRecords<ReadMessage>, placing sink: any PlacingRecordSink
    ) throws -> (thread: ChatThreadRead, fits: Bool) {
        let r = MetaHTMLReader(part: nil, platform: platform, zone: zone, spill: keys)
        r.placing = sink
        let counting = MetaHTMLBlockCount.Background(file: path)
        r.counting = counting
        let head = try FileReaderHead.read(path)
        let report = HTMLStreamParser.parse(head: head, handler: r) { body in
            try FileChunks.forEach(path) { chunk in
                if r.abandoned { throw PlacedPageOrder.Abandoned() }
                try body(chunk)
            }
        }
        if !r.abandoned, r.placedOrder.total == nil { r.counted(counting.wait()) }
        if let failure = r.stagingFailure { throw failure }
        if r.abandoned { return (r.thread, false) }
        let thread = r.finished(report, size: report.bytesRead)
        let held = r.stagedTitle.map { $0 == thread.title } ?? true
        return (thread, held && r.placedOrder.fits && thread.layout.hasPrefix("meta"))
    }

    private func finished(_ report: HTMLStreamParser.Report, size: Int64) -> ChatThreadRead {
        finish(end: size)
        // Messages newest first in the page: keep the page order (origins stay in file order).
        thread.warnings += PageExtraction.warnings(report, where: part)
        for i in thread.messages.indices { thread.messages[i].extra["thread"] = .string(thread.title) }
        thread.streamedCount = spill?.count ?? 0
        thread.zoneAssumed = spill != nil && zoneAssumed ? zone.identifier : nil
        if let cut = cutOffset {
            // The page ends inside a message: an interrupted download or a file cut short.
            let message =
                "\(part ?? "De pagina") houdt op midden in een bericht (dat begint op byte \(cut)): het bestand is niet compleet, "
                + "bijvoorbeeld een afgebroken download. Alles ervoor is gelezen; dit bestand blijft als origineel bewaard. "
                + "Download de export opnieuw en bewaar die erbij."
            thread.warnings.append(ImportWarning(message, code: "meta-html-truncated"))
        }
        if untimed > 0 {
            thread.warnings.append(
                ImportWarning(
                    "\(untimed) bericht(en) in \(part ?? "de pagina") hebben een tijd die niet te lezen was; de tekst zoals getoond staat in timeAsDisplayed.",
                    code: "meta-time-unreadable"))
        }
        return thread
    }
}

import Foundation
import BewaarModel
import BewaarJSON
import BewaarImport

/// Builds one ``Message`` per record: time (date order applied, zone and DST resolved),
/// author, kind, text (exact bytes), attachments and origin.
struct MessageBuilder {
    let b: UnsafeBufferPointer<UInt8>
    let shape: LineShape
    let order: DateOrder
    let part: String?
    private var converter: LocalTimeConverter
    private(set) var warnings: [ImportWarning] = []
    /// Authors are interned: every record of one author shares one string; counted per record.
    private(set) var authors = AuthorTable()
    /// The doubled October hour: last local time seen in it and whether the second pass began.
    private var doubledLast: Int64?
    private var doubledSecond = false
    private var invalidDates = 0

    static let maxDateWarnings = 50

    init(bytes: UnsafeBufferPointer<UInt8>, shape: LineShape, order: DateOrder, zone: TimeZone, part: String?) {
        self.b = bytes
        self.shape = shape
        self.order = order
        self.part = part
        self.converter = LocalTimeConverter(zone: zone)
    }

    /// The message for `r` and its local wall-clock seconds (nil for an impossible date).
    mutating func build(_ r: RawRecord) -> (Message, Int64?) {
        let (record, local) = read(r)
        return (message(record), local)
    }

    /// The record `r` read into spans and facts, no text made yet, and its local wall-clock
    /// seconds (nil for an impossible date).
    mutating func read(_ r: RawRecord) -> (ChatRecord, Int64?) {
        var flags: [String] = []
        var extra: [String: JSONValue] = [:]
        let (timestamp, local) = time(r, flags: &flags)

        // Text runs to the end of the record, without its final line break.
        var textEnd = r.end
        if textEnd > r.start, b[textEnd - 1] == 0x0A {
            textEnd -= 1
            if textEnd > r.start, b[textEnd - 1] == 0x0D { textEnd -= 1 }
        }
        textEnd = max(textEnd, r.firstLineEnd)
        let bodyStart = r.header.bodyStart
        var author: Int?
        var textStart = bodyStart
        var kind: MessageKind = .message
        var attachments: [Attachment] = []

        if let colon = Self.authorColon(b, bodyStart, r.firstLineEnd), !Self.systemWithColon(b, bodyStart, colon, r.firstLineEnd) {
            textStart = min(colon + 2, r.firstLineEnd)
            let index = authors.intern(b, bodyStart, colon)
            author = index
            if !authors.valid[index] { flags.append("invalid-utf8") }
            let c = BodyClassifier.classify(b, start: textStart, firstEnd: r.firstLineEnd, end: textEnd)
            kind = c.kind
            if c.edited { flags.append("edited") }
            if let n = c.attachmentName { attachments.append(Attachment(name: n, mediaType: MediaType.forName(n))) }
            if c.mediaOmitted { extra["media"] = .string("omitted") }
            if let e = c.systemEvent { extra["system"] = .string(e) }
            for (k, v) in c.extra { extra[k] = v }
            // iOS writes platform lines under the chat's name, with U+200E before the text.
            if kind == .message, shape.bracketed, InvisibleMarks.markLength(b, textStart, r.firstLineEnd) > 0,
               let event = SystemMessageCatalog.event(InvisibleMarks.matchingCopy(b, textStart, r.firstLineEnd)) {
                kind = .system
                extra["system"] = .string(event)
                extra["chatName"] = .string(authors.names[index])
                author = nil
            }
        } else {
            kind = .system
            let event = SystemMessageCatalog.event(InvisibleMarks.matchingCopy(b, bodyStart, r.firstLineEnd))
            extra["system"] = .string(event ?? "unknown")
        }
        if let author { authors.count(author) }
        if !r.lookalikeLines.isEmpty {
            flags.append("header-lookalike")
            extra["headerLookalikeLines"] = .array(r.lookalikeLines.map { .int($0) })
        }
        let validText = UTF8Check.isValid(UnsafeBufferPointer(rebasing: b[textStart..<textEnd]))
        if !validText, !flags.contains("invalid-utf8") { flags.append("invalid-utf8") }
        let origin = Origin(line: r.line, offset: Int64(r.start), length: Int64(r.end - r.start), part: part)
        let record = ChatRecord(timestamp: timestamp, author: author, text: textStart..<textEnd, validText: validText,
                                kind: kind, attachments: attachments, origin: origin, flags: flags, extra: extra)
        return (record, local)
    }

    /// The ``Message`` of a record read by ``read(_:)``: its author and text made into strings.
    func message(_ r: ChatRecord) -> Message {
        Message(timestamp: r.timestamp, author: r.author.map { authors.names[$0] }, text: text(r), kind: r.kind,
                attachments: r.attachments, origin: r.origin, flags: r.flags, extra: r.extra)
    }

    /// Writes a record read by ``read(_:)`` as its compact JSON straight from the chat's bytes `b`:
    /// the bytes ``message(_:)``'s `writeJSON(into:)` gives, without making its strings.
    /// `authorJSON` is ``AuthorTable/json`` (static, so the builder itself is not copied per record).
    static func writeJSON(_ r: ChatRecord, bytes b: UnsafeBufferPointer<UInt8>, authorJSON: [[UInt8]], into out: inout [UInt8]) {
        Message.writeJSON(timestamp: r.timestamp, kind: r.kind, attachments: r.attachments, origin: r.origin,
                          flags: r.flags, extra: r.extra, into: &out,
                          author: { out in
                              if let a = r.author { out.append(contentsOf: authorJSON[a]) } else { out.append(contentsOf: "null".utf8) }
                          },
                          text: { out in
                              let bytes = UnsafeBufferPointer(rebasing: b[r.text])
                              if r.validText {
                                  JSONValue.writeString(utf8: bytes, into: &out)
                              } else {
                                  out.append(contentsOf: JSONValue.string(String(decoding: bytes, as: UTF8.self)).serializedBytes())
                              }
                          })
    }

    /// The exact text; invalid UTF-8 (flagged `invalid-utf8`) reads with U+FFFD in its place.
    private func text(_ r: ChatRecord) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r.text]), as: UTF8.self)
    }

    /// The `: ` ending the author of `r` as ``build(_:)`` decides it, without building the message
    /// (nil: an author-less platform line). On Android (not bracketed) that is the final author.
    static func authorEnd(_ b: UnsafeBufferPointer<UInt8>, _ r: RawRecord) -> Int? {
        let bodyStart = r.header.bodyStart
        guard let colon = authorColon(b, bodyStart, r.firstLineEnd), !systemWithColon(b, bodyStart, colon, r.firstLineEnd) else { return nil }
        return colon
    }

    /// The `: ` that ends the author on the first line (or a `:` closing the line: an empty message).
    private static func authorColon(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            if b[i] == 0x3A {
                if i + 1 == end || b[i + 1] == 0x20 { return i > start ? i : nil }
            }
            i += 1
        }
        return nil
    }

    /// An author-less platform line whose quoted group name holds `: ` (`X heeft groep "A: B" aangemaakt`).
    private static func systemWithColon(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ colon: Int, _ end: Int) -> Bool {
        var quoted = false
        var i = start
        while i < colon {
            if b[i] == 0x22 || (b[i] == 0xE2 && i + 2 < colon && b[i + 1] == 0x80 && (b[i + 2] == 0x9C || b[i + 2] == 0x9D)) {
                quoted = true
                break
            }
            i += 1
        }
        return quoted && SystemMessageCatalog.event(InvisibleMarks.matchingCopy(b, start, end)) != nil
    }

    /// The timestamp of a header with the file's date order, in the zone, DST-resolved.
    private mutating func time(_ r: RawRecord, flags: inout [String]) -> (Timestamp?, Int64?) {
        let h = r.header
        var y: Int32, m: Int32, d: Int32
        switch order {
        case .dmy: (d, m, y) = (h.f1, h.f2, h.f3)
        case .mdy: (m, d, y) = (h.f1, h.f2, h.f3)
        case .ymd: (y, m, d) = (h.f1, h.f2, h.f3)
        }
        if h.d1 == 4 && order != .ymd { (y, m, d) = (h.f1, h.f2, h.f3) }
        let twoDigitYear = (order == .ymd ? h.d1 : h.d3) == 2
        if twoDigitYear { y += 2000 }
        guard (1...12).contains(m), d >= 1, d <= Self.daysIn(month: Int(m), year: Int(y)), y <= 2100 else {
            flags.append("date-invalid")
            invalidDates += 1
            if invalidDates <= Self.maxDateWarnings {
                let why = y > 2100 ? "jaartal \(y) (een andere jaartelling?) wordt niet gelezen" : "geen geldige datum in volgorde \(order.rawValue)"
                warnings.append(ImportWarning("\(why.prefix(1).uppercased() + why.dropFirst()); het bericht is bewaard zonder tijd.", line: r.line, code: "date-invalid"))
            }
            return (nil, nil)
        }
        if y < 2009 { flags.append("implausible-year") }
        var hour = Int(h.hour)
        if h.meridiem != 0 {
            if hour == 0 || hour > 12 { flags.append("clock-odd") }
            if h.meridiem == 1, hour == 12 { hour = 0 }
            if h.meridiem == 2, hour < 12 { hour += 12 }
        }
        let days = Timestamp.days(fromCivil: Int(y), Int(m), Int(d))
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + Int(h.minute) * 60 + max(0, Int(h.second)))
        let offset: Int
        switch converter.resolve(local: local) {
        case .single(let o):
            offset = o
            doubledLast = nil
            doubledSecond = false
        case .doubled(let first, let second):
            // Within the doubled hour the clock runs twice: when the time goes back, the second pass began.
            if let last = doubledLast, local < last { doubledSecond = true }
            doubledLast = local
            offset = doubledSecond ? second : first
            flags.append("dst-ambiguous")
            warnings.append(ImportWarning("Deze tijd bestaat twee keer (klok gaat terug); aangenomen: de \(doubledSecond ? "tweede keer (wintertijd)" : "eerste keer (zomertijd)").",
                                          line: r.line, code: "dst-ambiguous"))
        case .skipped(let o):
            offset = o
            flags.append("dst-nonexistent")
            warnings.append(ImportWarning("Deze tijd bestaat niet in de tijdzone (klok gaat vooruit); gelezen met de verschuiving van vóór de overgang.",
                                          line: r.line, code: "dst-nonexistent"))
        }
        let date = Date(timeIntervalSince1970: TimeInterval(local - Int64(offset)))
        return (Timestamp(date: date, utcOffsetSeconds: offset), local)
    }

    static func daysIn(month m: Int, year y: Int) -> Int32 {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BewaarModel

/// What a participant's record is, read from its text: deleted, view-once, media (attached or
/// left out), a poll, a location, edited, a missed call — or a plain message.
struct BodyClass {
    var kind: MessageKind = .message
    /// The file the record names (`IMG-….jpg (bestand bijgevoegd)`, `<bijgevoegd: …>`).
    var attachmentName: String?
    /// True for `<Media weggelaten>` and `afbeelding weggelaten`: media existed, the export left it out.
    var mediaOmitted = false
    var edited = false
    /// A system event with an author (a missed call).
    var systemEvent: String?
    var extra: [String: JSONValue] = [:]
}

enum BodyClassifier {
    private static let nullBody = Array("null".utf8)
    private static let deleted: [[UInt8]] = [
        "Dit bericht is verwijderd", "U hebt dit bericht verwijderd", "Je hebt dit bericht verwijderd",
        "This message was deleted", "You deleted this message", "Diese Nachricht wurde gelöscht",
        "Du hast diese Nachricht gelöscht",
    ].map { Array($0.utf8) }
    private static let omittedWhole: [[UInt8]] = ["<Media weggelaten>", "<Media omitted>", "<Medien ausgeschlossen>"].map { Array($0.utf8) }
    private static let omittedSuffix: [[UInt8]] = [" weggelaten", " omitted", " weggelassen"].map { Array($0.utf8) }
    private static let attachedSuffix: [[UInt8]] = [" (bestand bijgevoegd)", " (file attached)", " (Datei angehängt)"].map { Array($0.utf8) }
    private static let attachedTag: [[UInt8]] = ["<bijgevoegd: ", "<attached: ", "<Anhang: "].map { Array($0.utf8) }
    private static let editedSuffix: [[UInt8]] = ["<Dit bericht is bewerkt>", "<This message was edited>", "<Diese Nachricht wurde bearbeitet>"].map { Array($0.utf8) }
    private static let locationPrefix: [[UInt8]] = ["locatie: ", "location: ", "Location: ", "Locatie: ", "Standort: "].map { Array($0.utf8) }
    private static let liveLocation: [[UInt8]] = ["Live locatie gedeeld", "Live location shared", "Live-Standort geteilt"].map { Array($0.utf8) }
    private static let pollHead: [[UInt8]] = ["PEILING:", "POLL:", "UMFRAGE:"].map { Array($0.utf8) }
    private static let missedCall: [[UInt8]] = ["Gemiste spraakoproep", "Gemiste video-oproep", "Gemiste groepsspraakoproep",
                                                "Gemiste groepsvideo-oproep", "Missed voice call", "Missed video call",
                                                "Missed group voice call", "Missed group video call"].map { Array($0.utf8) }

    /// First bytes (after marks) that some pattern starts with: `Dit`, `U hebt`, `Je`, `This`,
    /// `You`, `<`, `null`, `locatie`, `PEILING`, `Gemiste`, `Missed`, `Live`, `Standort`…
    private static let leadBytes = ByteSet("DUJTY<nlLPGMS")
    /// Last bytes (before spaces, CR, dots) that some pattern ends with: `)`, `>`, `weggelaten`, `omitted`…
    private static let tailBytes = ByteSet(")>nd")

    /// Whether the record can be a plain message without looking further (most records).
    private static func plain(_ b: UnsafeBufferPointer<UInt8>, start: Int, firstEnd: Int, end: Int) -> Bool {
        let i = InvisibleMarks.skip(b, start, firstEnd)
        guard i < firstEnd, !leadBytes.contains(b[i]) else { return false }
        var j = firstEnd - 1
        while j > i, b[j] == 0x20 || b[j] == 0x2E || b[j] == 0x0D { j -= 1 }
        guard !tailBytes.contains(b[j]) else { return false }
        // The edit marker closes the last line.
        var k = end - 1
        while k > start, b[k] == 0x20 || b[k] == 0x0D || b[k] == 0x0A { k -= 1 }
        guard b[k] != 0x3E else { return false }
        // `<bijgevoegd: …>` may follow a document label.
        return memchr(b.baseAddress! + i, 0x3C, firstEnd - i) == nil
    }

    /// Classifies the text `start..<end` whose first line ends at `firstEnd`.
    static func classify(_ b: UnsafeBufferPointer<UInt8>, start: Int, firstEnd: Int, end: Int) -> BodyClass {
        var r = BodyClass()
        guard start < end else { return r }
        if plain(b, start: start, firstEnd: firstEnd, end: end) { return r }
        let first = InvisibleMarks.matchingCopy(b, start, firstEnd)
        if first.isEmpty && firstEnd == end { return r }
        let singleLine = firstEnd >= end - 1
        // The edit marker closes the last line.
        if b[end - 1] == 0x3E || (end - start > 2 && (b[end - 2] == 0x3E || b[end - 3] == 0x3E)) {
            let tailStart = max(start, end - 64)
            let tail = InvisibleMarks.matchingCopy(b, tailStart, end)
            if editedSuffix.contains(where: { Bytes.hasSuffix(tail, $0) }) { r.edited = true }
        }
        if singleLine, first == nullBody {
            r.kind = .viewOnce
            return r
        }
        if deleted.contains(where: { first.starts(with: $0) }) {
            r.kind = .deleted
            return r
        }
        if omittedWhole.contains(first) || (first.count <= 48 && omittedSuffix.contains(where: { Bytes.hasSuffix(first, $0) })) {
            r.kind = .media
            r.mediaOmitted = true
            return r
        }
        for s in attachedSuffix where Bytes.hasSuffix(first, s) {
            let name = Array(first[..<(first.count - s.count)])
            if !name.isEmpty {
                r.kind = .media
                r.attachmentName = String(decoding: name, as: UTF8.self)
                return r
            }
        }
        if first.contains(0x3C) {
            for tag in attachedTag {
                if let at = Bytes.find(first, tag), let close = first[(at + tag.count)...].firstIndex(of: 0x3E) {
                    let name = Array(first[(at + tag.count)..<close])
                    if !name.isEmpty {
                        r.kind = .media
                        r.attachmentName = String(decoding: name, as: UTF8.self)
                        if at > 0 { r.extra["documentLabel"] = .string(String(decoding: first[..<at], as: UTF8.self)) }
                        return r
                    }
                }
            }
        }
        if let p = locationPrefix.first(where: { first.starts(with: $0) }) {
            let url = String(decoding: first[p.count...], as: UTF8.self)
            var loc: [String: JSONValue] = ["url": .string(url)]
            if let (lat, lon) = coordinates(url) { loc["latitude"] = .double(lat); loc["longitude"] = .double(lon) }
            r.extra["location"] = .object(loc)
            return r
        }
        if liveLocation.contains(where: { first.starts(with: $0) }) {
            r.extra["location"] = .object(["live": .bool(true)])
            return r
        }
        if pollHead.contains(first), !singleLine {
            r.kind = "poll"
            r.extra["poll"] = poll(String(decoding: UnsafeBufferPointer(rebasing: b[firstEnd..<end]), as: UTF8.self))
            return r
        }
        if missedCall.contains(where: { first.starts(with: $0) }) {
            r.kind = .system
            r.systemEvent = "missed-call"
        }
        return r
    }

    /// `…?q=52.37,4.89` → (52.37, 4.89).
    static func coordinates(_ url: String) -> (Double, Double)? {
        guard let q = url.range(of: "q=") else { return nil }
        let rest = url[q.upperBound...].prefix { "0123456789.,-".contains($0) }
        let parts = rest.split(separator: ",")
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]),
              abs(lat) <= 90, abs(lon) <= 180 else { return nil }
        return (lat, lon)
    }

    /// The question and options of a poll: the lines after `PEILING:`.
    static func poll(_ rest: String) -> JSONValue {
        let lines = rest.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var question: String?
        var options: [JSONValue] = []
        for line in lines {
            let l = String(line)
            if let p = ["OPTIE: ", "OPTION: ", "OPTION:", "OPTIE:"].first(where: { l.hasPrefix($0) }) {
                var text = String(l.dropFirst(p.count))
                var votes: Int?
                if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
                    let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
                    if let n = Int(inside.prefix { $0.isASCII && $0.isNumber }) {
                        votes = n
                        text = String(text[..<open]).trimmingCharacters(in: [" "])
                    }
                }
                var o: [String: JSONValue] = ["text": .string(text)]
                if let votes { o["votes"] = .int(votes) }
                options.append(.object(o))
            } else if question == nil {
                question = l
            }
        }
        return .object(["question": .string(question), "options": .array(options)])
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

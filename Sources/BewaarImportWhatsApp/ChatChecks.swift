import BewaarModel

/// File-wide checks after every record is read: participants with counts, records out of
/// chronological order, Android header look-alikes, WhatsApp's export caps.
enum ChatChecks {
    /// WhatsApp's reported export caps: without media, with media.
    static let caps = [40_000, 10_000]
    /// Above this many one-message names the "never wrote" rule is not applied.
    static let maxOnceNames = 200

    static func run(_ r: inout ChatReading, platform: String) {
        chatNameLines(&r)
        let counts = participants(&r)
        outOfOrder(&r)
        if platform == "android" { androidLookalikes(&r, counts: counts) }
        exportCaps(&r)
    }

    /// iOS: an unknown platform line (U+200E first) under a name that elsewhere wrote platform lines.
    private static func chatNameLines(_ r: inout ChatReading) {
        var names: Set<String> = []
        for m in r.messages where m.kind == .system { if let n = m.extra["chatName"]?.stringValue { names.insert(n) } }
        guard !names.isEmpty else { return }
        for i in r.messages.indices {
            let m = r.messages[i]
            guard m.kind == .message, let a = m.author, names.contains(a), m.text.unicodeScalars.first == "\u{200E}" else { continue }
            r.messages[i].kind = .system
            r.messages[i].extra["system"] = .string("unknown")
            r.messages[i].extra["chatName"] = .string(a)
            r.messages[i].author = nil
        }
    }

    /// `participants`: every author with the number of records they wrote, in order of first appearance.
    private static func participants(_ r: inout ChatReading) -> [String: Int] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for m in r.messages {
            guard let a = m.author else { continue }
            if let c = counts[a] { counts[a] = c + 1 } else { counts[a] = 1; order.append(a) }
        }
        r.extra["participants"] = .array(order.map { .object(["name": .string($0), "messages": .int(counts[$0]!)]) })
        return counts
    }

    /// A record earlier (as an instant) than the one before it: the one that sticks out is flagged (a later
    /// encryption notice at the top flags the notice, not every message after it).
    private static func outOfOrder(_ r: inout ChatReading) {
        let t = r.messages.map { $0.timestamp?.date.timeIntervalSince1970 }
        var flagged = 0
        var prevIndex: Int?
        // The next record with a time, per record (one backward pass: no quadratic search).
        var nextTimed = [Int?](repeating: nil, count: t.count)
        var following: Int?
        for i in t.indices.reversed() {
            nextTimed[i] = following
            if t[i] != nil { following = i }
        }
        for i in t.indices {
            guard let cur = t[i] else { continue }
            defer { prevIndex = i }
            guard let p = prevIndex, let prev = t[p], cur < prev else { continue }
            // Is the previous record a spike (later than both neighbours)?
            var spike = false
            if let n = nextTimed[i], let next = t[n] { spike = prev > next && cur <= next }
            if p == 0 || spike {
                if !r.messages[p].flags.contains("out-of-order") { r.messages[p].flags.append("out-of-order"); flagged += 1 }
            } else {
                r.messages[i].flags.append("out-of-order")
                flagged += 1
            }
        }
        if flagged > 0 {
            r.warnings.append(ImportWarning("\(flagged) bericht(en) staan niet in tijdsvolgorde (gemarkeerd met out-of-order). WhatsApp zet bijvoorbeeld de versleutelingsmelding soms met een latere tijd bovenaan.",
                                            code: "out-of-order"))
        }
    }

    /// Android writes every line break as LF: a typed line that looks like a header cannot be told
    /// from a record. Flag the suspicious ones: a name that writes nothing else, or a break in time.
    private static func androidLookalikes(_ r: inout ChatReading, counts: [String: Int]) {
        let systemTexts = r.messages.filter { $0.kind == .system }.map(\.text)
        // Many one-message names (a huge group, or a crafted file): the name rule says nothing then.
        let onceNames = counts.values.filter { $0 == 1 }.count
        let nameRule = onceNames <= maxOnceNames
        for i in r.messages.indices where i > 0 {
            let m = r.messages[i]
            guard let a = m.author, m.kind != .system else { continue }
            var reasons: [JSONValue] = []
            // A name that writes nothing else and that no platform line (added, joined…) mentions.
            if nameRule && counts[a] == 1 && counts.count > 1 && !systemTexts.contains(where: { $0.contains(a) }) {
                reasons.append(.string("author-seen-once"))
            }
            if m.flags.contains("out-of-order") { reasons.append(.string("breaks-chronology")) }
            guard !reasons.isEmpty else { continue }
            r.messages[i].flags.append("header-lookalike")
            r.messages[i].extra["headerLookalikeReasons"] = .array(reasons)
            r.warnings.append(ImportWarning("Mogelijk een getypte regel die op een bericht lijkt (Android kan dat niet onderscheiden); vergelijk met een tweede export.",
                                            line: m.origin.line, code: "header-lookalike"))
        }
    }

    /// A record count at one of WhatsApp's caps: the oldest part of the chat may be missing.
    private static func exportCaps(_ r: inout ChatReading) {
        let n = r.messages.count
        for cap in caps where n >= cap - cap / 100 && n <= cap + cap / 100 {
            r.warnings.append(ImportWarning("Deze export telt \(n) berichten: dat is de grens van \(cap) waarop WhatsApp exports afkapt. Het oudste deel van de chat kan ontbreken.",
                                            code: "export-cap"))
            r.extra["exportCap"] = .int(cap)
        }
    }
}

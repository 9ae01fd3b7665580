import BewaarModel

/// File-wide checks after every record is read: participants with counts, records out of
/// chronological order, Android header look-alikes, WhatsApp's export caps.
enum ChatChecks {
    /// WhatsApp's reported export caps: without media, with media.
    static let caps = [40_000, 10_000]
    /// Above this many one-message names the "never wrote" rule is not applied.
    static let maxOnceNames = 200
    /// Below this many authored records "writes nothing else" is normal, not suspicious.
    static let minRecordsForNameRule = 20

    static func run(_ r: inout ChatReading, platform: String) {
        if platform == "ios" { chatNameLines(&r) }
        r.extra["participants"] = .array(r.participants.map { .object(["name": .string($0.0), "messages": .int($0.1)]) })
        let outOfOrder = outOfOrder(&r)
        if platform == "android" { androidLookalikes(&r, outOfOrder: outOfOrder) }
        exportCaps(&r)
    }

    /// iOS: an unknown platform line (U+200E first) under a name that elsewhere wrote platform lines.
    private static func chatNameLines(_ r: inout ChatReading) {
        var names: Set<String> = []
        for i in r.messages.indices where r.messages[i].kind == .system {
            if let n = r.messages[i].extra["chatName"]?.stringValue { names.insert(n) }
        }
        guard !names.isEmpty else { return }
        var moved: [String: Int] = [:]
        for i in r.messages.indices {
            guard r.messages[i].kind == .message, let a = r.messages[i].author, names.contains(a),
                  r.messages[i].text.unicodeScalars.first == "\u{200E}" else { continue }
            r.messages[i].kind = .system
            r.messages[i].extra["system"] = .string("unknown")
            r.messages[i].extra["chatName"] = .string(a)
            r.messages[i].author = nil
            moved[a, default: 0] += 1
        }
        if !moved.isEmpty {
            r.participants = r.participants.map { ($0.0, $0.1 - (moved[$0.0] ?? 0)) }.filter { $0.1 > 0 }
        }
    }

    /// A record earlier (as an instant) than the one before it: the one that sticks out is flagged (a later
    /// encryption notice at the top flags the notice, not every message after it).
    @discardableResult
    private static func outOfOrder(_ r: inout ChatReading) -> Int {
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
        if flagged > 0 { r.warnings.append(outOfOrderWarning(flagged)) }
        return flagged
    }

    static func outOfOrderWarning(_ flagged: Int) -> ImportWarning {
        ImportWarning("\(flagged) bericht(en) staan niet in tijdsvolgorde (gemarkeerd met out-of-order). WhatsApp zet bijvoorbeeld de versleutelingsmelding soms met een latere tijd bovenaan.",
                      code: "out-of-order")
    }

    static func lookalikeWarning(line: Int?) -> ImportWarning {
        ImportWarning("Mogelijk een getypte regel die op een bericht lijkt (Android kan dat niet onderscheiden); vergelijk met een tweede export.",
                      line: line, code: "header-lookalike")
    }

    /// Whether the Android `author-seen-once` rule can flag anything, from the final participant counts.
    static func onceRuleApplies(_ participants: [(String, Int)]) -> Bool {
        let once = participants.filter { $0.1 == 1 }.count
        let authored = participants.reduce(0) { $0 + $1.1 }
        return once > 0 && once <= maxOnceNames && participants.count > 1 && authored >= minRecordsForNameRule
    }

    /// Android writes every line break as LF: a typed line that looks like a header cannot be told
    /// from a record. Flag the suspicious ones: a name that writes nothing else, or a break in time.
    private static func androidLookalikes(_ r: inout ChatReading, outOfOrder: Int) {
        let once = Set(r.participants.filter { $0.1 == 1 }.map(\.0))
        // Many one-message names (a huge group, or a crafted file): the name rule says nothing then.
        let authored = r.participants.reduce(0) { $0 + $1.1 }
        let nameRule = once.count <= maxOnceNames && r.participants.count > 1 && authored >= minRecordsForNameRule
        guard (nameRule && !once.isEmpty) || outOfOrder > 0 else { return }
        var systemTexts: [String] = []
        for i in r.messages.indices where r.messages[i].kind == .system { systemTexts.append(r.messages[i].text) }
        for i in r.messages.indices where i > 0 {
            guard let a = r.messages[i].author, r.messages[i].kind != .system else { continue }
            var reasons: [JSONValue] = []
            // A name that writes nothing else and that no platform line (added, joined…) mentions.
            if nameRule && once.contains(a) && !systemTexts.contains(where: { $0.contains(a) }) {
                reasons.append(.string("author-seen-once"))
            }
            if outOfOrder > 0 && r.messages[i].flags.contains("out-of-order") { reasons.append(.string("breaks-chronology")) }
            guard !reasons.isEmpty else { continue }
            r.messages[i].flags.append("header-lookalike")
            r.messages[i].extra["headerLookalikeReasons"] = .array(reasons)
            let line = r.messages[i].origin.line
            r.warnings.append(lookalikeWarning(line: line))
        }
    }

    /// A record count at one of WhatsApp's caps: the oldest part of the chat may be missing.
    private static func exportCaps(_ r: inout ChatReading) {
        for (cap, warning) in exportCaps(count: r.messages.count) {
            r.warnings.append(warning)
            r.extra["exportCap"] = .int(cap)
        }
    }

    /// The caps a chat of `n` records sits at, each with its warning.
    static func exportCaps(count n: Int) -> [(Int, ImportWarning)] {
        caps.filter { n >= $0 - $0 / 100 && n <= $0 + $0 / 100 }.map { cap in
            (cap, ImportWarning("Deze export telt \(Plural.count(n, "bericht", "berichten")): dat is de grens van \(cap) waarop WhatsApp exports afkapt. Het oudste deel van de chat kan ontbreken.",
                                code: "export-cap"))
        }
    }
}

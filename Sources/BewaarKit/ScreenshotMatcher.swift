import Foundation
import BewaarModel
import BewaarJSON
import BewaarImportImage

/// Compares the messages read from a screenshot with other records of the case: an earlier
/// screenshot of the same scrolled conversation, or a chat export. Pure: records in, index
/// pairs out. OCR misreads a letter here and there, so texts match by edit distance, never
/// byte for byte; the time must be the time shown and the author must fit.
struct ScreenshotMatcher {
    /// A record to compare, with what the comparison needs worked out once.
    struct Candidate {
        var index: Int
        var message: Message
        /// Lower-case letters and digits, diacritics folded, single spaces.
        var text: String
        /// "HH:MM" as the record shows it (a screenshot) or its local time (an export).
        var clock: String?
        /// The record's local day, "YYYY-MM-DD", when known.
        var day: String?
        var side: String?
        /// Whether the author was read (a label, the header), not assumed.
        var authorRead: Bool

        init(index: Int, message m: Message) {
            self.index = index
            message = m
            text = ScreenshotMatcher.normalised(m.text)
            let shot = m.extra["screenshot"]
            side = shot?["side"]?.stringValue
            authorRead = ["label", "label-above", "header"].contains(shot?["authorBasis"]?.stringValue ?? "")
            if let ts = m.timestamp {
                let local = ts.rfc3339
                day = String(local.prefix(10))
                clock = String(local.dropFirst(11).prefix(5))
            }
            if let shown = shot?["time"]?.stringValue, let t = ShownTime(shown) { clock = t.clock }
        }

        /// The local "HH:MM" of a record with a time (what ``clock`` is for an export's record),
        /// without the rest of the work: to pass over records no screenshot message can match.
        static func localClock(_ m: Message) -> String? {
            m.timestamp.map { String($0.rfc3339.dropFirst(11).prefix(5)) }
        }
    }

    /// A clock and every clock one digit away from it ("16:42" → "06:42", "15:42", "16:41", …).
    static func nearClocks(_ clock: String) -> [String] {
        let chars = Array(clock)
        var out = [clock]
        for (i, c) in chars.enumerated() where c.isNumber {
            for d in "0123456789" where d != c {
                var v = chars
                v[i] = d
                out.append(String(v))
            }
        }
        return out
    }

    /// Whether two clocks are equal or one misread digit apart (see ``best(for:among:sameSide:)``).
    static func near(_ a: String, _ b: String) -> Bool {
        a.count == b.count && zip(a, b).count(where: { $0 != $1 }) <= 1
    }

    /// The smallest text score (0–100) for a match when the time agrees, and when no time is known.
    static let matchScore = 80
    static let matchScoreWithoutTime = 92

    /// Lower-case letters and digits, diacritics folded, runs of anything else as one space.
    static func normalised(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL"))
        var out = ""
        var space = false
        for c in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(c) && c.value < 0x2000 {
                if space && !out.isEmpty { out.append(" ") }
                out.unicodeScalars.append(c)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// How alike two normalised texts are, 0–100 (100 − edit distance per character).
    static func score(_ a: String, _ b: String) -> Int {
        if a == b { return 100 }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let longest = max(x.count, y.count)
        guard longest > 0, min(x.count, y.count) * 2 >= longest else { return 0 }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let above = row[j]
                row[j] = x[i - 1] == y[j - 1] ? previous : 1 + min(previous, row[j - 1], above)
                previous = above
            }
        }
        return max(0, 100 - row[y.count] * 100 / longest)
    }

    /// Whether two author names can be the same person: equal, or one the first name or a part
    /// of the other ("Daan" and "Daan Jansen"), or the same digits (phone numbers).
    static func authorsFit(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let x = normalised(a), y = normalised(b)
        if x == y || x.isEmpty || y.isEmpty { return x == y }
        let dx = x.filter(\.isNumber), dy = y.filter(\.isNumber)
        if dx.count >= 8 && dy.count >= 8 { return dx.hasSuffix(dy.suffix(9)) || dy.hasSuffix(dx.suffix(9)) }
        let wx = x.split(separator: " "), wy = y.split(separator: " ")
        return wx.first == wy.first || x.contains(y) || y.contains(x) || score(x, y) >= 85
    }

    /// Whether the kinds can be the same message: media with media (an export writes "<Media
    /// weggelaten>" where the screenshot shows "Foto"), deleted with deleted, text with text.
    static func kindsFit(_ a: MessageKind, _ b: MessageKind) -> Bool {
        func group(_ k: MessageKind) -> Int {
            switch k {
            case .media, .viewOnce: 1
            case .deleted: 2
            case .system: 3
            default: 0
            }
        }
        return group(a) == group(b)
    }

    /// The best match of `shot` among `others` with its score, or nil.
    static func best(for shot: Candidate, among others: [Candidate], sameSide: Bool) -> (Int, Int)? {
        var best: (Int, Int)?
        for o in others {
            guard kindsFit(shot.message.kind, o.message.kind) else { continue }
            // A clock that differs in one digit is an OCR misreading ("15:42" for "16:42") when the text agrees well.
            var misreadClock = false
            if let a = shot.clock, let b = o.clock, a != b {
                guard zip(a, b).filter({ $0 != $1 }).count == 1 else { continue }
                misreadClock = true
            }
            if let a = shot.day, let b = o.day, a != b { continue }
            if sameSide, shot.side != o.side { continue }
            if !sameSide {
                // Against an export: a read author must fit. The owner's side is only assumed (and
                // who the file came from is often written as "telefoon van Sanne"): not checked.
                if shot.authorRead, !authorsFit(shot.message.author, o.message.author) { continue }
                if shot.side == "system", o.message.kind != .system, o.message.author != nil { continue }
            }
            let timed = shot.clock != nil && o.clock != nil
            let s = shot.message.kind == .message || shot.message.kind == .system ? score(shot.text, o.text) : 100
            guard s >= (timed && !misreadClock ? matchScore : matchScoreWithoutTime) else { continue }
            if s > (best?.1 ?? -1) { best = (o.index, s) }
        }
        return best
    }
}

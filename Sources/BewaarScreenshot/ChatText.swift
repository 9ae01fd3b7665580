/// Text rules of chat screenshots: times, day separators, deleted and media bubbles.
enum ChatText {
    /// The time in a token ("20:14", "20:14✓", "20.14"), as "20:14"; nil when it holds none.
    static func time(in token: String) -> String? {
        let chars = Array(token)
        var i = 0
        while i < chars.count {
            if let t = timeAt(chars, i) { return t }
            i += 1
        }
        return nil
    }

    /// The last time in a line's words, with " AM"/" PM" when the app shows a 12-hour clock
    /// ("8:14 PM", "8:14PM", "8:14 p.m." → "8:14 PM"), and the index of its word.
    static func lastTime(in words: [String]) -> (time: String, index: Int)? {
        guard let i = words.lastIndex(where: { time(in: $0) != nil }), let t = time(in: words[i]) else { return nil }
        let rest = words[i].drop { $0 != ":" && $0 != "." }.dropFirst(3)
        let next = i + 1 < words.count ? words[i + 1] : ""
        for candidate in [String(rest), next] {
            let letters = candidate.lowercased().filter(\.isLetter)
            if letters == "am" || letters == "pm" { return ("\(t) \(letters.uppercased())", i) }
        }
        return (t, i)
    }

    /// Whether a whole token has a time's shape, whatever its numbers ("49:50", "19.5O" is not).
    static func isTimeShaped(_ token: Substring) -> Bool {
        let parts = token.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        return parts.count == 2 && (1...2).contains(parts[0].count) && parts[1].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A whole token that is a time with its colon misread as a dash ("20-14", "8–14") as
    /// "20:14"; nil for anything else.
    static func dashedTime(_ token: String) -> String? {
        let parts = token.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map(String.init)
        guard parts.count == 2, token.count <= 6, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60
        else { return nil }
        return "\(parts[0]):\(parts[1])"
    }

    private static func timeAt(_ c: [Character], _ i: Int) -> String? {
        func digit(_ k: Int) -> Bool { k >= 0 && k < c.count && c[k].isASCII && c[k].isNumber }
        guard digit(i), !digit(i - 1) else { return nil }
        let hourLength = digit(i + 1) ? 2 : 1
        let sep = i + hourLength
        guard sep < c.count, c[sep] == ":" || c[sep] == ".", digit(sep + 1), digit(sep + 2), !digit(sep + 3) else { return nil }
        let hour = String(c[i..<sep]), minute = String(c[(sep + 1)...(sep + 2)])
        guard let h = Int(hour), let m = Int(minute), h < 24, m < 60 else { return nil }
        return "\(hour):\(minute)"
    }

    /// Whether a token is only tick marks or their misreadings ("✓✓", "vv", "W", "//").
    static func isTicks(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy { "✓✔vVwW/\\|J¥".contains($0) } && token.count <= 3
    }

    private static let dayWords: Set<String> = [
        "vandaag", "gisteren", "today", "yesterday", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
        "zaterdag", "zondag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    private static let months: Set<String> = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
        "january", "february", "march", "may", "june", "july", "august", "october",
    ]

    /// Whether a short centred text is a day separator ("VANDAAG", "12 maart 2026",
    /// "DINSDAG 19:40", "Yesterday").
    static func isDaySeparator(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty, words.count <= 5 else { return false }
        if words.contains(where: { dayWords.contains($0) }) { return true }
        return words.contains(where: { months.contains($0) }) && words.contains(where: { $0.allSatisfy(\.isNumber) })
    }

    /// What a bubble's text says it is.
    static func kind(of text: String) -> ChatBubble.Kind {
        let lower = text.lowercased()
        if (lower.contains("bericht") && lower.contains("verwijderd")) || (lower.contains("message") && lower.contains("deleted")) {
            return .deleted
        }
        return mediaLabel(text) != nil ? .media : .message
    }

    private static let mediaWords: Set<String> = ["foto", "photo", "video", "gif", "sticker", "afbeelding", "image"]

    /// The label of a media bubble ("Foto" from "Foto", "📷 Foto" or its misreading "mai Foto"),
    /// nil for other text.
    static func mediaLabel(_ text: String) -> String? {
        let tokens = text.split(separator: " ")
        guard tokens.count <= 3, let i = tokens.prefix(2).firstIndex(where: { mediaWords.contains($0.lowercased().filter(\.isLetter)) })
        else { return nil }
        if i == 1, tokens[0].count > 3 { return nil }
        return String(tokens[i])
    }

    /// The deleted-message phrase without the icon misread before it ("OQ This message was deleted").
    static func deletedPhrase(_ text: String) -> String {
        let tokens = text.split(separator: " ")
        guard let i = tokens.firstIndex(where: { ["bericht", "message"].contains($0.lowercased()) }), i > 0 else { return text }
        return tokens[(i - 1)...].joined(separator: " ")
    }
}

import Foundation
import BewaarModel

/// What a browser or SingleFile wrote about the save itself: the page's address and, for
/// SingleFile, the save moment with the saver's own UTC offset.
struct SaveHeader: Sendable, Equatable {
    var url: String?
    var savedDate: Timestamp?
    /// `chrome-saved-from`, `singlefile`, `canonical`, `og:url`.
    var urlSource: String?
    var tool: String?

    /// Reads a comment: Chrome's `saved from url=(0046)https://…` or SingleFile's header.
    mutating func read(comment: String) {
        let t = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasPrefix("saved from url=(") {
            // The digits give the URL's length; trust the text up to the first space instead.
            if let close = t.firstIndex(of: ")") {
                let rest = t[t.index(after: close)...]
                let u = String(rest.prefix { !$0.isWhitespace })
                if !u.isEmpty && url == nil { url = u; urlSource = "chrome-saved-from"; tool = tool ?? "browser" }
            }
            return
        }
        if t.contains("SingleFile") {
            tool = "SingleFile"
            for line in t.split(whereSeparator: \.isNewline) {
                let l = line.trimmingCharacters(in: .whitespaces)
                if l.hasPrefix("url:") {
                    let u = l.dropFirst(4).trimmingCharacters(in: .whitespaces)
                    if !u.isEmpty { url = u; urlSource = "singlefile" }
                } else if l.hasPrefix("saved date:") {
                    savedDate = SaveHeader.javaScriptDate(l.dropFirst(11).trimmingCharacters(in: .whitespaces))
                }
            }
        }
    }

    /// Parses JavaScript's `Date.toString()`: `Thu Mar 14 2024 18:37:28 GMT+0100 (…)`.
    static func javaScriptDate(_ s: String) -> Timestamp? {
        let parts = s.split(separator: " ")
        guard parts.count >= 5 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let m = months.firstIndex(of: String(parts[1])), let d = Int(parts[2]), let y = Int(parts[3]) else { return nil }
        let hms = parts[4].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        var offset = 0
        if parts.count >= 6, parts[5].hasPrefix("GMT"), parts[5].count == 8 {
            let z = parts[5].dropFirst(3)
            guard let hh = Int(z.dropFirst().prefix(2)), let mm = Int(z.suffix(2)) else { return nil }
            offset = (hh * 3600 + mm * 60) * (z.first == "-" ? -1 : 1)
        }
        let days = Timestamp.days(fromCivil: y, m + 1, d)
        let local = days * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2]
        return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(local - offset)), utcOffsetSeconds: offset)
    }
}

import Foundation
import BewaarModel

/// Two exports of one chat (the victim's phone and a witness's): which records both hold and
/// what each lacks. Records match on time (to the minute, as Android writes it), author and
/// text (invisible marks ignored); repeated identical records pair up in order. Each record
/// keeps its own origin: the comparison only names indices.
public struct ExportComparison: Sendable, Equatable {
    /// A record present in both exports: its index in the first and in the second.
    public struct Link: Sendable, Equatable {
        public var first: Int
        public var second: Int
    }

    public var links: [Link]
    /// Indices of records only the first export has.
    public var onlyInFirst: [Int]
    /// Indices of records only the second export has.
    public var onlyInSecond: [Int]

    private struct Key: Hashable {
        var minute: Int64?
        var author: String?
        var text: String
    }

    private static func key(_ m: Message) -> Key {
        let minute = m.timestamp.map { Int64(floor($0.date.timeIntervalSince1970 / 60)) }
        let text = String(String.UnicodeScalarView(m.text.unicodeScalars.filter {
            !($0 == "\u{200E}" || $0 == "\u{200F}" || (0x202A...0x202E).contains($0.value) || $0 == "\u{FEFF}")
        }))
        return Key(minute: minute, author: m.author, text: text)
    }

    /// Compares the records of two exports.
    public static func compare(_ first: [Message], _ second: [Message]) -> ExportComparison {
        var waiting: [Key: [Int]] = [:]
        for (i, m) in second.enumerated() { waiting[key(m), default: []].append(i) }
        var cursor: [Key: Int] = [:]
        var links: [Link] = []
        var onlyInFirst: [Int] = []
        var used = [Bool](repeating: false, count: second.count)
        for (i, m) in first.enumerated() {
            let k = key(m)
            let n = cursor[k, default: 0]
            if let candidates = waiting[k], n < candidates.count {
                links.append(Link(first: i, second: candidates[n]))
                used[candidates[n]] = true
                cursor[k] = n + 1
            } else {
                onlyInFirst.append(i)
            }
        }
        let onlyInSecond = used.indices.filter { !used[$0] }
        return ExportComparison(links: links, onlyInFirst: onlyInFirst, onlyInSecond: onlyInSecond)
    }
}

import Foundation
import BewaarModel
import BewaarStore

/// The question a chat export can leave open: are its dates day-month or month-day? WhatsApp
/// writes dates in the phone's own style, and a chat whose days never pass 12 does not say which.
/// The importer then assumes one and warns (`date-order-ambiguous`); the mentor answers by
/// choosing between two readings of a date from the file, and the item is read again.
public struct DateOrderQuestion: Sendable, Equatable {
    /// The order the stored records were read with: `dmy`, `mdy` or `ymd`.
    public var order: String
    /// Why the importer chose it (`option` when someone confirmed it).
    public var rule: String
    /// The file itself did not settle the order.
    public var ambiguous: Bool

    /// Someone chose the order (in the page, or with `--date-order`).
    public var confirmed: Bool { rule == "option" }
    /// The mentor still has to answer.
    public var isOpen: Bool { ambiguous && !confirmed }

    /// The stored reading of `item`, or nil when its format has no date order.
    public static func of(_ item: EvidenceItem, store: CaseStore) throws -> DateOrderQuestion? {
        guard case .object(let d)? = try store.itemExtra(item.id)["dateOrder"],
              case .string(let order)? = d["order"], case .string(let rule)? = d["rule"] else { return nil }
        let ambiguous: Bool
        if case .bool(let b)? = d["ambiguous"] { ambiguous = b } else { ambiguous = false }
        return DateOrderQuestion(order: order, rule: rule, ambiguous: ambiguous)
    }

    /// What the custody event of the new reading says.
    public static func why(from before: String, to order: String) -> [String: String] {
        ["reason": "date-order-confirmed", "dateOrder": order, "dateOrderBefore": before]
    }

    /// One date as the file writes it, and the two days it can be.
    public struct Example: Sendable, Equatable {
        /// The start of the record's line as in the file, up to its time ("03/04/2026, 20:14").
        public var asWritten: String
        /// The day read day-first and month-first: (year, month, day).
        public var dayFirst: (Int, Int, Int)
        public var monthFirst: (Int, Int, Int)

        public static func == (a: Example, b: Example) -> Bool {
            a.asWritten == b.asWritten && a.dayFirst == b.dayFirst && a.monthFirst == b.monthFirst
        }
    }

    /// A record of `item` whose date reads as two different days (day and month differ), from
    /// the first records; nil when there is none.
    public func example(of item: EvidenceItem, store: CaseStore) throws -> Example? {
        guard order == "dmy" || order == "mdy" else { return nil }
        for m in try store.messages(item: item.id, limit: 5_000) {
            guard let ts = m.timestamp else { continue }
            let local = Int((ts.date.timeIntervalSince1970 + Double(ts.utcOffsetSeconds)).rounded(.down) / 86_400)
            let (y, month, day) = Timestamp.civil(fromDays: local)
            guard month != day, month <= 12, day <= 12 else { continue }
            // The two numbers as the file has them, first and second.
            let (first, second) = order == "dmy" ? (day, month) : (month, day)
            let written = try lineStart(of: m, in: item, store: store)
            return Example(asWritten: written, dayFirst: (y, second, first), monthFirst: (y, first, second))
        }
        return nil
    }

    /// The beginning of a record's line in its original, up to the separator after the time
    /// (" - " on Android, "] " on iPhone), at most 32 characters.
    private func lineStart(of m: Message, in item: EvidenceItem, store: CaseStore) throws -> String {
        var original = item
        if let part = m.origin.part {
            guard let member = try store.containedItem(of: item.id, path: part) else { return "" }
            original = member
        }
        let bytes = try store.originalBytes(original.sha256, offset: max(0, m.origin.offset), count: 64)
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.hasPrefix("\u{200E}") { text.removeFirst() }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[...close])
        } else if let dash = text.range(of: " - ") {
            text = String(text[..<dash.lowerBound])
        }
        return String(text.prefix(while: { $0 != "\n" && $0 != "\r" }).prefix(32))
    }
}

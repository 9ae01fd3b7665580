import Foundation
import GRDB
import BewaarModel

// How `marks` and `withdrawals` are read, through ``StoredRow``: a damaged row throws a
// ``StoreError`` that names it. Their times read leniently, as they always have (an unreadable
// one as the epoch): they inform, the custody log holds the record.

/// A row of `marks` (`message_id, reason, note, by, at`) as a ``Mark``.
struct MarkRow: SQLRecord, FetchableRecord {
    var value: Mark

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "marks", key: "message_id")
        value = Mark(messageID: try r("message_id"), reason: MarkReason(rawValue: try r("reason")) ?? .anders, note: try r("note"),
                     by: try r("by"), at: try r.lenientDate("at") ?? Date(timeIntervalSince1970: 0))
    }
}

/// A row of `withdrawals` as a ``Withdrawal``.
struct WithdrawalRow: SQLRecord, FetchableRecord {
    var value: Withdrawal

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "withdrawals", key: "item_id")
        value = Withdrawal(itemID: try r("item_id"), by: try r("by"), at: try r.lenientDate("at") ?? Date(timeIntervalSince1970: 0),
                           reason: try r("reason"))
    }
}

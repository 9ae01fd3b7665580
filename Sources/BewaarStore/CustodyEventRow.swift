import Foundation
import GRDB
import BewaarModel
import BewaarJSON

/// A row of `custody` as a ``CustodyEvent``.
///
/// Lenient where the chain verifier must judge: a `time` that is not an instant reads as the
/// epoch and unreadable `details` as none, so an edited event still comes back and
/// ``CaseStore/verifyChain(_:)`` reports it as changed (its hash no longer matches) instead of
/// the whole log failing to load. A column of the wrong type or a NULL throws a ``StoreError``.
struct CustodyEventRow: SQLRecord, FetchableRecord {
    var value: CustodyEvent

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "custody", key: "chain", "seq")
        var details: [String: String] = [:]
        if let parsed = try? JSONParser.parse(try r("details", as: String.self)), let o = parsed.objectValue {
            for (k, v) in o { details[k] = v.stringValue ?? v.serialized() }
        }
        value = CustodyEvent(chain: try r("chain"), sequence: try r("seq"),
                             time: Date(stored: try r.optional("time", as: String.self)) ?? Date(timeIntervalSince1970: 0),
                             actor: try r("actor"), action: CustodyAction(rawValue: try r("action")), details: details,
                             previousHash: try r("prev_hash"), hash: try r("hash"))
    }
}

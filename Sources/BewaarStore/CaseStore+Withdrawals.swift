import Foundation
import GRDB
import BewaarModel

/// An item taken back by the mentor (a wrong upload): it stays stored until the case is
/// destroyed — nothing is ever deleted from an original — but no longer shows in the timeline,
/// search or the packet's report. The withdrawal and its reason are a custody event.
public struct Withdrawal: Sendable, Hashable {
    public var itemID: Int64
    public var by: String
    public var at: Date
    public var reason: String
}

extension CustodyAction {
    public static let itemWithdrawn: CustodyAction = "item-withdrawn"
}

enum WithdrawalSchema {
    static let v8 = """
        CREATE TABLE withdrawals (
            item_id INTEGER PRIMARY KEY REFERENCES items(id),
            case_id TEXT NOT NULL REFERENCES cases(id),
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX withdrawals_case ON withdrawals(case_id);
        """
}

extension CaseStore {
    /// Withdraws an item of case `id` (and what was found inside it) with a reason (custody event
    /// `item-withdrawn`). Withdrawing it again is an error that says so.
    public func withdrawItem(_ id: CaseID, item itemID: Int64, reason: String, actor: String) throws {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw StoreError(
                .invalidValue, nl: "Geef een reden waarom het bestand wordt teruggetrokken.",
                en: "Give a reason for withdrawing the file.")
        }
        try writing { c in
            _ = try fetchCase(c, id)
            let item = try fetchCaseItem(c, id, itemID)
            guard try !Self.isWithdrawn(c, itemID) else {
                throw StoreError(.invalidValue, nl: "Dit bestand was al teruggetrokken.", en: "This file was already withdrawn.")
            }
            let at = now().stored
            // The item and everything found inside it.
            let ids = try c.fetchValues(
                """
                WITH RECURSIVE tree(id) AS (SELECT CAST(?1 AS bigint) UNION ALL SELECT i.id FROM items i JOIN tree ON i.parent_id = tree.id)
                SELECT id FROM tree
                """, [.int(itemID)], as: Int64.self)
            let ref = SQLValue.text(id.description)
            let sealedReason = try sealer.seal("withdrawals", "reason", case: ref, StoredText.bounded(why))
            for child in ids {
                try c.execute(
                    "INSERT INTO withdrawals (item_id, case_id, by, at, reason) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                    [.int(child), ref, .text(actor), .text(at), sealedReason])
            }
            try appendEvent(
                c, chain: id.description, actor: actor, action: .itemWithdrawn,
                details: [
                    "itemId": String(itemID), "name": item.name, "sha256": item.sha256.hex, "reason": why,
                    "items": String(ids.count),
                ])
        }
    }

    /// The withdrawn items of a case, by item id.
    public func withdrawals(_ id: CaseID) throws -> [Int64: Withdrawal] {
        try reading { c in
            var out: [Int64: Withdrawal] = [:]
            for row in try sealer.fetchAll(
                WithdrawalRow.self, c, table: "withdrawals", "SELECT * FROM withdrawals WHERE case_id = ?1", [.text(id.description)])
            {
                out[row.value.itemID] = row.value
            }
            return out
        }
    }

    /// An item of case `id`; an item of another case is an error that says so.
    func fetchCaseItem(_ c: any StoreConnection, _ id: CaseID, _ itemID: Int64) throws -> EvidenceItem {
        guard
            let row = try sealer.fetchOne(
                ItemRow.self, c, table: "items", "SELECT * FROM items WHERE id = ?1 AND case_id = ?2", [.int(itemID), .text(id.description)])
        else {
            throw StoreError(
                .unknownItem, nl: "Bewijsstuk \(itemID) hoort niet bij zaak \(id).",
                en: "Evidence item \(itemID) does not belong to case \(id).")
        }
        return row.value
    }

    static func isWithdrawn(_ c: any StoreConnection, _ itemID: Int64) throws -> Bool {
        try c.fetchValue("SELECT COUNT(*) FROM withdrawals WHERE item_id = ?1", [.int(itemID)], as: Int.self) ?? 0 > 0
    }
}

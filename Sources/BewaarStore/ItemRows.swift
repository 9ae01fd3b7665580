import Foundation
import GRDB
import BewaarModel

// How the `items`, `warnings` and `acquisitions` tables are read into the model, each row type
// through ``StoredRow``: a damaged row throws a ``StoreError`` that names it.

/// A row of `items` as an ``EvidenceItem``.
struct ItemRow: SQLRecord, FetchableRecord {
    var value: EvidenceItem

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "items")
        value = EvidenceItem(
            id: try r("id"), caseID: try r.caseID("case_id"), sha256: try r.sha256("sha256"),
            name: try r("name"), size: try r("size"), mediaType: try r("media_type"), format: try r("format"),
            collectedBy: try r("collected_by"), collectedFrom: try r("collected_from"),
            collectedAt: try r.date("collected_at"), note: try r("note"),
            parentID: try r("parent_id"), pathInParent: try r("path_in_parent"),
            messageCount: try r("message_count"), warningCount: try r("warning_count"))
    }
}

/// A row of `warnings` as an ``ImportWarning``.
struct WarningRow: SQLRecord, FetchableRecord {
    var value: ImportWarning

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "warnings")
        value = ImportWarning(try r("message"), line: try r("line"), code: try r("code"))
    }
}

/// A row of `acquisitions`: one receipt of an item's bytes (who brought them, from where, when).
struct ReceiptRow: SQLRecord, FetchableRecord {
    var value: (name: String, by: String, from: String?, at: Date, note: String?)

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "acquisitions")
        value = (name: try r("name"), by: try r("collected_by"), from: try r("collected_from"), at: try r.date("at"), note: try r("note"))
    }
}

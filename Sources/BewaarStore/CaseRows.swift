import Foundation
import GRDB
import BewaarModel

// How the `cases`, `people` and `handles` tables are read into the model: each row type reads
// its table's columns through ``StoredRow``, so a damaged row throws a ``StoreError`` that names it.

/// A row of `cases` as a ``Case``.
struct CaseRow: SQLRecord, FetchableRecord {
    var value: Case

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "cases")
        var closing: CaseClosing?
        if let by: String = try r.optional("closed_by") {
            let outcome = try r.optional("outcome", as: String.self).flatMap(CaseOutcome.init(rawValue:))
            closing = CaseClosing(at: try r.optionalDate("closed_at"), by: by, outcome: outcome, reason: try r.optional("close_reason") ?? "")
        }
        var hold: LegalHold?
        if let since = try r.optionalDate("hold_since") {
            hold = LegalHold(since: since, by: try r.optional("hold_by") ?? "", reason: try r.optional("hold_reason") ?? "")
        }
        let status = CaseStatus(rawValue: try r("status")) ?? .open
        let retention = try r.optionalDate("retention_until")
        value = Case(
            id: try r.caseID("id"), title: try r("title"), opened: try r.date("opened"), status: status, retentionUntil: retention,
            summary: try r("summary"), closing: closing, hold: hold)
    }
}

/// A row of `people` as a ``Person``.
package struct PersonRow: SQLRecord, FetchableRecord {
    package var value: Person

    package init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "people")
        value = Person(id: try r("id"), name: try r("name"), role: Role(rawValue: try r("role")) ?? .omstander,
                       relatedTo: try r("related_to"), group: try r("grp"))
    }
}

/// A row of `handles` as a ``Handle``.
struct HandleRow: SQLRecord, FetchableRecord {
    var value: Handle

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "handles")
        value = Handle(id: try r("id"), personID: try r("person_id"), value: try r("value"),
                       kind: HandleKind(rawValue: try r("kind")) ?? .anders, profileURL: try r("profile_url"))
    }
}

import Foundation
import BewaarModel
import BewaarStore

/// A row of `upload_links` joined with its person (`person_name`, `person_role`,
/// `person_related_to`) as an ``UploadLink``: its case number and times must read.
struct UploadLinkRow: SQLRecord {
    var value: UploadLink

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "upload_links")
        value = UploadLink(
            id: try r("id"), caseID: try r.caseID("case_id"), personID: try r("person_id"), personName: try r("person_name"),
            personRole: Role(rawValue: try r("person_role")) ?? .omstander, personRelatedTo: try r("person_related_to"),
            madeBy: try r("made_by"), madeAt: try r.date("made_at"), validUntil: try r.date("valid_until"),
            revokedBy: try r("revoked_by"), revokedAt: try r.lenientDate("revoked_at"), uploadCount: try r("upload_count"))
    }
}

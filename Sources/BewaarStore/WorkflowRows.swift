import Foundation
import GRDB
import BewaarModel

// How the workflow tables (`talks`, `escalations`, `observations`, `statements`) and `traces`
// are read into the model, each row type through ``StoredRow``: a damaged row throws a
// ``StoreError`` that names it.

/// A row of `talks` as a ``Talk``.
struct TalkRow: SQLRecord, FetchableRecord {
    var value: Talk

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "talks")
        value = Talk(id: try r("id"), date: try r("held_on"), participants: CaseStore.unlist(try r("participants")),
                     withWhom: CaseStore.unlist(try r("with_whom")), summary: try r("summary"),
                     agreements: CaseStore.unlist(try r("agreements")), followUp: try r("follow_up"),
                     recordedBy: try r("recorded_by"), recordedAt: try r.date("recorded_at"))
    }
}

/// A row of `escalations` as an ``Escalation``; its times read leniently, as they always have
/// (an unreadable `at` as the epoch, an unreadable `undone_at` as not undone). The undo columns
/// come with the accounts module's migration v5 (undoing an escalation ends the access it
/// gave): in a store opened without that module, no escalation is undone.
struct EscalationRow: SQLRecord, FetchableRecord {
    var value: Escalation

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "escalations")
        let undoable = row["undone_at"] != nil
        value = Escalation(
            id: try r("id"), to: try r("to_name"), reason: EscalationReason(rawValue: try r("reason")) ?? .anders,
            note: try r("note"), by: try r("by"), at: try r.lenientDate("at") ?? Date(timeIntervalSince1970: 0),
            undoneBy: undoable ? try r("undone_by") : nil, undoneAt: undoable ? try r.lenientDate("undone_at") : nil,
            undoReason: undoable ? try r("undo_reason") : nil)
    }
}

/// A row of `observations` as an ``Observation``.
struct ObservationRow: SQLRecord, FetchableRecord {
    var value: Observation

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "observations")
        value = Observation(id: try r("id"), kind: Observation.Kind(rawValue: try r("kind")) ?? .nietBewaard, sender: try r("sender"),
                            recipients: try r("recipients"), when: try r("seen_when"), place: try r("place"),
                            description: try r("description"), recordedBy: try r("recorded_by"), recordedAt: try r.date("recorded_at"))
    }
}

/// A row of `statements` as a ``Testimony``.
struct StatementRow: SQLRecord, FetchableRecord {
    var value: Testimony

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "statements")
        value = Testimony(id: try r("id"), kind: Testimony.Kind(rawValue: try r("kind")) ?? .getuige, person: try r("person"),
                          date: try r("given_on"), text: try r("text"), since: try r("since"), effect: try r("effect"),
                          recordedBy: try r("recorded_by"), recordedAt: try r.date("recorded_at"))
    }
}

/// A row of `traces` as a ``StoredTrace``.
struct TraceRow: SQLRecord, FetchableRecord {
    var value: StoredTrace

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "traces")
        value = StoredTrace(id: try r("id"), caseID: try r.caseID("case_id"), itemID: try r("item_id"), created: try r.date("created"),
                            actor: try r("actor"), mailName: try r("mail_name"), mailSHA256: try r("mail_sha256"),
                            originatingIP: try r("originating_ip"), certainty: try r("certainty"), conclusion: try r("conclusion"),
                            result: try r("result"), resultSHA256: try r("result_sha256"))
    }
}

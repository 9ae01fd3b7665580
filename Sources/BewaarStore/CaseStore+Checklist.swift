import Foundation
import GRDB
import BewaarModel
import BewaarJSON

/// A change to one checklist step; nil fields stay as they are.
public struct ChecklistUpdate: Sendable {
    public var status: StepStatus?
    public var note: String?
    public var fields: [String: String]

    public init(status: StepStatus? = nil, note: String? = nil, fields: [String: String] = [:]) {
        self.status = status
        self.note = note
        self.fields = fields
    }
}

extension CaseStore {
    /// The six steps of a case in order.
    public func checklist(_ id: CaseID) throws -> [ChecklistStep] {
        try read { db in
            _ = try fetchCase(db, id)
            return try sealer.fetchAll(
                ChecklistRow.self, db, table: "checklist", cached: "SELECT * FROM checklist WHERE case_id = ? ORDER BY step",
                arguments: [id.description]
            ).map(\.value)
        }
    }

    /// Changes one step: status, note and the step's own fields (validated against the step).
    /// Records who and when, and a `checklist-step-changed` event with what changed.
    @discardableResult
    public func updateStep(_ id: CaseID, step: CyberpestenStep, update: ChecklistUpdate, actor: String) throws -> ChecklistStep {
        let allowed = Set(step.fieldKeys.map(\.key))
        for key in update.fields.keys where !allowed.contains(key) {
            let list = allowed.sorted().joined(separator: ", ")
            throw StoreError(
                .invalidValue,
                nl: "Stap \(step.rawValue) kent het veld '\(key)' niet."
                    + (list.isEmpty ? " Deze stap heeft geen eigen velden." : " Velden: \(list)."),
                en: "Step \(step.rawValue) has no field '\(key)'." + (list.isEmpty ? " This step has no fields of its own." : " Fields: \(list)."))
        }
        for key in step.yesNoKeys {
            if let v = update.fields[key], !["ja", "nee"].contains(v.lowercased()) {
                throw StoreError(
                    .invalidValue, nl: "Het veld '\(key)' is 'ja' of 'nee', niet '\(v)'.",
                    en: "The field '\(key)' is 'ja' or 'nee' (yes/no), not '\(v)'.")
            }
        }
        return try write { db in
            _ = try fetchCase(db, id)
            guard
                var s = try sealer.fetchOne(
                    ChecklistRow.self, db, table: "checklist", cached: "SELECT * FROM checklist WHERE case_id = ? AND step = ?",
                    arguments: [id.description, step.rawValue])?.value
            else {
                throw StoreError.damagedRow(table: "checklist", row: "case_id \(id), step \(step.rawValue)", column: "step")
            }
            var details = ["step": String(step.rawValue)]
            if let st = update.status { s.status = st; details["status"] = st.rawValue }
            if let n = update.note { s.note = n; details["note"] = n }
            for (k, v) in update.fields {
                let value = step.yesNoKeys.contains(k) ? v.lowercased() : v
                s.fields[k] = value
                details["field." + k] = value
            }
            s.by = actor
            s.at = now()
            try db.execute(
                cached:
                    "UPDATE checklist SET status = ?, by = ?, at = ?, note = ?, fields = ? WHERE case_id = ? AND step = ?",
                arguments: [
                    s.status.rawValue, s.by, s.at?.stored, try sealer.seal("checklist", "note", case: id.description, s.note),
                    try sealer.seal("checklist", "fields", case: id.description, JSONValue.object(s.fields.mapValues(JSONValue.string)).serialized()),
                    id.description, step.rawValue,
                ])
            try appendEvent(db, chain: id.description, actor: actor, action: .checklistChanged, details: details)
            return s
        }
    }
}

import Foundation
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
        try reading { c in
            _ = try fetchCase(c, id)
            return try sealer.fetchAll(
                ChecklistRow.self, c, table: "checklist", "SELECT * FROM checklist WHERE case_id = ?1 ORDER BY step", [.text(id.description)]
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
        return try writing { c in
            _ = try fetchCase(c, id)
            guard
                var s = try sealer.fetchOne(
                    ChecklistRow.self, c, table: "checklist", "SELECT * FROM checklist WHERE case_id = ?1 AND step = ?2",
                    [.text(id.description), .int(Int64(step.rawValue))])?.value
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
            let ref = SQLValue.text(id.description)
            try c.execute(
                "UPDATE checklist SET status = ?1, by = ?2, at = ?3, note = ?4, fields = ?5 WHERE case_id = ?6 AND step = ?7",
                [
                    .text(s.status.rawValue), SQLValue(s.by), SQLValue(s.at?.stored), try sealer.seal("checklist", "note", case: ref, s.note),
                    try sealer.seal("checklist", "fields", case: ref, JSONValue.object(s.fields.mapValues(JSONValue.string)).serialized()),
                    ref, .int(Int64(step.rawValue)),
                ])
            try appendEvent(c, chain: id.description, actor: actor, action: .checklistChanged, details: details)
            return s
        }
    }
}

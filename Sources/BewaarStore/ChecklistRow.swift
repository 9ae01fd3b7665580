import Foundation
import GRDB
import BewaarModel
import BewaarJSON

/// A row of `checklist` as a ``ChecklistStep``: a step number outside the six, or a value that
/// cannot be read, throws a ``StoreError`` that names the case and step. Unreadable `fields`
/// JSON reads as no fields, as it always has.
struct ChecklistRow: SQLRecord, FetchableRecord {
    var value: ChecklistStep

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "checklist", key: "case_id", "step")
        var fields: [String: String] = [:]
        if let o = (try? JSONParser.parse(try r("fields", as: String.self)))?.objectValue {
            for (k, v) in o { fields[k] = v.stringValue }
        }
        guard let step = CyberpestenStep(rawValue: try r("step")) else { throw r.damaged("step") }
        value = ChecklistStep(step: step, status: StepStatus(rawValue: try r("status")) ?? .open,
                              by: try r("by"), at: try r.optionalDate("at"), note: try r("note"), fields: fields)
    }
}

import Foundation
import BewaarModel

/// A correction note about a person on a case (AVG art. 16): what the person says is wrong or
/// missing. The records it concerns are never changed; the note stands beside them.
public struct PersonCorrection: Hashable, Sendable {
    public var caseID: CaseID
    public var person: String
    public var text: String
    public var by: String
    public var at: Date
    /// The custody event that holds it.
    public var sequence: Int
}

extension CaseStore {
    /// Adds a correction note about `person` (who must be on case `id`): custody event
    /// `correction-noted`. Nothing else on the case changes.
    @discardableResult
    public func addCorrection(_ id: CaseID, person: String, text: String, actor: String) throws -> PersonCorrection {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            throw StoreError(.invalidValue, nl: "Een correctie heeft tekst nodig (--text).", en: "A correction needs text (--text).")
        }
        return try writing { c in
            _ = try fetchCase(c, id)
            guard
                let name = try personNamed(c, id, person)?.name
            else {
                throw StoreError(
                    .unknownPerson, nl: "\(person) staat niet bij zaak \(id). Controleer de naam met `bewaar person handles --case \(id)`.",
                    en: "\(person) is not on case \(id). Check the name with `bewaar person handles --case \(id)`.")
            }
            let e = try appendEvent(c, chain: id.description, actor: actor, action: .correctionNoted, details: ["person": name, "text": note])
            return PersonCorrection(caseID: id, person: name, text: e.details["text"] ?? note, by: e.actor, at: e.time, sequence: e.sequence)
        }
    }

    /// The correction notes about `person` on case `id`, oldest first.
    public func corrections(_ id: CaseID, person: String) throws -> [PersonCorrection] {
        try events(chain: id.description).compactMap { e in
            guard e.action == .correctionNoted, let p = e.details["person"], p.caseInsensitiveCompare(person) == .orderedSame else { return nil }
            return PersonCorrection(caseID: id, person: p, text: e.details["text"] ?? "", by: e.actor, at: e.time, sequence: e.sequence)
        }
    }

    /// Records that an access export about a person was made from case `id` (custody event
    /// `person-export-made`; `details` name the person, who asked and the files' hashes).
    public func recordPersonExport(_ id: CaseID, details: [String: String], actor: String) throws {
        try writing { c in
            _ = try fetchCase(c, id)
            try appendEvent(c, chain: id.description, actor: actor, action: .personExportMade, details: details)
        }
    }
}

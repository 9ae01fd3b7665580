import Foundation
import BewaarModel

/// An author found in the evidence that is not linked to anyone on the case yet.
public struct AuthorSuggestion: Hashable, Sendable {
    public var author: String
    public var messageCount: Int
    public var kind: HandleKind
}

extension CaseStore {
    /// Links a handle to a person on the case (custody event `handle-linked`).
    @discardableResult
    public func linkHandle(
        _ id: CaseID, person name: String, value: String, kind: HandleKind?, profileURL: String?,
        actor: String
    ) throws -> Handle {
        let v = value.trimmingCharacters(in: .whitespaces)
        guard !v.isEmpty else {
            throw StoreError(
                .invalidValue, nl: "Geef de naam, het nummer of het account met --handle.",
                en: "Give the name, number or account with --handle.")
        }
        return try writing { c in
            _ = try fetchCase(c, id)
            guard let first = try personNamed(c, id, name) else {
                throw StoreError(
                    .unknownPerson,
                    nl: "\(name) staat niet bij zaak \(id). Voeg de persoon eerst toe met `bewaar person add`.",
                    en: "\(name) is not on case \(id). Add the person first with `bewaar person add`.")
            }
            let personID = first.id
            let handle = Handle(personID: personID, value: v, kind: kind ?? HandleKind.guess(v), profileURL: profileURL)
            let ref = SQLValue.text(id.description)
            let sealedValue = try sealer.seal("handles", "value", case: ref, v)
            if let existing = try c.fetchOne("SELECT id, person_id FROM handles WHERE case_id = ?1 AND value = ?2", [ref, sealedValue]) {
                let other = try StoredRow(existing, table: "handles")("person_id", as: Int64.self)
                if other != personID {
                    throw StoreError(
                        .invalidValue, nl: "\(v) is al gekoppeld aan iemand anders op deze zaak.",
                        en: "\(v) is already linked to someone else on this case.")
                }
            }
            try c.execute(
                """
                INSERT INTO handles (case_id, person_id, value, kind, profile_url) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT(\(dialect.schoolKey)case_id, value) DO UPDATE SET kind = excluded.kind, profile_url = excluded.profile_url
                """,
                [ref, .int(personID), sealedValue, .text(handle.kind.rawValue), try sealer.seal("handles", "profile_url", case: ref, profileURL)])
            var details = ["person": first.name, "handle": v, "kind": handle.kind.rawValue]
            if let profileURL { details["profileUrl"] = profileURL }
            try appendEvent(c, chain: id.description, actor: actor, action: .handleLinked, details: details)
            return handle
        }
    }

    /// All handles on a case.
    public func handles(_ id: CaseID) throws -> [Handle] {
        try reading { c in
            try sealer.fetchAll(
                HandleRow.self, c, table: "handles", "SELECT * FROM handles WHERE case_id = ?1 ORDER BY person_id, id", [.text(id.description)]
            )
            .map(\.value)
        }
    }

    /// Authors in the evidence that no handle covers yet, most active first.
    public func unlinkedAuthors(_ id: CaseID) throws -> [AuthorSuggestion] {
        let handles = try handles(id)
        let system = dialect.records.kindCondition("m.kind", in: ["system"], first: 2)
        let authors = try reading { c in
            try c.fetch(
                """
                SELECT a.id, a.case_no, a.name AS author, COUNT(*) AS n FROM authors a JOIN messages m ON m.author_no = a.id
                WHERE a.case_no = \(CompactRecordSchema.caseNo) AND NOT (\(system.sql))
                GROUP BY a.id, a.case_no, a.name ORDER BY n DESC, a.id
                """, [.text(id.description)] + system.arguments
            ).map { found in
                let row = StoredRow(found, table: "authors")
                let author = try sealer.open(found["author"] ?? .null, case: found["case_no"] ?? .null) ?? ""
                return (author: author, n: try row("n", as: Int.self))
            }
        }
        // Most active first, then by name (the order the SQL gave when it read the names opened).
        .sorted { $0.n != $1.n ? $0.n > $1.n : Array($0.author.utf8).lexicographicallyPrecedes(Array($1.author.utf8)) }
        return authors.compactMap { row in
            let author = row.author
            if handles.contains(where: { $0.matches(author: author) }) { return nil }
            return AuthorSuggestion(author: author, messageCount: row.n, kind: HandleKind.guess(author))
        }
    }

    /// The first person on case `id` whose name is `name`, compared as `COLLATE NOCASE` does
    /// (ASCII letters without case); opened in Swift, as the names are sealed.
    func personNamed(_ c: any StoreConnection, _ id: CaseID, _ name: String) throws -> (id: Int64, name: String)? {
        for row in try c.fetch("SELECT id, case_id, name FROM people WHERE case_id = ?1 ORDER BY id", [.text(id.description)]) {
            let stored = try sealer.opened(row, table: "people")
            let found = try StoredRow(stored, table: "people")("name", as: String.self)
            if NoCase.equal(found, name) { return (try StoredRow(stored, table: "people")("id"), found) }
        }
        return nil
    }
}

import Foundation
import GRDB
import BewaarModel

extension CaseStore {
    /// Opens a new case with the next number of the current year, six open checklist steps and
    /// a `case-opened` event; the people given are added in the same transaction. A running case
    /// has no retention date: it counts from closing (``closeCase(_:outcome:reason:actor:)``).
    /// The number of a destroyed case is never given out again.
    public func openCase(title: String, actor: String, people: [Person] = []) throws -> Case {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError(
                .invalidValue, nl: "Een zaak heeft een titel nodig: geef --title op.",
                en: "A case needs a title: give --title.")
        }
        return try writing { connection in
            let opened = now()
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(secondsFromGMT: 0) ?? cal.timeZone
            let year = cal.component(.year, from: opened)
            let next = try dialect.numbering.nextNumber(year: year, in: connection)
            let id = CaseID(year: year, number: next)
            let c = Case(id: id, title: trimmed, opened: opened)
            prepareCaseKey(caseID: id.description)
            let ref = SQLValue.text(id.description)
            try connection.execute(
                "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                [
                    ref, .int(Int64(year)), .int(Int64(next)), try sealer.seal("cases", "title", case: ref, trimmed), .text(opened.stored),
                    .text(c.status.rawValue), try sealer.seal("cases", "summary", case: ref, ""),
                ])
            try addCaseKey(connection, caseID: id.description)
            try dialect.chains.makeHead(of: id.description, in: connection)
            for step in CyberpestenStep.allCases {
                try connection.execute(
                    "INSERT INTO checklist (case_id, step, status, fields) VALUES (?1, ?2, 'open', ?3)",
                    [ref, .int(Int64(step.rawValue)), try sealer.seal("checklist", "fields", case: ref, "{}")])
            }
            try appendEvent(
                connection, chain: id.description, actor: actor, action: .caseOpened, details: ["title": trimmed, "retention": "vanaf sluiten"])
            for p in people { _ = try insertPerson(connection, caseID: id, person: p, actor: actor) }
            return c
        }
    }

    /// All cases, oldest first.
    public func cases() throws -> [Case] {
        try reading { c in try sealer.fetchAll(CaseRow.self, c, table: "cases", "SELECT * FROM cases ORDER BY year, number").map(\.value) }
    }

    /// One case, or an error naming the id.
    public func `case`(_ id: CaseID) throws -> Case {
        try reading { c in try fetchCase(c, id) }
    }

    /// Case `id`, read in the caller's transaction; an error naming it when it is not in the store
    /// (or was destroyed).
    package func fetchCase(_ connection: any StoreConnection, _ id: CaseID) throws -> Case {
        guard let row = try sealer.fetchOne(CaseRow.self, connection, table: "cases", "SELECT * FROM cases WHERE id = ?1", [.text(id.description)])
        else {
            if let destroyed = try DestructionRecord.fetch(connection, caseID: id) { throw StoreError.destroyedCase(destroyed) }
            throw StoreError.unknownCase(id.description)
        }
        return row.value
    }

    /// ``fetchCase(_:_:)`` for code still on GRDB.
    package func fetchCase(_ db: Database, _ id: CaseID) throws -> Case {
        try fetchCase(SQLiteStoreConnection(db), id)
    }

    /// Sets the mentor's summary of what happened.
    public func setSummary(_ id: CaseID, summary: String, actor: String) throws {
        try writing { c in
            _ = try fetchCase(c, id)
            let ref = SQLValue.text(id.description)
            try c.execute("UPDATE cases SET summary = ?1 WHERE id = ?2", [try sealer.seal("cases", "summary", case: ref, summary), ref])
            try appendEvent(c, chain: id.description, actor: actor, action: .caseEdited, details: ["summary": summary])
        }
    }

    /// The last event of each case's chain (for lists).
    public func lastEvent(_ id: CaseID) throws -> CustodyEvent? {
        try reading { c in
            try sealer.fetchOne(
                CustodyEventRow.self, c, table: "custody", "SELECT * FROM custody WHERE chain = ?1 ORDER BY seq DESC LIMIT 1", [.text(id.description)]
            )?.value
        }
    }

    // MARK: People

    /// Adds a person to a case (custody event `person-added`).
    @discardableResult
    public func addPerson(_ person: Person, to id: CaseID, actor: String) throws -> Person {
        try writing { c in
            _ = try fetchCase(c, id)
            return try insertPerson(c, caseID: id, person: person, actor: actor)
        }
    }

    func insertPerson(_ c: any StoreConnection, caseID: CaseID, person: Person, actor: String) throws -> Person {
        let name = person.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw StoreError(.invalidValue, nl: "Een persoon heeft een naam nodig.", en: "A person needs a name.")
        }
        let ref = SQLValue.text(caseID.description)
        var p = person
        p.name = name
        p.id = try c.insertedID(
            "INSERT INTO people (case_id, name, role, related_to, grp) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            [
                ref, try sealer.seal("people", "name", case: ref, name), .text(person.role.rawValue),
                try sealer.seal("people", "related_to", case: ref, person.relatedTo), SQLValue(person.group),
            ])
        var details = ["name": name, "role": person.role.rawValue]
        if let r = person.relatedTo { details["relatedTo"] = r }
        if let g = person.group { details["group"] = g }
        try appendEvent(c, chain: caseID.description, actor: actor, action: .personAdded, details: details)
        return p
    }

    /// Changes a person's role, "belongs to" and class (custody event `person-changed` with the old
    /// and new values). The name stays: handles and statements refer to it.
    public func updatePerson(_ id: CaseID, person personID: Int64, role: Role, relatedTo: String?, group: String?, actor: String) throws {
        try writing { c in
            _ = try fetchCase(c, id)
            let ref = SQLValue.text(id.description)
            guard
                let found = try c.fetchOne("SELECT * FROM people WHERE id = ?1 AND case_id = ?2", [.int(personID), ref])
                    .map({ try sealer.opened($0, table: "people") })
            else {
                throw StoreError(.unknownPerson, nl: "Deze persoon staat niet bij zaak \(id).", en: "This person is not on case \(id).")
            }
            let row = StoredRow(found, table: "people")
            let name = try row("name", as: String.self)
            let previousRole = try row("role", as: String.self)
            try c.execute(
                "UPDATE people SET role = ?1, related_to = ?2, grp = ?3 WHERE id = ?4",
                [.text(role.rawValue), try sealer.seal("people", "related_to", case: ref, relatedTo), SQLValue(group), .int(personID)])
            var details = ["personId": String(personID), "name": name, "role": role.rawValue, "previousRole": previousRole]
            details["relatedTo"] = relatedTo ?? ""
            details["group"] = group ?? ""
            try appendEvent(c, chain: id.description, actor: actor, action: "person-changed", details: details)
        }
    }

    /// The people on a case, in the order they were added.
    public func people(_ id: CaseID) throws -> [Person] {
        try reading { c in
            try sealer.fetchAll(PersonRow.self, c, table: "people", "SELECT * FROM people WHERE case_id = ?1 ORDER BY id", [.text(id.description)])
                .map(\.value)
        }
    }
}

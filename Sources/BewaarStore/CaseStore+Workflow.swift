import Foundation
import BewaarModel
import BewaarJSON

extension CaseStore {
    // MARK: Talks and agreements

    /// Records a talk and its agreements (custody event `talk-recorded`).
    @discardableResult
    public func addTalk(_ talk: Talk, to id: CaseID) throws -> Talk {
        // The follow-up may be a day (a date picker) or free text ("na de kerstvakantie").
        guard Self.isDay(talk.date) else {
            throw StoreError(
                .invalidValue, nl: "Schrijf een datum als jjjj-mm-dd, bijvoorbeeld 2026-03-05.",
                en: "Write a date as yyyy-mm-dd, for example 2026-03-05.")
        }
        return try writing { c in
            _ = try fetchCase(c, id)
            var t = talk
            t.recordedAt = now()
            func seal(_ column: String, _ text: String?) throws -> SQLValue {
                try sealer.seal("talks", column, case: .text(id.description), text)
            }
            let talkID = try c.insertedID(
                """
                INSERT INTO talks (case_id, held_on, participants, with_whom, summary, agreements, follow_up, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id
                """,
                [
                    .text(id.description), .text(t.date), try seal("participants", Self.list(t.participants)),
                    try seal("with_whom", Self.list(t.withWhom)), try seal("summary", t.summary), try seal("agreements", Self.list(t.agreements)),
                    try seal("follow_up", t.followUp), .text(t.recordedBy), .text(t.recordedAt.stored),
                ])
            t.id = talkID
            var details = [
                "talkId": String(talkID), "date": t.date, "withWhom": t.withWhom.joined(separator: ", "),
                "agreements": String(t.agreements.count),
            ]
            if let f = t.followUp { details["followUp"] = f }
            try appendEvent(c, chain: id.description, actor: t.recordedBy, action: .talkRecorded, details: details)
            return t
        }
    }

    /// The talks of a case, by date.
    public func talks(_ id: CaseID) throws -> [Talk] {
        try reading { c in
            try sealer.fetchAll(
                TalkRow.self, c, table: "talks", "SELECT * FROM talks WHERE case_id = ?1 ORDER BY held_on, id", [.text(id.description)]
            )
            .map(\.value)
        }
    }

    // MARK: Escalation

    /// Records an escalation in the caller's transaction: the afdelingsleider `name` gets the case
    /// (status `geescaleerd`, added to the people — the mentor stays on it) and custody event
    /// `case-escalated`. What the escalation grants (an account's access to the case) is the
    /// accounts module's: its `escalate` calls this and links the account in the same transaction.
    package func recordEscalation(
        _ c: any StoreConnection, _ id: CaseID, to name: String, reason: EscalationReason, note: String?, actor: String
    ) throws -> Escalation {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw StoreError(.invalidValue, nl: "Noem de afdelingsleider met --to.", en: "Name the department head with --to.")
        }
        _ = try fetchCase(c, id)
        let at = now()
        let escalationID = try c.insertedID(
            "INSERT INTO escalations (case_id, to_name, reason, note, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            [
                .text(id.description), .text(trimmed), .text(reason.rawValue),
                try sealer.seal("escalations", "note", case: .text(id.description), note), .text(actor), .text(at.stored),
            ])
        try c.execute("UPDATE cases SET status = ?1 WHERE id = ?2", [.text(CaseStatus.escalated.rawValue), .text(id.description)])
        let present =
            try c.fetchValue(
                "SELECT COUNT(*) FROM people WHERE case_id = ?1 AND name = ?2 AND role = ?3",
                [
                    .text(id.description), try sealer.seal("people", "name", case: .text(id.description), trimmed),
                    .text(Role.afdelingsleider.rawValue),
                ], as: Int.self) ?? 0
        var details = ["to": trimmed, "reason": reason.rawValue, "escalationId": String(escalationID)]
        if let note { details["note"] = note }
        try appendEvent(c, chain: id.description, actor: actor, action: .caseEscalated, details: details)
        if present == 0 {
            _ = try insertPerson(c, caseID: id, person: Person(name: trimmed, role: .afdelingsleider), actor: actor)
        }
        return Escalation(id: escalationID, to: trimmed, reason: reason, note: note, by: actor, at: at)
    }

    /// The escalations of a case, oldest first (undone ones too, marked as such).
    public func escalations(_ id: CaseID) throws -> [Escalation] {
        try reading { c in
            try sealer.fetchAll(
                EscalationRow.self, c, table: "escalations", "SELECT * FROM escalations WHERE case_id = ?1 ORDER BY id", [.text(id.description)]
            )
            .map(\.value)
        }
    }

    // MARK: Observations and statements

    /// Records something without an original (custody event `observation-recorded`).
    @discardableResult
    public func addObservation(_ o: Observation, to id: CaseID) throws -> Observation {
        guard !o.description.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError(
                .invalidValue, nl: "Geef een neutrale beschrijving met --description.",
                en: "Give a neutral description with --description.")
        }
        return try writing { c in
            _ = try fetchCase(c, id)
            var r = o
            r.recordedAt = now()
            func seal(_ column: String, _ text: String?) throws -> SQLValue {
                try sealer.seal("observations", column, case: .text(id.description), text)
            }
            let observationID = try c.insertedID(
                """
                INSERT INTO observations (case_id, kind, sender, recipients, seen_when, place, description, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id
                """,
                [
                    .text(id.description), .text(r.kind.rawValue), try seal("sender", r.sender), try seal("recipients", r.recipients),
                    try seal("seen_when", r.when), try seal("place", r.place), try seal("description", r.description),
                    .text(r.recordedBy), .text(r.recordedAt.stored),
                ])
            r.id = observationID
            var details = ["observationId": String(observationID), "kind": r.kind.rawValue, "description": r.description]
            for (k, v) in [("sender", r.sender), ("recipients", r.recipients), ("when", r.when), ("place", r.place)] {
                if let v { details[k] = v }
            }
            try appendEvent(c, chain: id.description, actor: r.recordedBy, action: .observationRecorded, details: details)
            return r
        }
    }

    public func observations(_ id: CaseID) throws -> [Observation] {
        try reading { c in
            try sealer.fetchAll(
                ObservationRow.self, c, table: "observations", "SELECT * FROM observations WHERE case_id = ?1 ORDER BY id", [.text(id.description)]
            )
            .map(\.value)
        }
    }

    /// Records a statement (custody event `statement-recorded` with the text's hash).
    @discardableResult
    public func addStatement(_ s: Testimony, to id: CaseID) throws -> Testimony {
        guard Self.isDay(s.date) else {
            throw StoreError(.invalidValue, nl: "Schrijf een datum als jjjj-mm-dd.", en: "Write a date as yyyy-mm-dd.")
        }
        guard !s.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(.invalidValue, nl: "Een verklaring heeft tekst nodig (--text).", en: "A statement needs text (--text).")
        }
        return try writing { c in
            _ = try fetchCase(c, id)
            var r = s
            r.recordedAt = now()
            func seal(_ column: String, _ text: String?) throws -> SQLValue {
                try sealer.seal("statements", column, case: .text(id.description), text)
            }
            let statementID = try c.insertedID(
                """
                INSERT INTO statements (case_id, kind, person, given_on, text, since, effect, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id
                """,
                [
                    .text(id.description), .text(r.kind.rawValue), try seal("person", r.person), .text(r.date), try seal("text", r.text),
                    try seal("since", r.since), try seal("effect", r.effect), .text(r.recordedBy), .text(r.recordedAt.stored),
                ])
            r.id = statementID
            try appendEvent(
                c, chain: id.description, actor: r.recordedBy, action: .statementRecorded,
                details: [
                    "statementId": String(statementID), "kind": r.kind.rawValue, "person": r.person, "date": r.date,
                    "textSha256": BewaarDigestBridge.sha256(r.text),
                ])
            return r
        }
    }

    public func statements(_ id: CaseID) throws -> [Testimony] {
        try reading { c in
            try sealer.fetchAll(
                StatementRow.self, c, table: "statements", "SELECT * FROM statements WHERE case_id = ?1 ORDER BY given_on, id",
                [.text(id.description)]
            )
            .map(\.value)
        }
    }

    /// Records that a packet was made (custody event `packet-made`).
    public func recordPacket(_ id: CaseID, details: [String: String], actor: String) throws {
        try writing { c in
            _ = try fetchCase(c, id)
            try appendEvent(c, chain: id.description, actor: actor, action: .packetMade, details: details)
        }
    }

    // MARK: helpers

    static func isDay(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
            let m = Int(p[1]), let d = Int(p[2]), Int(p[0]) != nil
        else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }

    static func list(_ items: [String]) -> String { JSONValue.array(items.map(JSONValue.string)).serialized() }

    static func unlist(_ text: String) -> [String] {
        ((try? JSONParser.parse(text))?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

import BewaarDigest

enum BewaarDigestBridge {
    static func sha256(_ text: String) -> String { StreamingSHA256.digest(utf8: text).hex }
}

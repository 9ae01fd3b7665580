import Foundation
import BewaarModel

/// Marks on records: a record is marked with a reason, the mark can be changed or removed, and
/// each of these is a custody event that names the record's bytes in its original. Nothing is
/// replaced silently: a change keeps the previous reason and note in its event.
extension CaseStore {
    /// Marks a record as relevant with a reason (custody event `entry-marked`). A record that is
    /// already marked gets its mark changed instead (``changeMark(_:messageID:reason:note:actor:)``).
    @discardableResult
    public func mark(_ id: CaseID, messageID: Int64, reason: MarkReason, note: String?, actor: String) throws -> Mark {
        try writing { c in
            let origin = try markedRecord(c, id, messageID)
            if let existing = try fetchMark(c, messageID) {
                return try changeMark(c, id, origin, existing, reason: reason, note: note, actor: actor)
            }
            let at = now()
            try c.execute(
                "INSERT INTO marks (message_id, case_id, reason, note, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                [
                    .int(messageID), .text(id.description), .text(reason.rawValue),
                    try sealer.seal("marks", "note", case: .text(id.description), note), .text(actor), .text(at.stored),
                ])
            var details = origin.details
            details["reason"] = reason.rawValue
            if let note { details["note"] = note }
            try appendEvent(c, chain: id.description, actor: actor, action: .entryMarked, details: details)
            return Mark(messageID: messageID, reason: reason, note: note, by: actor, at: at)
        }
    }

    /// Changes the reason or note of a mark (custody event `mark-changed`, with the previous
    /// reason and note). The same reason and note again change nothing and log nothing.
    @discardableResult
    public func changeMark(_ id: CaseID, messageID: Int64, reason: MarkReason, note: String?, actor: String) throws -> Mark {
        try writing { c in
            let origin = try markedRecord(c, id, messageID)
            guard let existing = try fetchMark(c, messageID) else { throw Self.notMarked(id, messageID) }
            return try changeMark(c, id, origin, existing, reason: reason, note: note, actor: actor)
        }
    }

    /// Removes a mark (custody event `mark-removed`, with the reason it had and why it was removed).
    public func removeMark(_ id: CaseID, messageID: Int64, why: String?, actor: String) throws {
        try writing { c in
            let origin = try markedRecord(c, id, messageID)
            guard let existing = try fetchMark(c, messageID) else { throw Self.notMarked(id, messageID) }
            try c.execute("DELETE FROM marks WHERE message_id = ?1", [.int(messageID)])
            var details = origin.details
            details["previousReason"] = existing.reason.rawValue
            if let note = existing.note { details["previousNote"] = note }
            if let why { details["why"] = why }
            try appendEvent(c, chain: id.description, actor: actor, action: .markRemoved, details: details)
        }
    }

    /// The mark of a record, if it has one.
    public func mark(of messageID: Int64) throws -> Mark? {
        try reading { c in try fetchMark(c, messageID) }
    }

    private func changeMark(
        _ c: any StoreConnection, _ id: CaseID, _ origin: MarkedRecord, _ existing: Mark, reason: MarkReason, note: String?,
        actor: String
    ) throws -> Mark {
        if existing.reason == reason && existing.note == note { return existing }
        let at = now()
        try c.execute(
            "UPDATE marks SET reason = ?1, note = ?2, by = ?3, at = ?4 WHERE message_id = ?5",
            [
                .text(reason.rawValue), try sealer.seal("marks", "note", case: .text(id.description), note), .text(actor), .text(at.stored),
                .int(existing.messageID),
            ])
        var details = origin.details
        details["reason"] = reason.rawValue
        details["previousReason"] = existing.reason.rawValue
        if let note { details["note"] = note }
        if let previous = existing.note { details["previousNote"] = previous }
        try appendEvent(c, chain: id.description, actor: actor, action: .markChanged, details: details)
        return Mark(messageID: existing.messageID, reason: reason, note: note, by: actor, at: at)
    }

    /// Where a marked record's bytes are: what every mark event names.
    private struct MarkedRecord {
        var details: [String: String]
    }

    private func markedRecord(_ c: any StoreConnection, _ id: CaseID, _ messageID: Int64) throws -> MarkedRecord {
        _ = try fetchCase(c, id)
        guard
            let found = try c.fetchOne(
                """
                SELECT m.id, m.origin_offset, m.origin_length, i.sha256 FROM messages m JOIN items i ON i.id = m.item_id
                WHERE m.id = ?1 AND m.case_no = \(CompactRecordSchema.caseNo)
                """, [.int(messageID), .text(id.description)])
        else {
            throw StoreError(
                .invalidValue, nl: "Bericht \(messageID) hoort niet bij zaak \(id). `bewaar timeline` toont de nummers.",
                en: "Message \(messageID) is not part of case \(id). `bewaar timeline` shows the numbers.")
        }
        let row = StoredRow(found, table: "messages")
        return MarkedRecord(details: [
            "messageId": String(messageID), "itemSha256": try row("sha256", as: String.self),
            "originOffset": String(try row("origin_offset", as: Int64.self)),
            "originLength": String(try row("origin_length", as: Int64.self)),
        ])
    }

    private func fetchMark(_ c: any StoreConnection, _ messageID: Int64) throws -> Mark? {
        try sealer.fetchOne(
            MarkRow.self, c, table: "marks", "SELECT message_id, case_id, reason, note, by, at FROM marks WHERE message_id = ?1", [.int(messageID)]
        )?.value
    }

    private static func notMarked(_ id: CaseID, _ messageID: Int64) -> StoreError {
        StoreError(
            .invalidValue, nl: "Bericht \(messageID) van zaak \(id) is niet gemarkeerd.",
            en: "Message \(messageID) of case \(id) is not marked.")
    }
}

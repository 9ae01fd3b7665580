import Foundation
import GRDB
import BewaarModel
import BewaarJSON
import BewaarDigest

extension CaseStore {
    /// The top-level item in `id` with these bytes, if any.
    public func existingItem(in id: CaseID, sha256: SHA256Digest) throws -> EvidenceItem? {
        try reading { c in try fetchTopItem(c, id, sha256) }
    }

    func fetchTopItem(_ c: any StoreConnection, _ id: CaseID, _ sha: SHA256Digest) throws -> EvidenceItem? {
        try sealer.fetchOne(
            ItemRow.self, c, table: "items", "SELECT * FROM items WHERE case_id = ?1 AND sha256 = ?2 AND parent_id IS NULL ORDER BY id LIMIT 1",
            [.text(id.description), .text(sha.hex)])?.value
    }

    /// Records an ingest in one transaction: the item, the files it contains, its records and
    /// warnings, the receipt and the custody event all land together, or nothing does. The
    /// bytes must already be in the object store. Bytes the case already holds are linked to
    /// the existing item (a new receipt and an `item-reingested` event), not stored twice.
    public func recordIngest(_ e: NewEvidence, in id: CaseID) throws -> IngestOutcome {
        try recordIngest(e, in: id) { records in
            for m in e.messages { try records.add(m) }
            return ReadEvidence(format: e.format, mediaType: e.mediaType, warnings: e.warnings, contained: e.contained, extra: e.extra)
        }
    }

    /// Records an ingest whose records are read while it is recorded: `reading` is called inside
    /// the transaction, after the item is written, hands each record to the ``RecordWriter`` as
    /// soon as it is read, and returns the rest of what was read. `e` gives the original's facts
    /// (its `messages`, `warnings`, `contained` and `extra` are not used; its `format` and
    /// `mediaType` stand until `reading` returns). Everything lands together or nothing does, as
    /// with ``recordIngest(_:in:)``; when the case already holds the bytes, `reading` is not called.
    public func recordIngest(_ e: NewEvidence, in id: CaseID, reading: (RecordWriter) throws -> ReadEvidence) throws -> IngestOutcome {
        guard objects.contains(e.sha256) else {
            throw StoreError(
                .writeFailed, nl: "Het origineel staat niet in de opslag; er is niets vastgelegd.",
                en: "The original is not in the store; nothing was recorded.")
        }
        let (outcome, records, stored): (IngestOutcome, Int, [SHA256Digest])
        do {
            (outcome, records, stored) = try recordIngestTransaction(e, in: id, reading: reading)
        } catch {
            // Nothing was recorded: the original's key (if this process placed it) is let go, and
            // its copy is one that the next writer of these bytes replaces.
            objects.keys.settle([e.sha256])
            throw error
        }
        objects.keys.settle(stored)
        try dialect.maintenance.tidy(afterIngesting: records)
        return outcome
    }

    private func recordIngestTransaction(
        _ e: NewEvidence, in id: CaseID,
        reading: (RecordWriter) throws -> ReadEvidence
    ) throws -> (IngestOutcome, Int, [SHA256Digest]) {
        try writing { c in
            _ = try fetchCase(c, id)
            let at = now()
            let caseID = SQLValue.text(id.description)
            func seal(_ column: String, _ text: String?) throws -> SQLValue {
                try sealer.seal("items", column, case: caseID, text)
            }
            if let existing = try fetchTopItem(c, id, e.sha256) {
                try insertReceipt(c, id, itemID: existing.id, e.name, e.collectedBy, e.collectedFrom, at, e.note)
                var details = ["itemId": String(existing.id), "sha256": e.sha256.hex, "name": e.name]
                if let from = e.collectedFrom { details["collectedFrom"] = from }
                try appendEvent(c, chain: id.description, actor: e.collectedBy, action: .itemReingested, details: details)
                try faultBeforeCommit?()
                return (.alreadyPresent(existing), 0, [e.sha256])
            }
            let itemID = try c.insertedID(
                """
                INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_from,
                                   collected_at, note, message_count, warning_count, extra)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, ?11) RETURNING id
                """,
                [
                    caseID, .text(e.sha256.hex), try seal("name", e.name), .int(e.size), .text(e.mediaType), .text(e.format),
                    .text(e.collectedBy), try seal("collected_from", e.collectedFrom), .text(at.stored), try seal("note", e.note),
                    try seal("extra", "{}"),
                ])
            try insertReceipt(c, id, itemID: itemID, e.name, e.collectedBy, e.collectedFrom, at, e.note)
            let writer = try RecordWriter(
                c, storage: dialect.records, itemID: itemID, caseNo: try caseNumber(c, id), key: caseKey(id))
            let read = try reading(writer)
            try writer.finish()
            try c.execute(
                "UPDATE items SET media_type = ?1, format = ?2, message_count = ?3, warning_count = ?4, extra = ?5 WHERE id = ?6",
                [
                    .text(read.mediaType), .text(read.format), SQLValue(writer.count), SQLValue(read.warnings.count),
                    try seal("extra", JSONValue.object(read.extra).serialized()), .int(itemID),
                ])
            for contained in read.contained {
                try c.execute(
                    """
                    INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_from,
                                       collected_at, note, parent_id, path_in_parent, extra)
                    VALUES (?1, ?2, ?3, ?4, ?5, 'contained', ?6, ?7, ?8, NULL, ?9, ?10, ?11)
                    """,
                    [
                        caseID, .text(contained.sha256.hex), try seal("name", contained.name), .int(contained.size),
                        .text(contained.mediaType), .text(e.collectedBy), try seal("collected_from", e.collectedFrom), .text(at.stored),
                        .int(itemID), try seal("path_in_parent", contained.pathInParent), try seal("extra", "{}"),
                    ])
            }
            try insertWarnings(c, id, itemID: itemID, read.warnings)
            var details = [
                "itemId": String(itemID), "sha256": e.sha256.hex, "name": e.name, "size": String(e.size),
                "format": read.format, "messages": String(writer.count), "warnings": String(read.warnings.count),
            ]
            if let from = e.collectedFrom { details["collectedFrom"] = from }
            if let note = e.note { details["note"] = note }
            if !read.contained.isEmpty {
                details["contained"] = String(read.contained.count)
                let listing = read.contained.map { "\($0.sha256.hex)  \($0.pathInParent)\n" }.joined()
                details["containedDigest"] = StreamingSHA256.digest(utf8: listing).hex
            }
            try appendEvent(c, chain: id.description, actor: e.collectedBy, action: .itemIngested, details: details)
            // In an encrypted store the case now holds these originals' keys.
            let stored = [e.sha256] + read.contained.map(\.sha256)
            try objects.keys.record(c, caseID: id.description, stored)
            // The worst moment for a crash: everything written, nothing committed.
            try faultBeforeCommit?()
            guard let item = try sealer.fetchOne(ItemRow.self, c, table: "items", "SELECT * FROM items WHERE id = ?1", [.int(itemID)])?.value
            else {
                throw StoreError(
                    .writeFailed, nl: "Het zojuist vastgelegde bewijsstuk \(itemID) is niet terug te lezen; er is niets vastgelegd.",
                    en: "The evidence item \(itemID) just recorded cannot be read back; nothing was recorded.")
            }
            return (.stored(item), writer.count, stored)
        }
    }

    /// The number of case `id` (`cases.no`), which its records carry.
    func caseNumber(_ c: any StoreConnection, _ id: CaseID) throws -> Int64 {
        guard let no = try c.fetchValue("SELECT no FROM cases WHERE id = ?1", [.text(id.description)], as: Int64.self) else {
            throw StoreError.unknownCase(id.description)
        }
        return no
    }

    /// Inserts an item's warnings (its reading's), their messages sealed.
    func insertWarnings(_ c: any StoreConnection, _ id: CaseID, itemID: Int64, _ warnings: [ImportWarning]) throws {
        for w in warnings {
            try c.execute(
                "INSERT INTO warnings (item_id, message, line, code) VALUES (?1, ?2, ?3, ?4)",
                [
                    .int(itemID), try sealer.seal("warnings", "message", case: .text(id.description), w.message),
                    w.line.map { SQLValue($0) } ?? .null, SQLValue(w.code),
                ])
        }
    }

    private func insertReceipt(
        _ c: any StoreConnection, _ id: CaseID, itemID: Int64, _ name: String, _ by: String, _ from: String?, _ at: Date,
        _ note: String?
    ) throws {
        func seal(_ column: String, _ text: String?) throws -> SQLValue {
            try sealer.seal("acquisitions", column, case: .text(id.description), text)
        }
        try c.execute(
            """
            INSERT INTO acquisitions (item_id, name, collected_by, collected_from, at, note)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6 FROM items WHERE id = ?1
            """,
            [.int(itemID), try seal("name", name), .text(by), try seal("collected_from", from), .text(at.stored), try seal("note", note)])
    }

    /// Every item of a case (top-level and contained), in ingest order.
    public func items(_ id: CaseID) throws -> [EvidenceItem] {
        try reading { c in
            _ = try fetchCase(c, id)
            return try sealer.fetchAll(ItemRow.self, c, table: "items", "SELECT * FROM items WHERE case_id = ?1 ORDER BY id", [.text(id.description)])
                .map(\.value)
        }
    }

    /// One item by id.
    public func item(_ itemID: Int64) throws -> EvidenceItem {
        guard
            let item = try reading({ c in
                try sealer.fetchOne(ItemRow.self, c, table: "items", "SELECT * FROM items WHERE id = ?1", [.int(itemID)])?.value
            })
        else {
            throw StoreError(.unknownItem, nl: "Bewijsstuk \(itemID) bestaat niet.", en: "Evidence item \(itemID) does not exist.")
        }
        return item
    }

    /// The importer's format-level fields for an item.
    public func itemExtra(_ itemID: Int64) throws -> [String: JSONValue] {
        try reading { c in
            let row = try c.fetchOne("SELECT case_id, extra FROM items WHERE id = ?1", [.int(itemID)])
            let text = try row.flatMap { try sealer.open($0["extra"] ?? .null, case: $0["case_id"] ?? .null) } ?? "{}"
            return (try? JSONParser.parse(text))?.objectValue ?? [:]
        }
    }

    /// The records of an item, in the order the importer gave them.
    public func messages(item itemID: Int64, limit: Int? = nil) throws -> [Message] {
        try reading { c in
            var out: [Message] = []
            try dialect.records.forEachMessage(item: itemID, limit: limit, sealer: sealer, key: { try itemCaseKey(c, itemID) }, in: c) {
                out.append($0)
            }
            return out
        }
    }

    /// Each record of an item as its compact JSON (`Message.json` serialised), in the importer's
    /// order, written from its columns without a ``Message`` in between: for writers that copy
    /// records out (bundles). One record is in memory at a time.
    public func forEachRecordJSON(item itemID: Int64, _ body: (String) throws -> Void) throws {
        try forEachRecordJSON(item: itemID, bytes: { try body(String(decoding: $0, as: UTF8.self)) })
    }

    /// ``forEachRecordJSON(item:_:)`` as UTF-8 bytes; the buffer is only valid during the call.
    public func forEachRecordJSON(item itemID: Int64, bytes body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try reading { c in
            try dialect.records.forEachRecordJSON(item: itemID, sealer: sealer, key: { try itemCaseKey(c, itemID) }, in: c, body)
        }
    }

    /// The key of the case that holds item `itemID` (nil in a plain store, or for no such item).
    private func itemCaseKey(_ c: any StoreConnection, _ itemID: Int64) throws -> CaseKey? {
        guard let text = try c.fetchValue("SELECT case_id FROM items WHERE id = ?1", [.int(itemID)], as: String.self), let id = CaseID(text)
        else { return nil }
        return try caseKey(id)
    }

    /// The warnings of an item.
    public func warnings(item itemID: Int64) throws -> [ImportWarning] {
        try reading { c in
            try sealer.fetchAll(
                WarningRow.self, c, table: "warnings",
                "SELECT w.message, w.line, w.code, i.case_id FROM warnings w JOIN items i ON i.id = w.item_id WHERE w.item_id = ?1 ORDER BY w.id",
                [.int(itemID)]
            ).map(\.value)
        }
    }

    /// Every receipt of an item (each time its bytes were brought in).
    public func receipts(item itemID: Int64) throws -> [(name: String, by: String, from: String?, at: Date, note: String?)] {
        try reading { c in
            try sealer.fetchAll(
                ReceiptRow.self, c, table: "acquisitions",
                "SELECT a.*, i.case_id FROM acquisitions a JOIN items i ON i.id = a.item_id WHERE a.item_id = ?1 ORDER BY a.id", [.int(itemID)]
            ).map(\.value)
        }
    }
}

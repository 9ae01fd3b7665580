import Foundation
import GRDB
import BewaarModel
import BewaarJSON
import BewaarDigest

extension CustodyAction {
    /// A sender trace was run and its result stored on the case.
    public static let traceRecorded: CustodyAction = "trace-recorded"
}

/// A sender trace stored on a case: the full result JSON and its hash, the mail it concerns.
public struct StoredTrace: Sendable, Hashable {
    public var id: Int64
    public var caseID: CaseID
    /// The evidence item traced, when the mail was given as an item of the case.
    public var itemID: Int64?
    public var created: Date
    public var actor: String
    public var mailName: String
    public var mailSHA256: String
    public var originatingIP: String?
    public var certainty: String
    public var conclusion: String
    /// The result as JSON (`bewaar trace --json`).
    public var result: String
    public var resultSHA256: String
}

/// A trace to record (what `recordTrace` needs).
public struct NewTrace: Sendable {
    public var itemID: Int64?
    public var mailName: String
    public var mailSHA256: String
    public var originatingIP: String?
    public var certainty: String
    public var conclusion: String
    public var result: String

    public init(
        itemID: Int64?, mailName: String, mailSHA256: String, originatingIP: String?, certainty: String,
        conclusion: String, result: String
    ) {
        self.itemID = itemID
        self.mailName = mailName
        self.mailSHA256 = mailSHA256
        self.originatingIP = originatingIP
        self.certainty = certainty
        self.conclusion = conclusion
        self.result = result
    }
}

extension Schema {
    /// The `traces` table (added after the shipped v1 migration).
    static func registerTraceMigrations(_ m: inout DatabaseMigrator) {
        m.registerMigration("v3-traces") { db in
            try db.execute(
                sql: """
                    CREATE TABLE traces (
                        id INTEGER PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES cases(id),
                        item_id INTEGER REFERENCES items(id),
                        created TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        mail_name TEXT NOT NULL,
                        mail_sha256 TEXT NOT NULL,
                        originating_ip TEXT,
                        certainty TEXT NOT NULL,
                        conclusion TEXT NOT NULL,
                        result TEXT NOT NULL,
                        result_sha256 TEXT NOT NULL
                    );
                    CREATE INDEX traces_case ON traces(case_id);
                    """)
        }
    }
}

extension CaseStore {
    /// Stores a trace result on a case in one transaction: the `traces` row, a `trace-recorded`
    /// custody event carrying the result's SHA-256, and checklist step 3's `trace` and `result`
    /// fields pointing to it (with a `checklist-step-changed` event).
    @discardableResult
    public func recordTrace(_ t: NewTrace, in id: CaseID, actor: String) throws -> StoredTrace {
        try writing { c in
            _ = try fetchCase(c, id)
            let ref = SQLValue.text(id.description)
            if let item = t.itemID {
                guard try c.fetchValue("SELECT 1 FROM items WHERE id = ?1 AND case_id = ?2", [.int(item), ref], as: Int.self) != nil
                else {
                    throw StoreError(
                        .unknownItem, nl: "Bewijsstuk \(item) hoort niet bij zaak \(id).",
                        en: "Evidence item \(item) does not belong to case \(id).")
                }
            }
            let at = now()
            let sha = StreamingSHA256.digest(utf8: t.result).hex
            func seal(_ column: String, _ text: String?) throws -> SQLValue {
                try sealer.seal("traces", column, case: ref, text)
            }
            let traceID = try c.insertedID(
                """
                INSERT INTO traces (case_id, item_id, created, actor, mail_name, mail_sha256, originating_ip, certainty,
                                    conclusion, result, result_sha256)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id
                """,
                [
                    ref, t.itemID.sqlValue, .text(at.stored), .text(actor), try seal("mail_name", t.mailName), .text(t.mailSHA256),
                    try seal("originating_ip", t.originatingIP), .text(t.certainty), try seal("conclusion", t.conclusion),
                    try seal("result", t.result), .text(sha),
                ])
            var details = [
                "traceId": String(traceID), "mailSha256": t.mailSHA256, "mailName": t.mailName,
                "resultSha256": sha, "certainty": t.certainty,
            ]
            if let ip = t.originatingIP { details["originatingIp"] = ip }
            if let item = t.itemID { details["itemId"] = String(item) }
            try appendEvent(c, chain: id.description, actor: actor, action: .traceRecorded, details: details)
            // Checklist step 3 links to it: the trace is added to the step's list of traces, and
            // fills its result only while the step has none. What the mentor wrote, the step's
            // status and who last changed it are never replaced by a trace.
            let step = CyberpestenStep.daderOpsporen
            if var s = try sealer.fetchOne(
                ChecklistRow.self, c, table: "checklist", "SELECT * FROM checklist WHERE case_id = ?1 AND step = ?2",
                [ref, .int(Int64(step.rawValue))])?.value
            {
                let previous = s.fields["trace"].map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                s.fields["trace"] = previous.isEmpty ? "trace \(traceID)" : previous + ", trace \(traceID)"
                var details = ["step": String(step.rawValue), "field.trace": s.fields["trace"] ?? ""]
                if (s.fields["result"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    s.fields["result"] = "\(t.certainty): \(t.conclusion)"
                    details["field.result"] = s.fields["result"] ?? ""
                }
                try c.execute(
                    "UPDATE checklist SET fields = ?1 WHERE case_id = ?2 AND step = ?3",
                    [
                        try sealer.seal("checklist", "fields", case: ref, JSONValue.object(s.fields.mapValues(JSONValue.string)).serialized()),
                        ref, .int(Int64(step.rawValue)),
                    ])
                try appendEvent(c, chain: id.description, actor: actor, action: .checklistChanged, details: details)
            }
            return StoredTrace(
                id: traceID, caseID: id, itemID: t.itemID, created: at, actor: actor, mailName: t.mailName,
                mailSHA256: t.mailSHA256, originatingIP: t.originatingIP, certainty: t.certainty,
                conclusion: t.conclusion, result: t.result, resultSHA256: sha)
        }
    }

    /// The traces of a case, oldest first.
    public func traces(_ id: CaseID) throws -> [StoredTrace] {
        try reading { c in
            _ = try fetchCase(c, id)
            return try sealer.fetchAll(
                TraceRow.self, c, table: "traces", "SELECT * FROM traces WHERE case_id = ?1 ORDER BY id", [.text(id.description)]
            )
            .map(\.value)
        }
    }
}

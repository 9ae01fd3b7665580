import GRDB
import BewaarModel

/// What Bewaar found about a record read from a screenshot, by comparing it with the case's
/// other evidence: derived from the stored records, never part of them (a record stays what its
/// importer read), and worked out again whenever the case gains evidence.
public struct RecordLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The same message is on an earlier screenshot of the case (a scrolled series): the
        /// timeline counts it once, at the earlier one. `otherRecord` is that record.
        case repeated = "repeat"
        /// The message is in a chat export of the case: `otherRecord` is the export's record.
        case export
        /// An export of the same chat covering that time does not hold the message (deleted,
        /// edited, or from another conversation): a finding. `otherRecord` is nil.
        case missing
    }

    /// The screenshot's record.
    public var recordID: Int64
    public var kind: Kind
    /// The item the other record belongs to (the earlier screenshot, the export).
    public var otherItem: Int64
    public var otherRecord: Int64?
    /// How alike the texts are, 0–100 (0 for `missing`).
    public var score: Int

    public init(recordID: Int64, kind: Kind, otherItem: Int64, otherRecord: Int64?, score: Int) {
        self.recordID = recordID
        self.kind = kind
        self.otherItem = otherItem
        self.otherRecord = otherRecord
        self.score = score
    }
}

/// A record with its row id and its number in its item (1-based, the importer's order).
public struct NumberedRecord: Sendable {
    public var id: Int64
    public var number: Int64
    public var message: Message
}

enum RecordLinkSchema {
    static let v10 = """
        CREATE TABLE record_links (
            record_id INTEGER NOT NULL REFERENCES messages(id),
            kind TEXT NOT NULL,
            other_item INTEGER NOT NULL REFERENCES items(id),
            other_record INTEGER REFERENCES messages(id),
            score INTEGER NOT NULL,
            item_id INTEGER NOT NULL REFERENCES items(id),
            PRIMARY KEY (record_id, kind, other_item)
        ) WITHOUT ROWID;
        CREATE INDEX record_links_item ON record_links(item_id);
        CREATE INDEX record_links_other ON record_links(other_record);
        """
}

/// A row of `record_links` as a ``RecordLink``.
struct RecordLinkRow: SQLRecord, FetchableRecord {
    var value: RecordLink

    init(row: any SQLRow) throws {
        let r = StoredRow(row, table: "record_links", key: "record_id")
        guard let kind = RecordLink.Kind(rawValue: try r("kind")) else { throw r.damaged("kind") }
        value = RecordLink(
            recordID: try r("record_id"), kind: kind, otherItem: try r("other_item"), otherRecord: try r.optional("other_record"),
            score: try r("score"))
    }
}

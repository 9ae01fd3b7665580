import BewaarJSON
import BewaarModel

/// Writes an ingest's records into the store as the importer reads them, inside the ingest's
/// transaction (see ``CaseStore/recordIngest(_:in:reading:)``), so a chat of hundreds of
/// thousands of messages is never held whole. How they are written is the store's database's
/// (``RecordStorage``: prepared statements bound through SQLite's C API, or `unnest` batches on
/// PostgreSQL); this is what importers see of it.
public final class RecordWriter {
    /// The transaction the records go into (``RecordStaging`` keeps its batches there too).
    let connection: any StoreConnection
    /// The database's writer for this item.
    let items: any ItemRecordWriting
    /// Where the database keeps staged batches (``RecordStaging``).
    let stagingTable: String

    init(_ connection: any StoreConnection, storage: any RecordStorage, itemID: Int64, caseNo: Int64, key: CaseKey?) throws {
        self.connection = connection
        items = try storage.writer(item: itemID, caseNo: caseNo, key: key, in: connection)
        stagingTable = storage.stagingTable
    }

    /// Records written so far (placed ones as soon as they are taken, see ``add(_:at:)-(RecordRows,_)``).
    public var count: Int { items.taken }

    /// The furthest byte of the original that a record reached (its origin end, for records not
    /// inside a part): how far the reading has come.
    public var bytesCovered: Int64 { items.bytesCovered }

    /// For an encrypted store's reading thread (``RecordRows/init(capacity:sealing:)``); the
    /// writer seals with its own what comes unsealed. Nil when the records are to come unsealed.
    public var sealing: RecordSealing? { items.sealing }

    /// Adds the next record.
    public func add(_ m: Message) throws { try items.add(m) }

    /// Adds the next records, in order.
    public func add(_ rows: RecordRows) throws { try items.add(rows) }

    /// Adds records at the sequence numbers `seqs` gives (one per row; see
    /// `PlacingRecordSink`). Over the whole writing the numbers must be each used once and end
    /// up `0..<count`, which the end of the ingest checks.
    public func add(_ rows: RecordRows, at seqs: [Int]) throws { try items.add(rows, at: seqs) }

    /// Adds records at the sequence numbers `seqs` gives, encoding them on this thread (see
    /// ``add(_:at:)-(RecordRows,_)``).
    public func add(_ records: [FlatRecord], at seqs: [Int]) throws { try items.add(records, at: seqs) }

    /// Drops every record written so far (an importer that failed half-way: its file is kept
    /// with a warning, without the records it had read).
    public func discard() throws { try items.discard() }

    /// Ends the writing (the caller sets the item's `message_count` to ``count``).
    func finish() throws { try items.end() }

    /// Records placed are inserted in runs of this many (see ``SQLiteRecordWriter``).
    static var placingRun: Int { SQLiteRecordWriter.placingRun }

    /// Records whose order or numbers do not add up (placing, staging): nothing is stored.
    static let wrongOrder = StoreError(
        .invalidValue, nl: "De volgorde van de gelezen records klopt niet; er is niets opgeslagen.",
        en: "The order of the records read does not match; nothing was stored.")

    /// The records' error as the store's database gave it, for the PostgreSQL module.
    package static var wrongOrderError: StoreError { wrongOrder }
}

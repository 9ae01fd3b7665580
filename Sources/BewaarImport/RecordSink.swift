import BewaarModel
import BewaarJSON

/// Receives an importer's records one at a time, so a caller that only passes them on
/// (`inspect --json`) never holds all of them.
///
/// The importer calls ``begin(_:)`` once, before the first record, with every top-level fact
/// that sorts before `messages` in the `inspect --json` object already in it (format, media
/// type, `extra` keys such as `dateOrder`, `contained`); then ``record(_:)`` per record, in
/// order; then it returns the final ``ImportResult`` with `messages` left empty.
public protocol RecordSink: AnyObject {
    /// The result so far, before any record (its `messages` are ignored).
    func begin(_ head: ImportResult) throws
    /// The next record.
    func record(_ message: Message) throws
}

/// A sink that only writes each record's compact JSON (`inspect --json`): an importer may hand
/// it the JSON directly instead of a ``Message``, with the same bytes `Message.writeJSON(into:)`
/// would give, so hundreds of thousands of records never become strings.
public protocol RecordJSONSink: RecordSink {
    /// The next record: `write` appends its JSON object to the buffer it is given.
    func record(writing write: (inout [UInt8]) -> Void) throws
}

extension EvidenceImporter {
    /// The default streaming import: reads everything with ``importFile(_:context:)`` and then
    /// hands the records over one by one. Importers that can do better implement it themselves.
    public func importFile(_ source: ImportSource, context: ImportContext, records: any RecordSink) throws -> ImportResult {
        try importFile(source, context: context).handedOn(to: records)
    }
}

extension ImportResult {
    /// Hands this collected result to `records` (the head, then each record) and returns it
    /// without its records.
    public func handedOn(to records: any RecordSink) throws -> ImportResult {
        var result = self
        result.messages = []
        try records.begin(result)
        for m in messages { try records.record(m) }
        return result
    }
}

/// A sink that can keep records in the order they are read and take their final order later
/// (the store: it stages them inside its transaction). An importer whose file lists records in
/// another order than they are kept (a Messenger page, newest first) then holds only an order
/// key per record instead of every record until the file is read.
///
/// Calls: ``stage(_:)`` for each record as read (possibly before ``RecordSink/begin(_:)``),
/// then ``begin(_:)``, then ``placeStaged(order:)`` once: the staged records go on in `order`
/// (indexes into the staged sequence, each once). ``dropStaged()`` forgets what was staged.
public protocol StagingRecordSink: RecordSink {
    /// Keeps the next record as read.
    func stage(_ message: Message) throws
    /// Hands the staged records on in `order` (a permutation of their indexes).
    func placeStaged(order: [Int]) throws
    /// Forgets every staged record (the importer reads the file again another way).
    func dropStaged() throws
}

/// A staging sink that can also take records at their final place as they are read: an importer
/// that knows each record's sequence number before the file is read to its end (a Messenger page
/// lists its newest message first; its message blocks are counted before reading, so a block's
/// number counted from the end is its record's) hands each record on with it, and the store
/// writes it at once instead of staging it. The numbers of one reading are each used once and,
/// when it ends, are exactly `0..<count`; the store refuses the records otherwise.
///
/// When the importer finds that the page does not fit (a time later than the one before it, a
/// block without a record between records), it calls ``dropPlaced()`` and reads the file again,
/// staging its records.
public protocol PlacingRecordSink: StagingRecordSink {
    /// The next record read, kept at sequence number `seq` (given flat: a page's records are
    /// many and alike, see ``FlatRecord``).
    func record(_ record: FlatRecord, at seq: Int) throws
    /// Forgets every record placed so far.
    func dropPlaced() throws
}

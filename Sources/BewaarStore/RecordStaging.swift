import Foundation

/// Records staged in the store in the order they were read, until their final order is known
/// (a Messenger page lists its newest message first; records are kept oldest first, in
/// consecutive row ids). Each batch is one row of a table made inside the ingest's transaction
/// and dropped before it ends: the records never leave the store (in an encrypted store each
/// batch's bytes are sealed whole, author names included; gone on a rollback), and the reading
/// side keeps only an order key.
///
/// ``place(order:)`` writes them through the ``RecordWriter`` in the final order, deleting each
/// staged batch once its last record is placed (its pages are reused by the records).
public final class RecordStaging {
    private let writer: RecordWriter
    /// Index of the first staged record of each batch, and each batch's count.
    private var starts: [Int] = []
    private var counts: [Int] = []
    private var total = 0
    /// Batches read back, by number (a few at a time).
    private var loaded: [Int: RecordRows] = [:]
    private var remaining: [Int] = []
    /// The table's name (made by ``RecordStorage/stagingTable``: in the store's own database on
    /// SQLite, so its pages are reused by the records).
    static let table = "bewaar_staged"
    /// How many batches read back are kept (set by ``place(order:batchSize:keepLoaded:written:)``).
    private var held = 16
    /// How many batches were read back by the last placing (for tests and figures).
    public private(set) var readsBack = 0

    public init(writer: RecordWriter) {
        self.writer = writer
    }

    /// Stages the next batch of records, in the order read.
    public func stage(_ rows: RecordRows) throws {
        guard !rows.isEmpty else { return }
        if starts.isEmpty { try writer.connection.execute(writer.stagingTable) }
        try writer.connection.execute(
            "INSERT INTO \(Self.table) (batch, entries, bytes) VALUES (?1, ?2, ?3)",
            [SQLValue(starts.count), .bytes(rows.stagedEntries()), .bytes(writer.items.staged(rows.bytes))])
        starts.append(total)
        counts.append(rows.count)
        total += rows.count
    }

    /// Writes the staged records in `order` (each index once) and drops the staging table.
    /// At most `keepLoaded` batches are held read back; an order that jumps between batches far
    /// more often than there are batches (a page in random time order) holds them all instead of
    /// reading a batch back for nearly every record.
    public func place(order: [Int], batchSize: Int = 1024, keepLoaded: Int = 16, written: (() -> Void)? = nil) throws {
        guard order.count == total, !starts.isEmpty else {
            if total == 0 && order.isEmpty { return }
            throw RecordWriter.wrongOrder
        }
        var jumps = 0
        var last = -1
        for i in order where i >= 0 && i < total {
            let b = Self.batch(of: i, starts: starts)
            if b != last { jumps += 1 }
            last = b
        }
        held = jumps > 8 * starts.count ? Int.max : max(1, keepLoaded)
        readsBack = 0
        remaining = counts
        var out = RecordRows(capacity: batchSize)
        for i in order {
            guard i >= 0, i < total else {
                throw RecordWriter.wrongOrder
            }
            let b = Self.batch(of: i, starts: starts)
            let rows = try batch(b)
            out.append(i - starts[b], of: rows)
            remaining[b] -= 1
            if remaining[b] == 0 {
                loaded[b] = nil
                try writer.connection.execute("DELETE FROM \(Self.table) WHERE batch = ?1", [SQLValue(b)])
            }
            if out.count >= batchSize {
                try writer.add(out)
                out.removeAll()
                written?()
            }
        }
        if !out.isEmpty {
            try writer.add(out)
            written?()
        }
        try drop()
    }

    /// Forgets every staged record.
    public func drop() throws {
        if !starts.isEmpty { try writer.connection.execute("DROP TABLE IF EXISTS \(Self.table)") }
        starts = []
        counts = []
        total = 0
        loaded = [:]
    }

    private func batch(_ b: Int) throws -> RecordRows {
        if let rows = loaded[b] { return rows }
        guard let row = try writer.connection.fetchOne("SELECT entries, bytes FROM \(Self.table) WHERE batch = ?1", [SQLValue(b)]),
            let entries = row[0].bytes, let stored = row[1].bytes, let bytes = writer.items.unstaged(stored)
        else {
            throw StoreError(
                .invalidValue, nl: "Een deel van de gelezen records ontbreekt; er is niets opgeslagen.",
                en: "Part of the records read is missing; nothing was stored.")
        }
        if loaded.count >= held { loaded.removeAll(keepingCapacity: true) }
        readsBack += 1
        let rows = RecordRows(stagedEntries: [UInt8](entries), bytes: bytes)
        loaded[b] = rows
        return rows
    }

    /// The batch holding staged record `i` (`starts` ascending, `starts[0] == 0`).
    static func batch(of i: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

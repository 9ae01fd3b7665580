import BewaarJSON
import BewaarModel
import BewaarStore
import PostgresNIO

/// Writes one item's records into `messages` on PostgreSQL, inside the caller's transaction:
/// they are gathered into batches of about 1,000, and each batch is one statement,
/// `INSERT INTO messages (…) SELECT … FROM unnest($3::int8[], $4::float8[], …)`, with one binary
/// array per column (`notes/issue-17-store-design.md` §2.4). COPY would be faster still, but
/// postgres-nio has it only in its async API, and the store calls the future API (§2.3).
///
/// The rows are addressed by `(item_id, seq)`; their ids come from the identity column and are
/// never relied on (two writers at once interleave them, §1.5 item 1). Each record's keyed
/// search terms go into its own row (`terms int4[]`): all of a batch's terms travel as one flat
/// `int4[]` and each row takes its slice (`$15[from:to]`), so no array literal is written or
/// parsed (ragged arrays cannot be bound as one two-dimensional array).
///
/// A failed batch aborts the transaction, as any failed statement does on PostgreSQL: an ingest
/// that keeps going after a failed importer writes the item inside `savepoint { }` (as the SQLite
/// store's `RecordWriter` does with its own savepoint), and the rollback to it takes every batch
/// of the item. ``finish()`` checks that the places used are 0, 1, 2, … each once (the unique
/// `(item_id, seq)` refuses a place used twice at once).
package final class PostgresRecordWriter {
    /// Records per statement.
    package static let batchSize = 1000

    package let itemID: Int64
    /// The case's number (`cases.no`).
    package let caseNo: Int64
    /// Records inserted so far (a batch counts once its statement has run).
    package private(set) var count = 0

    private let connection: PostgresStoreConnection
    private let batchSize: Int
    private var pending: [PostgresRecord] = []
    private var highest: Int64 = -1
    /// Author numbers by sealed name, as found or added during this writing.
    private var authors: [[UInt8]: Int64] = [:]

    // For the store's records (``PostgresRecordRanges`` as ``RecordStorage``, below):
    /// The case's key: texts, `rest` and author names are sealed with it.
    fileprivate var key: CaseKey?
    /// Works out each record's `terms` from its plain text (with ``key``).
    fileprivate var termMaker: PostgresTermMaker?
    /// Author numbers by plain name.
    fileprivate var authorsByName: [String: Int64] = [:]
    /// The savepoint the item's records are written in (``discard()`` goes back to it).
    fileprivate var savepoint: String?
    package fileprivate(set) var bytesCovered: Int64 = 0

    /// A writer for item `itemID` of case number `caseNo`, on `connection`, which must be a
    /// PostgreSQL store's (from `PostgresStoreDatabase.write`).
    package init(_ connection: any StoreConnection, itemID: Int64, caseNo: Int64, batchSize: Int = PostgresRecordWriter.batchSize) throws {
        guard let connection = connection as? PostgresStoreConnection else { throw Self.notPostgres }
        self.connection = connection
        self.itemID = itemID
        self.caseNo = caseNo
        self.batchSize = max(1, batchSize)
        pending.reserveCapacity(self.batchSize)
    }

    /// Adds a record; a full batch is inserted at once.
    package func add(_ record: PostgresRecord) throws {
        pending.append(record)
        if pending.count >= batchSize { try flush() }
    }

    /// Adds records, in any order of their places.
    package func add(contentsOf records: some Sequence<PostgresRecord>) throws {
        for record in records { try add(record) }
    }

    /// Inserts the records gathered so far.
    package func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        var binds = PostgresBindings(capacity: 16)
        binds.append(itemID)
        binds.append(caseNo)
        let n = batch.count
        var seq = PostgresArrayParameter.int8(capacity: n)
        var time = PostgresArrayParameter.float8(capacity: n)
        var offset = PostgresArrayParameter.int8(capacity: n)
        var author = PostgresArrayParameter.int8(capacity: n)
        var kind = PostgresArrayParameter.text(capacity: n)
        var text = PostgresArrayParameter.bytea(capacity: n)
        var line = PostgresArrayParameter.int8(capacity: n)
        var start = PostgresArrayParameter.int8(capacity: n)
        var length = PostgresArrayParameter.int8(capacity: n)
        var rest = PostgresArrayParameter.bytea(capacity: n)
        var verbatim = PostgresArrayParameter.bytea(capacity: n)
        var termsFrom = PostgresArrayParameter.int4(capacity: n)
        var termsTo = PostgresArrayParameter.int4(capacity: n)
        var terms = PostgresArrayParameter.int4(capacity: n * 12)
        var highest = self.highest
        for r in batch {
            guard r.seq >= 0 else { throw Self.wrongOrder }
            highest = max(highest, r.seq)
            seq.append(r.seq)
            time.append(r.time)
            offset.append(r.utcOffset)
            author.append(r.author)
            kind.append(r.kind)
            text.append(r.text)
            line.append(r.originLine)
            start.append(r.originOffset)
            length.append(r.originLength)
            rest.append(r.rest)
            verbatim.append(r.verbatim)
            // The slice [from:to] of the flat array, 1-based; from > to is the empty array.
            termsFrom.append(Int32(terms.count + 1))
            for term in r.terms { terms.append(term) }
            termsTo.append(Int32(terms.count))
        }
        for column in [seq, time, offset, author, kind, text, line, start, length, rest, verbatim, termsFrom, termsTo, terms] {
            binds.append(column)
        }
        try connection.run(postgres: Self.insert, binds: binds)
        self.highest = highest
        count += n
    }

    /// Inserts what is left and checks that the places used are 0..<``count``; returns the count
    /// (the item's `message_count`).
    @discardableResult
    package func finish() throws -> Int {
        try flush()
        guard highest + 1 == Int64(count) else { throw Self.wrongOrder }
        return count
    }

    /// The number of the author whose sealed name is `sealedName` in this case: from this
    /// writing's table, else from `authors`, added there when new. Sealing is deterministic for a
    /// key and a text, so a name is found again by its sealed bytes (`notes/issue-17-pg-schema.md`,
    /// "what step 6 must know", 4).
    package func authorNumber(sealedName: [UInt8]) throws -> Int64 {
        if let id = authors[sealedName] { return id }
        try connection.execute(
            "INSERT INTO authors (case_no, name) VALUES (?1, ?2) ON CONFLICT DO NOTHING", [.int(caseNo), .bytes(sealedName)])
        guard
            let id = try connection.fetchOne("SELECT id FROM authors WHERE case_no = ?1 AND name = ?2", [.int(caseNo), .bytes(sealedName)])?[0]
                .int
        else {
            throw PostgresStoreError(
                .invalidRecords, nl: "Een auteur kon niet worden opgeslagen (zaaknummer \(caseNo)).",
                en: "An author could not be stored (case number \(caseNo)).")
        }
        authors[sealedName] = id
        return id
    }

    /// One batch: the item and the case once, then one array per column.
    static let insert = """
        INSERT INTO messages (item_id, case_no, seq, ts, utc_offset, author_no, kind, text, origin_line, origin_offset,
                              origin_length, rest, verbatim, terms)
        SELECT $1, $2, u.seq, u.ts, u.utc_offset, u.author_no, u.kind, u.text, u.origin_line, u.origin_offset,
               u.origin_length, u.rest, u.verbatim, ($16::int4[])[u.terms_from:u.terms_to]
        FROM unnest($3::int8[], $4::float8[], $5::int8[], $6::int8[], $7::text[], $8::bytea[], $9::int8[], $10::int8[],
                    $11::int8[], $12::bytea[], $13::bytea[], $14::int4[], $15::int4[])
             AS u(seq, ts, utc_offset, author_no, kind, text, origin_line, origin_offset, origin_length, rest, verbatim,
                  terms_from, terms_to)
        """

    static let wrongOrder = PostgresStoreError(
        .invalidRecords, nl: "De volgorde van de gelezen records klopt niet; er is niets opgeslagen.",
        en: "The order of the records read does not match; nothing was stored.")

    static let notPostgres = PostgresStoreError(
        .invalidRecords, nl: "De recordschrijver voor PostgreSQL kreeg een verbinding met een andere database. Dit is een fout in Bewaar.",
        en: "The PostgreSQL record writer was given a connection to another database. This is a bug in Bewaar.")
}

// MARK: - The store's records

extension PostgresRecordWriter: ItemRecordWriting {
    /// Records given so far: inserted, or held for the next batch.
    package var taken: Int { count + pending.count }

    /// Nil: the records come unsealed, and this writer seals them and makes their terms.
    package var sealing: RecordSealing? { nil }

    package func add(_ m: Message) throws {
        var rows = RecordRows(capacity: 1)
        rows.append(m)
        try add(rows, seqs: nil)
    }

    package func add(_ rows: RecordRows) throws { try add(rows, seqs: nil) }

    package func add(_ rows: RecordRows, at seqs: [Int]) throws {
        guard seqs.count == rows.count else { throw Self.wrongOrder }
        try add(rows, seqs: seqs)
    }

    package func add(_ records: [FlatRecord], at seqs: [Int]) throws {
        var rows = RecordRows(capacity: records.count)
        for r in records { rows.append(r) }
        try add(rows, at: seqs)
    }

    /// Each row of `rows` as a ``PostgresRecord``: at `seqs`, or next in order.
    private func add(_ rows: RecordRows, seqs: [Int]?) throws {
        for k in 0..<rows.count {
            let f = rows.fields(k)
            var text = f.text, rest = f.rest, plain = f.text
            if let key {
                if f.sealed {
                    guard let opened = key.open(f.text) else { throw Self.notOpening }
                    plain = opened
                } else {
                    text = key.seal(f.text)
                    rest = f.rest.map(key.seal)
                }
            }
            let terms = termMaker?.terms(of: String(decoding: plain, as: UTF8.self)) ?? []
            let author = try f.author.map { try authorNumber(name: $0) }
            let seq = seqs.map { Int64($0[k]) } ?? Int64(taken)
            try add(
                PostgresRecord(
                    seq: seq, time: f.time, utcOffset: f.utcOffset, author: author, kind: f.kind, text: text, originLine: f.line,
                    originOffset: f.offset, originLength: f.length, rest: rest, terms: terms))
            if !f.inPart {
                let (end, overflow) = f.offset.addingReportingOverflow(f.length)
                bytesCovered = max(bytesCovered, overflow ? .max : end)
            }
        }
    }

    /// The number of the author called `name` (sealed with the case's key to find it).
    private func authorNumber(name: String) throws -> Int64 {
        if let id = authorsByName[name] { return id }
        let stored = key.map { $0.seal(Array(name.utf8)) } ?? Array(name.utf8)
        let id = try authorNumber(sealedName: stored)
        authorsByName[name] = id
        return id
    }

    package func discard() throws {
        guard let savepoint else { throw Self.noSavepoint }
        try connection.execute("ROLLBACK TO SAVEPOINT \(savepoint)")
        pending.removeAll(keepingCapacity: true)
        count = 0
        highest = -1
        bytesCovered = 0
        authors = [:]  // those added since the savepoint are gone again
        authorsByName = [:]
    }

    package func end() throws {
        try finish()
        if let savepoint { try connection.execute("RELEASE SAVEPOINT \(savepoint)") }
    }

    package func staged(_ bytes: [UInt8]) -> [UInt8] { key.map { $0.seal(bytes) } ?? bytes }

    package func unstaged(_ stored: [UInt8]) -> [UInt8]? {
        guard let key else { return stored }
        return key.open(stored)
    }

    /// Readies a writer made by ``PostgresRecordRanges/writer(item:caseNo:key:in:)``: the case's
    /// key and terms, and the item's savepoint.
    fileprivate func begin(key: CaseKey?) throws {
        self.key = key
        termMaker = key.map(PostgresTermMaker.init(key:))
        try connection.execute("SAVEPOINT \(Self.itemSavepoint)")
        savepoint = Self.itemSavepoint
    }

    static let itemSavepoint = "bewaar_records"

    static let notOpening = PostgresStoreError(
        .invalidRecords, nl: "Een gelezen record gaat niet open met de sleutel van de zaak; er is niets opgeslagen.",
        en: "A record read does not open with the case's key; nothing was stored.")

    static let noSavepoint = PostgresStoreError(
        .invalidRecords, nl: "Deze recordschrijver heeft geen tussenpunt om naar terug te gaan. Dit is een fout in Bewaar.",
        en: "This record writer has no savepoint to go back to. This is a bug in Bewaar.")
}

extension PostgresRecordRanges: RecordStorage {
    package func writer(item itemID: Int64, caseNo: Int64, key: CaseKey?, in connection: any StoreConnection) throws -> any ItemRecordWriting {
        let writer = try PostgresRecordWriter(connection, itemID: itemID, caseNo: caseNo)
        try writer.begin(key: key)
        return writer
    }

    package func forEachMessage(
        item itemID: Int64, limit: Int?, sealer: Sealer, key: () throws -> CaseKey?, in connection: any StoreConnection,
        _ body: (Message) throws -> Void
    ) throws {
        try forEachOpened(item: itemID, limit: limit, key: key(), in: connection, body)
    }

    package func forEachRecordJSON(
        item itemID: Int64, sealer: Sealer, key: () throws -> CaseKey?, in connection: any StoreConnection,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        try forEachOpened(item: itemID, limit: nil, key: key(), in: connection) { m in
            try StoredRecord.json(m).withUnsafeBufferPointer { try body($0) }
        }
    }

    package func condition(_ m: String, item: String) -> String { "\(m).item_id = \(item)" }

    package func condition(_ m: String, item: String, low: String, high: String) -> String {
        "\(m).item_id = \(item) AND \(m).seq BETWEEN \(low) AND \(high)"
    }

    package func order(_ m: String, item itemID: Int64, in connection: any StoreConnection) throws -> String { "\(m).seq" }

    package var stagingTable: String {
        "CREATE TEMP TABLE IF NOT EXISTS bewaar_staged (batch bigint PRIMARY KEY, entries bytea NOT NULL, bytes bytea NOT NULL) ON COMMIT DROP"
    }

    package func kindCondition(_ column: String, in kinds: [String], first: Int) -> (sql: String, arguments: [SQLValue]) {
        guard !kinds.isEmpty else { return ("1 = 0", []) }
        return ("\(column) IN (\(kinds.indices.map { "?\(first + $0)" }.joined(separator: ", ")))", kinds.map(SQLValue.text))
    }

    /// The item's records in order, opened with `key`, as ``Message``s (the authors' names read
    /// first: no second statement runs while the records stream).
    private func forEachOpened(
        item itemID: Int64, limit: Int?, key: CaseKey?, in connection: any StoreConnection, _ body: (Message) throws -> Void
    ) throws {
        func open(_ bytes: [UInt8]?) throws -> String? {
            guard let bytes else { return nil }
            guard let key else { return String(decoding: bytes, as: UTF8.self) }
            guard let plain = key.open(bytes) else { throw PostgresRecordWriter.notOpening }
            return String(decoding: plain, as: UTF8.self)
        }
        var names: [Int64: String] = [:]
        for row in try connection.fetch(
            "SELECT id, name FROM authors WHERE id IN (SELECT DISTINCT author_no FROM messages WHERE item_id = ?1)", [.int(itemID)])
        {
            if let id = row[0].int { names[id] = try open(row[1].bytes) }
        }
        var given = 0
        let end = limit.map { Int64($0) - 1 } ?? Int64.max
        guard end >= 0 else { return }
        try Self.forEach(item: itemID, seqs: 0...end, in: connection) { r in
            guard
                let m = StoredRecord.message(
                    time: r.time, utcOffset: r.utcOffset, author: r.author.flatMap { names[$0] }, kind: r.kind, text: try open(r.text) ?? "",
                    line: r.originLine, offset: r.originOffset, length: r.originLength, rest: try open(r.rest), verbatim: try open(r.verbatim))
            else { return }
            given += 1
            try body(m)
        }
    }
}

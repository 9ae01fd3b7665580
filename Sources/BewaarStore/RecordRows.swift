import BewaarModel
import BewaarJSON

/// Records encoded for the `messages` table (see ``StoredRecord``): the texts of a batch in one
/// byte buffer, every other column in a fixed entry. Built where the records are read, written
/// by ``RecordWriter`` on another thread without a string, an allocation or a reference count
/// per record.
public struct RecordRows: Sendable {
    struct Entry: Sendable {
        var time: Double?
        var utcOffset: Int64
        /// Byte ranges in `bytes`; nil is NULL.
        var author: Range<Int>?
        var kind: Range<Int>
        /// The kind's code (``StoredKind``), nil for a kind kept as text.
        var kindCode: Int64?
        var text: Range<Int>
        var rest: Range<Int>?
        var line: Int64?
        var offset: Int64
        var length: Int64
        /// Whether the origin is inside a part of the original (not a range of the file itself).
        var inPart: Bool
        /// Whether `text` and `rest` are sealed already (``RecordSealing``), and the record's
        /// search terms then.
        var sealed = false
        var terms: Range<Int>?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// Seals each record as it is added (an encrypted store).
    let sealing: RecordSealing?

    public init(capacity: Int = 0, sealing: RecordSealing? = nil) {
        self.sealing = sealing
        entries.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 128)
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a record.
    public mutating func append(_ m: Message) {
        let (author, kind, kindCode, text) = putHead(m.author, m.kind, m.text)
        var rest: Range<Int>?
        if let r = StoredRecord.rest(of: m) { rest = sealing.map { putSealed(r, $0) } ?? put(r) }
        entries.append(
            Entry(
                time: m.timestamp?.date.timeIntervalSince1970, utcOffset: Int64(m.timestamp?.utcOffsetSeconds ?? 0),
                author: author, kind: kind, kindCode: kindCode, text: text, rest: rest, line: m.origin.line.map(Int64.init),
                offset: m.origin.offset, length: m.origin.length, inPart: m.origin.part != nil, sealed: sealing != nil,
                terms: sealing.map { putTerms(m.text, $0) }))
    }

    /// Adds a record given flat: its format fields' JSON is its `rest` as it is, with its
    /// attachments put in front (what ``StoredRecord/rest(of:)-(Message)`` writes for its `Message`).
    public mutating func append(_ r: FlatRecord) {
        guard let restBytes = StoredRecord.rest(of: r) else { return append(r.message) }
        let (author, kind, kindCode, text) = putHead(r.author, r.kind, r.text)
        var rest: Range<Int>?
        // `{}` is no format field at all: no `rest`, as for a record whose `extra` is empty.
        if restBytes.count > 2 {
            if let sealing {
                let start = bytes.count
                restBytes.withUnsafeBytes { sealing.seal($0, appendingTo: &bytes) }
                rest = start..<bytes.count
            } else {
                rest = put(restBytes)
            }
        }
        entries.append(
            Entry(
                time: r.timestamp?.date.timeIntervalSince1970, utcOffset: Int64(r.timestamp?.utcOffsetSeconds ?? 0),
                author: author, kind: kind, kindCode: kindCode, text: text, rest: rest, line: nil, offset: r.offset, length: r.length,
                inPart: false, sealed: sealing != nil, terms: sealing.map { putTerms(r.text, $0) }))
    }

    /// Puts a record's author, kind (unless it has a code) and text (sealed in an encrypted store).
    private mutating func putHead(_ a: String?, _ k: MessageKind, _ t: String) -> (Range<Int>?, Range<Int>, Int64?, Range<Int>) {
        let author = a.map { put($0) }
        let kindCode = StoredKind.code(of: k.rawValue)
        let kind = kindCode == nil ? put(k.rawValue) : bytes.count..<bytes.count
        let text = sealing.map { putSealed(t, $0) } ?? put(t)
        return (author, kind, kindCode, text)
    }

    /// Empties the batch, keeping its memory.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    private mutating func put(_ b: [UInt8]) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: b)
        return start..<bytes.count
    }

    private mutating func putSealed(_ s: String, _ sealing: RecordSealing) -> Range<Int> {
        let start = bytes.count
        sealing.seal(s, appendingTo: &bytes)
        return start..<bytes.count
    }

    private mutating func putTerms(_ s: String, _ sealing: RecordSealing) -> Range<Int> {
        let start = bytes.count
        sealing.terms(s, appendingTo: &bytes)
        return start..<bytes.count
    }

    private mutating func put(_ s: String) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: s.utf8)
        return start..<bytes.count
    }
}

extension RecordRows {
    /// The entries as bytes, to stage them in the store for the rest of this ingest only (the
    /// entries are plain values: byte ranges, numbers and flags; read back by the same process).
    func stagedEntries() -> [UInt8] {
        assert(_isPOD(Entry.self))
        return entries.withUnsafeBytes { Array($0) }
    }

    /// A batch staged with ``stagedEntries()`` and its `bytes`.
    init(stagedEntries raw: [UInt8], bytes: [UInt8]) {
        self.init(capacity: 0, sealing: nil)
        let n = raw.count / MemoryLayout<Entry>.stride
        entries = [Entry](unsafeUninitializedCapacity: n) { buffer, count in
            raw.withUnsafeBytes { r in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: r[0..<(n * MemoryLayout<Entry>.stride)]))
            }
            count = n
        }
        self.bytes = bytes
    }

    /// Adds record `index` of `other`, its bytes copied.
    mutating func append(_ index: Int, of other: RecordRows) {
        var e = other.entries[index]
        // Every range of the entry lies in one span of `other.bytes`: copy that span once.
        var low = e.text.lowerBound, high = e.text.upperBound
        for r in [e.author, e.kind, e.rest, e.terms].compactMap({ $0 }) {
            low = min(low, r.lowerBound)
            high = max(high, r.upperBound)
        }
        let base = bytes.count
        bytes.append(contentsOf: other.bytes[low..<high])
        func moved(_ r: Range<Int>) -> Range<Int> { (r.lowerBound - low + base)..<(r.upperBound - low + base) }
        e.text = moved(e.text)
        e.kind = moved(e.kind)
        e.author = e.author.map(moved)
        e.rest = e.rest.map(moved)
        e.terms = e.terms.map(moved)
        entries.append(e)
    }
}

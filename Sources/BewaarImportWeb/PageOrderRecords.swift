import Foundation
import BewaarModel
import BewaarJSON
import BewaarImport

/// The records of one thread page held as their compact JSON, in page order, until the page is
/// read and they can be handed on in the order of the collecting read (time, then the page's
/// order reversed for Meta's newest-first pages).
///
/// A Messenger HTML page lists its newest message first, while records are kept oldest first:
/// the first record to hand on is the last one parsed, so no record is final before the whole
/// page is read. Holding each record as its JSON (one growing set of 4 MB chunks and a sort key)
/// instead of as a ``Message`` keeps a 50 MB page at about its own size in memory instead of
/// four times it. Records go to a ``RecordJSONSink`` as the same bytes; to any other sink they
/// are read back (``Message/init(json:)``), which gives the same record.
final class PageOrderRecords {
    static let chunkSize = 4 << 20

    private var chunks: [[UInt8]] = []
    /// Per record: chunk index, start and end in it.
    private var spans: [(chunk: Int, start: Int, end: Int)] = []
    /// Per record: its time, the key of the collecting read's sort.
    private var times: [Date?] = []
    /// The `thread` value the records were written with (nil before the first).
    private(set) var writtenThread: JSONValue?
    /// Whether records were written with different `thread` values (a `<title>` after messages).
    private(set) var threadVaried = false
    /// Authors seen (the thread's participants when the page lists none).
    private(set) var authors = Set<String>()

    var count: Int { spans.count }

    /// Adds the next record of the page (its `extra["thread"]` as known so far).
    func add(_ m: Message) {
        let thread = m.extra["thread"] ?? .null
        if writtenThread == nil { writtenThread = thread } else if writtenThread != thread { threadVaried = true }
        if let a = m.author { authors.insert(a) }
        if chunks.isEmpty || chunks[chunks.count - 1].count >= Self.chunkSize {
            var c: [UInt8] = []
            c.reserveCapacity(Self.chunkSize + 64 * 1024)
            chunks.append(c)
        }
        let last = chunks.count - 1
        let start = chunks[last].count
        m.writeJSON(into: &chunks[last])
        spans.append((last, start, chunks[last].count))
        times.append(m.timestamp?.date)
    }

    /// The indexes of the records in the order ``Collected`` gives a thread's records: by time
    /// when both have one, else by page order (reversed for `newestFirst`). The same comparison
    /// on the same keys as the collecting read, so the same permutation.
    func order(newestFirst: Bool) -> [Int] {
        times.enumerated().sorted { a, b in
            if let ta = a.element, let tb = b.element, ta != tb { return ta < tb }
            return newestFirst ? a.offset > b.offset : a.offset < b.offset
        }.map(\.offset)
    }

    /// Hands every record to `sink` in `order`, with `extra["thread"]` set to `thread` (as the
    /// collecting read does once the page's title is known). `name` names the file in an error.
    func replay(into sink: any RecordSink, order: [Int], thread: JSONValue, name: String) throws {
        let asWritten = !threadVaried && (writtenThread ?? thread) == thread
        for i in order {
            let s = spans[i]
            let chunk = s.chunk, range = s.start..<s.end
            if asWritten, let json = sink as? any RecordJSONSink {
                try json.record { out in out.append(contentsOf: chunks[chunk][range]) }
            } else {
                guard let value = try? JSONParser.parse(bytes: Array(chunks[chunk][range])), var m = Message(json: value) else {
                    throw WebImportError.unreadable(name, "record \(i + 1) kon niet worden teruggelezen / record \(i + 1) could not be read back")
                }
                if !asWritten { m.extra["thread"] = thread }
                try sink.record(m)
            }
        }
        chunks = []
        spans = []
        times = []
    }
}

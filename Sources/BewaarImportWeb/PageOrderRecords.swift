import Foundation
import BewaarModel
import BewaarImport

/// What a thread page gave, in page order, until the page is read and its records can be handed
/// on in the order of the collecting read (time, then the page's order reversed for Meta's
/// newest-first pages).
///
/// A Messenger HTML page lists its newest message first, while records are kept oldest first:
/// the first record to hand on is the last one parsed, so no record is final before the whole
/// page is read. What each block gave is held once, in a small form (`Read`, without the
/// dictionary a record's `extra` is), and becomes a record only as it is handed on; the
/// collecting read held every record three times (the thread, the sorted copy, the result).
final class PageOrderRecords<Read> {
    private var reads: [Read?] = []
    /// Per read: its time (what `Date` compares), the key of the collecting read's sort; NaN for
    /// none (8 bytes a record instead of an optional's 16: this is all a staged page keeps).
    private var times: [Double] = []
    /// Authors seen (the thread's participants when the page lists none).
    private(set) var authors = Set<String>()

    var count: Int { times.count }

    /// Adds what the next block of the page gave.
    func add(_ read: Read, time: Date?, author: String?) {
        if let author { authors.insert(author) }
        reads.append(read)
        times.append(time?.timeIntervalSinceReferenceDate ?? .nan)
    }

    /// Adds only the order key of the next block: its record went to a ``StagingRecordSink``.
    func addKey(time: Date?, author: String?) {
        if let author { authors.insert(author) }
        times.append(time?.timeIntervalSinceReferenceDate ?? .nan)
    }

    /// The indexes of the records in the order ``Collected`` gives a thread's records: by time
    /// when both have one, else by page order (reversed for `newestFirst`). The same comparison
    /// on the same keys as the collecting read, so the same permutation.
    /// Sorts the indexes in place (no array of pairs): the same stable sort, so the same order.
    func order(newestFirst: Bool) -> [Int] {
        var order = Array(times.indices)
        times.withUnsafeBufferPointer { t in
            order.sort { a, b in
                let ta = t[a], tb = t[b]
                if !ta.isNaN, !tb.isNaN, ta != tb { return ta < tb }
                return newestFirst ? a > b : a < b
            }
        }
        return order
    }

    /// Hands the records to `sink` in `order`, each made by `record` and dropped once handed on.
    func replay(into sink: any RecordSink, order: [Int], record: (Read) -> Message) throws {
        times = []
        for i in order {
            guard let read = reads[i] else { continue }
            reads[i] = nil
            try sink.record(record(read))
        }
        reads = []
    }
}

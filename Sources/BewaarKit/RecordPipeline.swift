import Foundation
import BewaarModel
import BewaarJSON
import BewaarImport
import BewaarStore

/// Runs an import on a second thread while the calling thread writes its records into the store.
/// The reading thread also encodes each record for its row (``RecordRows``) and counts what the
/// repetition check needs, so the writing thread — the one that sets the pace — only binds and
/// inserts. Records cross in batches; at most ``depth`` batches wait, so memory stays small
/// whatever the file's size. Order is kept, and a ``discard()`` reaches the writer after the
/// records before it.
final class RecordPipeline: PlacingRecordSink, @unchecked Sendable {
    static let batchSize = 1024
    /// Batches that may wait: more records than the store inserts in one run of placed records
    /// (``RecordWriter/placingRun``, 8 batches), so the reading goes on while a run goes in
    /// (with 4 the reading of a Messenger page waited a fifth of its time).
    static let depth = 16

    enum Batch {
        case records(RecordRows)
        case discard
        /// Records in the order read, kept in the store until their order comes (``StagingRecordSink``).
        case staged(RecordRows)
        /// The final order of the staged records.
        case place([Int])
        case dropStaged
        /// Records at the sequence numbers given (``PlacingRecordSink``), one per record. They
        /// cross as they are, flat (their format fields as JSON already), and the writing thread
        /// encodes them for their rows: reading a page costs about what writing it does.
        case placed([FlatRecord], [Int])
    }

    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var closed = false
    private var stopped: (any Error)?
    private var pending: RecordRows
    private var pendingStaged: RecordRows
    private var pendingPlaced: [FlatRecord] = []
    private var pendingSeqs: [Int] = []
    /// Counted on the reading thread; read once the reading is over.
    private(set) var repetition: RepetitionCheck?
    /// An encrypted store's sealing: records are sealed on the reading thread.
    private let sealing: RecordSealing?

    init(repetition: RepetitionCheck?, sealing: RecordSealing?) {
        self.repetition = repetition
        self.sealing = sealing
        pending = RecordRows(capacity: Self.batchSize, sealing: sealing)
        pendingStaged = RecordRows(capacity: 0, sealing: sealing)
    }

    /// Reads on a new thread: `read` gets this pipeline as its record sink; its result (or error)
    /// is returned by ``run(_:write:)`` once every record has been written.
    static func run<T>(
        repetition: RepetitionCheck?, sealing: RecordSealing? = nil, _ read: @escaping @Sendable (RecordPipeline) throws -> T,
        write: (Batch) throws -> Void
    ) throws -> (T, RepetitionCheck?) {
        let pipe = RecordPipeline(repetition: repetition, sealing: sealing)
        let outcome = Outcome<T>()
        let thread = Thread {
            outcome.result = Result { try read(pipe) }
            pipe.close()
            outcome.done.signal()
        }
        // Importers may recurse (nested JSON, HTML): the main thread's stack size.
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = pipe.next() { try write(batch) }
        } catch {
            pipe.stop(error)
            outcome.done.wait()
            throw error
        }
        outcome.done.wait()
        return (try outcome.result!.get(), pipe.repetition)
    }

    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
        let done = DispatchSemaphore(value: 0)
    }

    // MARK: the reading side

    func begin(_ head: ImportResult) throws {}

    func record(_ message: Message) throws {
        repetition?.count(message)
        pending.append(message)
        if pending.count >= Self.batchSize { try handOver() }
    }

    func stage(_ message: Message) throws {
        repetition?.count(message)
        pendingStaged.append(message)
        if pendingStaged.count >= Self.batchSize { try handOverStaged() }
    }

    func placeStaged(order: [Int]) throws {
        try handOverStaged()
        try put(.place(order))
    }

    func dropStaged() throws {
        try handOverStaged()
        try put(.dropStaged)
        repetition?.reset()
    }

    func record(_ record: FlatRecord, at seq: Int) throws {
        repetition?.count(timestamp: record.timestamp, kind: record.kind)
        pendingPlaced.append(record)
        pendingSeqs.append(seq)
        if pendingPlaced.count >= Self.batchSize { try handOverPlaced() }
    }

    func dropPlaced() throws {
        pendingPlaced.removeAll()
        pendingSeqs.removeAll()
        try put(.discard)
        repetition?.reset()
    }

    private func handOverPlaced() throws {
        guard !pendingPlaced.isEmpty else { return }
        let batch = Batch.placed(pendingPlaced, pendingSeqs)
        pendingPlaced = []
        pendingPlaced.reserveCapacity(Self.batchSize)
        pendingSeqs = []
        pendingSeqs.reserveCapacity(Self.batchSize)
        try put(batch)
    }

    private func handOverStaged() throws {
        guard !pendingStaged.isEmpty else { return }
        let batch = Batch.staged(pendingStaged)
        pendingStaged = RecordRows(capacity: Self.batchSize, sealing: sealing)
        try put(batch)
    }

    /// The store's own error, if writing failed: it ends the ingest (it is never taken for a file
    /// that could not be read).
    var failure: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Drops the records handed on so far (the importer failed half-way: the file is kept with a
    /// warning, without them).
    func discard() throws {
        try handOver()
        try put(.discard)
        repetition?.reset()
    }

    private func handOver() throws {
        guard !pending.isEmpty else { return }
        let batch = Batch.records(pending)
        pending = RecordRows(capacity: Self.batchSize, sealing: sealing)
        try put(batch)
    }

    private func put(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.depth && stopped == nil { condition.wait() }
        if let stopped { throw stopped }
        waiting.append(batch)
        condition.broadcast()
    }

    /// The reading is over: what is pending goes, then the writer sees the end.
    private func close() {
        try? handOver()
        try? handOverPlaced()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: the writing side

    /// The next batch, waiting for it; nil once the reading is over and all is taken.
    private func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The writer failed: the reading side's next hand-over throws `error`.
    private func stop(_ error: any Error) {
        condition.lock()
        if stopped == nil { stopped = error }
        condition.broadcast()
        condition.unlock()
    }
}

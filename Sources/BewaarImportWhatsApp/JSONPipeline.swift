import Foundation
import BewaarImport

/// Writes the records' JSON on a second thread while the reading goes on: the reader hands over
/// batches of finished ``ChatRecord``s, a writer thread turns them into JSON and gives that to
/// the sink, in order. At most ``depth`` batches wait, so memory stays small; the output bytes
/// are those of writing every record on one thread.
final class JSONPipeline: @unchecked Sendable {
    /// Records per batch, and batches that may wait for the writer.
    static let batchSize = 2048
    static let depth = 3

    /// A batch of records with the author table as it stood when the batch was handed over.
    private struct Batch {
        var records: [ChatRecord]
        var authorJSON: [[UInt8]]
    }

    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var closed = false
    private var finished = false
    private var failure: (any Error)?
    /// Start offset of the first record the writer has not written yet (nil: all written).
    private var writerAt: Int?
    private var pending: [ChatRecord] = []

    private let sink: any RecordJSONSink
    private let bytes: UnsafeBufferPointer<UInt8>

    /// Starts the writer thread for `sink`; `bytes` is the chat text the records point into and
    /// must stay valid until ``finish()`` returns.
    init(sink: any RecordJSONSink, bytes: UnsafeBufferPointer<UInt8>) {
        self.sink = sink
        self.bytes = bytes
        pending.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Adds the next finished record; hands a full batch to the writer (waiting while it is behind).
    /// Throws the writer's error, if it had one.
    func add(_ r: ChatRecord, authorJSON: @autoclosure () -> [[UInt8]]) throws {
        pending.append(r)
        if pending.count >= Self.batchSize { try handOver(authorJSON()) }
    }

    /// Bytes before this offset are no longer needed for any record handed over (nil: none waits).
    var oldestNeeded: Int? {
        condition.lock()
        let at = writerAt
        condition.unlock()
        return at ?? pending.first.map { Int($0.origin.offset) }
    }

    /// Hands over what is left, waits until everything is written, and throws the writer's error.
    func finish(authorJSON: [[UInt8]]) throws {
        // The writer is closed and joined even when the last hand-over fails (it already failed).
        var handOverFailure: (any Error)?
        if !pending.isEmpty {
            do { try handOver(authorJSON) } catch { handOverFailure = error }
        }
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        let failure = self.failure ?? handOverFailure
        condition.unlock()
        if let failure { throw failure }
    }

    private func handOver(_ authorJSON: [[UInt8]]) throws {
        let batch = Batch(records: pending, authorJSON: authorJSON)
        pending.removeAll(keepingCapacity: true)
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= Self.depth && failure == nil { condition.wait() }
        if let failure { throw failure }
        if writerAt == nil { writerAt = Int(batch.records.first?.origin.offset ?? 0) }
        waiting.append(batch)
        condition.broadcast()
    }

    /// The writer thread: takes batches in order until closed and empty.
    private func run() {
        while true {
            condition.lock()
            while waiting.isEmpty && !closed { condition.wait() }
            guard !waiting.isEmpty else {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = waiting[0]
            let failed = failure != nil
            condition.unlock()
            var error: (any Error)?
            if !failed {
                do {
                    for r in batch.records {
                        try sink.record { MessageBuilder.writeJSON(r, bytes: bytes, authorJSON: batch.authorJSON, into: &$0) }
                    }
                } catch let e { error = e }
            }
            condition.lock()
            waiting.removeFirst()
            if let error, failure == nil { failure = error }
            writerAt = waiting.first.flatMap { $0.records.first.map { Int($0.origin.offset) } }
            condition.broadcast()
            condition.unlock()
        }
    }
}

import Foundation
import BewaarModel
import BewaarImport

/// The streaming read behind `inspect --json`: each message is handed on as soon as no later
/// record can change it, so the chat never exists as a list of messages.
///
/// The file-wide checks keep their exact results with small state: out-of-order needs the two
/// timed records after a record (a queue of a few messages); Android look-alikes flag only those
/// out-of-order records, once the `author-seen-once` rule is known not to apply (author counts
/// from a cheap pre-pass over the first lines). When it could apply, and for iOS (chat-name
/// lines are found anywhere in the file), the messages are built as before and then handed on.
extension ChatReader {
    /// Streams the messages of `b` to `records` after calling `begin` with the file-level fields
    /// known before the first; returns the warnings and the complete `extra` (with no messages).
    /// A ``RecordJSONSink`` gets each record written straight from the bytes on a second thread
    /// (``JSONPipeline``), without strings. `release(offset)` is told that bytes before `offset`
    /// will not be read again.
    static func stream(_ b: UnsafeBufferPointer<UInt8>, zone: TimeZone, forcedOrder: DateOrder?, part: String?,
                       begin: ([String: JSONValue]) throws -> Void, records: any RecordSink,
                       release: (Int) -> Void = { _ in }) throws -> ChatReading {
        // First pass: only what must be known before the first record (no record is kept).
        var count = 0, crlf = 0, lf = 0
        var evidence = DateOrderEvidence()
        var authors = AuthorTable()
        var released = 0
        let scan = ChatScanner.scanEach(b) { r in
            count += 1
            if let p = r.precededByCRLF { if p { crlf += 1 } else { lf += 1 } }
            evidence.add(r.header)
            if let colon = MessageBuilder.authorEnd(b, r) {
                let start = r.header.bodyStart
                authors.count(authors.intern(b, start, colon))
            }
            if r.start - released >= ChatStream.releaseStep {
                release(r.start)
                released = r.start
            }
        }
        if let f = scan.finalBreakIsCRLF { if f { crlf += 1 } else { lf += 1 } }
        let terminator = LineEndingRule.terminator(crlf: crlf, lf: lf)
        // iOS (chat-name lines anywhere, folded records) and a possible `author-seen-once`
        // flag need every message first: the collecting read, handed on afterwards.
        guard let shape = scan.shape, shape.platform == "android", !(terminator == "CRLF" && lf > 0),
              !ChatChecks.onceRuleApplies(authors.participants) else {
            var out = read(b, zone: zone, forcedOrder: forcedOrder, part: part)
            try begin(out.extra)
            for m in out.messages { try records.record(m) }
            out.messages = []
            return out
        }
        var out = ChatReading()
        guard let (_, decision, fileExtra) = conclude(b, scan, records: count, evidence: evidence, lineEndings: (terminator, crlf, lf),
                                                      zone: zone, forcedOrder: forcedOrder, out: &out) else {
            try begin(out.extra)
            return out
        }
        var head = fileExtra
        let caps = ChatChecks.exportCaps(count: count)
        for (cap, _) in caps { head["exportCap"] = .int(cap) }
        try begin(head)

        // Second pass: build, settle the order flags, hand on, forget.
        var builder = MessageBuilder(bytes: b, shape: shape, order: decision.order, zone: zone, part: part)
        var queue = OrderQueue()
        let pipeline = (records as? any RecordJSONSink).map { JSONPipeline(sink: $0, bytes: b) }
        func emit(_ r: ChatRecord) throws {
            if let pipeline { try pipeline.add(r, authorJSON: builder.authors.json) } else { try records.record(builder.message(r)) }
        }
        var lookalikes: [ImportWarning] = []
        var index = 0
        var failure: (any Error)?
        released = 0
        _ = ChatScanner.scanEach(b) { r in
            guard failure == nil else { return }
            do {
                try queue.add(builder.read(r).0, index: index) { i, done in
                    ChatStream.flagLookalike(&done, index: i, warnings: &lookalikes)
                    try emit(done)
                }
            } catch { failure = error }
            index += 1
            // Bytes before the oldest held or unwritten record are not read again.
            if r.start - released >= ChatStream.releaseStep {
                released = min(queue.oldestStart ?? r.start, pipeline?.oldestNeeded ?? r.start)
                release(released)
            }
        }
        if failure == nil {
            do {
                try queue.finish { i, done in
                    ChatStream.flagLookalike(&done, index: i, warnings: &lookalikes)
                    try emit(done)
                }
            } catch { failure = error }
        }
        // The writer has finished (or failed) before the bytes may go.
        do { try pipeline?.finish(authorJSON: builder.authors.json) } catch { failure = failure ?? error }
        if let failure { throw failure }

        out.warnings += builder.warnings
        out.participants = builder.authors.participants
        if queue.flagged > 0 { out.warnings.append(ChatChecks.outOfOrderWarning(queue.flagged)) }
        out.warnings += lookalikes
        for (_, warning) in caps { out.warnings.append(warning) }
        out.extra = head
        out.extra["participants"] = .array(out.participants.map { .object(["name": .string($0.0), "messages": .int($0.1)]) })
        return out
    }
}

enum ChatStream {
    /// How far the reading moves on between telling the text it may drop what lies behind.
    static let releaseStep = 1 << 20

    /// Android: an out-of-order authored record (not the first) is a possible typed header.
    static func flagLookalike(_ m: inout ChatRecord, index: Int, warnings: inout [ImportWarning]) {
        guard index > 0, m.author != nil, m.kind != .system, m.flags.contains("out-of-order") else { return }
        m.flags.append("header-lookalike")
        m.extra["headerLookalikeReasons"] = .array([.string("breaks-chronology")])
        warnings.append(ChatChecks.lookalikeWarning(line: m.origin.line))
    }
}

/// The out-of-order rule of ``ChatChecks`` applied while records arrive: a record is final once
/// the second timed record after it is known (its own decision needs the next timed record, and
/// the next record's decision may flag it as the spike before it).
struct OrderQueue {
    private var held: [(index: Int, message: ChatRecord)] = []
    /// The last two timed records: (index, seconds); `b` is the one still awaiting its decision.
    private var a: (index: Int, t: Double)?
    private var b: (index: Int, t: Double)?
    private(set) var flagged = 0

    var oldestStart: Int? { held.first.map { Int($0.message.origin.offset) } }

    /// Adds the next record; hands the records that became final to `body`, in order.
    mutating func add(_ m: ChatRecord, index: Int, _ body: (Int, inout ChatRecord) throws -> Void) rethrows {
        let t = m.timestamp?.date.timeIntervalSince1970
        held.append((index, m))
        guard let t else { return }
        guard let current = b else {
            b = (index, t)
            return
        }
        decide(current, next: t)
        a = current
        b = (index, t)
        // Every record before `current` is final now.
        try drain(before: current.index, body)
    }

    /// The last decision (no next timed record), then every record still held to `body`.
    mutating func finish(_ body: (Int, inout ChatRecord) throws -> Void) rethrows {
        if let current = b { decide(current, next: nil) }
        try drain(before: Int.max, body)
    }

    /// ``ChatChecks``' rule for record `i` with the timed record before it (`a`) and after it.
    private mutating func decide(_ i: (index: Int, t: Double), next: Double?) {
        guard let p = a, i.t < p.t else { return }
        var spike = false
        if let next { spike = p.t > next && i.t <= next }
        if p.index == 0 || spike {
            let k = slot(p.index)
            if !held[k].message.flags.contains("out-of-order") {
                held[k].message.flags.append("out-of-order")
                flagged += 1
            }
        } else {
            held[slot(i.index)].message.flags.append("out-of-order")
            flagged += 1
        }
    }

    private func slot(_ index: Int) -> Int { index - held[0].index }

    private mutating func drain(before index: Int, _ body: (Int, inout ChatRecord) throws -> Void) rethrows {
        var n = 0
        while n < held.count, held[n].index < index {
            try body(held[n].index, &held[n].message)
            n += 1
        }
        if n == held.count { held.removeAll(keepingCapacity: true) } else if n > 0 { held.removeFirst(n) }
    }
}

import Foundation

/// Counts the message blocks of a Meta thread page from its bytes, before it is parsed: the
/// `div` start tags whose class words mark a block the way ``MetaHTMLReader`` matches them.
///
/// A page lists its newest message first and records are kept oldest first, so a block's record
/// is numbered by how many blocks come after it: with this count a record's number is known as
/// soon as its block is read, and the store can write it at once. The count only has to agree with
/// the parse on the pages Meta writes; where it does not (a block inside a comment, a class with a
/// character reference, a nested block), the reader sees it at the end and reads the page again
/// the slower way, so the count can never make a record land in the wrong place.
///
/// Comments are skipped; quoted attribute values may hold `>`; element and attribute names are
/// matched without regard to case (libxml2's HTML parser lowers them). A tag longer than
/// ``longestTag`` bytes ends the count (nil).
struct MetaHTMLBlockCount {
    static let longestTag = 64 * 1024

    private(set) var count = 0
    /// Bytes of a tag or comment that a chunk ended inside of, carried into the next chunk.
    private var carry: [UInt8] = []
    private var failed = false

    /// Counts the blocks of the file at `path`; nil when the count cannot be trusted.
    static func count(file path: String) throws -> Int? {
        var counter = MetaHTMLBlockCount()
        try FileChunks.forEach(path) { counter.scan($0) }
        return counter.finish()
    }

    /// The count of a file, made on a thread of its own while the page is read.
    final class Background: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        /// Nil while counting; then the count, or `.some(nil)` when it cannot be trusted.
        private var value: Int??

        init(file path: String) {
            let thread = Thread { [self] in
                let n = (try? MetaHTMLBlockCount.count(file: path)) ?? nil
                lock.withLock { value = .some(n) }
                done.signal()
            }
            thread.start()
        }

        /// The count if it is done (`.some(nil)`: it cannot be trusted), without waiting.
        var finished: Int?? { lock.withLock { value } }

        /// The count, once it is done.
        func wait() -> Int? {
            done.wait()
            done.signal()
            return lock.withLock { value ?? nil }
        }
    }

    /// The count once every chunk is scanned.
    func finish() -> Int? { failed ? nil : count }

    /// Scans the next chunk of the page.
    mutating func scan(_ chunk: UnsafeRawBufferPointer) {
        guard !failed, !chunk.isEmpty else { return }
        if carry.isEmpty {
            let rest = scanWhole(chunk.bindMemory(to: UInt8.self))
            keep(chunk.bindMemory(to: UInt8.self), from: rest)
        } else {
            // The carried tag goes on in this chunk: scanned joined (a copy of 256 KB per chunk).
            let bytes = chunk.bindMemory(to: UInt8.self)
            var joined = carry
            joined.append(contentsOf: bytes)
            carry = []
            joined.withUnsafeBufferPointer { j in
                let rest = scanWhole(j)
                keep(j, from: rest)
            }
        }
    }

    /// Keeps what a chunk ended inside of (from `rest`), within ``longestTag``.
    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, from rest: Int) {
        guard rest < bytes.count else { return }
        if bytes.count - rest > Self.longestTag { failed = true; return }
        carry = Array(bytes[rest...])
    }

    /// Counts the complete tags in `b`; returns where an unfinished tag or comment begins (or
    /// `b.count`).
    private mutating func scanWhole(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var i = 0
        while i < n {
            guard let lt = Self.find(0x3C, in: b, from: i) else { return n }  // "<"
            // A comment: skip to "-->".
            if lt + 4 <= n, b[lt + 1] == 0x21, b[lt + 2] == 0x2D, b[lt + 3] == 0x2D {
                guard let end = Self.commentEnd(in: b, from: lt + 4) else { return lt }
                i = end
                continue
            }
            if lt + 4 > n { return lt }
            let isDiv = Self.lower(b[lt + 1]) == 0x64 && Self.lower(b[lt + 2]) == 0x69 && Self.lower(b[lt + 3]) == 0x76
            guard isDiv else {
                i = lt + 1
                continue
            }
            if lt + 5 > n { return lt }
            let after = b[lt + 4]
            guard after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x0C || after == 0x3E || after == 0x2F else {
                i = lt + 1
                continue
            }
            guard let (end, block) = Self.attributes(in: b, from: lt + 4) else { return lt }
            if block { count += 1 }
            i = end + 1
        }
        return n
    }

    /// One pass over a tag's attributes from `from`: the `>` that ends the tag (outside quoted
    /// values; a quote opens a value only after `=`), and whether its first `class` marks a
    /// message block. Nil when the tag does not end in `b`.
    static func attributes(in b: UnsafeBufferPointer<UInt8>, from: Int) -> (end: Int, block: Bool)? {
        let n = b.count
        var i = from
        var block: Bool?
        while true {
            while i < n, isSpace(b[i]) || b[i] == 0x2F { i += 1 }
            guard i < n else { return nil }
            if b[i] == 0x3E { return (i, block ?? false) }
            let nameStart = i
            while i < n, !isSpace(b[i]), b[i] != 0x3D, b[i] != 0x3E, b[i] != 0x2F { i += 1 }
            let name = nameStart..<i
            while i < n, isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            guard b[i] == 0x3D else { continue }
            i += 1
            while i < n, isSpace(b[i]) { i += 1 }
            guard i < n else { return nil }
            let value: Range<Int>
            if b[i] == 0x22 || b[i] == 0x27 {
                guard let close = find(b[i], in: b, from: i + 1) else { return nil }
                value = (i + 1)..<close
                i = close + 1
            } else {
                let start = i
                while i < n, !isSpace(b[i]), b[i] != 0x3E { i += 1 }
                value = start..<i
            }
            // The first class attribute counts, as in libxml2.
            if block == nil, isClass(UnsafeBufferPointer(rebasing: b[name])) {
                block = marks(UnsafeBufferPointer(rebasing: b[value]))
            }
        }
    }

    /// The reader's rule: words split at U+0020 only; `_a6-g`, `_2lej`, or `pam` with `uiBoxWhite`.
    static func marks(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var pam = false, box = false
        var i = 0
        let n = value.count
        while i < n {
            while i < n, value[i] == 0x20 { i += 1 }
            let start = i
            while i < n, value[i] != 0x20 { i += 1 }
            let word = UnsafeBufferPointer(rebasing: value[start..<i])
            if equal(word, blockA6G) || equal(word, block2LEJ) { return true }
            if equal(word, wordPam) { pam = true }
            if equal(word, wordBox) { box = true }
        }
        return pam && box
    }

    private static let blockA6G = Array("_a6-g".utf8), block2LEJ = Array("_2lej".utf8)
    private static let wordPam = Array("pam".utf8), wordBox = Array("uiBoxWhite".utf8), wordClass = Array("class".utf8)

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where a[k] != b[k] { return false }
        return true
    }

    /// Whether `name` is `class` in any case.
    private static func isClass(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == 5 else { return false }
        for k in 0..<5 where lower(name[k]) != wordClass[k] { return false }
        return true
    }

    private static func commentEnd(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while let dash = find(0x2D, in: b, from: i) {
            if dash + 2 < b.count, b[dash + 1] == 0x2D, b[dash + 2] == 0x3E { return dash + 3 }
            if dash + 2 >= b.count { return nil }
            i = dash + 1
        }
        return nil
    }

    private static func find(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress else { return nil }
        guard let p = memchr(base + from, Int32(byte), b.count - from) else { return nil }
        return UnsafeRawPointer(p) - UnsafeRawPointer(base)
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
}

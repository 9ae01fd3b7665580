/// The numbers of a newest-first page's records, given as their blocks are read: with the page's
/// blocks counted before (``MetaHTMLBlockCount``), block `k` of `total` holds the record kept at
/// sequence number `total - 1 - k`, as long as the page is what Meta writes: every block after the
/// first record holds a record, and no time is later than the one above it.
///
/// That is exactly when the collecting read's order (``PageOrderRecords/order(newestFirst:)``: by
/// time, ties and untimed records in reverse page order) is the page turned round: with times that
/// never go up, its comparison is "later in the page first" for every pair. Anything else breaks
/// the numbering at once (``broken``), and the page is read again by staging.
struct PlacedPageOrder {
    /// Blocks the count found (nil until it is there, ``counted(_:)``: the page is read meanwhile).
    private(set) var total: Int?
    private(set) var blocksSeen = 0
    private var current = -1
    private var first: Int?
    private var last = -1
    private(set) var placed = 0
    /// The time of the last timed record (`timeIntervalSinceReferenceDate`).
    private var lastTime: Double?
    private(set) var broken = false

    init(total: Int? = nil) {
        self.total = total
    }

    /// The count of the page's blocks is there.
    mutating func counted(_ total: Int) {
        self.total = total
    }

    /// A message block begins.
    mutating func blockStarted() {
        current = blocksSeen
        blocksSeen += 1
    }

    /// Takes the current block's record, with time `time`: its block's number in the page
    /// (``seq(ofBlock:)`` gives the record's number once the blocks are counted); nil when the
    /// page does not fit the numbering.
    mutating func take(time: Double?) -> Int? {
        guard !broken else { return nil }
        if let time {
            if let lastTime, time > lastTime { return breaks() }
            lastTime = time
        }
        guard current > last else { return breaks() }
        if first == nil { first = current }
        last = current
        placed += 1
        return current
    }

    /// The number of the record of block `k`: `total − 1 − k`. Nil while the blocks are not
    /// counted, and nil (the page does not fit) when the count has fewer blocks.
    mutating func seq(ofBlock k: Int) -> Int? {
        guard let total, !broken else { return nil }
        guard k < total else { return breaks() }
        return total - 1 - k
    }

    /// ``take(time:)`` and ``seq(ofBlock:)`` in one, for a page whose blocks are counted.
    mutating func seq(time: Double?) -> Int? {
        guard let k = take(time: time) else { return nil }
        return seq(ofBlock: k)
    }

    /// The current block gave no record (the participants, or a block without a time).
    mutating func blockWithoutRecord() {
        if placed > 0 { broken = true }
    }

    /// A record that is not in a counted block (the ≤2017 layout).
    mutating func uncounted() { broken = true }

    /// Whether the records placed are exactly the numbers `0..<placed`.
    var fits: Bool {
        guard !broken, let total, blocksSeen == total else { return false }
        guard let first else { return true }
        return last == total - 1 && placed == total - first
    }

    private mutating func breaks() -> Int? {
        broken = true
        return nil
    }
}

extension PlacedPageOrder {
    /// Stops reading a page whose placing broke.
    struct Abandoned: Error {}
}

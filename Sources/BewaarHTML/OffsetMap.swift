/// Maps byte offsets in the UTF-8 text libxml2 parsed back to byte offsets in the original.
///
/// The text is cut into runs in which every character took `inUnit` bytes in the original and
/// `outUnit` bytes in UTF-8; valid UTF-8 is one run, so the map stays tiny in the common case.
public struct OffsetMap: Sendable {
    private var outStart: [Int64] = [0]
    private var inStart: [Int64] = [0]
    private var inUnit: [UInt8] = [1]
    private var outUnit: [UInt8] = [1]
    private var outEnd: Int64 = 0
    private var inEnd: Int64 = 0

    public init(startingAt originalOffset: Int64 = 0) {
        inStart[0] = originalOffset
        inEnd = originalOffset
    }

    /// Records one character (or a run of `count` equal-width characters).
    @inline(__always)
    mutating func add(inWidth: Int, outWidth: Int, count: Int = 1) {
        let last = outStart.count - 1
        if inUnit[last] != UInt8(inWidth) || outUnit[last] != UInt8(outWidth) {
            if outStart[last] == outEnd {
                inUnit[last] = UInt8(inWidth); outUnit[last] = UInt8(outWidth)
            } else {
                outStart.append(outEnd); inStart.append(inEnd)
                inUnit.append(UInt8(inWidth)); outUnit.append(UInt8(outWidth))
            }
        }
        outEnd += Int64(outWidth * count)
        inEnd += Int64(inWidth * count)
    }

    /// The original offset of UTF-8 offset `p`.
    public func original(_ p: Int64) -> Int64 {
        if p >= outEnd { return inEnd }
        var lo = 0, hi = outStart.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if outStart[mid] <= p { lo = mid } else { hi = mid - 1 }
        }
        return inStart[lo] + (p - outStart[lo]) / Int64(outUnit[lo]) * Int64(inUnit[lo])
    }

    /// Number of runs (for tests: valid UTF-8 stays one run).
    public var runCount: Int { outStart.count }
}

/// A set of byte values as a 256-bit mask: membership is two shifts, no hashing.
struct ByteSet: Sendable {
    private var low: UInt128 = 0
    private var high: UInt128 = 0

    init(_ members: String) {
        for c in members.utf8 {
            if c < 128 { low |= 1 << c } else { high |= 1 << (c - 128) }
        }
    }

    func contains(_ c: UInt8) -> Bool {
        c < 128 ? low >> c & 1 == 1 : high >> (c - 128) & 1 == 1
    }
}

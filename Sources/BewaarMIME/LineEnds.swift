/// Line ends in mail: LF, CRLF or a lone CR all end a line.
public enum LineEnds {
    /// From `i`, the end of the line's content and the start of the next line (`end` when the
    /// line runs to the end of the range).
    @inline(__always)
    public static func line(_ b: UnsafeBufferPointer<UInt8>, from i: Int, end: Int) -> (contentEnd: Int, next: Int) {
        var j = i
        while j < end {
            let c = b[j]
            if c == 0x0A { return (j, j + 1) }
            if c == 0x0D {
                if j + 1 < end && b[j + 1] == 0x0A { return (j, j + 2) }
                return (j, j + 1)
            }
            j += 1
        }
        return (end, end)
    }

    /// Whether the bytes at `i` start with `prefix`.
    @inline(__always)
    public static func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, _ prefix: [UInt8]) -> Bool {
        guard i + prefix.count <= end else { return false }
        for k in 0..<prefix.count where b[i + k] != prefix[k] { return false }
        return true
    }

    /// `c` with an ASCII capital letter lowered.
    @inline(__always)
    public static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
}

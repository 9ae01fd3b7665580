import BewaarModel

/// A problem found while reading a message, anchored at a byte offset of the buffer being read;
/// turned into an ``ImportWarning`` with a line number once the whole file is read.
struct MailWarning: Sendable, Hashable {
    var message: String
    var code: String
    /// Offset into the file (or into the decoded part for a message inside a base64 part).
    var offset: Int
    /// Whether `offset` is into the file itself (false inside a decoded part: no line number).
    var inFile: Bool = true
}

/// Counts lines up to offsets in one buffer, front to back (offsets must be asked in
/// ascending order to stay linear; out-of-order asks restart the count).
struct LineCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The 1-based line holding `offset` (LF, CRLF and lone CR all end a line).
    mutating func line(at offset: Int) -> Int {
        let target = min(max(offset, 0), bytes.count)
        if target < at { at = 0; line = 1 }
        var i = at
        while i < target {
            let c = bytes[i]
            if c == 0x0A { line += 1 } else if c == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { line += 1 }
            i += 1
        }
        at = target
        return line
    }
}

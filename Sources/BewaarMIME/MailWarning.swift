import BewaarModel

/// A problem found while reading a message, anchored at a byte offset of the buffer being read;
/// turned into an ``ImportWarning`` with a line number once the whole file is read.
public struct MailWarning: Sendable, Hashable {
    /// What is wrong, in Dutch.
    public var message: String
    /// A stable code, such as `boundary-close-missing`.
    public var code: String
    /// Offset into the file (or into the decoded part for a message inside a base64 part).
    public var offset: Int
    /// Whether `offset` is into the file itself (false inside a decoded part: no line number).
    public var inFile: Bool = true

    public init(message: String, code: String, offset: Int, inFile: Bool = true) {
        self.message = message
        self.code = code
        self.offset = offset
        self.inFile = inFile
    }
}

/// Counts lines up to offsets in one buffer, front to back (offsets must be asked in
/// ascending order to stay linear; out-of-order asks restart the count).
public struct LineCounter {
    let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var line = 1

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The 1-based line holding `offset` (LF, CRLF and lone CR all end a line).
    public mutating func line(at offset: Int) -> Int {
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

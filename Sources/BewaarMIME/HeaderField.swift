/// One header field as written: its name, the raw bytes of its value (folding kept) and where
/// it sits. Decoded forms are computed from the raw bytes on demand.
public struct HeaderField: Sendable, Hashable {
    /// The name as written (case kept).
    public let name: String
    /// The value bytes after the colon, up to the end of the field's last line (line breaks of
    /// folded lines kept, the final line break not).
    public var rawValue: [UInt8]
    /// Byte offset of the field's first byte in the buffer it was read from.
    public var offset: Int
    /// Byte length of the whole field including its final line break.
    public var length: Int

    public init(name: String, rawValue: [UInt8], offset: Int, length: Int) {
        self.name = name
        self.key = name.lowercased()
        self.rawValue = rawValue
        self.offset = offset
        self.length = length
    }

    /// The name in lower case, for comparisons.
    public let key: String

    /// The value unfolded (line breaks removed), leading and trailing blanks dropped, as bytes.
    public var unfoldedBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(rawValue.count)
        for c in rawValue where c != 0x0D && c != 0x0A { out.append(c) }
        var s = 0, e = out.count
        while s < e, out[s] == 0x20 || out[s] == 0x09 { s += 1 }
        while e > s, out[e - 1] == 0x20 || out[e - 1] == 0x09 { e -= 1 }
        return Array(out[s..<e])
    }

    /// The unfolded value as text: UTF-8, else windows-1252 (raw 8-bit headers), no RFC 2047.
    public var text: String { Charset.utf8OrWindows1252(unfoldedBytes).text }

    /// The unfolded value with RFC 2047 encoded words decoded (for unstructured fields such as
    /// Subject).
    public var decoded: String { EncodedWord.decodeText(unfoldedBytes).text }

    /// Whether the raw value holds bytes above 0x7F that are not UTF-8.
    public var hasRaw8BitNonUTF8: Bool {
        guard rawValue.contains(where: { $0 >= 0x80 }) else { return false }
        return Charset.utf8OrWindows1252(rawValue).usedUTF8 == false
    }
}

/// Where a record came from in its original: the first line (1-based, when the format has
/// lines), the byte offset and the byte length of its full span. With these a reader can cut
/// the exact original bytes and put them beside the normalised record.
public struct Origin: Hashable, Sendable {
    public var line: Int?
    public var offset: Int64
    public var length: Int64
    /// For a record inside a container (a part of an MHTML page, a member of a zip): which
    /// part the offset is into.
    public var part: String?
    /// For a record read from an image (a screenshot): where it sits in the picture. The byte
    /// range is then the whole image file.
    public var box: PixelRect?

    public init(line: Int?, offset: Int64, length: Int64, part: String? = nil, box: PixelRect? = nil) {
        self.line = line
        self.offset = offset
        self.length = length
        self.part = part
        self.box = box
    }
}

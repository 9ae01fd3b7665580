/// A file found inside an original and kept (an archive member, a MIME part, an attachment):
/// what an importer hands back and what the store records, one type for both.
public struct ContainedOriginal: Hashable, Sendable {
    /// Its own name (the member's file name).
    public var name: String
    /// Where it sits in the parent: a zip member path, a MIME part number.
    public var pathInParent: String
    public var mediaType: String
    public var size: Int64
    public var sha256: SHA256Digest

    public init(name: String, pathInParent: String, mediaType: String, size: Int64, sha256: SHA256Digest) {
        self.name = name
        self.pathInParent = pathInParent
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
    }
}

/// A file a message names or carries. `size` and `sha256` are known when the file itself was
/// in the evidence (a zip member, a mail part); a chat line that only names a file has neither.
public struct Attachment: Hashable, Sendable {
    public var name: String
    public var size: Int64?
    public var sha256: SHA256Digest?
    public var mediaType: String?

    public init(name: String, size: Int64? = nil, sha256: SHA256Digest? = nil, mediaType: String? = nil) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.mediaType = mediaType
    }
}

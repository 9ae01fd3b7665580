/// One normalised record: a chat message, an e-mail, a post, a system line. It always points
/// back to its bytes in the original through ``origin``.
public struct Message: Hashable, Sendable {
    /// When it was sent, with the offset that was applied; nil when the original has no time.
    public var timestamp: Timestamp?
    /// The author exactly as the original writes it (a name, a phone number, an address);
    /// nil for lines the platform wrote.
    public var author: String?
    /// The text exactly as in the original (no normalisation).
    public var text: String
    public var kind: MessageKind
    public var attachments: [Attachment]
    public var origin: Origin
    /// Markers an investigator must see, e.g. `edited`, `out-of-order`, `header-lookalike`.
    public var flags: [String]
    /// Format-specific fields (an `email` object, a `platform`, a `thread`…), added to the
    /// message's JSON as they are.
    public var extra: [String: JSONValue]

    public init(timestamp: Timestamp?, author: String?, text: String, kind: MessageKind = .message,
                attachments: [Attachment] = [], origin: Origin, flags: [String] = [],
                extra: [String: JSONValue] = [:]) {
        self.timestamp = timestamp
        self.author = author
        self.text = text
        self.kind = kind
        self.attachments = attachments
        self.origin = origin
        self.flags = flags
        self.extra = extra
    }
}

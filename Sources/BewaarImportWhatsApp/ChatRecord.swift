import BewaarModel

/// One record as ``MessageBuilder/read(_:)`` reads it: every fact of its ``Message``, with the
/// author as an index into the chat's ``AuthorTable`` and the text as a byte range of the chat
/// text, so a record that is only written out never becomes strings.
struct ChatRecord {
    var timestamp: Timestamp?
    /// Index into the builder's authors; nil for lines the platform wrote.
    var author: Int?
    /// The exact text's bytes in the chat text.
    var text: Range<Int>
    /// Whether those bytes are valid UTF-8 (if not, the record is flagged `invalid-utf8`).
    var validText: Bool
    var kind: MessageKind
    var attachments: [Attachment]
    var origin: Origin
    var flags: [String]
    var extra: [String: JSONValue]
}

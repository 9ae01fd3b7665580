import BewaarModel

/// A record that holds only a time, an author, a text, a kind, attachments and the byte range of
/// its origin in the file, with its format fields given as their JSON object already
/// (``extraJSON``). A streaming importer hands hundreds of thousands of these on (a Messenger
/// page) without a dictionary and a JSON encoding for each; ``message`` is the same record as a
/// ``Message``.
public struct FlatRecord: Sendable, Equatable {
    public var timestamp: Timestamp?
    public var author: String?
    public var text: String
    public var kind: MessageKind
    public var attachments: [Attachment]
    /// Where the record's bytes are in the file itself (never inside a part of it).
    public var offset: Int64
    public var length: Int64
    /// The record's `extra`, serialised exactly as `JSONValue.object(extra).serialized()` writes
    /// it (compact, keys sorted by their UTF-8 bytes), with none of the keys a record's JSON
    /// gives itself (``ownKeys``).
    public var extraJSON: [UInt8]

    /// The keys of a record's JSON that are not format fields: never in ``extraJSON``.
    public static let ownKeys: Set<String> = ["timestamp", "author", "text", "kind", "attachments", "origin", "flags"]

    public init(
        timestamp: Timestamp?, author: String?, text: String, kind: MessageKind, attachments: [Attachment] = [], offset: Int64,
        length: Int64, extraJSON: [UInt8]
    ) {
        self.timestamp = timestamp
        self.author = author
        self.text = text
        self.kind = kind
        self.attachments = attachments
        self.offset = offset
        self.length = length
        self.extraJSON = extraJSON
    }

    /// The flat form of `m`, or nil when `m` holds more than a flat record can (an origin line,
    /// part or pixel box, flags, or a format field named like one of the record's own keys).
    public init?(_ m: Message) {
        guard m.origin.line == nil, m.origin.part == nil, m.origin.box == nil, m.flags.isEmpty,
            !m.extra.keys.contains(where: Self.ownKeys.contains)
        else { return nil }
        self.init(
            timestamp: m.timestamp, author: m.author, text: m.text, kind: m.kind, attachments: m.attachments, offset: m.origin.offset,
            length: m.origin.length, extraJSON: JSONValue.object(m.extra).serializedBytes())
    }

    /// The record as a ``Message`` (its `extra` parsed from ``extraJSON``).
    public var message: Message {
        let extra = extraJSON.isEmpty ? [:] : ((try? JSONParser.parse(bytes: extraJSON))?.objectValue ?? [:])
        return Message(
            timestamp: timestamp, author: author, text: text, kind: kind, attachments: attachments,
            origin: Origin(line: nil, offset: offset, length: length), extra: extra)
    }
}

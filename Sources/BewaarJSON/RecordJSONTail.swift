import BewaarModel

/// The parts of a record's JSON that are not its time, kind, author, text or byte range —
/// attachments, flags, the importer's own fields (`extra`), the origin's part and pixel box —
/// already written as JSON, for ``Message/writeJSON(timestamp:kind:line:offset:length:tail:into:author:text:)``.
/// Many records share one (most chat lines have none at all), so a reader that copies many
/// records out can write it once and keep it.
public struct RecordJSONTail: Sendable {
    /// The `extra` members that are not one of the record's own keys, in serialised (byte)
    /// order: the key, and the member as written (`"key":value`).
    let extras: [(key: String, member: [UInt8])]
    /// The attachments array as written.
    let attachments: [UInt8]
    /// The flags array as written; nil when there are none (the key is then left out).
    let flags: [UInt8]?
    /// The origin's part (a JSON string) and pixel box (an object) as written, when present.
    let part: [UInt8]?
    let box: [UInt8]?

    /// A record with no attachments, flags, fields of its own, part or box.
    public static let empty = RecordJSONTail(attachments: [], flags: [], extra: [:], part: nil, box: nil)

    public init(attachments: [Attachment], flags: [String], extra: [String: JSONValue], part: String?, box: PixelRect?) {
        // A duplicate of an own key in `extra` is ignored.
        let fields =
            extra.isEmpty ? [] : extra.filter { Message.Key(rawValue: $0.key) == nil }.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        extras = fields.map { k, v in
            var member: [UInt8] = []
            JSONValue.writeString(k, into: &member)
            member.append(0x3A)
            v.write(into: &member, pretty: false, indent: 0)
            return (k, member)
        }
        var a: [UInt8] = [0x5B]
        for (i, x) in attachments.enumerated() {
            if i > 0 { a.append(0x2C) }
            x.json.write(into: &a, pretty: false, indent: 0)
        }
        a.append(0x5D)
        self.attachments = a
        if flags.isEmpty {
            self.flags = nil
        } else {
            var f: [UInt8] = [0x5B]
            for (i, x) in flags.enumerated() {
                if i > 0 { f.append(0x2C) }
                JSONValue.writeString(x, into: &f)
            }
            f.append(0x5D)
            self.flags = f
        }
        self.part = part.map { p in
            var b: [UInt8] = []
            JSONValue.writeString(p, into: &b)
            return b
        }
        self.box = box.map { r in
            var b: [UInt8] = []
            r.json.write(into: &b, pretty: false, indent: 0)
            return b
        }
    }
}

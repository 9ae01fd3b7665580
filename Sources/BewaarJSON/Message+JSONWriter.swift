import BewaarModel

/// Writes a record's JSON straight into a byte buffer: the same bytes as `json.serialized()`,
/// without building the intermediate ``JSONValue`` tree (inspect streams hundreds of thousands).
extension Message {
    public func writeJSON(into out: inout [UInt8]) {
        Message.writeJSON(timestamp: timestamp, kind: kind, attachments: attachments, origin: origin, flags: flags, extra: extra,
                          into: &out,
                          author: { out in if let author { JSONValue.writeString(author, into: &out) } else { out.append(contentsOf: "null".utf8) } },
                          text: { out in JSONValue.writeString(text, into: &out) })
    }

    /// The record keys that are not `extra`, in serialised (byte) order.
    private enum Key: String, CaseIterable {
        case attachments, author, flags, kind, origin, text, timestamp

        /// `"name":` as bytes.
        var quoted: StaticString {
            switch self {
            case .attachments: "\"attachments\":"
            case .author: "\"author\":"
            case .flags: "\"flags\":"
            case .kind: "\"kind\":"
            case .origin: "\"origin\":"
            case .text: "\"text\":"
            case .timestamp: "\"timestamp\":"
            }
        }
    }

    /// Writes one record's compact JSON (the bytes of its `JSONValue` serialised) from its parts;
    /// `author` and `text` write those two values. Shared by ``writeJSON(into:)`` and importers
    /// that write records straight from the original's bytes, so both give the same bytes.
    public static func writeJSON(timestamp: Timestamp?, kind: MessageKind, attachments: [Attachment], origin: Origin,
                                 flags: [String], extra: [String: JSONValue], into out: inout [UInt8],
                                 author: (inout [UInt8]) -> Void, text: (inout [UInt8]) -> Void) {
        // `extra` keys sort in between the record's own keys (a duplicate of an own key is ignored).
        let extraKeys = extra.isEmpty ? [] : extra.keys.filter { Key(rawValue: $0) == nil }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var next = 0
        var first = true
        func comma() { if first { first = false } else { out.append(0x2C) } }
        func extras(before key: String?) {
            while next < extraKeys.count, key.map({ extraKeys[next].utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                comma()
                JSONValue.writeString(extraKeys[next], into: &out)
                out.append(0x3A)
                extra[extraKeys[next]]!.write(into: &out, pretty: false, indent: 0)
                next += 1
            }
        }
        out.append(0x7B)
        for key in Key.allCases where key != .flags || !flags.isEmpty {
            if next < extraKeys.count { extras(before: key.rawValue) }
            comma()
            let q = key.quoted
            out.append(contentsOf: UnsafeBufferPointer(start: q.utf8Start, count: q.utf8CodeUnitCount))
            switch key {
            case .attachments:
                out.append(0x5B)
                for (i, a) in attachments.enumerated() {
                    if i > 0 { out.append(0x2C) }
                    a.json.write(into: &out, pretty: false, indent: 0)
                }
                out.append(0x5D)
            case .author: author(&out)
            case .kind: JSONValue.writeString(kind.rawValue, into: &out)
            case .origin:
                out.append(0x7B)
                if let box = origin.box {
                    out.append(contentsOf: "\"box\":".utf8)
                    box.json.write(into: &out, pretty: false, indent: 0)
                    out.append(0x2C)
                }
                out.append(contentsOf: "\"length\":".utf8)
                Message.writeInteger(origin.length, into: &out)
                out.append(contentsOf: ",\"line\":".utf8)
                if let line = origin.line { Message.writeInteger(Int64(line), into: &out) } else { out.append(contentsOf: "null".utf8) }
                out.append(contentsOf: ",\"offset\":".utf8)
                Message.writeInteger(origin.offset, into: &out)
                if let part = origin.part {
                    out.append(contentsOf: ",\"part\":".utf8)
                    JSONValue.writeString(part, into: &out)
                }
                out.append(0x7D)
            case .text: text(&out)
            case .timestamp:
                if let timestamp {
                    out.append(0x22)
                    timestamp.writeRFC3339(into: &out)
                    out.append(0x22)
                } else { out.append(contentsOf: "null".utf8) }
            case .flags:
                out.append(0x5B)
                for (i, f) in flags.enumerated() {
                    if i > 0 { out.append(0x2C) }
                    JSONValue.writeString(f, into: &out)
                }
                out.append(0x5D)
            }
        }
        extras(before: nil)
        out.append(0x7D)
    }

    /// Decimal digits of `v`, as `String(v)` would write them.
    static func writeInteger(_ v: Int64, into out: inout [UInt8]) {
        guard v >= 0 else { out.append(contentsOf: String(v).utf8); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var x = v
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - n] = UInt8(0x30 + x % 10)
                x /= 10
                n += 1
            } while x > 0
            out.append(contentsOf: d[(20 - n)...])
        }
    }
}

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
    enum Key: String, CaseIterable {
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
        let tail = RecordJSONTail(attachments: attachments, flags: flags, extra: extra, part: origin.part, box: origin.box)
        writeJSON(
            timestamp: timestamp, kind: kind, line: origin.line, offset: origin.offset, length: origin.length, tail: tail, into: &out,
            author: author, text: text)
    }

    /// ``writeJSON(timestamp:kind:attachments:origin:flags:extra:into:author:text:)`` with the
    /// parts that are the same for many records (attachments, flags, `extra`, the origin's part
    /// and box) written once, in `tail`: readers that copy many records out keep the tail of
    /// records that share one. The same bytes, from the same writer.
    public static func writeJSON(
        timestamp: Timestamp?, kind: MessageKind, line: Int?, offset: Int64, length: Int64, tail: RecordJSONTail, into out: inout [UInt8],
        author: (inout [UInt8]) -> Void, text: (inout [UInt8]) -> Void
    ) {
        // `extra` members sort in between the record's own keys.
        var next = 0
        var first = true
        func comma() { if first { first = false } else { out.append(0x2C) } }
        func extras(before key: String?) {
            while next < tail.extras.count, key.map({ tail.extras[next].key.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                comma()
                out.append(contentsOf: tail.extras[next].member)
                next += 1
            }
        }
        out.append(0x7B)
        for key in Key.allCases where key != .flags || tail.flags != nil {
            if next < tail.extras.count { extras(before: key.rawValue) }
            comma()
            let q = key.quoted
            out.append(contentsOf: UnsafeBufferPointer(start: q.utf8Start, count: q.utf8CodeUnitCount))
            switch key {
            case .attachments: out.append(contentsOf: tail.attachments)
            case .author: author(&out)
            case .kind: JSONValue.writeString(kind.rawValue, into: &out)
            case .origin:
                out.append(0x7B)
                if let box = tail.box {
                    out.append(contentsOf: "\"box\":".utf8)
                    out.append(contentsOf: box)
                    out.append(0x2C)
                }
                out.append(contentsOf: "\"length\":".utf8)
                Message.writeInteger(length, into: &out)
                out.append(contentsOf: ",\"line\":".utf8)
                if let line { Message.writeInteger(Int64(line), into: &out) } else { out.append(contentsOf: "null".utf8) }
                out.append(contentsOf: ",\"offset\":".utf8)
                Message.writeInteger(offset, into: &out)
                if let part = tail.part {
                    out.append(contentsOf: ",\"part\":".utf8)
                    out.append(contentsOf: part)
                }
                out.append(0x7D)
            case .text: text(&out)
            case .timestamp:
                if let timestamp {
                    out.append(0x22)
                    timestamp.writeRFC3339(into: &out)
                    out.append(0x22)
                } else { out.append(contentsOf: "null".utf8) }
            case .flags: out.append(contentsOf: tail.flags ?? [])
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

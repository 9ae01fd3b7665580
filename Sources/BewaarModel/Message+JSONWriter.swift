/// Writes a record's JSON straight into a byte buffer: the same bytes as `json.serialized()`,
/// without building the intermediate ``JSONValue`` tree (inspect streams hundreds of thousands).
extension Message {
    private static let fixedKeys: Set<String> = ["timestamp", "author", "text", "kind", "attachments", "origin", "flags"]

    /// The record's own keys in serialised (byte) order.
    private static let plainKeys = ["attachments", "author", "kind", "origin", "text", "timestamp"]
    private static let flaggedKeys = ["attachments", "author", "flags", "kind", "origin", "text", "timestamp"]

    public func writeJSON(into out: inout [UInt8]) {
        var keys = flags.isEmpty ? Message.plainKeys : Message.flaggedKeys
        if !extra.isEmpty {
            for k in extra.keys where !Message.fixedKeys.contains(k) { keys.append(k) }
            keys.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        out.append(0x7B)
        for (n, key) in keys.enumerated() {
            if n > 0 { out.append(0x2C) }
            JSONValue.writeString(key, into: &out)
            out.append(0x3A)
            switch key {
            case "attachments":
                out.append(0x5B)
                for (i, a) in attachments.enumerated() {
                    if i > 0 { out.append(0x2C) }
                    a.json.write(into: &out, pretty: false, indent: 0)
                }
                out.append(0x5D)
            case "author":
                if let author { JSONValue.writeString(author, into: &out) } else { out.append(contentsOf: "null".utf8) }
            case "kind": JSONValue.writeString(kind.rawValue, into: &out)
            case "origin":
                out.append(contentsOf: "{\"length\":".utf8)
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
            case "text": JSONValue.writeString(text, into: &out)
            case "timestamp":
                if let timestamp {
                    out.append(0x22)
                    timestamp.writeRFC3339(into: &out)
                    out.append(0x22)
                } else { out.append(contentsOf: "null".utf8) }
            case "flags":
                out.append(0x5B)
                for (i, f) in flags.enumerated() {
                    if i > 0 { out.append(0x2C) }
                    JSONValue.writeString(f, into: &out)
                }
                out.append(0x5D)
            default:
                extra[key]!.write(into: &out, pretty: false, indent: 0)
            }
        }
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

/// Reads a few properties from an XMP packet (XML) with a bounded scan: each property in its
/// attribute form (`xmp:CreatorTool="…"`) or element form (`<xmp:CreatorTool>…</xmp:CreatorTool>`,
/// an `rdf:Alt` inside reduced to its text), and the xmpMM:History events. Nothing is fetched,
/// no entity beyond the five XML ones and character references is expanded.
enum XMPReader {
    /// Largest packet read (bytes); a longer one is cut with a warning.
    static let maxPacket = 1 << 20
    static let maxHistory = 256
    static let maxValue = 4096

    static func read(_ packet: String, source: String, into meta: inout ImageMetadata) {
        var bytes = Array(packet.utf8)
        if bytes.count > maxPacket {
            bytes = Array(bytes.prefix(maxPacket))
            meta.warnings.append(
                MetadataNote(
                    "xmp-too-large", nl: "Het XMP-pakket (\(source)) is groter dan 1 MB; alleen het begin is gelezen.",
                    en: "The XMP packet (\(source)) is larger than 1 MB; only its start was read."))
        }
        let xml = bytes[...]
        var props = meta.xmp ?? XMPProperties()
        func take(_ name: String, _ keyPath: WritableKeyPath<XMPProperties, String?>) {
            guard props[keyPath: keyPath] == nil, let v = value(of: name, in: xml) else { return }
            props[keyPath: keyPath] = v
            meta.fields.append(MetadataField("XMP \(name)", v))
        }
        take("xmp:CreatorTool", \.creatorTool)
        take("xmp:CreateDate", \.createDate)
        take("xmp:ModifyDate", \.modifyDate)
        take("photoshop:DateCreated", \.dateCreated)
        take("exif:UserComment", \.userComment)
        if props.userComment == nil { take("dc:description", \.userComment) }
        if let history = section("xmpMM:History", in: xml) {
            var events: [XMPHistoryEvent] = []
            var rest = history
            while props.history.count + events.count < maxHistory, let li = find(Array("<rdf:li".utf8), in: rest) {
                let after = rest[(li + 7)...]
                let end = find(Array("<rdf:li".utf8), in: after) ?? after.endIndex
                let item = after[after.startIndex..<end]
                if let action = value(of: "stEvt:action", in: item) {
                    let event = XMPHistoryEvent(
                        action: action, softwareAgent: value(of: "stEvt:softwareAgent", in: item), when: value(of: "stEvt:when", in: item))
                    events.append(event)
                    meta.fields.append(
                        MetadataField("XMP xmpMM:History", [event.action, event.softwareAgent, event.when].compactMap { $0 }.joined(separator: ", ")))
                }
                rest = after[end...]
            }
            props.history += events
        }
        meta.xmp = props
    }

    /// The first value of property `name`: attribute or element form, entities decoded, trimmed.
    static func value(of name: String, in xml: ArraySlice<UInt8>) -> String? {
        let key = Array(name.utf8)
        var from = xml.startIndex
        while let at = find(key, in: xml[from...]) {
            let after = at + key.count
            from = after
            guard at > xml.startIndex else { continue }
            let before = xml[at - 1]
            if before == UInt8(ascii: "<"), after < xml.endIndex, xml[after] == UInt8(ascii: ">") || xml[after] == UInt8(ascii: " ") {
                // Element form: text up to the closing tag, inner tags removed.
                guard let open = xml[after...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                let close = Array("</\(name)>".utf8)
                let inner = xml[(open + 1)...]
                guard let end = find(close, in: inner) else { return nil }
                return clean(stripTags(inner[inner.startIndex..<end]))
            }
            if before == UInt8(ascii: " ") || before == UInt8(ascii: "\n") || before == UInt8(ascii: "\t") || before == UInt8(ascii: "\r") {
                // Attribute form: name="value" or name='value' (spaces around = allowed).
                var i = after
                while i < xml.endIndex, xml[i] == UInt8(ascii: " ") { i += 1 }
                guard i < xml.endIndex, xml[i] == UInt8(ascii: "=") else { continue }
                i += 1
                while i < xml.endIndex, xml[i] == UInt8(ascii: " ") { i += 1 }
                guard i < xml.endIndex, xml[i] == UInt8(ascii: "\"") || xml[i] == UInt8(ascii: "'") else { continue }
                let quote = xml[i]
                let body = xml[(i + 1)...]
                guard let end = body.firstIndex(of: quote) else { return nil }
                return clean(body[body.startIndex..<end])
            }
        }
        return nil
    }

    /// The bytes inside `<name …>…</name>`, or nil.
    static func section(_ name: String, in xml: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let open = find(Array("<\(name)".utf8), in: xml) else { return nil }
        let inner = xml[open...]
        let end = find(Array("</\(name)>".utf8), in: inner) ?? inner.endIndex
        return inner[inner.startIndex..<end]
    }

    /// The index where `needle` first occurs in `hay`, or nil.
    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            guard let hit = hay[i...last].firstIndex(of: first) else { return nil }
            if hay[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            i = hit + 1
        }
        return nil
    }

    private static func stripTags(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var inTag = false
        for b in s {
            if b == UInt8(ascii: "<") { inTag = true } else if b == UInt8(ascii: ">") { inTag = false } else if !inTag { out.append(b) }
        }
        return out
    }

    /// UTF-8 text with the XML entities decoded, trimmed, at most `maxValue` characters; nil when empty.
    private static func clean<C: Collection>(_ raw: C) -> String? where C.Element == UInt8 {
        var s = String(decoding: raw.prefix(maxValue), as: UTF8.self)
        if s.contains("&") { s = decodeEntities(s) }
        let t = s.trimmingSpaces()
        return t.isEmpty ? nil : t
    }

    private static func decodeEntities(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[rest.startIndex..<amp]
            let tail = rest[amp...]
            guard let semi = tail.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = tail[tail.index(after: amp)..<semi]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let v = named[String(name)] {
                out += v
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let n = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(n) {
                out.unicodeScalars.append(u)
            } else if name.hasPrefix("#"), let n = UInt32(name.dropFirst()), let u = Unicode.Scalar(n) {
                out.unicodeScalars.append(u)
            } else {
                out += tail[amp...semi]
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}

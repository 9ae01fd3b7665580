import BewaarModel

/// The JSON shape of records and warnings in the `inspect --json` contract. Keys are never
/// renamed; new keys may be added.
extension Message {
    public var json: JSONValue {
        var o: [String: JSONValue] = extra
        o["timestamp"] = .string(timestamp?.rfc3339)
        o["author"] = .string(author)
        o["text"] = .string(text)
        o["kind"] = .string(kind.rawValue)
        o["attachments"] = .array(attachments.map(\.json))
        o["origin"] = origin.json
        if !flags.isEmpty { o["flags"] = .array(flags.map(JSONValue.string)) }
        return .object(o)
    }

    /// Reads a record back from its JSON (as the store keeps it).
    public init?(json: JSONValue) {
        guard let o = json.objectValue, let text = o["text"]?.stringValue, let kind = o["kind"]?.stringValue,
              let originJSON = o["origin"], let origin = Origin(json: originJSON) else { return nil }
        let ts = o["timestamp"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
        let attachments = (o["attachments"]?.arrayValue ?? []).compactMap(Attachment.init(json:))
        let flags = (o["flags"]?.arrayValue ?? []).compactMap(\.stringValue)
        var extra = o
        for k in ["timestamp", "author", "text", "kind", "attachments", "origin", "flags"] { extra[k] = nil }
        self.init(timestamp: ts, author: o["author"]?.stringValue, text: text, kind: MessageKind(rawValue: kind),
                  attachments: attachments, origin: origin, flags: flags, extra: extra)
    }
}

extension Attachment {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["name": .string(name)]
        if let size { o["size"] = .int(size) }
        if let sha256 { o["sha256"] = .string(sha256.hex) }
        if let mediaType { o["mediaType"] = .string(mediaType) }
        return .object(o)
    }

    public init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue else { return nil }
        self.init(name: name, size: json["size"]?.intValue, sha256: json["sha256"]?.stringValue.flatMap { SHA256Digest(hex: $0) },
                  mediaType: json["mediaType"]?.stringValue)
    }
}

extension Origin {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["line": .int(line), "offset": .int(offset), "length": .int(length)]
        if let part { o["part"] = .string(part) }
        if let box { o["box"] = box.json }
        return .object(o)
    }

    public init?(json: JSONValue) {
        guard let offset = json["offset"]?.intValue, let length = json["length"]?.intValue else { return nil }
        var box: PixelRect?
        if let b = json["box"] {
            guard let value = PixelRect(json: b) else { return nil }
            box = value
        }
        self.init(line: json["line"]?.intValue.map(Int.init), offset: offset, length: length, part: json["part"]?.stringValue, box: box)
    }
}

extension PixelRect {
    /// `{"height":…,"width":…,"x":…,"y":…}`.
    public var json: JSONValue {
        .object(["x": .int(Int64(x)), "y": .int(Int64(y)), "width": .int(Int64(width)), "height": .int(Int64(height))])
    }

    /// Nil unless all four are integers that fit an `Int`.
    public init?(json: JSONValue) {
        guard let x = json["x"]?.intValue, let y = json["y"]?.intValue, let w = json["width"]?.intValue, let h = json["height"]?.intValue,
            let xi = Int(exactly: x), let yi = Int(exactly: y), let wi = Int(exactly: w), let hi = Int(exactly: h)
        else { return nil }
        self.init(x: xi, y: yi, width: wi, height: hi)
    }
}

extension ImportWarning {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["message": .string(message)]
        if let line { o["line"] = .int(Int64(line)) }
        if let code { o["code"] = .string(code) }
        return .object(o)
    }
}

import BewaarModel
import BewaarJSON

/// What an importer read from one original.
public struct ImportResult: Sendable {
    /// The detected format id (`unknown` when no importer recognised it).
    public var format: String
    /// The media type of the original itself.
    public var mediaType: String
    public var messages: [Message]
    public var warnings: [ImportWarning]
    /// Files found inside the original and kept as originals of their own.
    public var contained: [ContainedOriginal]
    /// Format-specific top-level fields (participants, date order, an image's size…), added to
    /// the `inspect --json` object as they are.
    public var extra: [String: JSONValue]

    public init(format: String, mediaType: String, messages: [Message] = [], warnings: [ImportWarning] = [],
                contained: [ContainedOriginal] = [], extra: [String: JSONValue] = [:]) {
        self.format = format
        self.mediaType = mediaType
        self.messages = messages
        self.warnings = warnings
        self.contained = contained
        self.extra = extra
    }

    /// Streams the compact `inspect --json` bytes — identical to
    /// `inspectJSON(source:)` with `additional` merged in, serialised — in chunks of about
    /// `chunkSize` bytes, writing each record directly (no JSON tree for the records).
    public func writeInspectJSON(source: ImportSource, additional: [String: JSONValue] = [:], chunkSize: Int = 1 << 20,
                                 emit: ([UInt8]) throws -> Void) rethrows {
        guard case .object(var top) = inspectJSON(source: source, withMessages: false) else { return }
        for (k, v) in additional { top[k] = v }
        let keys = (Array(top.keys) + ["messages"]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 64 * 1024)
        out.append(0x7B)
        for (n, key) in keys.enumerated() {
            if n > 0 { out.append(0x2C) }
            out += JSONValue.string(key).serializedBytes()
            out.append(0x3A)
            guard key == "messages" else {
                out += top[key]!.serializedBytes()
                continue
            }
            out.append(0x5B)
            // Through the buffer: each record is borrowed, not copied (no retain/release per field).
            try messages.withUnsafeBufferPointer { records in
                for i in records.indices {
                    if i > 0 { out.append(0x2C) }
                    records[i].writeJSON(into: &out)
                    if out.count >= chunkSize {
                        try emit(out)
                        out.removeAll(keepingCapacity: true)
                    }
                }
            }
            out.append(0x5D)
        }
        out.append(0x7D)
        try emit(out)
    }

    /// The `inspect --json` object for this result (see the foundation contract): `format`,
    /// `source` {`name`, `size`, `sha256`}, `messages`, `warnings`, plus ``extra``.
    public func inspectJSON(source: ImportSource) -> JSONValue {
        inspectJSON(source: source, withMessages: true)
    }

    func inspectJSON(source: ImportSource, withMessages: Bool) -> JSONValue {
        var o = extra
        o["format"] = .string(format)
        o["mediaType"] = .string(mediaType)
        o["source"] = .object(["name": .string(source.name), "size": .int(source.size),
                               "sha256": .string(source.sha256?.hex)])
        if withMessages { o["messages"] = .array(messages.map(\.json)) }
        o["warnings"] = .array(warnings.map(\.json))
        if !contained.isEmpty {
            o["contained"] = .array(contained.map {
                .object(["name": .string($0.name), "path": .string($0.pathInParent), "mediaType": .string($0.mediaType),
                         "size": .int($0.size), "sha256": .string($0.sha256.hex)])
            })
        }
        return .object(o)
    }
}

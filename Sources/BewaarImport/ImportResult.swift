import BewaarModel

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

    /// The `inspect --json` object for this result (see the foundation contract): `format`,
    /// `source` {`name`, `size`, `sha256`}, `messages`, `warnings`, plus ``extra``.
    public func inspectJSON(source: ImportSource) -> JSONValue {
        var o = extra
        o["format"] = .string(format)
        o["mediaType"] = .string(mediaType)
        o["source"] = .object(["name": .string(source.name), "size": .int(source.size),
                               "sha256": .string(source.sha256?.hex)])
        o["messages"] = .array(messages.map(\.json))
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

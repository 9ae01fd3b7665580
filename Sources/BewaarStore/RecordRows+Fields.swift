import BewaarModel

extension RecordRows {
    /// One record of a batch as its columns' values, for a database that writes records its own
    /// way (PostgreSQL's ``RecordStorage``): the author by name, the kind by its text.
    package struct Fields: Sendable {
        /// Seconds since 1970 (UTC), and the original's offset from UTC (both nil: no time).
        package var time: Double?
        package var utcOffset: Int64?
        package var author: String?
        package var kind: String
        /// The text and `rest` (nil: none): sealed when ``sealed``, the plain UTF-8 otherwise.
        package var text: [UInt8]
        package var rest: [UInt8]?
        package var sealed: Bool
        package var line: Int64?
        package var offset: Int64
        package var length: Int64
        /// Whether the origin is inside a part of the original (not a range of the file itself).
        package var inPart: Bool
    }

    /// Record `index` (0..<``count``) of the batch as its columns' values.
    package func fields(_ index: Int) -> Fields {
        let e = entries[index]
        let kind = e.kindCode.map { StoredKind.codes[Int($0)] } ?? String(decoding: bytes[e.kind], as: UTF8.self)
        return Fields(
            time: e.time, utcOffset: e.time == nil ? nil : e.utcOffset, author: e.author.map { String(decoding: bytes[$0], as: UTF8.self) },
            kind: kind, text: Array(bytes[e.text]), rest: e.rest.map { Array(bytes[$0]) }, sealed: e.sealed, line: e.line, offset: e.offset,
            length: e.length, inPart: e.inPart)
    }
}

extension CaseKey {
    /// `plain` sealed with this key (``SealedValue``: the same bytes for the same text).
    package func seal(_ plain: [UInt8]) -> [UInt8] {
        plain.withUnsafeBytes { SealedValue.seal($0, with: self) }
    }

    /// The plain bytes of a value sealed with this key; nil when it is not one or does not open.
    package func open(_ sealed: [UInt8]) -> [UInt8]? {
        sealed.withUnsafeBytes { SealedValue.open($0, with: self) }
    }
}

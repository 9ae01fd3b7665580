import BewaarModel

/// The seam every format plugs into: a file in, normalised records and warnings out.
///
/// An importer never changes the original and never touches the network. Files it finds
/// inside the original (zip members, mail attachments) it streams to the context's
/// ``OriginalSink``, which keeps them as originals of their own.
public protocol EvidenceImporter: Sendable {
    /// A stable id for the format family, e.g. `whatsapp`, `email`, `html`.
    var format: String { get }

    /// How sure this importer is that the probed file is its format; nil when it is not.
    func recognise(_ probe: FileProbe) -> Recognition?

    /// Reads the file. Problems with the content are warnings in the result; throw only when
    /// nothing at all could be read (the caller still keeps the original).
    func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult

    /// Reads the file and hands each record to `records` as soon as it is final (see
    /// ``RecordSink``); the returned result has no `messages`. A default implementation reads
    /// everything first.
    func importFile(_ source: ImportSource, context: ImportContext, records: any RecordSink) throws -> ImportResult
}

/// An importer's claim on a file.
public struct Recognition: Sendable, Comparable {
    /// 0 (a guess by the name) to 100 (certain from the bytes).
    public var confidence: Int
    /// Why, in plain words, for `inspect` output.
    public var reason: String

    public init(confidence: Int, reason: String) {
        self.confidence = confidence
        self.reason = reason
    }

    public static func < (a: Recognition, b: Recognition) -> Bool { a.confidence < b.confidence }
}

/// The file being imported.
public struct ImportSource: Sendable {
    /// Path on disk (a file, or a folder for exports given unpacked).
    public var path: String
    /// The name as received.
    public var name: String
    public var size: Int64
    /// SHA-256 of the file (for a folder: nil).
    public var sha256: SHA256Digest?
    public var isDirectory: Bool

    public init(path: String, name: String, size: Int64, sha256: SHA256Digest?, isDirectory: Bool = false) {
        self.path = path
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.isDirectory = isDirectory
    }
}

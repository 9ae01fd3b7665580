import Foundation
import BewaarModel

/// An original and what its importer read from it, ready to be recorded in one transaction.
/// Its bytes (and those of everything it contains) are already in the object store.
public struct NewEvidence: Sendable {
    public var name: String
    public var size: Int64
    public var sha256: SHA256Digest
    public var mediaType: String
    public var format: String
    public var collectedBy: String
    public var collectedFrom: String?
    public var note: String?
    public var messages: [Message]
    public var warnings: [ImportWarning]
    public var contained: [Contained]
    /// Format-level fields from the importer (participants, date order…), kept as JSON.
    public var extra: [String: JSONValue]

    /// A file found inside the original (archive member, attachment): the model's
    /// ``ContainedOriginal``, the type importers hand back.
    public typealias Contained = ContainedOriginal

    public init(name: String, size: Int64, sha256: SHA256Digest, mediaType: String, format: String,
                collectedBy: String, collectedFrom: String? = nil, note: String? = nil, messages: [Message] = [],
                warnings: [ImportWarning] = [], contained: [Contained] = [], extra: [String: JSONValue] = [:]) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.mediaType = mediaType
        self.format = format
        self.collectedBy = collectedBy
        self.collectedFrom = collectedFrom
        self.note = note
        self.messages = messages
        self.warnings = warnings
        self.contained = contained
        self.extra = extra
    }
}

/// What an ingest did.
public enum IngestOutcome: Sendable {
    /// A new original was recorded with its records.
    case stored(EvidenceItem)
    /// The same bytes were already in the case: the new receipt is linked to the existing item.
    case alreadyPresent(EvidenceItem)

    public var item: EvidenceItem {
        switch self {
        case .stored(let i), .alreadyPresent(let i): return i
        }
    }
}

/// What an importer read from an original besides its records, known once the last record is
/// written (see ``CaseStore/recordIngest(_:in:reading:)``).
public struct ReadEvidence: Sendable {
    public var format: String
    public var mediaType: String
    public var warnings: [ImportWarning]
    public var contained: [NewEvidence.Contained]
    /// Format-level fields from the importer, kept as JSON.
    public var extra: [String: JSONValue]

    public init(format: String, mediaType: String, warnings: [ImportWarning] = [], contained: [NewEvidence.Contained] = [],
                extra: [String: JSONValue] = [:]) {
        self.format = format
        self.mediaType = mediaType
        self.warnings = warnings
        self.contained = contained
        self.extra = extra
    }
}

import Foundation

/// An original as it was received: its bytes are kept unchanged in the store, addressed by
/// ``sha256``. A member of an archive or an attachment of a mail is an item of its own whose
/// ``parentID`` names the item it came out of.
public struct EvidenceItem: Hashable, Sendable {
    public var id: Int64
    public var caseID: CaseID
    public var sha256: SHA256Digest
    /// The file name as received (the pupil's own name for it).
    public var name: String
    public var size: Int64
    public var mediaType: String
    /// The detected format id (`whatsapp`, `email`, `image`, `unknown`…).
    public var format: String
    /// Who collected it (the actor of the ingest).
    public var collectedBy: String
    /// From whom or which device it came ("telefoon van Sanne", "e-mail van ouder").
    public var collectedFrom: String?
    /// When it was collected (UTC instant).
    public var collectedAt: Date
    public var note: String?
    public var parentID: Int64?
    /// Where inside the parent it sits (a zip member path, a MIME part number).
    public var pathInParent: String?
    /// Counts the importer reported.
    public var messageCount: Int
    public var warningCount: Int

    public init(id: Int64, caseID: CaseID, sha256: SHA256Digest, name: String, size: Int64, mediaType: String,
                format: String, collectedBy: String, collectedFrom: String?, collectedAt: Date, note: String?,
                parentID: Int64? = nil, pathInParent: String? = nil, messageCount: Int = 0, warningCount: Int = 0) {
        self.id = id
        self.caseID = caseID
        self.sha256 = sha256
        self.name = name
        self.size = size
        self.mediaType = mediaType
        self.format = format
        self.collectedBy = collectedBy
        self.collectedFrom = collectedFrom
        self.collectedAt = collectedAt
        self.note = note
        self.parentID = parentID
        self.pathInParent = pathInParent
        self.messageCount = messageCount
        self.warningCount = warningCount
    }
}

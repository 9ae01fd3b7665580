import Foundation

/// One action on a case in the append-only custody log. Each event carries the hash of the
/// event before it in the same chain, so a removed or changed event is detectable.
public struct CustodyEvent: Hashable, Sendable {
    /// The chain: a case id, or `store` for actions outside any case.
    public var chain: String
    /// 1-based position in the chain.
    public var sequence: Int
    public var time: Date
    public var actor: String
    public var action: CustodyAction
    /// What the action concerned, as sorted string pairs (item hashes, step numbers…).
    public var details: [String: String]
    /// The previous event's hash; 64 zeros for the first event of a chain.
    public var previousHash: String
    /// SHA-256 over ``canonicalBytes``.
    public var hash: String

    /// The hash a chain's first event names as its predecessor.
    public static let genesisHash = String(repeating: "0", count: 64)

    public init(chain: String, sequence: Int, time: Date, actor: String, action: CustodyAction,
                details: [String: String], previousHash: String, hash: String = "") {
        self.chain = chain
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.action = action
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// What was done. Open-ended so later front ends can add actions without a schema change.
public struct CustodyAction: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let caseOpened: CustodyAction = "case-opened"
    public static let caseEdited: CustodyAction = "case-edited"
    public static let personAdded: CustodyAction = "person-added"
    public static let itemIngested: CustodyAction = "item-ingested"
    public static let itemReingested: CustodyAction = "item-reingested"
    public static let checklistChanged: CustodyAction = "checklist-step-changed"
    public static let exportMade: CustodyAction = "export-made"
    public static let exportSealed: CustodyAction = "export-sealed"
    public static let itemDeleted: CustodyAction = "item-deleted"
}

extension CustodyAction {
    public static let talkRecorded: CustodyAction = "talk-recorded"
    public static let caseEscalated: CustodyAction = "case-escalated"
    public static let handleLinked: CustodyAction = "handle-linked"
    public static let observationRecorded: CustodyAction = "observation-recorded"
    public static let statementRecorded: CustodyAction = "statement-recorded"
    public static let entryMarked: CustodyAction = "entry-marked"
    public static let markChanged: CustodyAction = "mark-changed"
    public static let markRemoved: CustodyAction = "mark-removed"
    public static let packetMade: CustodyAction = "packet-made"
}

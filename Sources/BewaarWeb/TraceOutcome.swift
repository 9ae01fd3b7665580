import Foundation
import BewaarStore

/// A trace as the herkomst page shows it, in the language asked for, and the record that
/// `CaseStore.recordTrace` keeps on a case (Dutch conclusion and the full result as JSON,
/// exactly as `bewaar trace --case` stores it).
public struct TraceOutcome: Sendable {
    /// The conclusion in plain words.
    public var conclusion: String
    /// `hoog`, `redelijk`, `laag` or `onbekend` (the page translates it).
    public var certainty: String
    public var reasons: [String]
    /// What the trace does NOT prove (who sat at the computer, …).
    public var notProven: [String]
    /// Things in the trusted part that weaken the conclusion.
    public var findings: [String]
    /// The Received lines, newest first.
    public var hops: [TraceHop]
    /// The network file used (nil: the built-in defaults).
    public var networkName: String?
    public var networkSHA256: String?
    public var logs: [TraceLogSummary]
    /// What is stored on a case when the mail is one of its items (the item id is set by the page).
    public var record: NewTrace

    public init(conclusion: String, certainty: String, reasons: [String], notProven: [String], findings: [String],
                hops: [TraceHop], networkName: String?, networkSHA256: String?, logs: [TraceLogSummary], record: NewTrace) {
        self.conclusion = conclusion
        self.certainty = certainty
        self.reasons = reasons
        self.notProven = notProven
        self.findings = findings
        self.hops = hops
        self.networkName = networkName
        self.networkSHA256 = networkSHA256
        self.logs = logs
        self.record = record
    }
}

/// One Received line of the mail as the trace judged it.
public struct TraceHop: Sendable, Hashable {
    public var from: String?
    public var ip: String?
    public var by: String?
    public var time: Date?
    /// `vertrouwd` (written by a server the school trusts), `grens` (where the walk stopped) or
    /// `beweerd` (below the trust boundary: the sender can write it).
    public var status: String

    public init(from: String?, ip: String?, by: String?, time: Date?, status: String) {
        self.from = from
        self.ip = ip
        self.by = by
        self.time = time
        self.status = status
    }
}

/// A log the trace read: its name, kind, how much was read, and its SHA-256.
public struct TraceLogSummary: Sendable, Hashable {
    public var name: String
    public var kind: String
    public var records: Int
    public var warnings: Int
    public var sha256: String

    public init(name: String, kind: String, records: Int, warnings: Int, sha256: String) {
        self.name = name
        self.kind = kind
        self.records = records
        self.warnings = warnings
        self.sha256 = sha256
    }
}

import BewaarModel
import Foundation

/// One school log given to the trace: what it is, its bytes' SHA-256, and which span of time
/// its records cover.
public struct LogSource: Sendable, Hashable {
    /// The path as given on the command line.
    public var name: String
    public var sha256: String
    public var size: Int
    public var kind: LogKind
    /// How many records were read.
    public var records: Int
    /// Earliest and latest time in the records (UTC).
    public var first: Date?
    public var last: Date?
    /// What could not be read, with line numbers.
    public var warnings: [String]

    public init(name: String, sha256: String, size: Int, kind: LogKind, records: Int = 0, first: Date? = nil,
                last: Date? = nil, warnings: [String] = []) {
        self.name = name
        self.sha256 = sha256
        self.size = size
        self.kind = kind
        self.records = records
        self.first = first
        self.last = last
        self.warnings = warnings
    }

    mutating func cover(_ d: Date) {
        if d == .distantPast || d == .distantFuture { return }
        if first == nil || d < first! { first = d }
        if last == nil || d > last! { last = d }
    }
}

/// A row of the school's inventory: which workstation (and room) has this network card.
public struct InventoryEntry: Sendable, Hashable {
    public var mac: String?
    public var workstation: String
    public var room: String?
    public var source: Int
    public var line: Int
}

/// An event of a DHCP log that writes one line per event (Windows audit log, syslog), before
/// the events of one address are joined into lease spans.
struct LeaseEvent {
    enum Action { case start, renew, end }
    var ip: IPAddress
    var at: Date
    var atLatest: Date
    var action: Action
    var mac: String?
    var host: String?
    var device: String?
    var detail: String
    var source: Int
    var line: Int
    var ambiguous: Bool
    var gap: Bool
}

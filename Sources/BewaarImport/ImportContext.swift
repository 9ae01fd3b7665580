import Foundation
import BewaarModel

/// Settings and services an importer gets for one import.
public struct ImportContext {
    /// The zone that local times without an offset are assumed to be in.
    public var timeZone: TimeZone
    /// A date order the user forced (`dmy`, `mdy`, `ymd`), else nil for detection.
    public var dateOrder: String?
    /// Where files found inside the original go.
    public var sink: any OriginalSink
    /// Bounds against hostile input.
    public var limits: ImportLimits
    /// The person the evidence was collected from, when named: a screenshot's outgoing
    /// messages (the phone owner's side) are assumed to be theirs, and marked so.
    public var owner: String?

    public init(
        timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!, dateOrder: String? = nil,
        sink: any OriginalSink = HashingSink(), limits: ImportLimits = ImportLimits(), owner: String? = nil
    ) {
        self.timeZone = timeZone
        self.dateOrder = dateOrder
        self.sink = sink
        self.limits = limits
        self.owner = owner
    }
}

/// Sizes past which an importer refuses part of an input with a warning.
public struct ImportLimits: Sendable {
    /// Largest member unpacked from an archive.
    public var maxMemberBytes: Int64 = 8 << 30
    /// Largest compression ratio accepted for an archive member.
    public var maxCompressionRatio: Int64 = 200
    /// Most members read from one archive.
    public var maxMembers: Int = 200_000
    /// Deepest nesting of containers (MIME parts, zips in zips).
    public var maxNesting: Int = 32
    /// What all archives of one upload may unpack together, shared across its files; nil
    /// bounds only each member.
    public var unpackBudget: UnpackBudget?

    public init() {}
}

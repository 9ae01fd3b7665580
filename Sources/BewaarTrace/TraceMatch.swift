import BewaarModel
import Foundation

/// A device or user the school's logs tie to the originating address around the send time.
public struct TraceMatch: Sendable, Hashable {
    /// `lease`, `nat-lease` (public address → NAT log → internal address → lease), `signin`,
    /// `signin-lease`, `proxy`, `nat`.
    public var kind: String
    /// The address the record is about.
    public var ip: IPAddress
    public var host: String?
    public var mac: String?
    public var user: String?
    /// From the inventory.
    public var workstation: String?
    public var room: String?
    public var from: Date
    public var until: Date
    /// The log (path as given), its SHA-256 and the line.
    public var source: String
    public var sha256: String
    public var line: Int
    /// Whether the span covers the send time itself (not only within the clock tolerance).
    public var coversSendTime: Bool
    /// The chain of records that led here (`firewall-NAT regel 12: 10.20.12.7 → 198.51.100.200`).
    public var via: [String]
    public var notes: [String]

    /// The best name for the device.
    public var deviceName: String? { workstation ?? host.map { String($0.split(separator: ".").first ?? Substring($0)) } }
}

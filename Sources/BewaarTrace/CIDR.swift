import BewaarModel
import Foundation

/// An address range in CIDR notation (`10.20.0.0/16`, `2001:db8:4::/48`); a bare address is a
/// range of one.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    public let network: IPAddress
    public let prefixLength: Int

    public init(network: IPAddress, prefixLength: Int) {
        let (h, l) = network.masked(prefixLength)
        self.network = network.isV4 ? IPAddress(v4: UInt32(truncatingIfNeeded: l)) : IPAddress(v6High: h, low: l)
        self.prefixLength = prefixLength
    }

    /// Parses `address/length` or a bare address. Host bits set below the prefix are allowed
    /// (`10.20.1.5/16` means `10.20.0.0/16`): sysadmins write ranges that way.
    public init?(_ text: some StringProtocol) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let ip = IPAddress(parts[0]) else { return nil }
        var length = ip.bitCount
        if parts.count == 2 {
            guard let n = Int(parts[1]), n >= 0, n <= ip.bitCount, !parts[1].hasPrefix("+") else { return nil }
            length = n
        }
        self.init(network: ip, prefixLength: length)
    }

    public func contains(_ ip: IPAddress) -> Bool {
        guard ip.isV4 == network.isV4 else { return false }
        let (h, l) = ip.masked(prefixLength)
        return h == network.high && l == network.low
    }

    public var description: String { "\(network)/\(prefixLength)" }
}

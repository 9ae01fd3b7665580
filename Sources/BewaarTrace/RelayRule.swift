import BewaarModel
import Foundation

/// One entry of `trusted_relays`: an address range, a host-name suffix (`.prod.outlook.com`)
/// or an exact host name (`mx1.voorbeeldcollege.example`).
public enum RelayRule: Hashable, Sendable, CustomStringConvertible {
    case range(CIDR)
    case hostSuffix(String)
    case host(String)

    /// Reads an entry as the sysadmin wrote it; nil when it is neither a range nor a host name.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let c = CIDR(t) { self = .range(c); return }
        guard !t.isEmpty, !t.contains("/"), t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) else {
            return nil
        }
        if t.hasPrefix(".") {
            guard t.count > 1 else { return nil }
            self = .hostSuffix(t)
        } else {
            self = .host(t)
        }
    }

    /// Whether `name` (a host name as written in a Received line) matches this rule.
    public func matches(name: String) -> Bool {
        let n = HostName.normalise(name)
        guard !n.isEmpty else { return false }
        switch self {
        case .range: return false
        case .host(let h): return n == h
        case .hostSuffix(let s): return n.hasSuffix(s) || n == String(s.dropFirst())
        }
    }

    public func matches(ip: IPAddress) -> Bool {
        if case .range(let c) = self { return c.contains(ip) }
        return false
    }

    public var description: String {
        switch self {
        case .range(let c): return c.description
        case .hostSuffix(let s): return s
        case .host(let h): return h
        }
    }
}

/// Host-name helpers.
enum HostName {
    /// Lower case, without a trailing dot or surrounding brackets.
    static func normalise(_ name: String) -> String {
        var n = name.lowercased()
        while n.hasSuffix(".") { n.removeLast() }
        return n
    }

    /// Whether two host names name the same machine, allowing one to be a short form of the
    /// other (`EXCH01` vs `exch01.school.local`).
    static func sameHost(_ a: String, _ b: String) -> Bool {
        let x = normalise(a), y = normalise(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        return x.hasPrefix(y + ".") || y.hasPrefix(x + ".")
    }
}

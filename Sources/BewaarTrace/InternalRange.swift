/// A range of the school's own network with the name the sysadmin gave it
/// (`leerlingennetwerk`, `personeelsnetwerk`, `gastenwifi`, `vpn`).
public struct InternalRange: Hashable, Sendable {
    public var range: CIDR
    public var label: String

    public init(range: CIDR, label: String) {
        self.range = range
        self.label = label
    }
}

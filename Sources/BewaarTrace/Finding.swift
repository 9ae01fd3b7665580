/// Something the trace noticed, in Dutch and English, with the hop it concerns.
public struct Finding: Sendable, Hashable {
    /// Stable code (`clock-backwards`, `chain-break`, `private-on-public-hop`, `below-boundary`…).
    public var code: String
    /// Whether it weakens the conclusion (a problem in the trusted part) or only informs.
    public var weakens: Bool
    public var hop: Int?
    public var dutch: String
    public var english: String

    public init(_ code: String, weakens: Bool, hop: Int? = nil, nl: String, en: String) {
        self.code = code
        self.weakens = weakens
        self.hop = hop
        self.dutch = nl
        self.english = en
    }
}

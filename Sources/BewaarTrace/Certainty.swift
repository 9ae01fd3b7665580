/// How sure a trace conclusion is, always given with its reasons.
public enum Certainty: String, Sendable, Comparable, CaseIterable {
    case onbekend, laag, redelijk, hoog

    public static func < (a: Certainty, b: Certainty) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var english: String {
        switch self {
        case .hoog: return "high"
        case .redelijk: return "reasonable"
        case .laag: return "low"
        case .onbekend: return "unknown"
        }
    }
}

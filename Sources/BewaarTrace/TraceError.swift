import BewaarModel

/// Why a trace could not be made at all (content problems are findings, not errors).
public struct TraceError: BilingualError {
    public var dutch: String
    public var english: String

    public init(nl: String, en: String) {
        dutch = nl
        english = en
    }

}

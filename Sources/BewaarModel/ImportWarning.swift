/// Something an importer could not read, or that an investigator must know. Never fatal: the
/// original is kept whatever the warnings say.
public struct ImportWarning: Hashable, Sendable {
    /// Plain words on what happened and, where useful, what to do.
    public var message: String
    /// The 1-based line in the original, when the format has lines.
    public var line: Int?
    /// A stable machine id, e.g. `date-order-ambiguous`.
    public var code: String?

    public init(_ message: String, line: Int? = nil, code: String? = nil) {
        self.message = message
        self.line = line
        self.code = code
    }
}

import BewaarModel

/// A mistake in the network file, naming the line and key, in Dutch and English, saying what
/// to write instead.
public struct NetworkFileError: BilingualError {
    /// 1-based line in the file, when known.
    public var line: Int?
    /// The key concerned (`egress`, `internal[2].range`…), when known.
    public var key: String?
    public var dutch: String
    public var english: String

    public init(line: Int?, key: String?, nl: String, en: String) {
        self.line = line
        self.key = key
        let whereNL = [line.map { "regel \($0)" }, key.map { "sleutel '\($0)'" }].compactMap { $0 }.joined(separator: ", ")
        let whereEN = [line.map { "line \($0)" }, key.map { "key '\($0)'" }].compactMap { $0 }.joined(separator: ", ")
        self.dutch = "Netwerkbestand" + (whereNL.isEmpty ? "" : " (\(whereNL))") + ": " + nl
        self.english = "Network file" + (whereEN.isEmpty ? "" : " (\(whereEN))") + ": " + en
    }

}

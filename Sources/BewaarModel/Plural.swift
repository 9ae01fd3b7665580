/// A count with its noun in the right number: "1 bericht", "2 berichten"; "1 message", "2 messages".
public enum Plural {
    /// `n` and `one` when `n` is 1, else `n` and `many`.
    public static func count(_ n: some BinaryInteger, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}

/// A case number such as `2026-0001`: the year the case was opened and a running number.
public struct CaseID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses `YYYY-NNNN` (the number may have more than four digits).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count >= 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let n = Int(parts[1]), n > 0
        else { return nil }
        self.init(year: y, number: n)
    }

    public var description: String {
        let n = String(number)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - n.count)) + n
    }

    public static func < (a: CaseID, b: CaseID) -> Bool {
        (a.year, a.number) < (b.year, b.number)
    }
}

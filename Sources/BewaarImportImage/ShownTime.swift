/// A time as a chat shows it: "20:14", "20.14", "8:14 PM", "8:14 p.m.".
public struct ShownTime: Hashable, Sendable {
    public var hour: Int
    public var minute: Int

    /// "HH:MM" on a 24-hour clock.
    public var clock: String { (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)" }

    public init?(_ text: String) {
        let lower = text.lowercased()
        let digits = lower.split { !$0.isNumber }.compactMap { Int($0) }
        guard digits.count >= 2, (0...23).contains(digits[0]), (0...59).contains(digits[1]) else { return nil }
        var h = digits[0]
        let letters = lower.filter(\.isLetter)
        if letters.hasPrefix("pm"), h < 12 { h += 12 }
        if letters.hasPrefix("am"), h == 12 { h = 0 }
        hour = h
        minute = digits[1]
    }
}

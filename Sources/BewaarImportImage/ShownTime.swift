import BewaarScreenshot

/// A time as a chat shows it: "20:14", "20.14", "8:14 PM", "8:14 p.m.".
public struct ShownTime: Hashable, Sendable {
    public var hour: Int
    public var minute: Int

    /// "HH:MM" on a 24-hour clock.
    public var clock: String { (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)" }

    public init?(_ text: String) {
        guard let t = TimeOfDay.parse(text) else { return nil }
        hour = t.hour
        minute = t.minute
    }
}

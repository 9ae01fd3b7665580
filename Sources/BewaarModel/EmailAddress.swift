import Foundation

/// An account's e-mail address as Bewaar keeps and compares it (sign-in with the school's
/// accounts matches a provider's verified address against it).
public enum EmailAddress {
    /// Longest address accepted.
    public static let limit = 255

    /// The address trimmed when it is plausible: at most ``limit`` bytes, exactly one `@` with
    /// text on both sides, no spaces or control characters. Nil otherwise.
    public static func plausible(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.utf8.count <= limit, t.filter({ $0 == "@" }).count == 1, !t.hasPrefix("@"), !t.hasSuffix("@"),
              !t.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else { return nil }
        return t
    }
}

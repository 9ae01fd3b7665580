import Foundation

/// An account's e-mail address as Bewaar keeps and compares it (sign-in with the school's
/// accounts matches a provider's verified address against it).
public enum EmailAddress {
    /// Longest address accepted.
    public static let limit = 255

    /// The address trimmed when it is plausible, else nil: at most ``limit`` bytes, one `@` with
    /// a local part of letters, digits and RFC 5322's other atom characters (dots between them)
    /// and a domain of letters, digits and hyphens in at least two dot-separated labels. No
    /// quotes, brackets, spaces or control characters.
    public static func plausible(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.utf8.count <= limit else { return nil }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return nil }
        let atom = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+/=?^_`{|}~-"))
        let localAtoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard !localAtoms.isEmpty, localAtoms.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(atom.contains) }) else { return nil }
        let label = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-"))
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") && $0.unicodeScalars.allSatisfy(label.contains) })
        else { return nil }
        return t
    }
}

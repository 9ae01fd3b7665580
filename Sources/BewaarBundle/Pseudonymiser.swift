import Foundation
import BewaarModel

/// Replaces the names of bystanders (people on a case who are not victim, suspect or staff)
/// by stable pseudonyms such as `Omstander-1` or `Getuige-2`, numbered per role in the order
/// the people were added, so that two exports of the same case use the same pseudonyms.
public struct Pseudonymiser: Sendable {
    /// Real name → pseudonym, longest names first (so a full name wins over a first name).
    public let replacements: [(name: String, pseudonym: String)]
    public let isActive: Bool

    /// Whether a person keeps their name in a shareable export.
    public static func keepsName(_ role: Role) -> Bool {
        role == .slachtoffer || role == .vermoedelijkeDader || role.isStaff
    }

    public init(people: [Person], active: Bool) {
        isActive = active
        guard active else { replacements = []; return }
        var counters: [Role: Int] = [:]
        var pairs: [(String, String)] = []
        var keptFirstNames = Set<String>()
        for p in people where Self.keepsName(p.role) {
            if let first = p.name.split(separator: " ").first { keptFirstNames.insert(String(first)) }
        }
        for p in people.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) where !Self.keepsName(p.role) {
            counters[p.role, default: 0] += 1
            let label = p.role.rawValue.prefix(1).uppercased() + p.role.rawValue.dropFirst()
            let pseudonym = "\(label)-\(counters[p.role]!)"
            pairs.append((p.name, pseudonym))
            // The first name alone, as chats often use it, unless it is short or shared with
            // someone who keeps their name.
            if let first = p.name.split(separator: " ").first, first.count >= 3, first != Substring(p.name),
               !keptFirstNames.contains(String(first)) {
                pairs.append((String(first), pseudonym))
            }
        }
        replacements = pairs.sorted { $0.0.count > $1.0.count }.map { (name: $0.0, pseudonym: $0.1) }
    }

    /// `text` with every bystander name replaced.
    public func apply(_ text: String) -> String {
        guard isActive, !replacements.isEmpty else { return text }
        var out = text
        for r in replacements where out.contains(r.name) {
            out = out.replacingOccurrences(of: r.name, with: r.pseudonym)
        }
        return out
    }

    /// Every string inside a JSON value, replaced.
    public func apply(_ value: JSONValue) -> JSONValue {
        guard isActive else { return value }
        switch value {
        case .string(let s): return .string(apply(s))
        case .array(let a): return .array(a.map { apply($0) })
        case .object(let o): return .object(Dictionary(o.map { (apply($0.key), apply($0.value)) }, uniquingKeysWith: { a, _ in a }))
        default: return value
        }
    }

    /// Whether `text` names a bystander.
    public func mentionsBystander(_ text: String) -> Bool {
        isActive && replacements.contains { text.contains($0.name) }
    }
}

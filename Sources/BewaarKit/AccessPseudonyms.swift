import Foundation
import BewaarModel

/// The pseudonyms of an access export: every person except the subject and the school's staff
/// gets one fixed label for the whole export ("Leerling A", "Ouder/verzorger B", "Afzender C"
/// for an author in the evidence nobody is linked to), and every known name, first name,
/// handle and author of theirs is replaced by it wherever it occurs in text (whole words,
/// ignoring case).
struct AccessPseudonyms: Sendable {
    /// Lowercased name or handle → label.
    private var labels: [String: String] = [:]
    /// Text to replace, longest first.
    private var terms: [(term: String, label: String)] = []
    /// Lowercased names kept as they are (the subject, staff).
    private let kept: Set<String>
    private var counters: [String: Int] = [:]

    /// `people` and `handles` from every case in the export (handles with the name of their
    /// person), `authors` the evidence's authors nobody is linked to.
    init(subject: String, people: [Person], handles: [(handle: Handle, person: String)], authors: [String]) {
        let staff = people.filter { $0.role.isStaff }.map(\.name)
        kept = Set(([subject] + staff).map { $0.lowercased() })
        let keptFirstNames = Set(([subject] + staff).compactMap { Self.firstName($0)?.lowercased() })
        for p in people where !kept.contains(p.name.lowercased()) {
            let label = label(for: p.name, kind: p.role == .ouder ? "Ouder/verzorger" : "Leerling")
            terms.append((p.name, label))
            if let first = Self.firstName(p.name), !keptFirstNames.contains(first.lowercased()) { terms.append((first, label)) }
        }
        for (h, person) in handles where !kept.contains(person.lowercased()) {
            guard let label = labels[person.lowercased()] else { continue }
            labels[h.value.lowercased()] = label
            terms.append((h.value, label))
        }
        for a in authors where !kept.contains(a.lowercased()) && labels[a.lowercased()] == nil {
            let label = label(for: a, kind: "Afzender")
            terms.append((a, label))
            // `Naam <adres>`: the name and the address each on their own too.
            if let open = a.firstIndex(of: "<"), let close = a.lastIndex(of: ">"), open < close {
                let name = a[..<open].trimmingCharacters(in: .whitespaces)
                terms.append((String(a[a.index(after: open)..<close]), label))
                if !name.isEmpty { terms.append((name, label)) }
            }
            if let first = Self.firstName(a), first.allSatisfy(\.isLetter), !keptFirstNames.contains(first.lowercased()) {
                terms.append((first, label))
            }
        }
        terms = terms.filter { $0.term.count >= 3 || $0.term.contains(" ") }.sorted { $0.term.count > $1.term.count }
    }

    private mutating func label(for name: String, kind: String) -> String {
        if let known = labels[name.lowercased()] { return known }
        let n = counters[kind, default: 0]
        counters[kind] = n + 1
        let label = kind + " " + Self.letters(n)
        labels[name.lowercased()] = label
        return label
    }

    /// A, B, …, Z, AA, AB, …
    static func letters(_ n: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var n = n, out = ""
        repeat {
            out = String(alphabet[n % 26]) + out
            n = n / 26 - 1
        } while n >= 0
        return out
    }

    /// The first word of a name of two words or more, when it is at least three letters long.
    static func firstName(_ name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 2, let first = words.first, first.count >= 3 else { return nil }
        return String(first)
    }

    /// A name field (an author, a person in a talk): its label, else the text with every known
    /// name in it replaced.
    func name(_ s: String) -> String {
        if kept.contains(s.lowercased()) { return s }
        return labels[s.lowercased()] ?? apply(s)
    }

    /// `text` with every known name, first name, handle and author replaced by its label.
    func apply(_ text: String) -> String {
        var out = text
        for t in terms { out = Self.replaceWords(t.term, with: t.label, in: out) }
        return out
    }

    /// Replaces whole-word occurrences of `term` (ignoring case) in `text`.
    static func replaceWords(_ term: String, with label: String, in text: String) -> String {
        guard !term.isEmpty, text.range(of: term, options: .caseInsensitive) != nil else { return text }
        var result = ""
        var cursor = text.startIndex, from = text.startIndex
        while from < text.endIndex, let r = text.range(of: term, options: .caseInsensitive, range: from..<text.endIndex) {
            if WholeWord.at(r, in: text) {
                result += text[cursor..<r.lowerBound]
                result += label
                cursor = r.upperBound
                from = r.upperBound
            } else {
                from = text.index(after: r.lowerBound)
            }
        }
        return result + text[cursor...]
    }
}

/// Whether a found range is a whole word: no letter or digit right before or after it.
enum WholeWord {
    static func at(_ r: Range<String.Index>, in text: String) -> Bool {
        let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
        let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
        return !(before.map(isWord) ?? false) && !(after.map(isWord) ?? false)
    }

    static func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Whether `text` contains `term` as a whole word, ignoring case.
    static func contains(_ text: String, _ term: String) -> Bool {
        var from = text.startIndex
        while from < text.endIndex, let r = text.range(of: term, options: .caseInsensitive, range: from..<text.endIndex) {
            if at(r, in: text) { return true }
            from = text.index(after: r.lowerBound)
        }
        return false
    }
}

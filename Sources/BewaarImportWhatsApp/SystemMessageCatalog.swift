#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines WhatsApp itself writes (Dutch, English, some German), each named by the event it
/// records. Matched against a cleaned copy of the text (marks removed, special spaces made
/// plain); the record keeps its original text.
enum SystemMessageCatalog {
    /// One way of writing an event: every given part must match.
    struct Pattern: Sendable {
        var event: String
        var prefix: [UInt8]?
        var contains: [UInt8]?
        var suffix: [UInt8]?

        init(_ event: String, prefix: String? = nil, contains: String? = nil, suffix: String? = nil) {
            self.event = event
            self.prefix = prefix.map { Array($0.utf8) }
            self.contains = contains.map { Array($0.utf8) }
            self.suffix = suffix.map { Array($0.utf8) }
        }

        func matches(_ t: [UInt8]) -> Bool {
            if let p = prefix, !t.starts(with: p) { return false }
            if let s = suffix, !Bytes.hasSuffix(t, s) { return false }
            if let c = contains, !Bytes.contains(t, c) { return false }
            return true
        }
    }

    /// Checked in order: more specific wordings first.
    static let patterns: [Pattern] = [
        // End-to-end encryption notice (three wordings over the years, per language).
        Pattern("e2e-notice", contains: "end-to-end versleuteld"),
        Pattern("e2e-notice", contains: "end-to-end encryptie"),
        Pattern("e2e-notice", contains: "end-to-end encrypted"),
        Pattern("e2e-notice", contains: "end-to-end encryption"),
        Pattern("e2e-notice", contains: "Ende-zu-Ende-verschlüsselt"),
        Pattern("waiting-for-message", prefix: "Wachten op dit bericht"),
        Pattern("waiting-for-message", prefix: "Waiting for this message"),
        Pattern("waiting-for-message", prefix: "Warten auf diese Nachricht"),
        Pattern("security-code-changed", contains: "beveiligingscode"),
        Pattern("security-code-changed", contains: "security code"),
        Pattern("security-code-changed", contains: "Sicherheitsnummer"),
        Pattern("number-changed", contains: "nieuw telefoonnummer"),
        Pattern("number-changed", contains: "telefoonnummer gewijzigd"),
        Pattern("number-changed", contains: "changed their phone number"),
        Pattern("number-changed", contains: "changed their number"),
        Pattern("number-changed", contains: "Telefonnummer"),
        Pattern("missed-call", prefix: "Gemiste "),
        Pattern("missed-call", prefix: "Missed voice call"),
        Pattern("missed-call", prefix: "Missed video call"),
        Pattern("missed-call", prefix: "Missed group"),
        Pattern("missed-call", prefix: "Verpasster"),
        Pattern("disappearing-messages", contains: "vervaldatum"),
        Pattern("disappearing-messages", contains: "verdwijnende berichten"),
        Pattern("disappearing-messages", contains: "isappearing messages"),
        Pattern("disappearing-messages", contains: "message timer"),
        Pattern("disappearing-messages", contains: "selbstlöschende"),
        Pattern("group-created", contains: "heeft groep", suffix: "aangemaakt"),
        Pattern("group-created", contains: "hebt groep", suffix: "aangemaakt"),
        Pattern("group-created", suffix: "deze groep aangemaakt"),
        Pattern("group-created", contains: " created group "),
        Pattern("group-created", prefix: "You created group"),
        Pattern("group-created", suffix: "created this group"),
        Pattern("group-created", contains: "hat die Gruppe", suffix: "erstellt"),
        Pattern("subject-changed", contains: "het onderwerp gewijzigd"),
        Pattern("subject-changed", contains: "de groepsnaam gewijzigd"),
        Pattern("subject-changed", contains: "changed the subject"),
        Pattern("subject-changed", contains: "changed the group name"),
        Pattern("subject-changed", contains: "changed this group's name"),
        Pattern("subject-changed", contains: "Betreff"),
        Pattern("icon-changed", contains: "groepsafbeelding"),
        Pattern("icon-changed", contains: "afbeelding van deze groep"),
        Pattern("icon-changed", contains: "this group's icon"),
        Pattern("icon-changed", contains: "Gruppenbild"),
        Pattern("description-changed", contains: "groepsbeschrijving"),
        Pattern("description-changed", contains: "group description"),
        Pattern("description-changed", contains: "Gruppenbeschreibung"),
        Pattern("settings-changed", contains: "groepsinstellingen"),
        Pattern("settings-changed", contains: "group settings"),
        Pattern("joined-via-link", contains: "uitnodigingslink"),
        Pattern("joined-via-link", contains: "invite link"),
        Pattern("joined-via-link", contains: "Einladungslink"),
        Pattern("admin-changed", contains: "beheerder"),
        Pattern("admin-changed", contains: "now an admin"),
        Pattern("admin-changed", contains: "no longer an admin"),
        Pattern("admin-changed", contains: "Admin"),
        Pattern("blocked", suffix: "gedeblokkeerd"),
        Pattern("blocked", suffix: "geblokkeerd"),
        Pattern("blocked", prefix: "You blocked"),
        Pattern("blocked", prefix: "You unblocked"),
        Pattern("pinned", suffix: "vastgezet"),
        Pattern("pinned", contains: "pinned a message"),
        Pattern("member-left", suffix: "de groep verlaten"),
        Pattern("member-left", suffix: " left"),
        Pattern("member-left", suffix: "hat die Gruppe verlassen"),
        Pattern("member-added", prefix: "U hebt ", suffix: "toegevoegd"),
        Pattern("member-added", prefix: "Je hebt ", suffix: "toegevoegd"),
        Pattern("member-added", contains: " heeft ", suffix: "toegevoegd"),
        Pattern("member-added", contains: " added "),
        Pattern("member-added", prefix: "You added "),
        Pattern("member-added", suffix: "hinzugefügt"),
        Pattern("member-removed", prefix: "U hebt ", suffix: "verwijderd"),
        Pattern("member-removed", prefix: "Je hebt ", suffix: "verwijderd"),
        Pattern("member-removed", contains: " heeft ", suffix: "verwijderd"),
        Pattern("member-removed", contains: " removed "),
        Pattern("member-removed", prefix: "You removed "),
        Pattern("member-removed", suffix: "entfernt"),
        Pattern("member-joined", suffix: " joined"),
        Pattern("member-joined", suffix: "is deelnemer geworden"),
    ]

    /// The event a cleaned system text records, or nil when it is none of the known ones.
    static func event(_ cleaned: [UInt8]) -> String? {
        var t = cleaned
        while let last = t.last, last == 0x2E || last == 0x20 { t.removeLast() }
        for p in patterns where p.matches(t) { return p.event }
        return nil
    }
}

/// Byte-slice helpers.
enum Bytes {
    /// Whether `p` occurs in `t` (memchr for the first byte, then memcmp: the catalog runs over
    /// every platform line).
    static func contains(_ t: [UInt8], _ p: [UInt8]) -> Bool {
        guard !p.isEmpty else { return true }
        guard t.count >= p.count else { return false }
        return t.withUnsafeBytes { tb in p.withUnsafeBytes { pb in
            let base = tb.baseAddress!
            let first = Int32(p[0])
            var i = 0
            let last = t.count - p.count
            while i <= last {
                guard let hit = memchr(base + i, first, last - i + 1) else { return false }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, pb.baseAddress!, p.count) == 0 { return true }
                i = at + 1
            }
            return false
        } }
    }

    static func hasSuffix(_ t: [UInt8], _ s: [UInt8]) -> Bool {
        t.count >= s.count && t[(t.count - s.count)...].elementsEqual(s)
    }

    /// The range of `p` in `t`, or nil.
    static func find(_ t: [UInt8], _ p: [UInt8], from: Int = 0) -> Int? {
        guard t.count >= p.count, from <= t.count - p.count else { return nil }
        var i = from
        while i <= t.count - p.count {
            if t[i] == p[0] && t[i..<(i + p.count)].elementsEqual(p) { return i }
            i += 1
        }
        return nil
    }
}

import Foundation

/// Something recorded on a case without an original: a sexual image of a minor that must never
/// be collected (possessing or forwarding it is an offence, for a mentor too), a post seen but
/// already deleted, a phone the police will read out themselves.
public struct Observation: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A sexual image of a minor: recorded that it exists, never stored.
        case seksueleAfbeelding = "seksuele-afbeelding"
        /// Seen, but not saved (deleted, on a device the police will read).
        case nietBewaard = "niet-bewaard"
    }

    public var id: Int64?
    public var kind: Kind
    /// Who sent or posted it.
    public var sender: String?
    /// To whom.
    public var recipients: String?
    /// When it was sent or seen, as the witness gives it.
    public var when: String?
    /// In which chat, group or platform.
    public var place: String?
    /// A neutral description, never the content itself.
    public var description: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: Int64? = nil, kind: Kind, sender: String?, recipients: String?, when: String?, place: String?,
                description: String, recordedBy: String, recordedAt: Date) {
        self.id = id
        self.kind = kind
        self.sender = sender
        self.recipients = recipients
        self.when = when
        self.place = place
        self.description = description
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A statement (verklaring): the victim's own account or a witness's.
public struct Testimony: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case slachtoffer = "slachtoffer"
        case getuige = "getuige"
    }

    public var id: Int64?
    public var kind: Kind
    /// Whose statement.
    public var person: String
    /// The day it was given, `yyyy-mm-dd`.
    public var date: String
    /// What happened, in their words.
    public var text: String
    /// Since when it has been going on.
    public var since: String?
    /// The effect on school and daily life.
    public var effect: String?
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: Int64? = nil, kind: Kind, person: String, date: String, text: String, since: String?, effect: String?,
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.kind = kind
        self.person = person
        self.date = date
        self.text = text
        self.since = since
        self.effect = effect
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Why an entry of the timeline matters.
public enum MarkReason: String, Sendable, CaseIterable {
    case bedreiging, belediging, uitsluiting, seksueel
    case priveFotos = "prive-fotos"
    case doxing, discriminatie, aanzetten = "aanzetten-tot"
    case anders

    /// Accepts the Dutch id, with or without diacritics and spaces.
    public init?(parsing text: String) {
        let t = text.lowercased().replacingOccurrences(of: "é", with: "e").replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: " ", with: "-")
        if let r = MarkReason(rawValue: t) { self = r; return }
        if t == "privefotos" || t == "prive-foto" { self = .priveFotos; return }
        return nil
    }

    public var dutch: String {
        switch self {
        case .bedreiging: return "bedreiging"
        case .belediging: return "belediging"
        case .uitsluiting: return "uitsluiting"
        case .seksueel: return "seksueel getint"
        case .priveFotos: return "privéfoto's verspreid"
        case .doxing: return "persoonsgegevens verspreid (doxing)"
        case .discriminatie: return "discriminatie"
        case .aanzetten: return "aanzetten tot pesten"
        case .anders: return "anders"
        }
    }
}

/// A timeline entry marked as relevant.
public struct Mark: Hashable, Sendable {
    public var messageID: Int64
    public var reason: MarkReason
    public var note: String?
    public var by: String
    public var at: Date

    public init(messageID: Int64, reason: MarkReason, note: String?, by: String, at: Date) {
        self.messageID = messageID
        self.reason = reason
        self.note = note
        self.by = by
        self.at = at
    }
}

/// One record in a case's merged timeline, with where it came from.
public struct TimelineEntry: Hashable, Sendable {
    /// The record's id in the store (what `bewaar mark` takes).
    public var id: Int64
    public var itemID: Int64
    public var itemName: String
    public var itemSHA256: SHA256Digest
    public var message: Message
    /// The text with search hits between U+0002 and U+0003 (to be turned into highlighting
    /// after escaping); nil when no search was done.
    public var highlighted: String?
    public var mark: Mark?

    public init(id: Int64, itemID: Int64, itemName: String, itemSHA256: SHA256Digest, message: Message,
                highlighted: String? = nil, mark: Mark? = nil) {
        self.id = id
        self.itemID = itemID
        self.itemName = itemName
        self.itemSHA256 = itemSHA256
        self.message = message
        self.highlighted = highlighted
        self.mark = mark
    }
}

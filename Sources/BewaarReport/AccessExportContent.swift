import Foundation
import BewaarModel

/// Everything Bewaar holds about one person, gathered for an access request (inzageverzoek,
/// AVG art. 15), with every other pupil already pseudonymised. Both the PDF and the JSON of the
/// export are made from this one value, so they can never disagree.
public struct AccessExportContent: Sendable, Hashable {
    /// The person the request is about, as named on the cases.
    public var subject: String
    public var madeAt: Date
    /// Who made the export (the account or `--by`).
    public var madeBy: String
    /// Who asked for it: the pupil, a parent, a lawyer.
    public var requestedBy: String
    /// Whether every case of the store was searched, or only those the maker may read (web).
    public var allCases: Bool
    public var cases: [AccessExportCase]
    public var timeZone: TimeZone

    public init(
        subject: String, madeAt: Date, madeBy: String, requestedBy: String, allCases: Bool, cases: [AccessExportCase],
        timeZone: TimeZone
    ) {
        self.subject = subject
        self.madeAt = madeAt
        self.madeBy = madeBy
        self.requestedBy = requestedBy
        self.allCases = allCases
        self.cases = cases
        self.timeZone = timeZone
    }

    /// What the pseudonyms are, in the words the export uses.
    public static let pseudonymRule = """
        Andere leerlingen, ouders en afzenders die niet aan een medewerker gekoppeld zijn, staan er onder een vaste schuilnaam \
        (Leerling A, Ouder/verzorger A, Afzender A): dezelfde persoon heeft in het hele overzicht dezelfde schuilnaam, ook in de \
        tekst van berichten. Namen van medewerkers van de school (mentor, afdelingsleider, ondersteuningscoördinator, \
        systeembeheerder) staan er wel in: zij werkten namens de school met deze gegevens.
        """
}

/// One case in an access export.
public struct AccessExportCase: Sendable, Hashable {
    public var id: CaseID
    public var title: String
    public var status: String
    public var opened: Date
    /// Nil while the case runs: the retention period counts from closing.
    public var retentionUntil: Date?
    public var summary: String
    /// The person's roles on the case (empty when the case only names them).
    public var roles: [AccessExportRole]
    public var handles: [Handle]
    public var messages: [AccessExportMessage]
    public var talks: [AccessExportTalk]
    public var statements: [Testimony]
    public var observations: [Observation]
    public var events: [CustodyEvent]
    public var corrections: [AccessExportCorrection]

    public init(
        id: CaseID, title: String, status: String, opened: Date, retentionUntil: Date?, summary: String, roles: [AccessExportRole],
        handles: [Handle], messages: [AccessExportMessage], talks: [AccessExportTalk], statements: [Testimony],
        observations: [Observation], events: [CustodyEvent], corrections: [AccessExportCorrection]
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.opened = opened
        self.retentionUntil = retentionUntil
        self.summary = summary
        self.roles = roles
        self.handles = handles
        self.messages = messages
        self.talks = talks
        self.statements = statements
        self.observations = observations
        self.events = events
        self.corrections = corrections
    }
}

/// A role the person has on a case.
public struct AccessExportRole: Sendable, Hashable {
    public var role: Role
    public var group: String?
    public var relatedTo: String?

    public init(role: Role, group: String?, relatedTo: String?) {
        self.role = role
        self.group = group
        self.relatedTo = relatedTo
    }
}

/// Why a record is in the export.
public enum AccessRelation: String, Sendable, Hashable, CaseIterable {
    /// The person wrote it (through a linked handle).
    case written = "geschreven"
    /// It names the person.
    case names = "genoemd"
    /// The person took part (a talk).
    case tookPart = "deelgenomen"
}

/// A record of the evidence in an access export.
public struct AccessExportMessage: Sendable, Hashable {
    public var recordID: Int64
    public var time: Timestamp?
    public var author: String?
    public var kind: String
    public var text: String
    public var relations: [AccessRelation]
    /// The original: its name, SHA-256 and where the record sits in it.
    public var sourceName: String
    public var sourceSHA256: String
    public var origin: String
    /// Why it was marked, when it was (with the note).
    public var mark: String?

    public init(
        recordID: Int64, time: Timestamp?, author: String?, kind: String, text: String, relations: [AccessRelation],
        sourceName: String, sourceSHA256: String, origin: String, mark: String?
    ) {
        self.recordID = recordID
        self.time = time
        self.author = author
        self.kind = kind
        self.text = text
        self.relations = relations
        self.sourceName = sourceName
        self.sourceSHA256 = sourceSHA256
        self.origin = origin
        self.mark = mark
    }
}

/// A talk in an access export.
public struct AccessExportTalk: Sendable, Hashable {
    public var talk: Talk
    public var relations: [AccessRelation]

    public init(talk: Talk, relations: [AccessRelation]) {
        self.talk = talk
        self.relations = relations
    }
}

/// A correction note in an access export.
public struct AccessExportCorrection: Sendable, Hashable {
    public var text: String
    public var by: String
    public var at: Date

    public init(text: String, by: String, at: Date) {
        self.text = text
        self.by = by
        self.at = at
    }
}

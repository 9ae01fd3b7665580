import Foundation
import BewaarModel
import BewaarStore

/// The protocol's trigger for escalation: bullying that goes on after agreements were made.
/// Records are counted as they pass (an ingest streams them into the store), so a chat is never
/// held whole for this check.
public struct RepetitionCheck: Sendable {
    public let caseID: CaseID
    /// The day of the first talk with agreements.
    public let agreementDay: String
    /// The end of that day in the school's zone: records from then on count.
    public let end: Date
    /// Records counted so far that are dated after the agreements (system lines excepted).
    public private(set) var later = 0

    /// The check for a new item in `caseID`: nil when the case is escalated already or no talk
    /// made agreements yet (nothing can be a repetition then).
    public init?(in caseID: CaseID, store: CaseStore, zone: TimeZone) throws {
        let c = try store.case(caseID)
        guard c.status != .escalated else { return nil }
        guard let talk = try store.talks(caseID).first(where: { !$0.agreements.isEmpty }),
              let day = Timestamp(rfc3339: talk.date + "T00:00:00Z") else { return nil }
        self.caseID = caseID
        self.agreementDay = talk.date
        // The end of the agreement day in the school's zone.
        self.end = day.date.addingTimeInterval(86400 - Double(zone.secondsFromGMT(for: day.date)))
    }

    /// Counts one record of the new item.
    public mutating func count(_ m: Message) {
        count(timestamp: m.timestamp, kind: m.kind)
    }

    /// Counts a record by its time and kind (all the check looks at).
    public mutating func count(timestamp: Timestamp?, kind: MessageKind) {
        if let t = timestamp, t.date >= end, kind != .system { later += 1 }
    }

    /// Forgets the records counted so far.
    public mutating func reset() { later = 0 }

    /// The warning for the records counted, or nil when none is dated after the agreements.
    public var warning: ImportWarning? {
        guard later > 0 else { return nil }
        return ImportWarning(
            "Mogelijke herhaling: \(Plural.count(later, "bericht", "berichten")) zijn van na de afspraken van \(agreementDay). Volgens het protocol "
                + "draagt de mentor de zaak dan over aan de afdelingsleider: bewaar case escalate \(caseID) --to NAAM --reason herhaling",
            code: "possible-repetition")
    }

    /// A warning when records in a new item are dated after the first talk in which agreements
    /// were made (and the case is not escalated yet); nil otherwise.
    public static func warning(for messages: [Message], in caseID: CaseID, store: CaseStore,
                               zone: TimeZone) throws -> ImportWarning? {
        guard var check = try RepetitionCheck(in: caseID, store: store, zone: zone) else { return nil }
        for m in messages { check.count(m) }
        return check.warning
    }
}

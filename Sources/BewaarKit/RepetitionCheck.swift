import Foundation
import BewaarModel
import BewaarStore

/// The protocol's trigger for escalation: bullying that goes on after agreements were made.
public enum RepetitionCheck {
    /// A warning when records in a new item are dated after the first talk in which agreements
    /// were made (and the case is not escalated yet); nil otherwise.
    public static func warning(for messages: [Message], in caseID: CaseID, store: CaseStore,
                               zone: TimeZone) throws -> ImportWarning? {
        let c = try store.case(caseID)
        guard c.status != .escalated else { return nil }
        guard let talk = try store.talks(caseID).first(where: { !$0.agreements.isEmpty }),
              let day = Timestamp(rfc3339: talk.date + "T00:00:00Z") else { return nil }
        // The end of the agreement day in the school's zone.
        let end = day.date.addingTimeInterval(86400 - Double(zone.secondsFromGMT(for: day.date)))
        let later = messages.filter { ($0.timestamp?.date ?? .distantPast) >= end && $0.kind != .system }
        guard !later.isEmpty else { return nil }
        return ImportWarning(
            "Mogelijke herhaling: \(Plural.count(later.count, "bericht", "berichten")) zijn van na de afspraken van \(talk.date). Volgens het protocol "
                + "draagt de mentor de zaak dan over aan de afdelingsleider: bewaar case escalate \(caseID) --to NAAM --reason herhaling",
            code: "possible-repetition")
    }
}

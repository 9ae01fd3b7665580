import Foundation
import BewaarModel

/// What a school board's privacy officer sees of every school: each school's destruction log
/// and its retention overview. Numbers, dates, states and staff names; never a title, a name of
/// a pupil, a reason typed for a destruction, or anything of a case's evidence.
public struct BoardOverview: Sendable, Hashable {
    /// One case of one school, as the retention overview shows it.
    public struct RetainedCase: Sendable, Hashable {
        public var school: String
        public var caseID: String
        public var status: String
        public var opened: Date?
        public var closed: Date?
        public var retainedUntil: Date?
        public var onHold: Bool

        public init(school: String, caseID: String, status: String, opened: Date?, closed: Date?, retainedUntil: Date?, onHold: Bool) {
            self.school = school
            self.caseID = caseID
            self.status = status
            self.opened = opened
            self.closed = closed
            self.retainedUntil = retainedUntil
            self.onHold = onHold
        }

        /// Whether its retention ended before `now` while it is not on hold: it should have been
        /// destroyed.
        public func overdue(at now: Date) -> Bool {
            guard let until = retainedUntil, !onHold else { return false }
            return until < now
        }
    }

    /// One entry of a school's destruction log, without its reason (free text).
    public struct Destruction: Sendable, Hashable {
        public var school: String
        public var sequence: Int
        public var caseID: String
        public var time: Date
        public var actor: String
        public var actorRole: String
        public var early: Bool
        /// Originals removed with the case.
        public var originals: Int
        public var hash: String

        public init(
            school: String, sequence: Int, caseID: String, time: Date, actor: String, actorRole: String, early: Bool, originals: Int, hash: String
        ) {
            self.school = school
            self.sequence = sequence
            self.caseID = caseID
            self.time = time
            self.actor = actor
            self.actorRole = actorRole
            self.early = early
            self.originals = originals
            self.hash = hash
        }
    }

    /// Every school by name, those without a case or a destruction too.
    public var schools: [String]
    public var cases: [RetainedCase]
    public var destructions: [Destruction]

    public init(schools: [String], cases: [RetainedCase], destructions: [Destruction]) {
        self.schools = schools
        self.cases = cases
        self.destructions = destructions
    }
}

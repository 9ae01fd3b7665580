import Foundation
import BewaarModel
import BewaarStore
import BewaarReport

/// Answers an access request (inzageverzoek, AVG art. 15): gathers everything the store holds
/// about one person across cases — roles, handles, records they wrote or that name them,
/// talks, statements, observations, custody events, correction notes — with every other
/// pupil pseudonymised (``AccessPseudonyms``). Reads through the store's public API only.
public struct AccessExporter: Sendable {
    public let store: CaseStore
    public var timeZone: TimeZone

    public init(store: CaseStore, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current) {
        self.store = store
        self.timeZone = timeZone
    }

    /// What is held about `person` in `cases` (nil: every case in the store). Throws when no
    /// case has them on it or names them: most often a misspelt name.
    public func content(person: String, cases scope: [CaseID]? = nil, madeBy: String, requestedBy: String) throws -> AccessExportContent {
        let subject = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else {
            throw KitError(nl: "Noem de persoon met --person, zoals de naam op de zaak staat.", en: "Name the person with --person, as on the case.")
        }
        let all = try store.cases().filter { c in scope.map { $0.contains(c.id) } ?? true }
        // Everyone whose first name could be the subject's: the people on the cases and the
        // authors in the evidence nobody is linked to.
        var everyone: [Person] = []
        for c in all {
            everyone += try store.people(c.id)
            everyone += try store.unlinkedAuthors(c.id).map { Person(name: $0.author, role: .omstander) }
        }
        var found: [Found] = []
        for c in all {
            let people = try store.people(c.id), handles = try store.handles(c.id)
            let own = people.filter { $0.name.caseInsensitiveCompare(subject) == .orderedSame }
            let ownHandles = handles.filter { h in own.contains { $0.id == h.personID } }
            let matcher = SubjectMatcher(subject: subject, handles: ownHandles, others: everyone)
            let f = try gather(c, people: people, handles: handles, own: own, ownHandles: ownHandles, matcher: matcher)
            if !own.isEmpty || !f.isEmpty { found.append(f) }
        }
        guard !found.isEmpty else {
            throw KitError(
                nl:
                    "Bewaar vond niets over \"\(subject)\" in \(Plural.count(all.count, "zaak", "zaken")): geen rol op een zaak en geen bericht dat de naam noemt. Controleer de schrijfwijze zoals op de zaak (bewaar person handles --case ZAAK).",
                en:
                    "Bewaar found nothing about \"\(subject)\" in \(Plural.count(all.count, "case", "cases")): no role on a case and no record naming them. Check the spelling as on the case (bewaar person handles --case CASE)."
            )
        }
        let pseudonyms = AccessPseudonyms(
            subject: subject, people: found.flatMap(\.people),
            handles: found.flatMap { f in f.handles.compactMap { h in f.people.first { $0.id == h.personID }.map { (h, $0.name) } } },
            authors: found.flatMap(\.unlinkedAuthors))
        return AccessExportContent(
            subject: subject, madeAt: store.clock(), madeBy: madeBy, requestedBy: requestedBy, allCases: scope == nil,
            cases: found.map { $0.exported(pseudonyms) }, timeZone: timeZone)
    }

    /// Everything of one case, before pseudonymising.
    struct Found {
        var info: Case
        var people: [Person]
        var handles: [Handle]
        var own: [Person]
        var ownHandles: [Handle]
        var entries: [(entry: TimelineEntry, relations: [AccessRelation])]
        var talks: [AccessExportTalk]
        var statements: [Testimony]
        var observations: [Observation]
        var events: [CustodyEvent]
        var corrections: [PersonCorrection]
        var unlinkedAuthors: [String]

        var isEmpty: Bool { entries.isEmpty && talks.isEmpty && statements.isEmpty && observations.isEmpty && events.isEmpty }
    }

    func gather(_ c: Case, people: [Person], handles: [Handle], own: [Person], ownHandles: [Handle], matcher: SubjectMatcher) throws -> Found {
        var relations: [Int64: [AccessRelation]] = [:]
        var entries: [Int64: TimelineEntry] = [:]
        if !own.isEmpty {
            var q = TimelineQuery()
            q.person = own[0].name
            try page(c.id, q) { e in
                entries[e.id] = e; relations[e.id, default: []].append(.written)
            }
        }
        for term in matcher.searchTerms {
            var q = TimelineQuery()
            q.search = "\"" + term.replacingOccurrences(of: "\"", with: " ") + "\""
            try page(c.id, q) { e in
                entries[e.id] = entries[e.id] ?? e
                if !(relations[e.id] ?? []).contains(.names) { relations[e.id, default: []].append(.names) }
            }
        }
        let ordered = entries.values.sorted {
            ($0.message.timestamp?.date ?? .distantFuture, $0.id) < ($1.message.timestamp?.date ?? .distantFuture, $1.id)
        }
        let talks = try store.talks(c.id).compactMap { t -> AccessExportTalk? in
            var r: [AccessRelation] = []
            if (t.participants + t.withWhom).contains(where: matcher.mentioned) { r.append(.tookPart) }
            if ([t.summary] + t.agreements + [t.followUp ?? ""]).contains(where: matcher.mentioned) { r.append(.names) }
            return r.isEmpty ? nil : AccessExportTalk(talk: t, relations: r)
        }
        let statements = try store.statements(c.id).filter { s in
            ([s.person, s.text, s.since ?? "", s.effect ?? ""]).contains(where: matcher.mentioned)
        }
        let observations = try store.observations(c.id).filter { o in
            [o.sender, o.recipients, o.place, o.when, o.description].compactMap { $0 }.contains(where: matcher.mentioned)
        }
        let events = try store.events(chain: c.id.description).filter { e in e.details.values.contains(where: matcher.mentioned) }
        let corrections = try own.isEmpty ? [] : store.corrections(c.id, person: own[0].name)
        let authors = ordered.isEmpty ? [] : try store.unlinkedAuthors(c.id).map(\.author)
        return Found(
            info: c, people: people, handles: handles, own: own, ownHandles: ownHandles,
            entries: ordered.map { ($0, relations[$0.id] ?? []) }, talks: talks, statements: statements,
            observations: observations, events: events, corrections: corrections, unlinkedAuthors: authors)
    }

    /// Every entry of a timeline query, page by page.
    func page(_ id: CaseID, _ query: TimelineQuery, _ body: (TimelineEntry) throws -> Void) throws {
        var q = query
        q.limit = 1000
        while true {
            let p = try store.timeline(id, q)
            for e in p.entries { try body(e) }
            guard p.hasMore, let last = p.entries.last else { return }
            q.after = last.id
        }
    }
}

/// Whether a text is about the subject: their full name, their first name when nobody else in
/// the export shares it, or one of their handles — as whole words, ignoring case.
struct SubjectMatcher: Sendable {
    let terms: [String]

    init(subject: String, handles: [Handle], others: [Person]) {
        var t = [subject]
        if let first = AccessPseudonyms.firstName(subject) {
            let shared = others.contains {
                $0.name.caseInsensitiveCompare(subject) != .orderedSame
                    && AccessPseudonyms.firstName($0.name)?.caseInsensitiveCompare(first) == .orderedSame
            }
            if !shared { t.append(first) }
        }
        t += handles.map(\.value).filter { $0.count >= 3 }
        var seen = Set<String>()
        terms = t.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The terms to look for in the records' full-text index, each as an exact phrase.
    var searchTerms: [String] { terms }

    func mentioned(_ text: String) -> Bool { terms.contains { WholeWord.contains(text, $0) } }
}

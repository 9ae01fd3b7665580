import Foundation
import Testing
import BewaarModel
import BewaarStore
import BewaarKit
import BewaarTestSupport

@Suite struct WorkflowTests {
    @Test(arguments: StoreKind.all) func aMentorRecordsATalkWithAgreementsAndALaterIncidentSuggestsEscalation(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker", people: [Person(name: "Sanne de Vries", role: .slachtoffer)])
        let talk = try store.addTalk(
            Talk(
                date: "2026-03-04", participants: ["J. Bakker"], withWhom: ["Daan Jansen", "Sanne de Vries"],
                summary: "Gesprek na de groepsapp", agreements: ["Daan stuurt Sanne geen berichten meer", "Daan verlaat de groep"],
                followUp: "2026-03-18", recordedBy: "J. Bakker", recordedAt: Date()), to: c.id)
        #expect(talk.id != nil)
        #expect(try store.talks(c.id).first?.agreements.count == 2)
        #expect(try store.events(chain: c.id.description).last?.action == .talkRecorded)
        #expect(throws: StoreError.self) {
            try store.addTalk(
                Talk(
                    date: "4 maart", participants: [], withWhom: [], summary: "", agreements: [], followUp: nil,
                    recordedBy: "x", recordedAt: Date()), to: c.id)
        }
        // Evidence dated after the agreement day is a possible repetition.
        var messages: [Message] = []
        let after = Date(timeIntervalSince1970: Double(Timestamp.days(fromCivil: 2026, 3, 9) * 86400))
        messages.append(
            Message(
                timestamp: Timestamp(date: after, utcOffsetSeconds: 3600), author: "Daan Jansen", text: "weer",
                origin: Origin(line: 1, offset: 0, length: 4)))
        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let warning = try RepetitionCheck.warning(for: messages, in: c.id, store: store, zone: zone)
        #expect(warning?.code == "possible-repetition")
        #expect(warning?.message.contains("bewaar case escalate \(c.id)") == true)
        let before = [
            Message(
                timestamp: Timestamp(date: after.addingTimeInterval(-6 * 86400), utcOffsetSeconds: 3600), author: "Daan Jansen",
                text: "eerder", origin: Origin(line: 1, offset: 0, length: 4))
        ]
        #expect(try RepetitionCheck.warning(for: before, in: c.id, store: store, zone: zone) == nil)

        let e = try store.writing { tx in
            try store.recordEscalation(tx, c.id, to: "A. de Wit", reason: .herhaling, note: "na afspraken toch weer", actor: "J. Bakker")
        }
        #expect(e.to == "A. de Wit")
        #expect(try store.case(c.id).status == .escalated)
        #expect(try store.people(c.id).contains { $0.name == "A. de Wit" && $0.role == .afdelingsleider })
        #expect(try store.people(c.id).contains { $0.role == .slachtoffer })
        let actions = try store.events(chain: c.id.description).map(\.action)
        #expect(actions.suffix(2) == [.caseEscalated, .personAdded])
        // Once escalated, no more suggestion.
        #expect(try RepetitionCheck.warning(for: messages, in: c.id, store: store, zone: zone) == nil)
        #expect(try store.verifyChain(c.id.description).intact)
    }

    @Test(arguments: StoreKind.all) func handlesLinkAuthorsToPeopleAndUnlinkedAuthorsAreSuggested(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(
            title: "Zaak", actor: "J. Bakker",
            people: [Person(name: "Sanne de Vries", role: .slachtoffer), Person(name: "Daan Jansen", role: .vermoedelijkeDader)])
        try ChatSeed.record(in: store, case: c.id)
        let before = try store.unlinkedAuthors(c.id)
        #expect(before.map(\.author) == ["Daan Jansen", "+31 6 12345001", "Lotte Visser", "Sanne de Vries"])
        #expect(before[1].kind == .telefoon)
        try store.linkHandle(c.id, person: "daan jansen", value: "Daan Jansen", kind: nil, profileURL: nil, actor: "J. Bakker")
        let phone = try store.linkHandle(c.id, person: "Daan Jansen", value: "06-12345001", kind: nil, profileURL: nil, actor: "J. Bakker")
        #expect(phone.kind == .telefoon)
        #expect(phone.matches(author: "+31 6 12345001"))
        #expect(try store.unlinkedAuthors(c.id).map(\.author) == ["Lotte Visser", "Sanne de Vries"])
        #expect(throws: StoreError.self) {
            try store.linkHandle(c.id, person: "Onbekend", value: "x", kind: nil, profileURL: nil, actor: "J. Bakker")
        }
        #expect(throws: StoreError.self) {
            try store.linkHandle(c.id, person: "Sanne de Vries", value: "Daan Jansen", kind: nil, profileURL: nil, actor: "J. Bakker")
        }
        // The timeline by person follows the links: his name and his number.
        var q = TimelineQuery()
        q.person = "Daan Jansen"
        let his = try store.timeline(c.id, q).entries
        #expect(his.count == 6)
        #expect(Set(his.compactMap(\.message.author)) == ["Daan Jansen", "+31 6 12345001"])
        let perDay = try store.messagesPerDay(c.id, authors: try store.handles(c.id), zone: TimeZone(identifier: "Europe/Amsterdam")!)
        #expect(perDay.map(\.day) == ["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-09"])
        #expect(perDay.map(\.count) == [3, 1, 1, 1])
    }

    @Test(arguments: StoreKind.all) func theTimelineIsChronologicalFilteredAndSearchable(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        try ChatSeed.record(in: store, case: c.id)
        let all = try store.timeline(c.id, TimelineQuery()).entries
        #expect(all.count == ChatSeed.lines.count)
        #expect(all.map { $0.message.timestamp!.date } == all.map { $0.message.timestamp!.date }.sorted())
        var q = TimelineQuery()
        q.search = "coordinator"  // diacritics-insensitive
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["de coördinator kan je ook niet helpen"])
        q.search = "\"ga weg uit\""  // phrase
        #expect(try store.timeline(c.id, q).entries.count == 1)
        q.search = "\"weg ga\""
        #expect(try store.timeline(c.id, q).entries.isEmpty)
        q.search = "ren*"  // prefix
        #expect(try store.timeline(c.id, q).entries.first?.message.text.contains("rennen") == true)
        q.search = "SANNE"
        let hits = try store.timeline(c.id, q).entries
        #expect(hits.count == 3)
        #expect(hits[0].highlighted?.contains("\u{2}Sanne\u{3}") == true)
        // FTS syntax in user input is text, not a query.
        q.search = "NEAR(a b) OR \" AND *"
        #expect(throws: Never.self) { try store.timeline(c.id, q) }
        q = TimelineQuery()
        q.kinds = ["system"]
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["Daan Jansen heeft Sanne de Vries verwijderd"])
        q = TimelineQuery()
        q.from = Date(timeIntervalSince1970: Double(Timestamp.days(fromCivil: 2026, 3, 3) * 86400 - 3600))
        q.to = Date(timeIntervalSince1970: Double(Timestamp.days(fromCivil: 2026, 3, 6) * 86400 - 3600))
        #expect(try store.timeline(c.id, q).entries.count == 3)
        q = TimelineQuery()
        q.limit = 4
        let page1 = try store.timeline(c.id, q)
        q.offset = 4
        let page2 = try store.timeline(c.id, q)
        #expect(page1.hasMore && page2.hasMore)
        #expect(Set(page1.entries.map(\.id)).isDisjoint(with: page2.entries.map(\.id)))
    }

    @Test(arguments: StoreKind.all) func marksCarryAReasonAndComeWithContext(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let other = try store.openCase(title: "Andere zaak", actor: "J. Bakker")
        try ChatSeed.record(in: store, case: c.id)
        let entries = try store.timeline(c.id, TimelineQuery()).entries
        let threat = entries.first { $0.message.text.hasPrefix("ik weet waar je woont") }!
        try store.mark(c.id, messageID: threat.id, reason: .bedreiging, note: "dreigend", actor: "A. de Wit")
        #expect(throws: StoreError.self) { try store.mark(other.id, messageID: threat.id, reason: .bedreiging, note: nil, actor: "x") }
        var q = TimelineQuery()
        q.onlyMarked = true
        let marked = try store.timeline(c.id, q).entries
        #expect(marked.map(\.id) == [threat.id])
        #expect(marked[0].mark?.reason == .bedreiging)
        let context = try store.context(around: threat.id, before: 2, after: 2)
        #expect(context.count == 3)  // the last record: two before it, none after
        #expect(context.last?.id == threat.id)
        let event = try store.events(chain: c.id.description).last!
        #expect(event.action == .entryMarked)
        #expect(event.details["reason"] == "bedreiging")
        #expect(event.details["originOffset"] == String(threat.message.origin.offset))
    }

    @Test(arguments: StoreKind.all) func observationsAndStatementsAreRecordedWithoutOriginals(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let o = try store.addObservation(
            Observation(
                kind: .seksueleAfbeelding, sender: "Daan Jansen", recipients: "groep Klas 2B",
                when: "2026-03-06 22:10", place: "WhatsApp-groep Klas 2B",
                description: "foto van een leerling, niet bewaard", recordedBy: "A. de Wit", recordedAt: Date()), to: c.id)
        #expect(o.id != nil)
        #expect(store.objects.allDigests().isEmpty)
        #expect(try store.items(c.id).isEmpty)
        let s = try store.addStatement(
            Testimony(
                kind: .slachtoffer, person: "Sanne de Vries", date: "2026-03-05",
                text: "Sinds de kerstvakantie sturen ze me berichten.", since: "december 2025",
                effect: "Ik durf niet meer naar gym.", recordedBy: "J. Bakker", recordedAt: Date()), to: c.id)
        #expect(try store.statements(c.id).first?.effect == "Ik durf niet meer naar gym.")
        #expect(s.kind == .slachtoffer)
        let events = try store.events(chain: c.id.description)
        #expect(events.map(\.action).suffix(2) == [.observationRecorded, .statementRecorded])
        #expect(events.last?.details["textSha256"]?.count == 64)
        #expect(throws: StoreError.self) {
            try store.addObservation(
                Observation(
                    kind: .nietBewaard, sender: nil, recipients: nil, when: nil, place: nil, description: " ",
                    recordedBy: "x", recordedAt: Date()), to: c.id)
        }
    }
}

@Suite struct LargeSearchTests {
    @Test func aSearchWithMoreHitsThanCanBeSortedPagesInRecordOrder() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        let n = CaseStore.searchSortLimit + 100
        var text = ""
        var messages: [Message] = []
        for i in 0..<n {
            let line = "bericht \(i) weg\n"
            // Newest first in the file, so record order and time order differ.
            messages.append(
                Message(
                    timestamp: Timestamp(date: Date(timeIntervalSince1970: Double(2_000_000_000 - i * 60)), utcOffsetSeconds: 0),
                    author: "Daan", text: "bericht \(i) weg",
                    origin: Origin(line: i + 1, offset: Int64(text.utf8.count), length: Int64(line.utf8.count))))
            text += line
        }
        let path = f.folder + "/groot.txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (digest, size) = try store.objects.put(file: path)
        _ = try store.recordIngest(
            NewEvidence(
                name: "groot.txt", size: size, sha256: digest, mediaType: "text/plain", format: "test",
                collectedBy: "x", messages: messages), in: c.id)
        var q = TimelineQuery()
        q.search = "weg"
        let page = try store.timeline(c.id, q)
        #expect(page.entries.count == 200)
        #expect(page.hasMore)
        #expect(page.entries.first?.message.text == "bericht 0 weg")  // record order
        q.search = "\"bericht 17 weg\""
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["bericht 17 weg"])
        q.search = "bericht"
        q.limit = 10
        q.offset = n - 5
        #expect(try store.timeline(c.id, q).entries.count == 5)
        // Without a search, the timeline is chronological: the last record in the file is the oldest.
        #expect(try store.timeline(c.id, TimelineQuery()).entries.first?.message.text == "bericht \(n - 1) weg")
    }
}

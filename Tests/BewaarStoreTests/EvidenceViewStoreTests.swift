import Foundation
import Testing
import BewaarModel
import BewaarStore
import BewaarTestSupport

/// What the evidence pages ask of the store: marks that are changed and removed with custody
/// events (never silently), a chat read page by page by its sequence numbers, its authors, and
/// search at word beginnings.
@Suite struct EvidenceViewStoreTests {
    @Test(arguments: StoreKind.all) func aMarkIsChangedAndRemovedWithAnEventEachAndTheChainStaysIntact(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        try ChatSeed.record(in: store, case: c.id)
        let threat = try #require(try store.timeline(c.id, TimelineQuery()).entries.first { $0.message.text.hasPrefix("ik weet waar") })
        try store.mark(c.id, messageID: threat.id, reason: .belediging, note: "eerst", actor: "J. Bakker")
        try store.changeMark(c.id, messageID: threat.id, reason: .bedreiging, note: "dreigt met adres", actor: "A. de Groot")
        #expect(try store.mark(of: threat.id)?.reason == .bedreiging)
        #expect(try store.mark(of: threat.id)?.by == "A. de Groot")
        var events = try store.events(chain: c.id.description)
        let changed = try #require(events.last)
        #expect(changed.action == .markChanged)
        #expect(changed.details["previousReason"] == "belediging" && changed.details["reason"] == "bedreiging")
        #expect(changed.details["previousNote"] == "eerst" && changed.details["note"] == "dreigt met adres")
        #expect(changed.details["originOffset"] == String(threat.message.origin.offset))
        // The same reason and note again change nothing and log nothing.
        try store.changeMark(c.id, messageID: threat.id, reason: .bedreiging, note: "dreigt met adres", actor: "x")
        #expect(try store.events(chain: c.id.description).count == events.count)
        // Marking a marked message again is a change, with its own event (not a silent replacement).
        try store.mark(c.id, messageID: threat.id, reason: .doxing, note: nil, actor: "J. Bakker")
        #expect(try store.events(chain: c.id.description).last?.action == .markChanged)
        #expect(try store.events(chain: c.id.description).last?.details["previousReason"] == "bedreiging")
        try store.removeMark(c.id, messageID: threat.id, why: "verkeerd bericht", actor: "J. Bakker")
        #expect(try store.mark(of: threat.id) == nil)
        events = try store.events(chain: c.id.description)
        let removed = try #require(events.last)
        #expect(removed.action == .markRemoved)
        #expect(removed.details["previousReason"] == "doxing" && removed.details["why"] == "verkeerd bericht")
        var q = TimelineQuery()
        q.onlyMarked = true
        #expect(try store.timeline(c.id, q).entries.isEmpty)
        // Nothing to change or remove on an unmarked message, and another case's message is refused.
        #expect(throws: StoreError.self) { try store.removeMark(c.id, messageID: threat.id, why: nil, actor: "x") }
        #expect(throws: StoreError.self) { try store.changeMark(c.id, messageID: threat.id, reason: .anders, note: nil, actor: "x") }
        let other = try store.openCase(title: "Andere zaak", actor: "J. Bakker")
        #expect(throws: StoreError.self) { try store.removeMark(other.id, messageID: threat.id, why: nil, actor: "x") }
        #expect(try store.verifyChain(c.id.description).intact)
        #expect(
            try store.events(chain: c.id.description).map(\.action).filter { [.entryMarked, .markChanged, .markRemoved].contains($0) }
                == [.entryMarked, .markChanged, .markChanged, .markRemoved])
    }

    @Test(arguments: StoreKind.all) func searchMatchesWordBeginningsWithoutDiacritics(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        try ChatSeed.record(in: store, case: c.id, extraLine: "jij bent echt dikke onzin aan het vertellen")
        var q = TimelineQuery()
        q.search = "dik"
        let hits = try store.timeline(c.id, q).entries.map(\.message.text)
        #expect(hits.contains("Sanne niet want die is te dik om te rennen 😂"))
        #expect(hits.contains("jij bent echt dikke onzin aan het vertellen"))
        q.search = "coord"  // a beginning, without the diaeresis
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["de coördinator kan je ook niet helpen"])
        q.search = "ikke"  // the middle of a word is no beginning
        #expect(try store.timeline(c.id, q).entries.isEmpty)
        q.search = "\"dik\""  // a quoted word stays exact
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["Sanne niet want die is te dik om te rennen 😂"])
        q.search = "dikke onz"  // every word at a beginning, all must occur
        #expect(try store.timeline(c.id, q).entries.count == 1)
        q.search = "dik*"  // the old way of asking still works
        #expect(try store.timeline(c.id, q).entries.count == 2)
    }

    @Test func aLongChatIsReadPageByPageBySequenceNumber() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        let n = 2_500
        var text = ""
        var messages: [Message] = []
        for i in 0..<n {
            let line = "bericht \(i)\n"
            messages.append(
                Message(
                    timestamp: Timestamp(date: Date(timeIntervalSince1970: Double(1_772_000_000 + i * 60)), utcOffsetSeconds: 3600),
                    author: i % 3 == 0 ? "Daan Jansen" : i % 3 == 1 ? "Sanne de Vries" : "Lotte Visser", text: "bericht \(i)",
                    origin: Origin(line: i + 1, offset: Int64(text.utf8.count), length: Int64(line.utf8.count))))
            text += line
        }
        let path = f.folder + "/lang.txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let (digest, size) = try store.objects.put(file: path)
        let item = try store.recordIngest(
            NewEvidence(
                name: "lang.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "x", messages: messages), in: c.id
        ).item
        let first = try store.records(item: item.id, at: .start, limit: 100)
        #expect(first.entries.map(\.message.text).first == "bericht 0" && first.entries.count == 100)
        #expect(!first.hasEarlier && first.hasLater)
        #expect(first.sequence == Array(0..<100))
        let next = try store.records(item: item.id, at: .from(100), limit: 100)
        #expect(next.entries.first?.message.text == "bericht 100" && next.hasEarlier && next.hasLater)
        let back = try store.records(item: item.id, at: .before(100), limit: 100)
        #expect(back.entries.map(\.id) == first.entries.map(\.id))
        let last = try store.records(item: item.id, at: .from(Int64(n - 30)), limit: 100)
        #expect(last.entries.count == 30 && last.hasEarlier && !last.hasLater)
        let beforeStart = try store.records(item: item.id, at: .before(40), limit: 100)
        #expect(beforeStart.sequence == Array(0..<40) && !beforeStart.hasEarlier && beforeStart.hasLater)
        // Around a message: it is on the page, with five messages before it.
        let target = next.entries[50]
        let around = try store.records(item: item.id, at: .around(messageID: target.id), limit: 100)
        #expect(around.entries[5].id == target.id)
        #expect(try store.records(item: item.id, at: .around(messageID: first.entries[2].id), limit: 10).sequence.first == 0)
        // A message of another item gives the start; beyond the end gives nothing.
        #expect(try store.records(item: item.id, at: .around(messageID: 999_999), limit: 10).sequence.first == 0)
        #expect(try store.records(item: item.id, at: .from(1 << 53), limit: 10).entries.isEmpty)
        #expect(try store.authors(item: item.id) == ["Daan Jansen", "Lotte Visser", "Sanne de Vries"])
        // Marks come with the page.
        try store.mark(c.id, messageID: target.id, reason: .uitsluiting, note: nil, actor: "x")
        #expect(try store.records(item: item.id, at: .from(100), limit: 100).entries[50].mark?.reason == .uitsluiting)
    }
}

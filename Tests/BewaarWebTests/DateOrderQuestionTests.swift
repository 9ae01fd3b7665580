import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarKit
@testable import BewaarWeb

/// A chat whose dates may be day-month or month-day: the page asks with two readings of one of
/// its dates, and the answer reads the chat again (custody event, marks kept, search intact).
@Suite struct DateOrderQuestionTests {
    /// Days never pass 12, the first field changes: the importer assumes day-month and warns.
    static let chat = Array("""
        03/04/2026, 20:14 - Sanne de Vries: hoi
        03/04/2026, 20:15 - Daan Jansen: jij weer
        05/04/2026, 09:00 - Daan Jansen: niemand wil jou in de groep

        """.utf8)

    @Test func theQuestionIsAnsweredInThePageAndTheChatIsReadAgain() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let item = try EvidenceViewTests.ingest(f, name: "WhatsApp-chat met Daan.txt", Self.chat)
        #expect(try f.store.itemsWithOpenDateOrder(f.caseID) == [item.id])
        let daan = try #require(try f.store.messages(item: item.id).firstIndex { $0.text == "jij weer" })
        let before = try f.store.timeline(f.caseID, { var q = TimelineQuery(); q.search = "jij"; return q }())
        let markedID = try #require(before.entries.first { $0.itemID == item.id }?.id)
        try f.store.mark(f.caseID, messageID: markedID, reason: .belediging, note: "eerste keer", actor: "J. Bakker")
        #expect(daan == 1)

        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let base = "/zaken/\(f.caseID)/stukken/\(item.id)"
            var (status, page) = try await EvidenceViewTests.get(client, m, "/zaken/\(f.caseID)")
            #expect(page.contains("\(base)#datumvolgorde"), "the list of files points at the open question")
            (status, page) = try await EvidenceViewTests.get(client, m, base)
            #expect(status == .ok)
            #expect(page.contains("In welke volgorde staan de datums?"))
            #expect(page.contains("03/04/2026, 20:14"), "a date as the file writes it")
            #expect(page.contains("3 april 2026 (dag-maand-jaar)") && page.contains("4 maart 2026 (maand-dag-jaar)"))
            #expect(!page.contains(" checked"), "no reading is chosen for the mentor")
            #expect(!page.contains("--date-order"))
            #expect(page.contains("dag-maand-jaar (aangenomen, nog niet bevestigd)"))

            // No choice: the page asks again.
            var (h, body) = m.form(["_csrf": m.csrf])
            var location = try await client.execute(uri: base + "/datumvolgorde", method: .post, headers: h, body: body) { r -> String in
                #expect(r.status == .seeOther)
                return r.headers[.location] ?? ""
            }
            (_, page) = try await EvidenceViewTests.get(client, m, location)
            #expect(page.contains("Kies een van de twee datums."))

            (h, body) = m.form(["_csrf": m.csrf, "volgorde": "mdy"])
            location = try await client.execute(uri: base + "/datumvolgorde", method: .post, headers: h, body: body) { r -> String in
                #expect(r.status == .seeOther)
                return r.headers[.location] ?? ""
            }
            (_, page) = try await EvidenceViewTests.get(client, m, location)
            #expect(page.contains("Opnieuw gelezen als maand-dag-jaar: 3 berichten."))
            #expect(page.contains("maand-dag-jaar (bevestigd)"))
            #expect(!page.contains("In welke volgorde staan de datums?"), "the question is answered")
            (_, page) = try await EvidenceViewTests.get(client, m, "/zaken/\(f.caseID)")
            #expect(!page.contains("#datumvolgorde"))
        }

        // The records now read month-first, from the same original.
        let after = try f.store.messages(item: item.id)
        #expect(after.map(\.text) == ["hoi", "jij weer", "niemand wil jou in de groep"])
        #expect(after.first?.timestamp?.rfc3339 == "2026-03-04T20:14:00+01:00")
        #expect(after.last?.timestamp?.rfc3339 == "2026-05-04T09:00:00+02:00")
        #expect(try f.store.item(item.id).sha256 == item.sha256)
        // The mark stayed on its record; search finds each record once.
        var q = TimelineQuery()
        q.search = "jij"
        let found = try f.store.timeline(f.caseID, q).entries.filter { $0.itemID == item.id }
        #expect(found.map(\.message.text) == ["jij weer"])
        q.onlyMarked = true
        q.search = nil
        let marked = try f.store.timeline(f.caseID, q).entries.filter { $0.itemID == item.id }
        #expect(marked.map(\.message.text) == ["jij weer"] && marked.first?.mark?.note == "eerste keer")
        // One custody event says what changed and why.
        let event = try #require(try f.store.events(chain: f.caseID.description).last { $0.action == .itemReread })
        #expect(event.actor == "J. Bakker" && event.details["dateOrder"] == "mdy" && event.details["dateOrderBefore"] == "dmy")
        #expect(event.details["messages"] == "3" && event.details["marksKept"] == "1" && event.details["sha256"] == item.sha256.hex)
        #expect(try f.store.itemsWithOpenDateOrder(f.caseID).isEmpty)
        #expect(try f.store.check().intact)
    }

    @Test func aWithdrawnChatIsNotReadAgain() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let item = try EvidenceViewTests.ingest(f, name: "chat.txt", Self.chat)
        try f.store.withdrawItem(f.caseID, item: item.id, reason: "verkeerde chat", actor: "J. Bakker")
        #expect(throws: StoreError.self) {
            try Ingestion(store: f.store).reread(item: item.id, in: f.caseID, actor: "J. Bakker", options: ReadOptions(dateOrder: "mdy"),
                                                 why: DateOrderQuestion.why(from: "dmy", to: "mdy"))
        }
        #expect(try f.store.messages(item: item.id).first?.timestamp?.rfc3339 == "2026-04-03T20:14:00+02:00", "nothing changed")
    }

    @Test func warningsThatNameCommandsSpeakOfThePageInstead() {
        let t = DutchText()
        let ambiguous = ImportWarning("… Bevestig … met --date-order dmy of --date-order mdy.", code: "date-order-ambiguous")
        let repeated = ImportWarning("Mogelijke herhaling: 2 berichten zijn van na de afspraken van 2026-03-01. Volgens het protocol draagt de mentor de zaak dan over aan de afdelingsleider: bewaar case escalate 2026-0001 --to NAAM --reason herhaling",
                                     code: "possible-repetition")
        for w in [ambiguous, repeated] {
            let text = WebApp.pageText(of: w, t)
            #expect(!text.contains("--") && !text.contains("bewaar "), "\(text)")
        }
        #expect(WebApp.pageText(of: repeated, t).hasPrefix("Mogelijke herhaling: 2 berichten zijn van na de afspraken van 2026-03-01."))
    }
}

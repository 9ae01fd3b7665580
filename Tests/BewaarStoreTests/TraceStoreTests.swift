import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarStore

/// The sysadmin's trace result lands on the case: a row, a custody event and step 3's link.
@Suite struct TraceStoreTests {
    @Test(arguments: StoreKind.all) func aTraceIsStoredAsACustodyEventAndStepThreeLinksToIt(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Anonieme mail", actor: "J. Bakker")
        let result = #"{"certainty":"hoog","originatingIp":"10.20.12.7"}"#
        let t = try store.recordTrace(
            NewTrace(
                itemID: nil, mailName: "anonieme-mail.eml", mailSHA256: String(repeating: "ab", count: 32),
                originatingIP: "10.20.12.7", certainty: "hoog",
                conclusion: "Waarschijnlijk verzonden vanaf een schoolcomputer: WS-LOK12-07",
                result: result),
            in: c.id, actor: "P. de Boer (systeembeheerder)")
        #expect(t.id == 1)
        #expect(t.resultSHA256.count == 64)
        let stored = try store.traces(c.id)
        #expect(stored.map(\.result) == [result])
        #expect(stored.first?.actor == "P. de Boer (systeembeheerder)")
        let events = try store.events(chain: c.id.description)
        let traceEvent = try #require(events.first { $0.action == .traceRecorded })
        #expect(traceEvent.details["traceId"] == "1")
        #expect(traceEvent.details["resultSha256"] == t.resultSHA256)
        #expect(traceEvent.details["originatingIp"] == "10.20.12.7")
        #expect(events.last?.action == .checklistChanged)
        let step3 = try #require(try store.checklist(c.id).first { $0.step == .daderOpsporen })
        #expect(step3.fields["trace"] == "trace 1")
        #expect(step3.fields["result"]?.hasPrefix("hoog: Waarschijnlijk verzonden") == true)
        #expect(step3.status == .open)
        #expect(try store.verifyChain(c.id.description).intact)
    }

    @Test(arguments: StoreKind.all) func anItemOfAnotherCaseIsRefusedAndNothingIsWritten(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let before = try store.events(chain: c.id.description).count
        #expect(throws: StoreError.self) {
            try store.recordTrace(
                NewTrace(
                    itemID: 99, mailName: "x.eml", mailSHA256: "00", originatingIP: nil, certainty: "onbekend",
                    conclusion: "", result: "{}"), in: c.id, actor: "x")
        }
        #expect(try store.events(chain: c.id.description).count == before)
        #expect(try store.traces(c.id).isEmpty)
    }

    @Test func aStoreMadeBeforeTracesExistedGetsTheTableOnOpen() throws {
        let f = try StoreFixture()
        // A v1-only store: create it, then drop the new table and its migration record.
        do {
            let store = try f.open()
            _ = try store.openCase(title: "Oud", actor: "x")
        }
        let db = try DatabaseQueue(path: f.storePath + "/bewaar.sqlite")
        try db.write { db in
            try db.execute(sql: "DROP TABLE traces")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-traces'")
        }
        let reopened = try f.open()
        let c = try reopened.cases()[0]
        #expect(try reopened.traces(c.id).isEmpty)
    }
}

import Foundation
import Testing
import BewaarModel
import BewaarStore
import BewaarKit

@Suite struct CaseStoreTests {
    @Test(arguments: StoreKind.all) func aMentorOpensCasesNumberedPerYear(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let a = try store.openCase(
            title: "Pesten in groepsapp 2B", actor: "J. Bakker",
            people: [Person(name: "Sanne de Vries", role: .slachtoffer)])
        let b = try store.openCase(title: "Schelden via Instagram", actor: "J. Bakker")
        #expect(a.id.description == "2026-0001")
        #expect(b.id.description == "2026-0002")
        #expect(try store.cases().map(\.id) == [a.id, b.id])
        #expect(try store.people(a.id).map(\.name) == ["Sanne de Vries"])
        #expect(try store.checklist(a.id).count == 6)
        let events = try store.events(chain: a.id.description)
        #expect(events.map(\.action) == [.caseOpened, .personAdded])
        #expect(events.allSatisfy { $0.actor == "J. Bakker" })
        #expect(events[1].previousHash == events[0].hash)
        // Retention counts from closing: a running case has no date yet.
        #expect(a.retentionUntil == nil)
    }

    @Test(arguments: StoreKind.all) func anEmptyTitleOrUnknownCaseIsRefusedWithADutchExplanation(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        #expect(throws: StoreError.self) { try store.openCase(title: "  ", actor: "x") }
        do {
            _ = try store.case(CaseID("2026-0099")!)
            Issue.record("expected an error")
        } catch let e as StoreError {
            #expect(e.code == .unknownCase)
            #expect(e.dutch.contains("2026-0099"))
        }
    }

    @Test(arguments: StoreKind.all) func theChecklistRoundTripsWithItsCustodyEvents(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        try store.updateStep(
            c.id, step: .blokkeren,
            update: ChecklistUpdate(
                status: .gedaan, note: "samen met Sanne gedaan",
                fields: ["platform": "WhatsApp", "account": "+31 6 12345001"]),
            actor: "J. Bakker")
        try store.updateStep(
            c.id, step: .doorverwijzenAangifte,
            update: ChecklistUpdate(fields: ["aangifte-geadviseerd": "Ja", "slachtofferhulp": "nee"]), actor: "A. de Wit")
        // Read back from a second connection: what was stored, not what was in memory.
        let reopened = try f.open()
        let steps = try reopened.checklist(c.id)
        #expect(steps[1].status == .gedaan)
        #expect(steps[1].note == "samen met Sanne gedaan")
        #expect(steps[1].fields == ["platform": "WhatsApp", "account": "+31 6 12345001"])
        #expect(steps[1].by == "J. Bakker")
        #expect(steps[1].at != nil)
        #expect(steps[4].fields == ["aangifte-geadviseerd": "ja", "slachtofferhulp": "nee"])
        #expect(steps[4].status == .open)
        let events = try reopened.events(chain: c.id.description).filter { $0.action == .checklistChanged }
        #expect(events.count == 2)
        #expect(events[0].details["step"] == "2")
        #expect(events[0].details["status"] == "gedaan")
        #expect(events[0].details["field.platform"] == "WhatsApp")
        #expect(events[1].actor == "A. de Wit")
        #expect(try reopened.verifyChain(c.id.description).intact)

        #expect(throws: StoreError.self) {
            try store.updateStep(c.id, step: .blokkeren, update: ChecklistUpdate(fields: ["kleur": "rood"]), actor: "x")
        }
        #expect(throws: StoreError.self) {
            try store.updateStep(c.id, step: .doorverwijzenAangifte, update: ChecklistUpdate(fields: ["slachtofferhulp": "misschien"]), actor: "x")
        }
    }

    @Test func theStoreLocationFollowsOptionEnvironmentAndXDG() {
        #expect(StoreLocation.resolve(explicit: "/srv/bewaar", environment: ["BEWAAR_STORE": "/x"]) == "/srv/bewaar")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["BEWAAR_STORE": "/x", "HOME": "/home/j"]) == "/x")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/home/j"]) == "/d/bewaar")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/j"]) == "/home/j/.local/share/bewaar")
    }

    @Test func aMissingStoreIsNotCreatedByReadingCommands() throws {
        let f = try StoreFixture()
        do {
            _ = try CaseStore(path: f.folder + "/nergens", create: false)
            Issue.record("expected an error")
        } catch let e as StoreError {
            #expect(e.code == .noStore)
        }
        #expect(!FileManager.default.fileExists(atPath: f.folder + "/nergens"))
    }

    @Test func aCorruptDatabaseIsReportedAsUnreadable() throws {
        let f = try StoreFixture()
        try FileManager.default.createDirectory(atPath: f.storePath, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: f.storePath + "/bewaar.sqlite"))
        do {
            _ = try CaseStore(path: f.storePath, create: false)
            Issue.record("expected an error")
        } catch let e as StoreError {
            #expect(e.code == .unreadable)
            #expect(e.dutch.contains(f.storePath))
        }
    }
}

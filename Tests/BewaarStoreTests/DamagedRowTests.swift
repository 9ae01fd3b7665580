import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarStore

/// A store changed by hand or by a faulty tool must never stop Bewaar: a row whose value cannot
/// be read makes the call throw a StoreError that names the table, the row and the column.
@Suite struct DamagedRowTests {
    /// The store's database opened directly, without foreign-key checks (a damaged store has none).
    private func database(_ f: StoreFixture) throws -> DatabaseQueue {
        var config = Configuration()
        config.foreignKeysEnabled = false
        return try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName, configuration: config)
    }

    /// Opens a case with one talk, closes the store, and runs `sql` on the database directly.
    private func damagedStore(_ sql: String) throws -> (StoreFixture, CaseID) {
        let f = try StoreFixture()
        let id: CaseID
        do {
            let store = try f.open()
            id = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker").id
            try store.addTalk(Talk(date: "2026-03-02", participants: ["J. Bakker"], withWhom: ["Sanne"], summary: "Eerste gesprek",
                                   agreements: [], followUp: nil, recordedBy: "J. Bakker", recordedAt: Date()), to: id)
        }
        let queue = try database(f)
        try queue.write { db in try db.execute(sql: sql, arguments: [id.description]) }
        return (f, id)
    }

    private func damage(_ call: () throws -> Void) -> StoreError? {
        do {
            try call()
            return nil
        } catch {
            return error as? StoreError
        }
    }

    @Test func aCaseWithAnUnreadableOpeningDateThrowsNamingTheRow() throws {
        let (f, id) = try damagedStore("UPDATE cases SET opened = 'gisteren' WHERE id = ?")
        let store = try f.open()
        let e = try #require(damage { _ = try store.case(id) })
        #expect(e.code == .damagedRow)
        #expect(e.english.contains("table cases") && e.english.contains("id \(id)") && e.english.contains("column opened"))
        #expect(e.dutch.contains("tabel cases"))
        #expect(damage { _ = try store.cases() }?.code == .damagedRow)
    }

    @Test func anItemWithABadDigestOrCaseNumberThrows() throws {
        let (f, id) = try damagedStore("UPDATE cases SET title = title WHERE id = ?")
        let store = try f.open()
        let put = try store.objects.put(file: try f.file("a.txt", "hoi"))
        _ = try store.recordIngest(NewEvidence(name: "a.txt", size: put.size, sha256: put.digest, mediaType: "text/plain", format: "text",
                                               collectedBy: "J. Bakker"), in: id)
        let queue = try database(f)
        try queue.write { db in try db.execute(sql: "UPDATE items SET sha256 = 'niet-hex'") }
        let e = try #require(damage { _ = try store.items(id) })
        #expect(e.code == .damagedRow && e.english.contains("table items") && e.english.contains("column sha256"))
        try queue.write { db in try db.execute(sql: "UPDATE items SET sha256 = ?, case_id = 'zaak'", arguments: [put.digest.hex]) }
        #expect(damage { _ = try store.item(1) }?.english.contains("column case_id") == true)
    }

    @Test func aTalkWithAnUnreadableTimeAndAChecklistStepOutOfRangeThrow() throws {
        let (f, id) = try damagedStore("UPDATE talks SET recorded_at = '2026-13-45' WHERE case_id = ?")
        let store = try f.open()
        #expect(damage { _ = try store.talks(id) }?.english.contains("table talks") == true)
        let queue = try database(f)
        try queue.write { db in try db.execute(sql: "UPDATE checklist SET step = 9 WHERE step = 6") }
        let e = try #require(damage { _ = try store.checklist(id) })
        #expect(e.english.contains("table checklist") && e.english.contains("step 9") && e.english.contains("column step"))
    }

    @Test func aValueOfTheWrongTypeThrowsInsteadOfStopping() throws {
        let (f, id) = try damagedStore("UPDATE talks SET summary = X'FFFE' WHERE case_id = ?")
        let store = try f.open()
        #expect(damage { _ = try store.talks(id) }?.english.contains("column summary") == true)
    }

    @Test func aCustodyEventWithAnEditedTimeStillLoadsAndIsReportedAsChanged() throws {
        let (f, id) = try damagedStore("UPDATE custody SET time = 'ooit' WHERE chain = ? AND seq = 1")
        let store = try f.open()
        let events = try store.events(chain: id.description)
        #expect(events.count == 2)
        #expect(try store.verifyChain(id.description).problems.map(\.kind) == [.edited])
    }
}

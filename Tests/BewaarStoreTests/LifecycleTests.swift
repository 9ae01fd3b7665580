import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarTestSupport
@testable import BewaarStore

/// A case's life after the report: the afdelingsleider closes it, the retention period runs
/// from closing by the school's policy, a legal hold stops destruction, and destruction leaves
/// only its proof.
@Suite struct LifecycleTests {
    static let month: TimeInterval = 31 * 86400

    /// A case with a chat of two messages; returns it and the original's digest.
    func caseWithChat(_ store: CaseStore, _ f: StoreFixture, title: String, name: String, text: String) throws -> (Case, SHA256Digest) {
        let c = try store.openCase(title: title, actor: "J. Bakker", people: [Person(name: name, role: .slachtoffer)])
        let line = "02-03-2026 20:05 - Daan Jansen: \(text)\n"
        let path = try f.file(UUID().uuidString + ".txt", line)
        let (digest, size) = try store.objects.put(file: path)
        let message = Message(
            timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300), utcOffsetSeconds: 0), author: "Daan Jansen",
            text: text, origin: Origin(line: 1, offset: 0, length: Int64(line.utf8.count)))
        _ = try store.recordIngest(
            NewEvidence(
                name: "chat.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "J. Bakker", messages: [message]), in: c.id)
        return (c, digest)
    }

    @Test(arguments: StoreKind.all) func closingStartsTheRetentionPeriodAndReopeningStopsIt(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker")
        #expect(c.retentionUntil == nil)
        try store.setRetentionPolicy(months: 12, reason: "besluit schoolleiding", actor: "B. Beheer")
        #expect(try store.retentionPolicy().months == 12)
        #expect(
            try store.events(chain: "store").last?.details == [
                "months": "12", "previousMonths": "24", "reason": "besluit schoolleiding", "appliedToClosed": "nee",
            ])
        #expect(throws: StoreError.self) { try store.setRetentionPolicy(months: 0, reason: "x", actor: "B. Beheer") }
        #expect(throws: StoreError.self) { try store.closeCase(c.id, outcome: .resolved, reason: "  ", actor: "A. de Groot") }
        let closed = try store.closeCase(c.id, outcome: .resolved, reason: "afspraken nagekomen", actor: "A. de Groot")
        #expect(closed.status == .closed)
        let at = try #require(closed.closing?.at)
        let due = try #require(closed.retentionUntil)
        #expect(due.timeIntervalSince(at) > 360 * 86400 && due.timeIntervalSince(at) < 370 * 86400)
        #expect(closed.closing?.outcome == .resolved && closed.closing?.by == "A. de Groot")
        #expect(throws: StoreError.self) { try store.closeCase(c.id, outcome: .resolved, reason: "nogmaals", actor: "A. de Groot") }
        let reopened = try store.reopenCase(c.id, reason: "het pesten herhaalt zich", actor: "A. de Groot")
        #expect(reopened.status == .open && reopened.retentionUntil == nil && reopened.closing == nil)
        let held = try store.placeHold(c.id, reason: "aangifte gedaan", actor: "A. de Groot")
        #expect(held.hold?.reason == "aangifte gedaan")
        #expect(throws: StoreError.self) { try store.placeHold(c.id, reason: "nog eens", actor: "A. de Groot") }
        #expect(try store.releaseHold(c.id, reason: "politie klaar", actor: "A. de Groot").hold == nil)
        #expect(throws: StoreError.self) { try store.releaseHold(c.id, reason: "nog eens", actor: "A. de Groot") }
        let actions = try store.events(chain: c.id.description).map(\.action)
        #expect(actions == [.caseOpened, .caseClosed, .caseReopened, .holdPlaced, .holdReleased])
        #expect(try store.verifyChain(c.id.description).intact)
    }

    @Test(arguments: StoreKind.all) func aPolicyChangeAppliesToClosedCasesOnlyWhenAsked(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker")
        let closed = try store.closeCase(c.id, outcome: .resolved, reason: "opgelost", actor: "A. de Groot")
        #expect(try store.setRetentionPolicy(months: 12, reason: "besluit", actor: "B. Beheer") == 0)
        #expect(try store.case(c.id).retentionUntil == closed.retentionUntil)
        #expect(try store.setRetentionPolicy(months: 12, reason: "besluit", actor: "B. Beheer", applyToClosed: true) == 1)
        let due = try #require(try store.case(c.id).retentionUntil)
        let at = try #require(closed.closing?.at)
        #expect(due.timeIntervalSince(at) < 370 * 86400)
        #expect(try store.events(chain: c.id.description).last?.action == .retentionChanged)
        #expect(try store.setRetentionPolicy(months: 12, reason: "nogmaals", actor: "B. Beheer", applyToClosed: true) == 0)
    }

    @Test(arguments: StoreKind.all) func aTypedReasonReachesAnErrorMessageWithoutControlCharacters(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker")
        try store.placeHold(c.id, reason: "aangifte\u{1B}[2J gedaan", actor: "A. de Groot")
        let e = #expect(throws: StoreError.self) {
            try store.destroyCase(c.id, actor: "A. de Groot", role: "afdelingsleider", reason: "x", early: true)
        }
        #expect(e?.dutch.contains("aangifte [2J gedaan") == true)
        #expect(e?.dutch.unicodeScalars.contains { $0.value == 0x1B } == false)
    }

    @Test func anEscalatedCaseIsEscalatedAgainWhenReopened() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Groepsapp 2B", actor: "J. Bakker")
        try store.write { db in try db.execute(sql: "UPDATE cases SET status = 'geescaleerd' WHERE id = ?", arguments: [c.id.description]) }
        try store.closeCase(c.id, outcome: .referred, reason: "naar de ondersteuningscoördinator", actor: "A. de Groot")
        #expect(try store.reopenCase(c.id, reason: "terug", actor: "A. de Groot").status == .escalated)
    }

    @Test func aStoreFromV10KeepsTheDatesOfClosedCasesAndDropsThoseOfRunningOnes() throws {
        let f = try StoreFixture()
        for sub in ["", "/objects", "/tmp"] { try FileManager.default.createDirectory(atPath: f.storePath + sub, withIntermediateDirectories: true) }
        do {
            let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName)
            try Schema.migrator().migrate(queue, upTo: "v10-record-links")
            try queue.write { db in
                for (n, status) in ["open", "gesloten", "geescaleerd"].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO cases (id, year, number, title, opened, status, retention_until)
                            VALUES (?, 2025, ?, 'Zaak', '2025-03-02T19:05:00.000Z', ?, '2027-03-02T19:05:00.000Z')
                            """, arguments: ["2025-000\(n + 1)", n + 1, status])
                }
            }
        }
        let store = try f.open()
        let cases = try store.cases()
        #expect(cases.map(\.status) == [.open, .closed, .escalated])
        #expect(cases.map(\.retentionUntil) == [nil, Date(stored: "2027-03-02T19:05:00.000Z"), nil])
        #expect(cases[1].closing?.at == nil)
        // The numbering trigger still works after the rebuild.
        let next = try store.openCase(title: "Nieuw", actor: "J. Bakker")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT no FROM cases WHERE id = ?", arguments: [next.id.description]) } == 4)
        // (These hand-made cases have no custody events; only those are what check finds.)
        #expect(try store.check().problems.allSatisfy { $0.kind == .chain })
    }

    @Test(arguments: StoreKind.all) func aCaseIsDestroyedOnlyWhenDueAndNotOnHoldAndLeavesItsProof(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let (a, digestA) = try caseWithChat(store, f, title: "Zaak Sanne", name: "Sanne de Vries", text: "zwembadfeest zonder jou")
        let (b, digestB) = try caseWithChat(store, f, title: "Zaak Noor", name: "Noor Bakker", text: "kantinegrap over Noor")
        // The same original in both cases: it stays for b.
        let shared = try f.file("gedeeld.txt", "gedeeld bericht\n")
        let (sharedDigest, sharedSize) = try store.objects.put(file: shared)
        for c in [a, b] {
            _ = try store.recordIngest(
                NewEvidence(
                    name: "gedeeld.txt", size: sharedSize, sha256: sharedDigest, mediaType: "text/plain",
                    format: "test", collectedBy: "J. Bakker"), in: c.id)
        }
        #expect(throws: StoreError.self) { try store.destroyCase(a.id, actor: "A. de Groot", role: "afdelingsleider", reason: "x") }
        try store.closeCase(a.id, outcome: .resolved, reason: "opgelost", actor: "A. de Groot")
        #expect(throws: StoreError.self) { try store.destroyCase(a.id, actor: "A. de Groot", role: "afdelingsleider", reason: "x") }
        #expect(try store.retentionOverview(at: f.clock.now).due.isEmpty)
        f.clock.advance(25 * Self.month)
        #expect(try store.retentionOverview(at: f.clock.now).due.map(\.id) == [a.id])
        try store.placeHold(a.id, reason: "aangifte gedaan", actor: "A. de Groot")
        #expect(try store.retentionOverview(at: f.clock.now).due.isEmpty)
        #expect(try store.retentionOverview(at: f.clock.now).onHold.map(\.id) == [a.id])
        let refused = #expect(throws: StoreError.self) {
            try store.destroyCase(a.id, actor: "A. de Groot", role: "afdelingsleider", reason: "x", early: true)
        }
        #expect(refused?.code == .notDestroyable && refused?.dutch.contains("bewaarplicht") == true)
        try store.releaseHold(a.id, reason: "politie klaar", actor: "A. de Groot")
        let head = try #require(try store.verifyChain(a.id.description).headHash)
        let count = try store.events(chain: a.id.description).count
        let done = try store.destroyCase(a.id, actor: "A. de Groot", role: "afdelingsleider", reason: "bewaartermijn verstreken")
        let r = done.record
        #expect(r.sequence == 1 && r.caseID == a.id && r.custodyHead == head && r.custodyCount == count && !r.early)
        #expect(r.originals == [digestA.hex] && r.keptOriginals == [sharedDigest.hex])
        #expect(r.removed["messages"] == 1 && r.removed["items"] == 2 && r.removed["people"] == 1 && r.removed["objects"] == 1)
        #expect(!r.canonicalText.contains("Sanne") && !r.canonicalText.contains("zwembadfeest"))
        #expect(done.cleanup.walEmptied == (kind == .sqlite) && done.cleanup.complete)
        #expect(done.cleanup.english.contains(kind == .sqlite ? "write-ahead log is empty" : "PostgreSQL vacuumed"))
        #expect(!store.objects.contains(digestA) && store.objects.contains(sharedDigest) && store.objects.contains(digestB))
        let gone = #expect(throws: StoreError.self) { try store.case(a.id) }
        #expect(gone?.code == .destroyedCase)
        #expect(try store.events(chain: a.id.description).isEmpty)
        #expect(try store.events(chain: "store").last?.action == .caseDestroyed)
        #expect(try store.check().intact)
        #expect(try store.destructionLog() == [r])
        try store.closeCase(b.id, outcome: .noBullying, reason: "niets gevonden", actor: "A. de Groot")
        try store.destroyCase(b.id, actor: "B. Beheer", role: "beheerder", reason: "verzoek ouders", early: true)
        #expect(!store.objects.contains(sharedDigest))
        #expect(try store.destructionLog().map(\.previousHash) == [CustodyEvent.genesisHash, r.hash])
        #expect(try store.check().intact)
    }

    @Test(arguments: StoreKind.all) func destroyIfPresentIsIdempotent(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let (a, _) = try caseWithChat(store, f, title: "Zaak Sanne", name: "Sanne de Vries", text: "zwembadfeest")
        try store.placeHold(a.id, reason: "aangifte gedaan", actor: "A. de Groot")
        // Re-applied after a restore: the decision was made where the backup came from.
        #expect(try store.destroyIfPresent([a.id, CaseID(year: 2026, number: 9)], actor: "herstel", reason: "opnieuw toegepast").count == 1)
        #expect(try store.destroyIfPresent([a.id], actor: "herstel", reason: "opnieuw toegepast").isEmpty)
        #expect(try store.destructionLog().count == 1)
        #expect(try store.check().intact)
        // The number is never given out again, even when it was the highest.
        #expect(try store.openCase(title: "Nieuw", actor: "J. Bakker").id == CaseID(year: a.id.year, number: 2))
    }

    @Test func aChangedOrRemovedDestructionEntryIsFoundByCheck() throws {
        let f = try StoreFixture()
        let store = try f.open()
        for name in ["Sanne de Vries", "Noor Bakker"] {
            let (c, _) = try caseWithChat(store, f, title: "Zaak", name: name, text: "tekst")
            try store.destroyCase(c.id, actor: "A. de Groot", role: "afdelingsleider", reason: "verzoek", early: true)
        }
        #expect(try store.verifyDestructionLog().isEmpty)
        try store.write { db in
            try db.execute(sql: "UPDATE destruction_log SET record = replace(record, 'verzoek', 'iets anders') WHERE seq = 1")
        }
        #expect(try store.check().problems.contains { $0.kind == .destructionLog && $0.dutch.contains("regel 1") })
        try store.write { db in try db.execute(sql: "DELETE FROM destruction_log WHERE seq = 2") }
        #expect(try store.verifyDestructionLog().contains { $0.english.contains("recorded head") })
    }

    @Test func aTableTheDestructionDoesNotKnowStopsIt() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let (c, digest) = try caseWithChat(store, f, title: "Zaak", name: "Sanne de Vries", text: "tekst")
        try store.write { db in
            try db.execute(sql: "CREATE TABLE stray (case_id TEXT); INSERT INTO stray VALUES (?)", arguments: [c.id.description])
        }
        let e = #expect(throws: StoreError.self) {
            try store.destroyCase(c.id, actor: "A. de Groot", role: "afdelingsleider", reason: "x", early: true)
        }
        #expect(e?.dutch.contains("stray") == true)
        #expect(try store.case(c.id).title == "Zaak")
        #expect(store.objects.contains(digest))
        #expect(try store.destructionLog().isEmpty)
    }
}

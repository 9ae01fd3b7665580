import BewaarModel
import BewaarPostgresTestSupport
import BewaarTestSupport
import BewaarWeb
import Foundation
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres

/// `bewaar store migrate` at the store's level: a school's SQLite store moved into a school of a
/// board's database keeps every number, chain, key and original; a second school's numbers do
/// not collide with it; a failure leaves the school empty; running it again changes nothing.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct SchoolMoveTests {
    /// A school's store with a bit of everything: two cases that share an original, records of
    /// several kinds and authors, an item inside another, a mark, a withdrawal, a talk, and a
    /// third case destroyed (the destruction log). Encrypted unless `plain`.
    static func schoolStore(in t: TempDir, plain: Bool = false) throws -> CaseStore {
        let store = try t.openStore(modules: WebServer.storeModules)
        if !plain { _ = try store.encrypt(with: .keyFile(t.file("school.sleutel")), actor: "B. Beheer") }
        let a = try store.openCase(
            title: "Pesten in groepsapp 2B", actor: "J. Bakker",
            people: [Person(name: "Sanne de Vries", role: .slachtoffer), Person(name: "Daan Jansen", role: .vermoedelijkeDader)])
        let b = try store.openCase(title: "Schelden via Instagram", actor: "J. Bakker")
        let gone = try store.openCase(title: "Melding die vervalt", actor: "J. Bakker")
        // Forty lines of 30 bytes: each record points at its own line.
        let chat = t.write("chat.txt", (0..<40).map { "regel \($0) morgen".padding(toLength: 29, withPad: ".", startingAt: 0) + "\n" }.joined())
        for (n, c) in [a, b, gone].enumerated() {
            let (d, size) = try store.objects.put(file: chat)
            let authors = ["Daan Jansen", "Tim Bos", "Sanne de Vries"]
            let messages = (0..<40).map { (i: Int) -> Message in
                let text: String = i % 7 == 0 ? "wie komt er morgen naar het veldje \(n)-\(i)" : "bericht \(n)-\(i) 😀 café"
                let kind: MessageKind = i % 11 == 0 ? .system : (i == 39 ? "zelfgemaakt-soort" : .message)
                let time = Timestamp(date: Date(timeIntervalSince1970: 1_772_478_300 + Double(i * 60)), utcOffsetSeconds: 3600)
                return Message(
                    timestamp: time, author: authors[i % 3], text: text, kind: kind, origin: Origin(line: i + 1, offset: Int64(i * 30), length: 30))
            }
            _ = try store.recordIngest(
                NewEvidence(
                    name: "chat.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker",
                    collectedFrom: "telefoon van Sanne", messages: messages),
                in: c.id)
        }
        let mail = t.write("mail.eml", "From: anoniem@example.org\nSubject: jij\n\nniemand mag je\n")
        let (md, msize) = try store.objects.put(file: mail)
        let mailItem = try store.recordIngest(
            NewEvidence(
                name: "mail.eml", size: msize, sha256: md, mediaType: "message/rfc822", format: "email", collectedBy: "J. Bakker",
                messages: [
                    Message(
                        timestamp: nil, author: "anoniem@example.org", text: "niemand mag je", kind: "email",
                        origin: Origin(line: 1, offset: 0, length: 10))
                ]),
            in: a.id)
        let first = try #require(try store.timeline(a.id, TimelineQuery()).entries.first)
        _ = try store.mark(a.id, messageID: first.id, reason: .belediging, note: "eerste bericht", actor: "J. Bakker")
        try store.withdrawItem(a.id, item: mailItem.item.id, reason: "dubbel aangeleverd", actor: "J. Bakker")
        _ = try store.addTalk(
            Talk(
                date: "2026-03-02", participants: ["J. Bakker"], withWhom: ["Sanne de Vries"], summary: "Eerste gesprek", agreements: ["melden"],
                followUp: nil, recordedBy: "J. Bakker", recordedAt: Date(timeIntervalSince1970: 1_772_478_300)), to: a.id)
        _ = try store.destroyCase(gone.id, actor: "A. Leider", role: "afdelingsleider", reason: "verzoek ouders", early: true)
        return store
    }

    /// Everything a move must keep, read from a store: each case's timeline (every page entry,
    /// numbers included), a search, its items, people, talks and custody events; the
    /// destruction log.
    static func contents(_ store: CaseStore) throws -> [String] {
        var out: [String] = []
        for c in try store.cases() {
            out.append("\(c.id) \(c.title) \(c.status)")
            var q = TimelineQuery()
            q.limit = 500
            out += try store.timeline(c.id, q).entries.map { "\($0)" }
            q.search = "morgen"
            out += try store.timeline(c.id, q).entries.map { "zoek \($0.id) \($0.highlighted ?? "")" }
            out += try store.items(c.id).map { "\($0)" }
            out += try store.people(c.id).map { "\($0)" }
            out += try store.talks(c.id).map { "\($0)" }
            out += try store.events(chain: c.id.description).map { e in
                "\(e.chain) \(e.sequence) \(e.time) \(e.actor) \(e.action.rawValue) \(e.details.sorted { $0.key < $1.key }) \(e.previousHash) \(e.hash)"
            }
        }
        out += try store.destructionLog().map { "\($0.sequence) \($0.caseID) \($0.time) \($0.actor) \($0.custodyHead) \($0.custodyCount)" }
        return out
    }

    static func board(_ database: ScratchDatabase, _ t: TempDir) throws -> PostgresBoard {
        let board = try PostgresBoard(url: database.url, folder: t.file("bestuur"), key: nil, connections: 4)
        try board.makeMasterKey()
        return board
    }

    @Test func anEncryptedStoreMovesInWithEveryNumberChainKeyAndOriginal() async throws {
        let found = try await offThread { () -> [String: String] in
            let database = try ScratchDatabase()
            let t = TempDir(), other = TempDir()
            let board = try Self.board(database, t)
            // Another school moved in first: its numbers are the same as this one's.
            let first = try board.moveIn(
                try Self.schoolStore(in: other, plain: true), to: try board.addSchool(named: "Het Vechtdal College"),
                modules: WebServer.storeModules, actor: "B. Beheer")
            let source = try Self.schoolStore(in: t)
            let (outcome, moved) = try board.moveIn(
                source, to: try board.addSchool(named: "Het Testlyceum"), modules: WebServer.storeModules, actor: "B. Beheer")
            var out: [String: String] = [:]
            out["first"] = "\(first.outcome.cases) \(first.outcome.records) \(first.outcome.sealedOnTheWay)"
            out["outcome"] =
                "\(outcome.copiedNow) \(outcome.cases) \(outcome.records) \(outcome.chains) \(outcome.originals) \(outcome.sealedOnTheWay)"
            out["same contents"] = String(try Self.contents(source) == Self.contents(moved))
            out["contents"] = String(try Self.contents(moved).count)
            // Every case chain and the destruction log are the source's, row for row and byte for
            // byte (the same case keys seal the same bytes); the store's own chain has one event more.
            let custody = "SELECT chain, seq, time, actor, action, details, prev_hash, hash FROM custody WHERE chain <> 'store' ORDER BY chain, seq"
            let sourceRows = try source.reading { try $0.fetch(custody).map { "\($0.values)" } }
            let movedRows = try moved.reading { try $0.fetch(custody).map { "\($0.values)" } }
            out["custody"] = "\(sourceRows == movedRows) \(movedRows.count)"
            let log = "SELECT seq, case_id, year, number, case_no, time, actor, record, prev_hash, hash FROM destruction_log ORDER BY seq"
            out["destruction log"] = String(
                try source.reading { try $0.fetch(log).map { "\($0.values)" } } == moved.reading { try $0.fetch(log).map { "\($0.values)" } })
            let text = "SELECT id, text FROM messages ORDER BY id"
            out["sealed text"] = String(
                try source.reading { try $0.fetch(text).map { "\($0.values)" } } == moved.reading { try $0.fetch(text).map { "\($0.values)" } })
            let storeEvents = try moved.events(chain: "store")
            out["store chain"] =
                "\(storeEvents.dropLast().map(\.hash) == (try source.events(chain: "store")).map(\.hash)) \(storeEvents.last?.action.rawValue ?? "")"
            // The originals: the sealed files byte for byte, and the check re-hashes each one.
            let digests = try source.objects.allDigests()
            out["originals"] = String(
                digests.allSatisfy {
                    FileManager.default.contents(atPath: source.objects.path(for: $0))
                        == FileManager.default.contents(atPath: moved.objects.path(for: $0))
                } && digests == (try moved.objects.allDigests()))
            let check = try moved.check()
            out["check"] = "\(check.intact) \(check.objectsChecked) \(check.chains.count)"
            out["problems"] = check.problems.map(\.english).joined(separator: " | ")
            let heads = { (s: CaseStore) in try s.check().chains.filter { $0.chain != "store" }.map { "\($0.chain) \($0.headHash ?? "")" } }
            out["heads"] = String(try heads(source) == heads(moved))

            // New rows take numbers past the school's own: an ingest after the move.
            let c = try #require(try moved.cases().first)
            let (d, size) = try moved.objects.put(file: t.write("nieuw.txt", "na de verhuizing"))
            let added = try moved.recordIngest(
                NewEvidence(
                    name: "nieuw.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker",
                    messages: [Message(timestamp: nil, author: "Tim Bos", text: "nieuw", origin: Origin(line: 1, offset: 0, length: 5))]),
                in: c.id)
            let highest = try source.reading { try $0.fetchOne("SELECT max(id) FROM items")?[0].int ?? 0 }
            out["next item"] = String(added.item.id == highest + 1)
            out["new case"] = try moved.openCase(title: "Nieuwe melding", actor: "J. Bakker").id.description
            out["after"] = String(try moved.check().intact && first.store.check().intact)
            // Running it again changes nothing.
            let again = try board.moveIn(source, to: try board.school(named: "Het Testlyceum"), modules: WebServer.storeModules, actor: "B. Beheer")
            out["again"] = "\(again.outcome.copiedNow) \(try moved.cases().count)"
            return out
        }
        #expect(found["first"] == "2 81 2")
        #expect(found["outcome"] == "true 2 81 3 2 0")
        #expect(found["same contents"] == "true")
        #expect(Int(found["contents"] ?? "") ?? 0 > 100)
        #expect(found["custody"]?.hasPrefix("true ") == true)
        #expect(found["destruction log"] == "true")
        #expect(found["sealed text"] == "true")
        #expect(found["store chain"] == "true school-moved-in")
        #expect(found["originals"] == "true")
        #expect(found["check"] == "true 2 3", "\(found["problems"] ?? "")")
        #expect(found["heads"] == "true")
        #expect(found["next item"] == "true")
        #expect(found["new case"] == "2026-0004")
        #expect(found["after"] == "true")
        #expect(found["again"] == "false 3")
    }

    /// A plain store's originals are sealed on the way, with keys of their own, and its text
    /// with new case keys: nothing plain reaches the board's folder or database.
    @Test func aPlainStoreIsSealedOnTheWay() async throws {
        let found = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let t = TempDir()
            let board = try Self.board(database, t)
            let source = try Self.schoolStore(in: t, plain: true)
            let (outcome, moved) = try board.moveIn(
                source, to: try board.addSchool(named: "Het Testlyceum"), modules: WebServer.storeModules, actor: "B. Beheer")
            let digests = try moved.objects.allDigests()
            let sealed = digests.allSatisfy { d in
                guard let data = FileManager.default.contents(atPath: moved.objects.path(for: d)) else { return false }
                return data.withUnsafeBytes { ObjectCipher.isSealed($0) } && !String(decoding: data, as: UTF8.self).contains("morgen")
            }
            let plainRows = try database.withStore { c in
                try c.fetchOne("SELECT count(*) FROM messages WHERE position('morgen' in convert_from(text, 'LATIN1')) > 0")?[0].int ?? -1
            }
            return [
                "\(outcome.sealedOnTheWay) \(digests.count) \(sealed)", "\(plainRows)", String(try Self.contents(source) == Self.contents(moved)),
                String(try moved.check().intact),
            ]
        }
        #expect(found == ["2 2 true", "0", "true", "true"])
    }

    /// A failure at the last moment (after every row, before the commit) leaves the school with
    /// nothing, and the move then runs as if it had never been tried. A school that has cases of
    /// its own is refused, and keeps them.
    @Test func aFailedMoveLeavesNothingAndAFullSchoolIsRefused() async throws {
        let found = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let t = TempDir()
            let board = try Self.board(database, t)
            let source = try Self.schoolStore(in: t)
            let school = try board.addSchool(named: "Het Testlyceum")
            let target = try board.store(school: school, modules: WebServer.storeModules)
            struct Stop: Error {}
            let hooks = MoveInHooks(recordTerms: nil, afterCopy: { _ in throw Stop() })
            let failed = (try? target.moveIn(from: source, actor: "B. Beheer", hooks: hooks)) == nil
            let left = try target.reading { c in
                try c.fetchOne(
                    "SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM custody) + (SELECT count(*) FROM messages) + (SELECT count(*) FROM case_keys)"
                )?[0].int ?? -1
            }
            let moved = try board.moveIn(source, to: school, modules: WebServer.storeModules, actor: "B. Beheer")
            // Another school that opened a case of its own does not take this store.
            let full = try board.store(school: try board.addSchool(named: "Het Vechtdal College"), modules: WebServer.storeModules)
            _ = try full.openCase(title: "Eigen zaak", actor: "J. Bakker")
            var refusal = ""
            do {
                let vechtdal = try board.school(named: "Het Vechtdal College")
                _ = try board.moveIn(source, to: vechtdal, modules: WebServer.storeModules, actor: "B. Beheer")
            } catch {
                refusal = (error as? StoreError)?.dutch ?? "\(error)"
            }
            let intact = try moved.store.check().intact
            return [
                String(failed), String(left), String(moved.outcome.copiedNow && intact),
                refusal.contains("school zonder gegevens") ? "true" : refusal, try full.cases().map(\.title).joined(),
            ]
        }
        #expect(found == ["true", "0", "true", "true", "Eigen zaak"])
    }

    /// A large store moved in leaves fresh statistics of the record tables, as a large ingest
    /// does (the servers' role owns no table: `bewaar_analyze_records()`).
    @Test func aLargeMoveLeavesFreshStatistics() async throws {
        let analysed = try await offThread { () -> [String] in
            let database = try ScratchDatabase()
            let t = TempDir()
            let board = try Self.board(database, t)
            let source = try t.openStore(modules: WebServer.storeModules)
            let c = try source.openCase(title: "Groepsapp", actor: "J. Bakker")
            let (d, size) = try source.objects.put(file: t.write("chat.txt", String(repeating: "bericht\n", count: 10_000)))
            let messages = (0..<10_000).map { i in
                Message(
                    timestamp: nil, author: i % 2 == 0 ? "Daan Jansen" : "Tim Bos", text: "bericht \(i)",
                    origin: Origin(line: i + 1, offset: Int64(i * 8), length: 8))
            }
            _ = try source.recordIngest(
                NewEvidence(
                    name: "chat.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker", messages: messages
                ),
                in: c.id)
            _ = try board.moveIn(source, to: try board.addSchool(named: "Het Testlyceum"), modules: WebServer.storeModules, actor: "B. Beheer")
            return try database.withStore { c in
                try c.fetch("SELECT relname::text FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY 1").compactMap { $0[0].text }
            }
        }
        #expect(analysed == ["authors", "items", "messages"])
    }

    /// Every table of a board's database is copied, copied apart, or left behind with a reason:
    /// a new table cannot be forgotten by `bewaar store migrate`.
    @Test func everyTableIsAccountedFor() {
        let listed = Set(MovedTables.copied.map(\.name)).union(MovedTables.copiedApart.keys).union(MovedTables.leftBehind.keys)
        let tables = Set(PostgresSchema.schoolTables).union(PostgresSchema.boardTables.keys)
        #expect(tables.subtracting(listed).sorted() == [])
        #expect(listed.subtracting(tables).sorted() == [])
    }
}

import BewaarModel
import BewaarPostgresTestSupport
import BewaarTestSupport
import Foundation
import Testing

/// `bewaar store migrate` through the built `bewaar`: the demo's store (an encrypted SQLite store
/// with a case, four originals and an account) moves into a school of a board's database, and
/// `bewaar check`, the log and the timeline say the same on both sides.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct SchoolMoveEndToEndTests {
    @Test func theDemosStoreMovesInAndReadsTheSameOnBothSides() throws {
        let database = try ScratchDatabase()
        let t = TempDir()
        let board = ["BEWAAR_DATABASE": database.address, "BEWAAR_STORE": t.file("bestuur"), "BEWAAR_USER": "B. Beheer"]
        func run(_ args: [String], school: String? = nil) throws -> BewaarBinary.Result {
            try BewaarBinary.run(args, environment: board.merging(school.map { ["BEWAAR_SCHOOL": $0] } ?? [:]) { $1 })
        }
        func sqlite(_ args: [String], store: String) throws -> BewaarBinary.Result {
            try BewaarBinary.run(args + ["--store", store], environment: ["BEWAAR_DATABASE": "", "BEWAAR_SCHOOL": "", "BEWAAR_USER": "J. Bakker"])
        }
        let lyceum = t.file("lyceum"), vechtdal = t.file("vechtdal")
        for store in [lyceum, vechtdal] {
            let demo = try BewaarBinary.run(
                ["demo", "--store", store], environment: ["BEWAAR_DATABASE": "", "BEWAAR_SCHOOL": ""], directory: BewaarBinary.packageRoot)
            #expect(demo.status == 0, "\(demo.stderr)")
        }
        #expect(try run(["store", "init"]).status == 0)
        #expect(try run(["school", "add", "Het Testlyceum"]).status == 0)
        #expect(try run(["school", "add", "Het Vechtdal College"]).status == 0)

        let a = "Het Testlyceum"
        let moved = try run(["store", "migrate", "--from", lyceum], school: a)
        #expect(moved.status == 0, "\(moved.stdout) \(moved.stderr)")
        #expect(
            moved.stdout.contains("Verhuisd naar Het Testlyceum: 1 zaak") && moved.stdout.contains("4 originelen")
                && moved.stdout.contains("1 account"))
        #expect(moved.stdout.contains("Controle van Het Testlyceum in de database: 4 originelen opnieuw gehasht"))
        // The same on both sides: the case, its log and its verdict, the timeline, a search.
        let id = "2026-0001"
        for args in [["case", "list"], ["timeline", "--case", id], ["timeline", "--case", id, "--search", "morgen"], ["user", "list"]] {
            let before = try sqlite(args, store: lyceum), after = try run(args, school: a)
            #expect(before.status == 0 && after.status == 0 && !before.stdout.isEmpty, "\(args) \(before.stderr) \(after.stderr)")
            #expect(before.stdout == after.stdout, "\(args)")
        }
        let logBefore = try sqlite(["log", "--case", id], store: lyceum).stdout
        let logAfter = try run(["log", "--case", id], school: a).stdout
        #expect(logBefore == logAfter && logAfter.contains("Keten intact"))
        let checkBefore = try sqlite(["check"], store: lyceum), checkAfter = try run(["check"], school: a)
        #expect(checkBefore.status == 0 && checkAfter.status == 0 && checkAfter.stdout.contains("4 originelen"), "\(checkAfter.stdout)")

        // Again: nothing changes. After the store went on, it is refused, and says why.
        let again = try run(["store", "migrate", "--from", lyceum], school: a)
        #expect(again.status == 0 && again.stdout.contains("al eerder naar Het Testlyceum verhuisd"), "\(again.stdout) \(again.stderr)")
        let talk = try sqlite(
            ["talk", "add", "--case", id, "--date", "2026-03-04", "--with", "Sanne", "--summary", "na de verhuizing"], store: lyceum)
        #expect(talk.status == 0, "\(talk.stderr)")
        let changed = try run(["store", "migrate", "--from", lyceum], school: a)
        #expect(changed.status == 1 && changed.stderr.contains("veranderd sinds"), "\(changed.stdout) \(changed.stderr)")

        // The other school's store has an account of the same name: refused, naming it, and the
        // school is left with nothing.
        let clash = try run(["store", "migrate", "--from", vechtdal], school: "Het Vechtdal College")
        #expect(clash.status == 1 && clash.stderr.contains("J. Bakker") && clash.stderr.contains("andere school"), "\(clash.stderr)")
        #expect(try run(["case", "list"], school: "Het Vechtdal College").stdout.contains("Nog geen zaken"))
        // No store where --from points.
        let nowhere = try run(["store", "migrate", "--from", t.file("nergens")], school: a)
        #expect(nowhere.status == 1 && nowhere.stderr.contains("geen opslag"))
        withExtendedLifetime(database) {}
    }
}

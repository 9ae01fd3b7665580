import BewaarModel
import BewaarPostgresTestSupport
import BewaarTestSupport
import Foundation
import Testing

/// A school board's Bewaar from the command line, through the built `bewaar`: one PostgreSQL
/// database for two schools, a shared folder of originals, the board's key file beside it.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct SchoolBoardEndToEndTests {
    let samples = BewaarBinary.packageRoot + "/samples/evidence"

    @Test func twoSchoolsKeepTheirOwnCasesChainsAndNumbersInOneDatabase() throws {
        let database = try ScratchDatabase()
        let t = TempDir()
        let board = ["BEWAAR_DATABASE": database.address, "BEWAAR_STORE": t.store, "BEWAAR_USER": "J. Bakker"]
        func run(_ args: [String], school: String? = nil) throws -> BewaarBinary.Result {
            try BewaarBinary.run(args, environment: board.merging(school.map { ["BEWAAR_SCHOOL": $0] } ?? [:]) { $1 })
        }
        let initialised = try run(["store", "init"])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(FileManager.default.fileExists(atPath: t.store + ".sleutel"))
        #expect(try run(["store", "init"]).status == 1)
        #expect(try run(["school", "add", "Het Testlyceum"]).status == 0)
        #expect(try run(["school", "add", "Het Vechtdal College"]).status == 0)
        #expect(try run(["school", "add", "het testlyceum"]).stderr.contains("bestaat al"))
        // A name with a terminal escape or a direction override is refused, and never echoed raw.
        let hostile = try run(["school", "add", "Het \u{1B}[31mRode\u{202E} College"])
        #expect(hostile.status == 1 && hostile.stderr.contains("gewone tekens") && !hostile.stderr.contains("\u{1B}"))
        let unknown = try run(["case", "list"], school: "Geen \u{1B}]0;titel\u{7}school")
        #expect(unknown.status == 1 && unknown.stderr.contains("Er is geen school") && !unknown.stderr.contains("\u{1B}"))
        #expect(try run(["school", "list"]).stdout == "1\tHet Testlyceum\n2\tHet Vechtdal College\n")
        // No school named: refused, naming the schools there are.
        let unnamed = try run(["case", "list"])
        #expect(unnamed.status == 1 && unnamed.stderr.contains("Het Testlyceum, Het Vechtdal College"))

        let a = "Het Testlyceum", b = "het vechtdal college"
        let newA = try run(["case", "new", "--title", "Pesten in groepsapp 2B", "--victim", "Sanne de Vries"], school: a)
        #expect(newA.status == 0, "\(newA.stderr)")
        let id = newA.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try FileManager.default.contentsOfDirectory(atPath: samples).sorted().map { samples + "/" + $0 }
        let ingest = try run(["ingest", "--case", id, "--collected-from", "telefoon van Sanne"] + files, school: a)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.components(separatedBy: "Bewaard [").count - 1 == files.count)
        // The originals sit sealed in the school's own folder.
        let objects = try FileManager.default.subpathsOfDirectory(atPath: t.store + "/scholen/1/objects").filter { $0.count > 3 }
        #expect(objects.count == files.count)
        let search = try run(["timeline", "--case", id, "--search", "dik"], school: a)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(!search.stdout.isEmpty)

        // The other school's first case has the same number, and neither sees the other's.
        let newB = try run(["case", "new", "--title", "Schelden via Instagram"], school: b)
        #expect(newB.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == id)
        #expect(try run(["case", "list"], school: b).stdout.contains("Schelden via Instagram"))
        #expect(!(try run(["case", "list"], school: b).stdout.contains("Pesten in groepsapp")))
        #expect(!(try run(["case", "list"], school: a).stdout.contains("Schelden via Instagram")))
        #expect(try run(["log", "--case", id], school: b).stdout.contains("Keten intact"))

        let log = try run(["log", "--case", id], school: a)
        #expect(log.stdout.contains("Keten intact") && log.stdout.contains("item-ingested"))
        let check = try run(["check"], school: a)
        #expect(check.status == 0 && check.stdout.contains("In orde"), "\(check.stdout) \(check.stderr)")
        let zip = t.file("bundel.zip")
        let bundle = try run(["bundle", "--case", id, "--out", zip], school: a)
        #expect(bundle.status == 0, "\(bundle.stderr)")
        #expect(try run(["verify", zip]).status == 0)
        // SQLite's own backup and restore refuse a board's database, saying what to use instead.
        let backup = try run(["backup", "--out", t.file("kopie")], school: a)
        #expect(backup.status == 1 && backup.stderr.contains("pg_dump"), "\(backup.stdout) \(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.file("kopie")))
        let restore = try run(["restore", "--from", t.file("kopie")], school: a)
        #expect(restore.status == 1 && restore.stderr.contains("pg_restore"))

        // A destruction says what PostgreSQL did, and never more.
        let destroyed = try run(
            ["case", "destroy", id, "--reason", "verzoek tot verwijdering", "--confirm", id, "--role", "afdelingsleider", "--early"], school: b)
        #expect(destroyed.status == 0, "\(destroyed.stderr)")
        #expect(destroyed.stdout.contains("PostgreSQL heeft") && destroyed.stdout.contains("sleutel van de zaak is verwijderd"))
        #expect(try run(["case", "list"], school: a).stdout.contains("Pesten in groepsapp 2B"))
        #expect(try run(["check"], school: a).status == 0)

        // The board's privacy officer is an account of the board's office, never of a school.
        func withPassword(_ args: [String], school: String? = nil, environment: [String: String] = [:]) throws -> BewaarBinary.Result {
            try BewaarBinary.run(
                args, environment: board.merging(school.map { ["BEWAAR_SCHOOL": $0] } ?? [:]) { $1 }.merging(environment) { $1 },
                stdin: "een-lang-wachtwoord-voor-de-fg\n")
        }
        let fg = try withPassword(["user", "add", "F. Gegevens", "--role", "fg"])
        #expect(fg.status == 0 && fg.stdout.contains("functionaris gegevensbescherming"), "\(fg.stderr)")
        #expect(try withPassword(["user", "add", "G. Gegevens", "--role", "fg"], school: a).stderr.contains("laat --school weg"))
        let single = try withPassword(["user", "add", "H. Gegevens", "--role", "fg", "--store", t.file("los")], environment: ["BEWAAR_DATABASE": ""])
        #expect(single.status == 1 && single.stderr.contains("schoolbestuur"), "\(single.stderr)")
        #expect(try run(["user", "list"], school: "(bestuur)").stdout == "F. Gegevens\tfg\n")
        #expect(!(try run(["user", "list"], school: a).stdout.contains("F. Gegevens")))
        let officeCases = try run(["case", "list"], school: "(bestuur)")
        #expect(officeCases.status == 1 && officeCases.stderr.contains("geen zaken"), "\(officeCases.stderr)")
        #expect(try run(["school", "add", "(Bestuur)"]).stderr.contains("van het bestuur zelf"))
        #expect(try run(["school", "list"]).stdout == "1\tHet Testlyceum\n2\tHet Vechtdal College\n")

        // The board's key is replaced for all schools at once, never from one school.
        let fromSchool = try run(["store", "rekey"], school: a)
        #expect(fromSchool.status == 1 && fromSchool.stderr.contains("zonder --school"), "\(fromSchool.stderr)")
        let rekeyed = try run(["store", "rekey"])
        #expect(rekeyed.status == 0 && rekeyed.stdout.contains("nieuwe hoofdsleutel") && rekeyed.stdout.contains("alle scholen"), "\(rekeyed.stderr)")
        #expect(try run(["case", "list"], school: a).stdout.contains("Pesten in groepsapp 2B"))
        #expect(try run(["check"], school: a).status == 0)
        #expect(try run(["log", "--case", id], school: a).stdout.contains("Keten intact"))
        withExtendedLifetime(database) {}
    }
}

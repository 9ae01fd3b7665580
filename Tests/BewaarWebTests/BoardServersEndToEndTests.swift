import BewaarModel
import BewaarPostgresTestSupport
import BewaarTestSupport
import Foundation
import Testing

/// Two built `bewaar serve --database` processes on one school board's PostgreSQL database, as
/// the board's proxy spreads requests over its servers: uploads and views of one case on both at
/// once leave one unbroken custody chain and every upload stored; a server killed in the middle of
/// reading a large upload leaves no half item; each school's staff see their own school only.
@Suite(.serialized, .enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct BoardServersEndToEndTests {
    static let password = "geheim-wachtwoord-1"

    /// The board made with the command line: its key, two schools, a case in the first with its
    /// mentor's account and access, an account in the second.
    final class Board: @unchecked Sendable {
        let database: ScratchDatabase
        let folder = TempDir()
        let caseID: String
        var environment: [String: String] { ["BEWAAR_DATABASE": database.address, "BEWAAR_STORE": folder.store, "BEWAAR_USER": "B. Beheer"] }

        init() throws {
            database = try ScratchDatabase()
            var caseID = ""
            let environment = ["BEWAAR_DATABASE": database.address, "BEWAAR_STORE": folder.store, "BEWAAR_USER": "B. Beheer"]
            func run(_ args: [String], school: String? = nil, stdin: String? = nil) throws -> BewaarBinary.Result {
                let r = try BewaarBinary.run(args, environment: environment.merging(school.map { ["BEWAAR_SCHOOL": $0] } ?? [:]) { $1 }, stdin: stdin)
                guard r.status == 0 else { throw Failed(message: "bewaar \(args.joined(separator: " ")): \(r.stderr)") }
                return r
            }
            _ = try run(["store", "init"])
            _ = try run(["school", "add", "Het Testlyceum"])
            _ = try run(["school", "add", "Het Vechtdal College"])
            caseID = try run(["case", "new", "--title", "Groepsapp 2B", "--victim", "Sanne de Vries"], school: "Het Testlyceum").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try run(["user", "add", "J. Bakker", "--role", "mentor"], school: "Het Testlyceum", stdin: BoardServersEndToEndTests.password + "\n")
            _ = try run(["access", "grant", caseID, "--account", "J. Bakker"], school: "Het Testlyceum")
            _ = try run(
                ["user", "add", "K. Smit", "--role", "mentor"], school: "Het Vechtdal College", stdin: BoardServersEndToEndTests.password + "\n")
            let other = try run(["case", "new", "--title", "Schelden via Instagram"], school: "Het Vechtdal College").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try run(["access", "grant", other, "--account", "K. Smit"], school: "Het Vechtdal College")
            self.caseID = caseID
        }

        func bewaar(_ args: [String], school: String = "Het Testlyceum") throws -> BewaarBinary.Result {
            try BewaarBinary.run(args, environment: environment.merging(["BEWAAR_SCHOOL": school]) { $1 })
        }

        /// Two `bewaar serve --database` processes on the board.
        func servers() throws -> (ServeProcess, ServeProcess) {
            (try ServeProcess(store: folder.store, environment: environment), try ServeProcess(store: folder.store, environment: environment))
        }

        func signIn(_ server: ServeProcess, _ name: String) throws -> (cookie: String, csrf: String) {
            let pre = try server.get("/inloggen")
            let form =
                "_csrf=\(pre.csrf ?? "")&naam=\(name.replacingOccurrences(of: " ", with: "+"))&wachtwoord=\(BoardServersEndToEndTests.password)"
            guard let cookie = try server.post("/inloggen", cookie: pre.cookie, form: form).cookie,
                let csrf = try server.get("/zaken", cookie: cookie).csrf
            else { throw Failed(message: "\(name) could not sign in") }
            return (cookie, csrf)
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test func uploadsAndViewsOfOneCaseOnTwoServersAtOnceLoseNothingAndKeepTheChain() throws {
        let f = try Board()
        let (a, b) = try f.servers()
        defer { a.stop(); b.stop() }
        let (cookie, csrf) = try f.signIn(a, "J. Bakker")
        let id = f.caseID
        // Eight uploads and eight views at once, half on each server.
        let work = (0..<16).map { i in
            Thread.background { () -> Int in
                let server = i % 2 == 0 ? a : b
                if i < 8 {
                    let files = [("WhatsApp-chat \(i).txt", UploadProgressTests.chat(50 + i))]
                    return (try? server.upload("/zaken/\(id)/bewijs", cookie: cookie, csrf: csrf, files: files).status) ?? 0
                }
                return (try? server.get("/zaken/\(id)", cookie: cookie).status) ?? 0
            }
        }
        let statuses = work.map { $0.wait() }
        #expect(statuses.prefix(8).allSatisfy { $0 == 303 } && statuses.suffix(8).allSatisfy { $0 == 200 }, "\(statuses)")
        let show = try f.bewaar(["case", "show", id])
        #expect((0..<8).allSatisfy { show.stdout.contains("WhatsApp-chat \($0).txt") }, "\(show.stdout)")
        let log = try f.bewaar(["log", "--case", id])
        #expect(log.stdout.contains("Keten intact") && log.stdout.components(separatedBy: "item-ingested").count - 1 == 8, "\(log.stdout)")
        #expect(try f.bewaar(["check"]).status == 0)
        // The other school's mentor, on either server, sees their own school only.
        let (smith, _) = try f.signIn(b, "K. Smit")
        let theirs = try a.get("/zaken", cookie: smith).body
        #expect(theirs.contains("Schelden via Instagram") && !theirs.contains("Groepsapp 2B"))
        #expect(try a.get("/zaken/\(id)/tijdlijn", cookie: smith).body.contains("WhatsApp-chat") == false)
    }

    @Test func aServerKilledWhileReadingAnUploadLeavesNoHalfItem() throws {
        let f = try Board()
        let (a, b) = try f.servers()
        defer { a.stop(); b.stop() }
        let (cookie, csrf) = try f.signIn(a, "J. Bakker")
        let id = f.caseID
        #expect(try a.killWhileReading(case: id, cookie: cookie, csrf: csrf, watcher: b), "A was reading the upload when it was killed")
        let after = try b.upload(
            "/zaken/\(id)/bewijs", cookie: cookie, csrf: csrf, files: [("WhatsApp-chat daarna.txt", UploadProgressTests.chat(20))])
        #expect(after.status == 303)
        b.stop()
        let show = try f.bewaar(["case", "show", id])
        #expect(show.stdout.contains("WhatsApp-chat daarna.txt") && !show.stdout.contains("WhatsApp-chat half.txt"), "\(show.stdout)")
        #expect(try f.bewaar(["log", "--case", id]).stdout.contains("Keten intact"))
        let check = try f.bewaar(["check"])
        #expect(check.status == 0, "\(check.combined)")
    }
}

import BewaarAccounts
import BewaarModel
import BewaarPostgresTestSupport
import BewaarStore
import BewaarStorePostgres
import BewaarTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BewaarWeb

/// One server for a school board's two schools (`bewaar serve --database`): each request is
/// answered from its signed-in account's school, and nobody reaches another school's case,
/// record or staff, whatever the address asks for.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct BoardRouteTests {
    /// Two schools, each with a case `2026-0001`, a chat in it, a mentor linked to it and an administrator.
    final class Board: @unchecked Sendable {
        let database: ScratchDatabase
        let folder = TempDir()
        let board: PostgresBoard
        let chatA: EvidenceItem, chatB: EvidenceItem

        init() throws {
            database = try ScratchDatabase()
            board = try PostgresBoard(url: database.url, folder: folder.file("originelen"), key: nil, connections: 8)
            try board.makeMasterKey()
            let a = try board.addSchool(named: "Het Testlyceum"), b = try board.addSchool(named: "Het Vechtdal College")
            var chats: [EvidenceItem] = []
            for (school, title, mentor, admin, words) in [
                (a, "Pesten in groepsapp 2B", "J. Bakker", "B. Beheer", "Niemand wil jou in de groep"),
                (b, "Schelden via Instagram", "K. Smit", "C. Beheer", "Je bent zo lelijk"),
            ] {
                let store = try board.store(school: school, modules: WebServer.storeModules)
                let accounts = Accounts(store: store, hasher: .forTests)
                try accounts.add(name: mentor, role: .mentor, password: WebFixture.password, actor: "test")
                try accounts.add(name: admin, role: .beheerder, password: WebFixture.password, actor: "test")
                let c = try store.openCase(title: title, actor: mentor, people: [Person(name: "Sanne de Vries", role: .slachtoffer)])
                try store.grantAccess(c.id, account: mentor, role: "mentor", actor: admin, reason: "mentor van de klas")
                chats.append(try ChatSeed.record(in: store, case: c.id, messages: [("Daan Jansen", words)]))
            }
            (chatA, chatB) = (chats[0], chats[1])
        }

        func app() -> some ApplicationProtocol {
            let board = board
            let directory = SchoolDirectory(
                schoolOfSession: { try board.schoolOfSession($0) },
                schoolOfUploadLink: { try board.schoolOfUploadLink($0) },
                store: { id in try board.store(school: try id.map(board.school(id:)), modules: WebServer.storeModules) },
                seams: { _, _ in (PacketSeam(), TraceSeam()) },
                board: BoardSeam(overview: { try board.overview() }))
            let configuration = WebConfiguration(uploadLimit: 1 << 20, sessionIdle: 30 * 60, failedLoginDelay: 0, hasher: .forTests, loginBurst: 1000)
            return Application(responder: WebServer.boardResponder(directory: directory, configuration: configuration))
        }
    }

    static func page(_ client: some TestClientProtocol, _ b: Browser, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: b.headers) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func eachStaffMemberSeesOnlyTheirOwnSchoolsCasesRecordsAndAccounts() async throws {
        let f = try await offThread { try Board() }
        try await f.app().test(.router) { client in
            let bakker = try #require(try await login(client, "J. Bakker"))
            let smit = try #require(try await login(client, "K. Smit"))
            // The same case number, each school's own case.
            let (statusA, caseA) = try await Self.page(client, bakker, "/zaken/2026-0001")
            #expect(statusA == .ok && caseA.contains("Pesten in groepsapp 2B") && !caseA.contains("Schelden via Instagram"))
            let (_, caseB) = try await Self.page(client, smit, "/zaken/2026-0001")
            #expect(caseB.contains("Schelden via Instagram") && !caseB.contains("Pesten in groepsapp"))
            let (_, listA) = try await Self.page(client, bakker, "/zaken")
            #expect(listA.contains("Pesten in groepsapp 2B") && !listA.contains("Schelden"))
            // Records: their own, and the other school's item is not found at any address.
            let (ownStatus, ownItem) = try await Self.page(client, bakker, "/zaken/2026-0001/stukken/\(f.chatA.id)")
            #expect(ownStatus == .ok && ownItem.contains("Niemand wil jou in de groep"))
            let (otherStatus, otherItem) = try await Self.page(client, bakker, "/zaken/2026-0001/stukken/\(f.chatB.id)")
            #expect(otherStatus == .notFound && !otherItem.contains("lelijk"))
            let (timelineStatus, timeline) = try await Self.page(client, bakker, "/zaken/2026-0001/tijdlijn?zoek=lelijk")
            #expect(timelineStatus == .ok && !timeline.contains("Je bent zo lelijk"))
            // An administrator manages their own school's staff only.
            let admin = try #require(try await login(client, "B. Beheer"))
            let (_, accounts) = try await Self.page(client, admin, "/beheer")
            #expect(accounts.contains("J. Bakker") && !accounts.contains("K. Smit") && !accounts.contains("C. Beheer"))
        }
        // Each sign-in is logged in the store chain of the account's own school.
        let logins = try await offThread { () -> [[String]] in
            try [1, 2].map { id in
                try f.board.store(school: f.board.school(id: id), modules: []).events(chain: "store").filter { $0.action == "login" }.map(\.actor)
            }
        }
        #expect(logins == [["J. Bakker", "B. Beheer"], ["K. Smit"]])
        withExtendedLifetime(f) {}
    }

    /// A pupil's upload link (no session) is answered by its own school: the upload lands in that
    /// school's case; a link of no school is refused as any wrong link is.
    @Test func aPupilsUploadLinkReachesItsOwnSchool() async throws {
        let f = try await offThread { try Board() }
        let person = try await offThread {
            try f.board.store(school: f.board.school(id: 2), modules: []).people(CaseID("2026-0001")!).first?.id ?? 0
        }
        try await f.app().test(.router) { client in
            let smit = try #require(try await login(client, "K. Smit"))
            let token = try await UploadLinkTests.makeLink(client, smit, case: try #require(CaseID("2026-0001")), person: person)
            let (form, pupil) = try await UploadLinkTests.open(client, token)
            #expect(form.contains("enctype=\"multipart/form-data\""))
            try await UploadLinkTests.upload(client, token, pupil, [("WhatsApp-chat met Daan.txt", "14-11-2023 21:07 - Daan Jansen: weg jij\n")]) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/aanleveren/\(String(repeating: "0", count: 32))", method: .get) { #expect($0.status == .notFound) }
        }
        let items = try await offThread { () -> [[String]] in
            try [1, 2].map { id in
                let store = try f.board.store(school: f.board.school(id: id), modules: WebServer.storeModules)
                return try store.items(CaseID("2026-0001")!).map(\.name)
            }
        }
        #expect(items[0].allSatisfy { $0 != "WhatsApp-chat met Daan.txt" } && items[1].contains("WhatsApp-chat met Daan.txt"), "\(items)")
        withExtendedLifetime(f) {}
    }

    /// A session cookie of one school's account is answered from that school's store only: the
    /// board's server never mixes them up, whichever order they come in.
    @Test func sessionsOfBothSchoolsAtOnceEachGetTheirOwnSchool() async throws {
        let f = try await offThread { try Board() }
        try await f.app().test(.router) { client in
            let bakker = try #require(try await login(client, "J. Bakker"))
            let smit = try #require(try await login(client, "K. Smit"))
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<40 {
                    let (browser, expected, other) =
                        i % 2 == 0 ? (bakker, "Pesten in groepsapp 2B", "Schelden") : (smit, "Schelden via Instagram", "Pesten")
                    group.addTask {
                        let (_, page) = try await Self.page(client, browser, "/zaken")
                        return page.contains(expected) && !page.contains(other)
                    }
                }
                for try await right in group { #expect(right) }
            }
        }
        withExtendedLifetime(f) {}
    }

    /// The board's privacy officer (an account of the board's office, role `fg`) sees every
    /// school's cases by number, state and dates and every destruction, never a title, a pupil
    /// or a destruction's reason; reaches no case and no school's pages; every view is logged in
    /// the board's own chain. A school's staff do not reach the overview.
    @Test func theBoardsPrivacyOfficerSeesEverySchoolsRetentionAndDestructionsAndNoContent() async throws {
        let f = try await offThread { () throws -> Board in
            let f = try Board()
            let office = try f.board.store(school: try f.board.office(), modules: WebServer.storeModules)
            try Accounts(store: office, hasher: .forTests).add(name: "F. Gegevens", role: .functionaris, password: WebFixture.password, actor: "test")
            let vechtdal = try f.board.store(school: try f.board.school(named: "Het Vechtdal College"), modules: WebServer.storeModules)
            let gone = try vechtdal.openCase(title: "Melding Femke Jansen", actor: "K. Smit")
            _ = try vechtdal.destroyCase(gone.id, actor: "A. Leider", role: "afdelingsleider", reason: "verzoek van Femke Jansen", early: true)
            return f
        }
        try await f.app().test(.router) { client in
            let fg = try #require(try await login(client, "F. Gegevens"))
            try await client.execute(uri: "/", method: .get, headers: fg.headers) { #expect($0.headers[.location] == "/bestuur") }
            let (status, page) = try await Self.page(client, fg, "/bestuur")
            #expect(status == .ok)
            #expect(page.contains("Het Testlyceum") && page.contains("Het Vechtdal College") && page.contains("2026-0001"))
            #expect(page.contains("2026-0002") && page.contains("A. Leider") && page.contains("Vernietigingslogboek"))
            for secret in ["Pesten in groepsapp", "Schelden via Instagram", "Sanne de Vries", "Femke", "lelijk", "(bestuur)"] {
                #expect(!page.contains(secret), "\(secret)")
            }
            for uri in ["/zaken", "/zaken/2026-0001", "/beheer", "/bewaartermijn", "/herkomst"] {
                let (refused, body) = try await Self.page(client, fg, uri)
                #expect(refused == .forbidden || refused == .notFound, "\(uri) \(refused)")
                #expect(!body.contains("Pesten in groepsapp"))
            }
            // A school's staff, its beheerder included, do not reach it.
            for name in ["B. Beheer", "J. Bakker"] {
                let staff = try #require(try await login(client, name))
                #expect(try await Self.page(client, staff, "/bestuur").0 == .forbidden)
            }
        }
        let logged = try await offThread { () throws -> [String] in
            let office = try f.board.store(school: try f.board.office(), modules: WebServer.storeModules)
            return try office.events(chain: CaseStore.storeChain).map(\.action.rawValue)
        }
        #expect(logged.contains("login") && logged.contains("board-overview-viewed") && logged.contains("access-refused"), "\(logged)")
        #expect(try f.board.schools().map(\.name) == ["Het Testlyceum", "Het Vechtdal College"])
    }

}

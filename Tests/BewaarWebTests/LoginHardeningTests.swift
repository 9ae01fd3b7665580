import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarStore
import BewaarAccounts
@testable import BewaarWeb

/// The login under attack: parallel guesses, one client flooding, anonymous visitors filling
/// the log, weak password hashes.
@Suite struct LoginHardeningTests {
    /// Eighty guesses at once against one account over real connections: once five failures
    /// lock it, no later failure unlocks it and no password is checked any more.
    @Test func parallelGuessesNeverUndoTheLock() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        var config = f.configuration()
        config.passwordQueue = 200
        let app = Application(router: WebServer.router(store: f.store, configuration: config))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let (cookie, token) = try await client.execute(uri: "/inloggen", method: .get) { r in
                (sessionCookie(r) ?? "", csrfToken(in: String(buffer: r.body)) ?? "")
            }
            // Eighty threads, each with its own connection, post at once.
            let statuses = await offThePool { RawSocket.parallel(80, port: port) { i in
                let body = "_csrf=\(token)&naam=J.+Bakker&wachtwoord=gok-nummer-\(i)"
                return "POST /inloggen HTTP/1.1\r\nHost: localhost\r\nCookie: \(cookie)\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            } }
            #expect(statuses.count == 80)
            #expect(statuses.allSatisfy { $0.hasPrefix("HTTP/1.1 401") }, "\(Set(statuses.map { $0.prefix(12) }))")
        }
        let account = try #require(try f.store.account(named: "J. Bakker"))
        #expect(try #require(account.lockedUntil) > f.clock.now, "the account is still locked after every failure finished")
        let log = try f.store.securityLog(limit: 1000)
        let checked = log.filter { $0.kind == "login-failed" || $0.kind == "account-locked" }.count
        // Passwords are checked two at a time: at most two were in flight when the fifth failure locked.
        #expect(checked <= 5 + config.passwordWorkers, "\(checked) passwords were checked; the rest met the lock first")
        #expect(log.filter { $0.kind == "login-while-locked" }.count >= 80 - 5 - config.passwordWorkers)
        // And the right password is refused while the lock holds.
        let accounts = Accounts(store: f.store, hasher: .forTests)
        guard case .failure(.locked) = try accounts.login(name: "J. Bakker", password: WebFixture.password, source: "test") else {
            Issue.record("the right password got in while locked"); return
        }
    }

    /// The race of the attack report: the right password was checked just before a parallel
    /// failure locked the account. Recording the success is conditional, so it is refused.
    @Test func aRightPasswordCheckedBeforeAParallelLockDoesNotGetIn() throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        for _ in 0..<5 { try f.store.recordFailedLogin(name: "J. Bakker", threshold: 5, lockSeconds: 900, source: "t") }
        #expect(try f.store.recordLogin(name: "J. Bakker", source: "t") == false)
        // A later failure never shortens or clears the lock.
        let locked = try #require(try f.store.account(named: "J. Bakker")?.lockedUntil)
        try f.store.recordFailedLogin(name: "J. Bakker", threshold: 5, lockSeconds: 1, source: "t")
        #expect(try f.store.account(named: "J. Bakker")?.lockedUntil == locked)
    }

    /// One client gets a budget of attempts; past it the answer is 429 at once and no account is
    /// touched. Behind the proxy the forwarded address is the client.
    @Test func oneClientCannotFloodTheLogin() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        var config = f.configuration(loginBurst: 3)
        config.forwardedHeader = "X-Forwarded-For"
        let app = Application(router: WebServer.router(store: f.store, configuration: config))
        try await app.test(.router) { client in
            let (cookie, token) = try await client.execute(uri: "/inloggen", method: .get) { r in
                (sessionCookie(r) ?? "", csrfToken(in: String(buffer: r.body)) ?? "")
            }
            let pre = Browser(cookie: cookie, csrf: token)
            func attempt(from address: String, account: String) async throws -> HTTPResponse.Status {
                var (h, b) = pre.form(["_csrf": token, "naam": account, "wachtwoord": "fout-fout-fout"])
                h[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9, \(address)"
                return try await client.execute(uri: "/inloggen", method: .post, headers: h, body: b) { r in
                    if r.status == .tooManyRequests {
                        #expect(r.headers[.retryAfter] != nil)
                        #expect(String(buffer: r.body).contains("Te veel inlogpogingen"))
                    }
                    return r.status
                }
            }
            for name in ["J. Bakker", "K. Smit", "A. de Groot"] { #expect(try await attempt(from: "198.51.100.7", account: name) == .unauthorized) }
            for name in ["S. Systeem", "B. Beheer", "J. Bakker"] { #expect(try await attempt(from: "198.51.100.7", account: name) == .tooManyRequests) }
            #expect(try await attempt(from: "198.51.100.8", account: "K. Smit") == .unauthorized, "another client has its own budget")
        }
        #expect(try f.store.account(named: "S. Systeem")?.failedLogins == 0, "a throttled attempt touches no account")
        #expect(try f.store.account(named: "J. Bakker")?.failedLogins == 1)
        #expect(try f.store.securityLog().contains { $0.kind == "login-throttled" && $0.source == "198.51.100.7" })
    }

    /// Anonymous visitors cannot grow the permanent log: failed logins go to the bounded security
    /// log, what is typed in the name field is never stored when it names no account (it may be
    /// a password), and every stored field is bounded.
    @Test func failedLoginsStayOutOfTheHashChainedLog() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        let before = try f.store.events(chain: CaseStore.storeChain).count
        let dbPath = f.store.path + "/" + CaseStore.databaseName
        try await f.app().test(.router) { client in
            for i in 0..<30 {
                let typed = "MijnGeheimeWachtwoord\(i)" + String(repeating: "x", count: 100_000)
                let signed = try await login(client, typed, password: "iets")
                #expect(signed == nil)
            }
        }
        #expect(try f.store.events(chain: CaseStore.storeChain).count == before, "not one event in the hash-chained log")
        let log = try f.store.securityLog(limit: 100)
        #expect(log.filter { $0.kind == "login-unknown-name" }.count == 30)
        #expect(log.allSatisfy { $0.account == nil && !($0.detail ?? "").contains("MijnGeheime") })
        let size = ((try? FileManager.default.attributesOfItem(atPath: dbPath))?[.size] as? NSNumber)?.intValue ?? 0
        #expect(size < 2 << 20, "3 MB typed into the name field did not land in the database (\(size) bytes)")
        // A custody event's fields are bounded too, with a marker saying what was cut.
        let e = try f.store.recordAccess(chain: f.caseID.description, actor: String(repeating: "a", count: 5000), action: "page-viewed",
                                         details: ["page": String(repeating: "p", count: 1 << 20)])
        #expect(e.actor.utf8.count < 300 && e.actor.contains("ingekort"))
        #expect((e.details["page"] ?? "").utf8.count < 4200 && (e.details["page"] ?? "").contains("ingekort"))
        #expect(try f.store.verifyChain(f.caseID.description).intact)
    }

    @Test func passwordsUseOWASPsScryptCostAndOldHashesAreUpgradedAtLogin() throws {
        #expect(PasswordHasher.standard.rounds == 1 << 17 && PasswordHasher.standard.blockSize == 8)
        let folder = NSTemporaryDirectory() + "bewaar-rehash-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try CaseStore(path: folder, create: true, modules: WebServer.storeModules)
        try Accounts(store: store, hasher: .forTests).add(name: "J. Bakker", role: .mentor, password: "lang-genoeg-1", actor: "t")
        #expect(try store.account(named: "J. Bakker")?.passwordHash.hasPrefix("scrypt$1024$") == true)
        let stronger = PasswordHasher(rounds: 1 << 11, blockSize: 8, parallelism: 1)
        #expect(try Accounts(store: store, hasher: stronger).login(name: "J. Bakker", password: "lang-genoeg-1", source: "t")
            == .success(Account(name: "J. Bakker", role: .mentor)))
        #expect(try store.account(named: "J. Bakker")?.passwordHash.hasPrefix("scrypt$2048$") == true, "rehashed with the current cost")
        #expect(try Accounts(store: store, hasher: stronger).login(name: "J. Bakker", password: "lang-genoeg-1", source: "t")
            == .success(Account(name: "J. Bakker", role: .mentor)), "and the new hash verifies")
    }
}

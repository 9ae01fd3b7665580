import Foundation
import Testing
import BewaarStore
@testable import BewaarAccounts

@Suite struct AccountTests {
    @Test func passwordsAreStoredAsScryptAndVerified() throws {
        let h = try PasswordHasher.forTests.hash("correct paard batterij")
        #expect(h.hasPrefix("scrypt$1024$8$1$"))
        #expect(!h.contains("correct"))
        #expect(PasswordHasher.verify("correct paard batterij", against: h))
        #expect(!PasswordHasher.verify("correct paard batterij!", against: h))
        #expect(!PasswordHasher.verify("x", against: "plain"))
        #expect(try PasswordHasher.forTests.hash("zelfde") != PasswordHasher.forTests.hash("zelfde"))
    }

    @Test func accountsLiveInTheStoreWithALockOut() throws {
        let folder = NSTemporaryDirectory() + "bewaar-acc-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try CaseStore(path: folder, create: true, modules: [AccountTables()])
        var accounts = Accounts(store: store, hasher: .forTests)
        accounts.lockThreshold = 3
        #expect(throws: AccountError.self) { try accounts.add(name: "J. Bakker", role: .mentor, password: "kort", actor: "t") }
        try accounts.add(name: "J. Bakker", role: .mentor, password: "lang-genoeg-1", actor: "t")
        #expect(try accounts.login(name: "j. bakker", password: "lang-genoeg-1", source: "t") == .success(Account(name: "J. Bakker", role: .mentor)))
        #expect(try accounts.login(name: "J. Bakker", password: "fout", source: "t") == .failure(.wrongCredentials))
        #expect(try accounts.login(name: "Niemand", password: "fout", source: "t") == .failure(.wrongCredentials))
        _ = try accounts.login(name: "J. Bakker", password: "fout", source: "t")
        guard case .failure(.locked) = try accounts.login(name: "J. Bakker", password: "fout", source: "t") else {
            Issue.record("not locked"); return
        }
        guard case .failure(.locked) = try accounts.login(name: "J. Bakker", password: "lang-genoeg-1", source: "t") else {
            Issue.record("a locked account let the right password in"); return
        }
        let events = try store.events(chain: CaseStore.storeChain).map(\.action.rawValue)
        #expect(events.contains("account-added"))
        // Failures and locks go to the bounded security log, never into the hash-chained log.
        #expect(!events.contains("account-locked") && !events.contains("login-failed"))
        #expect(try store.securityLog().map(\.kind).contains("account-locked"))
        #expect(try store.verifyChain(CaseStore.storeChain).intact)
    }
}

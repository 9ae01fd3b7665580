import Foundation
import Testing
import BewaarTestSupport

/// `bewaar access`, `bewaar user reset|disable|remove` and `bewaar serve`'s refusal to listen on
/// the network without secure cookies, through the built executable.
@Suite struct AccessCommandTests {
    @Test func accessIsGrantedListedAndRevokedOnlyInTheAccountsOwnRole() throws {
        let t = TempDir()
        let id = try BewaarBinary.run(["case", "new", "--title", "Pesten in 2B", "--victim", "Sanne de Vries", "--store", t.store])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try BewaarBinary.run(["user", "add", "J. Bakker", "--role", "mentor", "--store", t.store], stdin: "heel-geheim-123\n").status == 0)
        #expect(try BewaarBinary.run(["user", "add", "S. Systeem", "--role", "systeembeheerder", "--store", t.store], stdin: "heel-geheim-123\n").status == 0)
        let grant = try BewaarBinary.run(["access", "grant", id, "--account", "J. Bakker", "--reason", "mentor", "--by", "B. Beheer", "--store", t.store])
        #expect(grant.status == 0, "\(grant.stderr)")
        let sysadmin = try BewaarBinary.run(["access", "grant", id, "--account", "S. Systeem", "--store", t.store])
        #expect(sysadmin.status == 1)
        #expect(sysadmin.stderr.contains("alleen als mentor, afdelingsleider of ondersteuningscoördinator"))
        let list = try BewaarBinary.run(["access", "list", id, "--store", t.store])
        #expect(list.stdout.contains("J. Bakker\tmentor\tB. Beheer\tactief"))
        let revoke = try BewaarBinary.run(["access", "revoke", id, "--link", "1", "--reason", "ander rooster", "--store", t.store])
        #expect(revoke.status == 0, "\(revoke.stderr)")
        #expect(try BewaarBinary.run(["access", "list", id, "--store", t.store]).stdout.contains("ingetrokken"))
        let log = try BewaarBinary.run(["log", "--case", id, "--store", t.store]).stdout
        #expect(log.contains("access-granted") && log.contains("access-revoked"))
    }

    @Test func aResetPrintsACodeAndDisablingIsLogged() throws {
        let t = TempDir()
        #expect(try BewaarBinary.run(["user", "add", "J. Bakker", "--role", "mentor", "--store", t.store], stdin: "heel-geheim-123\n").status == 0)
        let reset = try BewaarBinary.run(["user", "reset", "J. Bakker", "--store", t.store])
        #expect(reset.status == 0)
        #expect(reset.stdout.contains("Code voor J. Bakker: ") && reset.stdout.contains("/wachtwoord-instellen"))
        #expect(try BewaarBinary.run(["user", "disable", "J. Bakker", "--store", t.store]).status == 0)
        #expect(try BewaarBinary.run(["user", "list", "--store", t.store]).stdout.contains("J. Bakker\tmentor\tuitgeschakeld"))
        #expect(try BewaarBinary.run(["user", "remove", "J. Bakker", "--store", t.store]).status == 0)
        #expect(!(try BewaarBinary.run(["user", "list", "--store", t.store]).stdout.contains("J. Bakker")))
    }

    @Test func serveRefusesTheNetworkWithoutSecureCookies() throws {
        let t = TempDir()
        let r = try BewaarBinary.run(["serve", "--host", "0.0.0.0", "--store", t.store])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--secure-cookies") && r.stderr.contains("--insecure"))
        let name = try BewaarBinary.run(["serve", "--host", "127.0.0.1.nip.example", "--store", t.store])
        #expect(name.status != 0, "a name that starts with 127. is not loopback")
    }
}

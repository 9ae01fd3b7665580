import Foundation
import Testing
import BewaarTestSupport

/// The command line of sign-in with the school's accounts: `bewaar user email`, and `bewaar
/// serve`'s OpenID Connect settings, which stop the start with a Dutch message naming what to
/// fix (through the built executable).
@Suite struct SchoolSignInCommandTests {
    @Test func theBeheerderSetsAndClearsAnAccountsEmailAddress() throws {
        let t = TempDir()
        #expect(try BewaarBinary.run(["user", "add", "J. Bakker", "--role", "mentor", "--store", t.store], stdin: "heel-geheim-123\n").status == 0)
        #expect(try BewaarBinary.run(["user", "add", "K. Smit", "--role", "mentor", "--store", t.store], stdin: "heel-geheim-123\n").status == 0)
        let set = try BewaarBinary.run(["user", "email", "j. bakker", "j.bakker@voorbeeldcollege.example.org", "--store", t.store])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("E-mailadres van J. Bakker: j.bakker@voorbeeldcollege.example.org."))
        #expect(
            try BewaarBinary.run(["user", "list", "--store", t.store]).stdout.contains("J. Bakker\tmentor\tj.bakker@voorbeeldcollege.example.org"))
        // One address, one account; a broken address is refused; an unknown name is named.
        let twice = try BewaarBinary.run(["user", "email", "K. Smit", "J.Bakker@voorbeeldcollege.example.org", "--store", t.store])
        #expect(twice.status == 1 && twice.stderr.contains("heeft al het e-mailadres"), "\(twice.stderr)")
        let broken = try BewaarBinary.run(["user", "email", "K. Smit", "k smit@@example.org", "--store", t.store])
        #expect(broken.status == 1 && broken.stderr.contains("geen bruikbaar e-mailadres"))
        let nobody = try BewaarBinary.run(["user", "email", "Z. Niemand", "z@example.org", "--store", t.store])
        #expect(nobody.status == 1 && nobody.stderr.contains("Account Z. Niemand bestaat niet"))
        let clear = try BewaarBinary.run(["user", "email", "J. Bakker", "--clear", "--store", t.store])
        #expect(clear.status == 0 && clear.stdout.contains("gewist"))
        #expect(try BewaarBinary.run(["user", "list", "--store", t.store]).stdout.contains("J. Bakker\tmentor\n"))
    }

    /// `bewaar user subject`: a beheerder links an account to a school account by hand (for a
    /// service that sends no verified address), sees the link, and unlinks it.
    @Test func theBeheerderLinksAnAccountToASchoolAccountByHand() throws {
        let t = TempDir()
        for name in ["J. Bakker", "K. Smit"] {
            #expect(try BewaarBinary.run(["user", "add", name, "--role", "mentor", "--store", t.store], stdin: "heel-geheim-123\n").status == 0)
        }
        let issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
        func subject(_ args: [String]) throws -> BewaarBinary.Result {
            try BewaarBinary.run(["user", "subject"] + args + ["--store", t.store, "--by", "B. Beheer"])
        }
        let link = try subject(["j. bakker", "--issuer", issuer, "--subject", "AAAAbakker-2b"])
        #expect(link.status == 0, "\(link.stderr)")
        #expect(link.stdout.contains("Account J. Bakker is gekoppeld aan het schoolaccount AAAAbakker-2b van \(issuer)."))
        #expect(try subject(["J. Bakker"]).stdout.contains("Account J. Bakker is gekoppeld aan --issuer \(issuer) --subject AAAAbakker-2b"))
        let again = try subject(["J. Bakker", "--issuer", issuer, "--subject", "AAAAbakker-2b"])
        #expect(again.stdout.contains("was al aan dit schoolaccount gekoppeld"))
        // One subject, one account; one account, one subject.
        let taken = try subject(["K. Smit", "--issuer", issuer, "--subject", "AAAAbakker-2b"])
        #expect(taken.status == 1 && taken.stderr.contains("Account J. Bakker is al gekoppeld aan dit schoolaccount"), "\(taken.stderr)")
        let other = try subject(["J. Bakker", "--issuer", issuer, "--subject", "AAAAanders"])
        #expect(other.status == 1 && other.stderr.contains("bewaar user subject \"J. Bakker\" --clear"), "\(other.stderr)")
        // What is refused before the store is touched.
        let http = try subject(["K. Smit", "--issuer", "http://login.example.org", "--subject", "x"])
        #expect(http.stderr.contains("--issuer moet met https:// beginnen"))
        #expect(try subject(["K. Smit", "--issuer", issuer, "--subject", "regel\nbreuk"]).stderr.contains("--subject moet 1 tot 255 tekens zijn"))
        #expect(try subject(["K. Smit", "--issuer", issuer]).status == 64)
        #expect(try subject(["K. Smit", "--clear", "--subject", "x"]).status == 64)
        #expect(try subject(["Z. Niemand", "--issuer", issuer, "--subject", "x"]).stderr.contains("Account Z. Niemand bestaat niet"))
        // Unlinking, once.
        let clear = try subject(["J. Bakker", "--clear"])
        #expect(clear.status == 0 && clear.stdout.contains("ontkoppeld van het schoolaccount; zijn sessies zijn beëindigd"))
        #expect(try subject(["J. Bakker", "--clear"]).stdout.contains("was niet aan een schoolaccount gekoppeld"))
        #expect(try subject(["J. Bakker"]).stdout.contains("is niet aan een schoolaccount gekoppeld"))
        // In English too.
        let english = try subject(["K. Smit", "--issuer", issuer, "--subject", "AAAAsmit", "--lang", "en"])
        #expect(english.stdout.contains("Account K. Smit is linked to school account AAAAsmit of \(issuer)."), "\(english.stdout)")
    }

    /// Starts `bewaar serve` with `args`; it must stop at once with exit 1.
    func refusedStart(_ args: [String], environment: [String: String] = [:], store: String) throws -> String {
        let r = try BewaarBinary.run(["serve", "--port", "0", "--store", store] + args, environment: environment)
        #expect(r.status == 1, "\(args): \(r.combined)")
        return r.stderr
    }

    @Test func aWrongSettingStopsTheStartWithWhatToFix() throws {
        let t = TempDir()
        let secret = ["BEWAAR_OIDC_CLIENT_SECRET": "geheim-van-de-school"]
        // Plain http to another machine: the issuer must be https.
        let http = try refusedStart(
            [
                "--oidc-issuer", "http://login.voorbeeldcollege.example.org", "--oidc-client-id", "bewaar",
                "--public-url", "https://bewaar.voorbeeldcollege.example.org",
            ], environment: secret, store: t.store)
        #expect(http.contains("--oidc-issuer moet met https:// beginnen"), "\(http)")
        // No client id, no secret.
        #expect(
            try refusedStart(["--oidc-issuer", "https://login.voorbeeldcollege.example.org"], environment: secret, store: t.store)
                .contains("--oidc-client-id"))
        #expect(
            try refusedStart(["--oidc-issuer", "https://login.voorbeeldcollege.example.org", "--oidc-client-id", "bewaar"], store: t.store)
                .contains("BEWAAR_OIDC_CLIENT_SECRET"))
        // Nobody answers on the issuer's address: discovery fails at start, naming the address and the option.
        let port = try closedPort()
        let none = try refusedStart(
            [
                "--oidc-issuer", "http://127.0.0.1:\(port)", "--oidc-client-id", "bewaar",
                "--public-url", "http://127.0.0.1:8080",
            ], environment: secret, store: t.store)
        #expect(none.contains("De inlogdienst op http://127.0.0.1:\(port)/.well-known/openid-configuration gaf geen configuratie"), "\(none)")
        #expect(none.contains("Controleer --oidc-issuer"))
        // A secret file that others may read is refused; the secret itself is never printed.
        let file = t.path + "/oidc-secret"
        try Data("zeer-geheim-987\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let open = try refusedStart(
            [
                "--oidc-issuer", "http://127.0.0.1:\(port)", "--oidc-client-id", "bewaar",
                "--oidc-client-secret-file", file, "--public-url", "http://127.0.0.1:8080",
            ], store: t.store)
        #expect(open.contains("chmod 600") && !open.contains("zeer-geheim-987"))
    }

    /// A loopback port nobody listens on (bound, read, closed).
    func closedPort() throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return Int(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            ?? 9
    }
}

import Foundation
import Testing
import BewaarTestSupport

/// `bewaar user add|list` and the demo's web hint, through the built executable.
@Suite struct UserCommandTests {
    /// Runs `bewaar ARGS` with `input` on its standard input (a pipe, not a terminal).
    func run(_ args: [String], input: String) throws -> BewaarBinary.Result {
        try BewaarBinary.run(args, stdin: input)
    }

    @Test func aUserIsAddedWithThePasswordFromStdinAndNeverShown() throws {
        let t = TempDir()
        let r = try run(["user", "add", "J. Bakker", "--role", "mentor", "--store", t.store], input: "heel-geheim-123\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Account J. Bakker (mentor) opgeslagen."))
        let list = try BewaarBinary.run(["user", "list", "--store", t.store])
        #expect(list.stdout.contains("J. Bakker\tmentor"))
        let db = try Data(contentsOf: URL(fileURLWithPath: t.store + "/bewaar.sqlite"))
        #expect(db.range(of: Data("heel-geheim-123".utf8)) == nil)
        #expect(db.range(of: Data("scrypt$131072$8$1$".utf8)) != nil)
    }

    @Test func aWrongRoleOrAShortPasswordIsAPlainError() throws {
        let t = TempDir()
        let role = try run(["user", "add", "X", "--role", "directeur", "--store", t.store], input: "heel-geheim-123\n")
        #expect(role.status == 1)
        #expect(role.stderr.contains("Onbekende rol 'directeur'"))
        let short = try run(["user", "add", "X", "--role", "mentor", "--store", t.store], input: "kort\n")
        #expect(short.status == 1)
        #expect(short.stderr.contains("te kort"))
    }

    @Test func theDemoEndsWithTheServeCommandAndAWorkingLogin() throws {
        let t = TempDir()
        let r = try BewaarBinary.run(["demo", "--samples", BewaarBinary.packageRoot + "/samples", "--store", t.store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("log in als J. Bakker met wachtwoord demo-wachtwoord-2026"))
        let list = try BewaarBinary.run(["user", "list", "--store", t.store])
        #expect(list.stdout.contains("J. Bakker\tmentor"))
        // The printed command is what a newcomer pastes: it must start the web interface as it is.
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Start hem met:") })
        let command = line.dropFirst("Start hem met:".count).trimmingCharacters(in: .whitespaces)
        #expect(command.contains(" serve --store "))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exec " + command + " --port 0"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        defer { p.terminate(); p.waitUntilExit() }
        let banner = out.read(until: "http://127.0.0.1:")
        #expect(banner.contains("Bewaar-webinterface: http://127.0.0.1:"), "the printed command starts the web interface")
    }
}

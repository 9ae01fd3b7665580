import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import BewaarModel
import BewaarStore
@testable import BewaarWeb
import BewaarTestSupport

/// Two built `bewaar serve` processes on one store folder, as a school board runs them behind
/// its proxy: a request may land on either. The login budget is counted once for both; a session
/// signed in on one works on the other with its CSRF token; an upload's results show on the other
/// server after the redirect; the progress line of an upload read on one is polled on the other;
/// and a server killed with SIGKILL in the middle of reading a large upload, or of receiving one,
/// leaves no half item and nothing in `tmp/` for long: the other server goes on, and `bewaar
/// check` passes.
@Suite(.serialized) struct TwoServerEndToEndTests {
    static let password = "geheim-wachtwoord-1"

    /// A store with one case and the mentor's account and access, made with the command line.
    static func store(_ t: TempDir) throws -> String {
        let s = ["--store", t.store, "--by", "J. Bakker"]
        let id = try BewaarBinary.run(["case", "new", "--title", "Groepsapp 2B", "--victim", "Sanne de Vries", "--mentor", "J. Bakker"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try BewaarBinary.run(["user", "add", "J. Bakker", "--role", "mentor"] + s, stdin: password + "\n").status == 0)
        #expect(try BewaarBinary.run(["access", "grant", id, "--account", "J. Bakker"] + s).status == 0)
        return id
    }

    /// Forty wrong passwords at once from one client, twenty to each server. Each server alone
    /// would let its own burst of 10 through (20 in all); counted in the store, the two let 10
    /// through together (plus what refilled at 6 a minute while they ran), whatever the load.
    @Test func theLoginBudgetIsCountedOnceForBothServers() throws {
        let t = TempDir()
        _ = try Self.store(t)
        let (a, b) = (try ServeProcess(store: t.store), try ServeProcess(store: t.store))
        defer { a.stop(); b.stop() }
        // Each attempt with the login page (its own session and CSRF token) of the server it goes to.
        let attempts = try (0..<40).map { i in
            let server = i % 2 == 0 ? a : b
            return (server, try server.get("/inloggen"))
        }
        let started = Date()
        let sent = attempts.enumerated().map { i, attempt in
            Thread.background {
                let (server, page) = attempt
                let form = "_csrf=\(page.csrf ?? "")&naam=Iemand+Anders&wachtwoord=gok-\(i)"
                return (try? server.post("/inloggen", cookie: page.cookie, form: form)).map { ($0.status, $0.header("retry-after")) }
            }
        }
        let answers = sent.map { $0.wait() }
        let seconds = Date().timeIntervalSince(started)
        let statuses = answers.map { $0?.0 ?? 0 }
        let allowed = statuses.filter { $0 != 429 }.count
        let refilled = Int((seconds / 10).rounded(.up))
        #expect(allowed >= 10 && allowed <= 10 + refilled && allowed < 20, "\(allowed) of 40 passed in \(seconds) s: \(statuses)")
        #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 }, "each attempt let through was checked and refused: \(statuses)")
        for (n, server) in ["A", "B"].enumerated() {
            #expect(statuses.enumerated().contains { $0.offset % 2 == n && $0.element == 429 }, "server \(server) refused with 429 too")
        }
        #expect(answers.allSatisfy { $0?.0 != 429 || ($0?.1).flatMap(Int.init).map { $0 >= 1 } == true }, "a 429 says how long to wait")
        a.stop()
        b.stop()
        let log = try CaseStore(path: t.store, create: false, modules: WebServer.storeModules).securityLog(limit: 100)
        #expect(log.filter { $0.kind == "login-throttled" && $0.source == "127.0.0.1" }.count == 40 - allowed)
    }

    @Test func aSessionItsFormsItsUploadsAndTheirProgressWorkOnEitherServer() throws {
        let t = TempDir()
        let id = try Self.store(t)
        let (a, b) = (try ServeProcess(store: t.store), try ServeProcess(store: t.store))
        defer { a.stop(); b.stop() }
        // The login page on A, the login on B: the session and its CSRF token are in the store.
        let pre = try a.get("/inloggen")
        let signedIn = try b.post("/inloggen", cookie: pre.cookie, form: "_csrf=\(pre.csrf ?? "")&naam=J.+Bakker&wachtwoord=\(Self.password)")
        #expect(signedIn.status == 303)
        let cookie = try #require(signedIn.cookie, "B signed in the session A made")
        let page = try a.get("/zaken/\(id)", cookie: cookie)
        #expect(page.status == 200 && page.body.contains("Groepsapp 2B"), "A knows the session B signed in")
        let csrf = try #require(page.csrf)
        // A form from A's page, posted to B, with A's token; a wrong token is refused there.
        #expect(try b.post("/zaken/\(id)/samenvatting", cookie: cookie, form: "_csrf=\(csrf)&samenvatting=Pesten+in+de+klassenapp").status == 303)
        #expect(
            try b.post("/zaken/\(id)/samenvatting", cookie: cookie, form: "_csrf=\(String(repeating: "0", count: 64))&samenvatting=x").status == 403)
        #expect(try a.get("/zaken/\(id)", cookie: cookie).body.contains("Pesten in de klassenapp"))

        // An upload to A; its redirect followed on B shows what was stored.
        let upload = try a.upload(
            "/zaken/\(id)/bewijs", cookie: cookie, csrf: csrf,
            files: [("WhatsApp-chat met Klas 2B.txt", UploadProgressTests.chat(40))])
        #expect(upload.status == 303)
        let location = try #require(upload.header("location"))
        #expect(location.contains("?upload="))
        let shown = try b.get(String(location.prefix { $0 != "#" }), cookie: cookie)
        #expect(shown.body.contains("<strong>WhatsApp-chat met Klas 2B.txt</strong>:"), "B shows the results of A's upload")

        // A large chat read by A, its progress asked of B while A reads it.
        let progressID = "00112233445566778899aabbccddeeff"
        let big = UploadProgressTests.chat(150_000)
        let sent = Thread.background {
            try? a.upload("/zaken/\(id)/bewijs?voortgang=\(progressID)", cookie: cookie, csrf: csrf, files: [("WhatsApp-chat groot.txt", big)])
        }
        var lines: [String] = []
        let deadline = Date().addingTimeInterval(300)
        while !sent.done && Date() < deadline {
            let r = try b.get("/zaken/\(id)/voortgang?id=\(progressID)", cookie: cookie)
            if r.status == 200, let line = r.body.firstMatch(of: /"tekst":"([^"]*)"/)?.output.1, lines.last != String(line) {
                lines.append(String(line))
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let answer = try #require(sent.wait(), "A answered the large upload")
        #expect(answer.status == 303)
        #expect(lines.contains { $0.contains("Bestand 1 van 1 wordt gelezen (WhatsApp-chat groot.txt)") }, "B saw A's reading: \(lines)")
        #expect(try b.get("/zaken/\(id)/voortgang?id=\(progressID)", cookie: cookie).status == 404, "the line went with the upload")
        #expect(try a.get("/zaken/\(id)/voortgang?id=\(progressID)", cookie: pre.cookie ?? "").status != 200, "another session gets nothing")

        // Signed out on B: A no longer knows the session.
        #expect(try b.post("/uitloggen", cookie: cookie, form: "_csrf=\(csrf)").status == 303)
        let after = try a.get("/zaken/\(id)", cookie: cookie)
        #expect(after.status == 303 && after.header("location") == "/inloggen")
    }

    @Test func aServerKilledWhileReadingOrReceivingAnUploadLeavesNoHalfItem() throws {
        let t = TempDir()
        let id = try Self.store(t)
        let (a, b) = (try ServeProcess(store: t.store), try ServeProcess(store: t.store))
        defer { a.stop(); b.stop() }
        let pre = try a.get("/inloggen")
        let cookie = try #require(
            try a.post("/inloggen", cookie: pre.cookie, form: "_csrf=\(pre.csrf ?? "")&naam=J.+Bakker&wachtwoord=\(Self.password)").cookie)
        let csrf = try #require(try a.get("/zaken/\(id)", cookie: cookie).csrf)
        let first = try b.upload(
            "/zaken/\(id)/bewijs", cookie: cookie, csrf: csrf, files: [("WhatsApp-chat eerst.txt", UploadProgressTests.chat(30))])
        #expect(first.status == 303)
        #expect(try a.killWhileReading(case: id, cookie: cookie, csrf: csrf, watcher: b), "A was reading the upload when it was killed")
        func receiving() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: t.store + "/tmp")) ?? []).filter { $0.hasPrefix("upload-") }
        }
        #expect(receiving().count == 1, "A left what it received (in plain) in tmp/")
        // B goes on: the case opens and takes an upload, and removes what A left.
        #expect(try b.get("/zaken/\(id)", cookie: cookie).status == 200)
        let after = try b.upload(
            "/zaken/\(id)/bewijs", cookie: cookie, csrf: csrf, files: [("WhatsApp-chat daarna.txt", UploadProgressTests.chat(20))])
        #expect(after.status == 303)
        #expect(receiving().isEmpty, "B removed the folder of A's broken upload")

        // A third server killed while the body is still coming in: half a large chat received.
        let c = try ServeProcess(store: t.store)
        defer { c.stop() }
        let body = Array(Multipart.body(csrf: csrf, [("WhatsApp-chat onderweg.txt", UploadProgressTests.chat(100_000))]).utf8)
        let socket = try RawSocket(port: c.port)
        defer { socket.closeSocket() }
        socket.send(
            "POST /zaken/\(id)/bewijs HTTP/1.1\r\nHost: 127.0.0.1:\(c.port)\r\nCookie: \(cookie)\r\n"
                + "Content-Type: multipart/form-data; boundary=\(Multipart.boundary)\r\nContent-Length: \(body.count)\r\n\r\n")
        socket.send(String(decoding: body.prefix(body.count / 2), as: UTF8.self))
        func receivedBytes() -> Int {
            receiving().reduce(0) { sum, name in
                let file = t.store + "/tmp/" + name + "/1/WhatsApp-chat onderweg.txt"
                return sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
            }
        }
        let waitUntil = Date().addingTimeInterval(60)
        while receivedBytes() == 0 && Date() < waitUntil { Thread.sleep(forTimeInterval: 0.05) }
        #expect(receivedBytes() > 0, "C was receiving")
        c.kill()
        #expect(receiving().count == 1)
        let last = try b.upload(
            "/zaken/\(id)/bewijs", cookie: cookie, csrf: csrf, files: [("WhatsApp-chat laatst.txt", UploadProgressTests.chat(10))])
        #expect(last.status == 303)
        #expect(receiving().isEmpty, "B removed the folder of C's broken upload")
        b.stop()
        let store = try CaseStore(path: t.store, create: false, modules: WebServer.storeModules)
        let caseID = try #require(CaseID(id))
        #expect(
            try store.items(caseID).map(\.name).sorted() == ["WhatsApp-chat daarna.txt", "WhatsApp-chat eerst.txt", "WhatsApp-chat laatst.txt"],
            "nothing half of the killed uploads")
        #expect(try store.verifyChain(id).intact)
        let check = try BewaarBinary.run(["check", "--store", t.store])
        #expect(check.status == 0, "\(check.combined)")
    }
}

extension ServeProcess {
    /// Sends a chat of 400,000 lines to this server in the background and kills it (SIGKILL) once
    /// `watcher`, asked for the upload's progress, sees that it has read records into case `id`
    /// (its transaction open). Whether it was reading when killed.
    func killWhileReading(case id: String, cookie: String, csrf: String, watcher: ServeProcess) throws -> Bool {
        let progressID = "ffeeddccbbaa99887766554433221100"
        let big = UploadProgressTests.chat(400_000)
        let sent = Thread.background {
            try? self.upload("/zaken/\(id)/bewijs?voortgang=\(progressID)", cookie: cookie, csrf: csrf, files: [("WhatsApp-chat half.txt", big)])
        }
        var reading = false
        let deadline = Date().addingTimeInterval(300)
        while !reading && !sent.done && Date() < deadline {
            let r = try watcher.get("/zaken/\(id)/voortgang?id=\(progressID)", cookie: cookie)
            reading = r.status == 200 && r.body.contains("wordt gelezen") && !r.body.contains(": 0 berichten")
            if !reading { Thread.sleep(forTimeInterval: 0.05) }
        }
        kill()
        _ = sent.wait()
        return reading
    }
}

/// One `bewaar serve` process on a free port, and plain HTTP/1.1 requests to it (one connection
/// each, closed after the answer).
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int

    init(store: String, environment: [String: String] = [:]) throws {
        let (p, banner) = try BewaarBinary.serve(store: store, environment: environment)
        guard let match = banner.firstMatch(of: /127\.0\.0\.1:(\d+)\//), let port = Int(match.output.1) else {
            if p.isRunning { p.terminate() }
            throw POSIXError(.ECONNREFUSED)
        }
        process = p
        self.port = port
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// SIGKILL: no clean-up of any kind, as a crash or a pulled plug.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct Answer: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }

        /// The session cookie the answer sets (`bewaar_sessie=…`), if any.
        var cookie: String? {
            headers.filter { $0.0.lowercased() == "set-cookie" }.compactMap { h -> String? in
                let first = String(h.1.split(separator: ";")[0])
                return first.hasPrefix(WebApp.cookieName + "=") && first.count > WebApp.cookieName.count + 1 ? first : nil
            }.first
        }

        var csrf: String? { body.firstMatch(of: /name="_csrf" value="([0-9a-f]{64})"/).map { String($0.output.1) } }
    }

    func get(_ path: String, cookie: String? = nil) throws -> Answer {
        try request("GET", path, cookie: cookie, body: [])
    }

    func post(_ path: String, cookie: String?, form: String) throws -> Answer {
        try request("POST", path, cookie: cookie, type: "application/x-www-form-urlencoded", body: Array(form.utf8))
    }

    func upload(_ path: String, cookie: String, csrf: String, files: [(String, String)]) throws -> Answer {
        try request(
            "POST", path, cookie: cookie, type: "multipart/form-data; boundary=\(Multipart.boundary)",
            body: Array(Multipart.body(csrf: csrf, files).utf8))
    }

    func request(_ method: String, _ path: String, cookie: String?, type: String? = nil, body: [UInt8]) throws -> Answer {
        let s = try RawSocket(port: port)
        defer { s.closeSocket() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        if let type { head += "Content-Type: \(type)\r\nContent-Length: \(body.count)\r\n" }
        s.send(head + "\r\n")
        var offset = 0
        while offset < body.count {
            let n = body[offset...].withUnsafeBytes { Glibc.send(s.fd, $0.baseAddress, min($0.count, 1 << 16), Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }
            offset += n
        }
        let (text, _) = s.read(seconds: 300)
        guard let end = text.range(of: "\r\n\r\n") else { return Answer(status: 0, headers: [], body: text) }
        let lines = text[..<end.lowerBound].split(separator: "\r\n").map(String.init)
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Answer(status: status, headers: headers, body: String(text[end.upperBound...]))
    }
}

/// Work on a thread of its own, and its result once it is done.
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let lock = NSCondition()
    private var result: [T] = []

    var done: Bool { lock.lock(); defer { lock.unlock() }; return !result.isEmpty }

    func finish(_ value: T) {
        lock.lock(); result = [value]; lock.broadcast(); lock.unlock()
    }

    /// The result, waiting for it.
    func wait() -> T {
        lock.lock(); defer { lock.unlock() }
        while result.isEmpty { lock.wait() }
        return result[0]
    }
}

extension Thread {
    static func background<T: Sendable>(_ body: @escaping @Sendable () -> T) -> BackgroundWork<T> {
        let work = BackgroundWork<T>()
        Thread.detachNewThread { work.finish(body()) }
        return work
    }
}

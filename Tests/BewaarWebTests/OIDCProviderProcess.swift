import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import BewaarTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenID Connect provider for the sign-in tests: `oidc-provider-mock` from PyPI, in the
/// package's `.venv-oidc` (scripts/test installs it; nothing is fetched at test time), started
/// on a free loopback port through `scripts/lib/oidc_provider_pkce.py`, which adds authlib's own
/// PKCE check (the mock alone ignores `code_verifier`). It ends when the test process ends: it
/// watches its standard input, a pipe this process holds open. Tests drive its sign-in page over
/// real HTTP and read its log (``logged()``) for what it received.
final class OIDCProviderProcess: @unchecked Sendable {
    let base: String
    let process: Process
    let stdin: Pipe
    /// The provider's log (its standard error): each request it received, with the query. The
    /// file is unlinked once the provider has it open, so nothing is left behind.
    let log: FileHandle

    static let venv = BewaarBinary.packageRoot + "/.venv-oidc"
    static var python: String { venv + "/bin/python" }

    /// Why the provider cannot run here (nil when it can): the tests that need it say this as
    /// the reason they were skipped.
    static let missing: String? = {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return
                "oidc-provider-mock is not installed: scripts/test makes \(venv) (python3 -m venv .venv-oidc && .venv-oidc/bin/pip install oidc-provider-mock)"
        }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import oidc_provider_mock"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return "\(python) does not start" }
        check.waitUntilExit()
        return check.terminationStatus == 0 ? nil : "\(venv) lacks oidc_provider_mock: .venv-oidc/bin/pip install oidc-provider-mock"
    }()

    static var available: Bool { missing == nil }

    /// The provider every test of the run shares (each test uses its own subjects).
    static let shared = Task<OIDCProviderProcess, any Error> { try await OIDCProviderProcess.start() }

    private init(base: String, process: Process, stdin: Pipe, log: FileHandle) {
        self.base = base
        self.process = process
        self.stdin = stdin
        self.log = log
    }

    /// What the provider logged so far (read with `pread`, so tests may ask at the same time).
    func logged() -> String {
        var out = [UInt8](), buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = pread(log.fileDescriptor, &buffer, buffer.count, off_t(out.count))
            guard n > 0 else { break }
            out += buffer[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func start() async throws -> OIDCProviderProcess {
        let port = try freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        let script = BewaarBinary.packageRoot + "/scripts/lib/oidc_provider_pkce.py"
        p.arguments = [script, "--watch-stdin", "--host", "127.0.0.1", "--port", String(port)]
        p.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": NSTemporaryDirectory()]
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        let logPath = NSTemporaryDirectory() + "bewaar-oidc-provider-\(port).log"
        guard FileManager.default.createFile(atPath: logPath, contents: nil), let log = FileHandle(forUpdatingAtPath: logPath) else {
            throw ProviderDidNotStart()
        }
        defer { unlink(logPath) }
        p.standardError = log
        try p.run()
        let provider = OIDCProviderProcess(base: "http://127.0.0.1:\(port)", process: p, stdin: input, log: log)
        for _ in 0..<200 {
            if let r = try? await provider.get("/.well-known/openid-configuration"), r.status == 200 { return provider }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        p.terminate()
        throw ProviderDidNotStart()
    }

    struct ProviderDidNotStart: Error, CustomStringConvertible {
        var description: String { "oidc-provider-mock did not answer within 20 seconds" }
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ProviderDidNotStart() }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    // MARK: HTTP to the provider (redirects are answers here, never followed)

    struct Answer: Sendable {
        var status: Int
        var location: String?
        var body: String
    }

    static let http = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    func get(_ path: String) async throws -> Answer { try await send(base + path, method: .GET, body: nil, type: nil) }

    /// The provider's claims for `sub` (its `PUT /users/{sub}`).
    func setUser(_ sub: String, claims: [String: any Sendable]) async throws {
        let json = try JSONSerialization.data(withJSONObject: claims)
        let escaped = sub.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sub
        let r = try await send(base + "/users/" + escaped, method: .PUT, body: String(decoding: json, as: UTF8.self), type: "application/json")
        guard r.status == 204 else { throw ProviderDidNotStart() }
    }

    /// Signs `sub` in on the provider's own page (the form a person would submit) for the
    /// authorization request `url`; returns where the provider sends the browser back.
    func approve(_ url: String, sub: String) async throws -> String? {
        try await send(
            url, method: .POST, body: "sub=" + (sub.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? sub),
            type: "application/x-www-form-urlencoded"
        ).location
    }

    func send(_ url: String, method: HTTPMethod, body: String?, type: String?, headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let type { request.headers.add(name: "Content-Type", value: type) }
        for (n, v) in headers { request.headers.add(name: n, value: v) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await Self.http.execute(request, timeout: .seconds(20))
        let data = try await response.body.collect(upTo: 4 << 20)
        return Answer(status: Int(response.status.code), location: response.headers.first(name: "Location"), body: String(buffer: data))
    }

    /// An ID token for `clientID` and `nonce`, fetched the way a relying party does (the
    /// provider's page, then its token endpoint): a real token, signed by the provider.
    func idToken(sub: String, clientID: String, nonce: String, redirect: String = "http://127.0.0.1:9/terug") async throws -> String {
        var c = URLComponents(string: base + "/oauth2/authorize")
        c?.queryItems = [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: clientID),
            URLQueryItem(name: "redirect_uri", value: redirect), URLQueryItem(name: "scope", value: "openid email"),
            URLQueryItem(name: "state", value: "s"), URLQueryItem(name: "nonce", value: nonce),
        ]
        guard let url = c?.url?.absoluteString, let back = try await approve(url, sub: sub),
            let code = URLComponents(string: back)?.queryItems?.first(where: { $0.name == "code" })?.value
        else { throw ProviderDidNotStart() }
        let form =
            "grant_type=authorization_code&code=\(code)&redirect_uri=\(redirect.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        let basic = Data("\(clientID):geheim".utf8).base64EncodedString()
        let r = try await send(
            base + "/oauth2/token", method: .POST, body: form, type: "application/x-www-form-urlencoded",
            headers: [("Authorization", "Basic " + basic)])
        struct Tokens: Decodable { var id_token: String }
        return try JSONDecoder().decode(Tokens.self, from: Data(r.body.utf8)).id_token
    }
}

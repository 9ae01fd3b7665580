import Foundation
import BewaarAccounts
import BewaarSignOn

/// Settings of `bewaar serve`.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest upload accepted (all files of one request together), in bytes.
    public var uploadLimit: Int64
    /// Most bytes unpacked from all the archives (zips) of one upload together; members past it
    /// are refused with a warning and stay inside their stored original.
    public var unpackLimit: Int64
    /// How long a session lives without use.
    public var sessionIdle: TimeInterval
    /// How long a session lives at most.
    public var sessionMaximum: TimeInterval
    /// Set `Secure` on cookies (behind an HTTPS reverse proxy).
    public var secureCookies: Bool
    /// Pause after a failed login, in seconds (slows guessing down; 0 in tests).
    public var failedLoginDelay: Double
    public var hasher: PasswordHasher
    /// The clock for sessions (tests move it forward).
    public var clock: @Sendable () -> Date
    /// The names this server answers to in the `Host` header (besides loopback names when it
    /// listens on loopback): the school's public name behind its proxy. A request for another
    /// name (DNS rebinding) is refused.
    public var publicNames: [String]
    /// The header in which the school's proxy passes the client's address (`X-Forwarded-For`);
    /// nil when there is no proxy and the peer's own address counts.
    public var forwardedHeader: String?
    /// Login attempts one client may make at once, and per minute after that.
    public var loginBurst: Int
    public var loginPerMinute: Int
    /// Password checks run at once, and queued at most (more are answered "busy").
    public var passwordWorkers: Int
    public var passwordQueue: Int
    /// A request's header must be complete this long after the connection (or the previous
    /// response); a body may pause at most `bodyIdleTimeout`; an idle connection closes after
    /// `idleTimeout`. Slow sockets cannot hold the server's file handles.
    public var headerTimeout: TimeInterval
    public var bodyIdleTimeout: TimeInterval
    public var idleTimeout: TimeInterval
    /// Sign-in with the school's accounts (OpenID Connect), discovered at start; nil: passwords only.
    public var signOn: SignOnProvider?
    /// How long a sign-in with a school account may take from the button to the answer.
    public var signOnLifetime: TimeInterval = 600
    /// Where the school's provider sends the browser back, relative to the server's public base URL.
    public static let signOnReturnPath = "/inloggen/school/terug"

    public init(host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int64 = 512 << 20,
                sessionIdle: TimeInterval = 30 * 60, sessionMaximum: TimeInterval = 8 * 3600,
                secureCookies: Bool = false, failedLoginDelay: Double = 1.0, hasher: PasswordHasher = .standard,
                clock: @escaping @Sendable () -> Date = { Date() }, publicNames: [String] = [], forwardedHeader: String? = nil,
                loginBurst: Int = 10, loginPerMinute: Int = 6, passwordWorkers: Int = 2, passwordQueue: Int = 8,
                headerTimeout: TimeInterval = 10, bodyIdleTimeout: TimeInterval = 30, idleTimeout: TimeInterval = 60,
                unpackLimit: Int64? = nil) {
        self.host = host
        self.port = port
        self.uploadLimit = uploadLimit
        // Bounded like the upload itself: by default eight times the upload limit.
        self.unpackLimit = unpackLimit ?? (uploadLimit > Int64.max / 8 ? Int64.max : uploadLimit * 8)
        self.sessionIdle = sessionIdle
        self.sessionMaximum = sessionMaximum
        self.secureCookies = secureCookies
        self.failedLoginDelay = failedLoginDelay
        self.hasher = hasher
        self.clock = clock
        self.publicNames = publicNames
        self.forwardedHeader = forwardedHeader
        self.loginBurst = loginBurst
        self.loginPerMinute = loginPerMinute
        self.passwordWorkers = passwordWorkers
        self.passwordQueue = passwordQueue
        self.headerTimeout = headerTimeout
        self.bodyIdleTimeout = bodyIdleTimeout
        self.idleTimeout = idleTimeout
    }

    /// Whether `host` only listens on this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" { return true }
        // An IPv4 literal in 127.0.0.0/8 — not a name that merely starts with "127." (DNS rebinding).
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { $0.count <= 3 && !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) <= 255 }
    }

    /// Whether a request's `Host` (authority) names this server: one of the public names, or —
    /// when listening on loopback — a loopback name. A port, if given, is ignored.
    public func accepts(authority: String?) -> Bool {
        guard let authority, !authority.isEmpty, authority.utf8.count <= 255 else { return false }
        var name = authority.lowercased()
        if name.hasPrefix("[") {
            name = String(name.prefix { $0 != "]" }.dropFirst())
        } else if let colon = name.lastIndex(of: ":"), name.filter({ $0 == ":" }).count == 1 {
            name = String(name[..<colon])
        }
        if publicNames.contains(where: { $0.lowercased() == name }) { return true }
        if Self.isLoopback(host) || host == "0.0.0.0" || host == "::" {
            if Self.isLoopback(name) { return true }
        }
        return name == host.lowercased()
    }
}

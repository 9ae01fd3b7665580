#if Web
import Foundation
import BewaarAccounts

/// Settings of `bewaar serve`.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest upload accepted (all files of one request together), in bytes.
    public var uploadLimit: Int64
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

    public init(host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int64 = 512 << 20,
                sessionIdle: TimeInterval = 30 * 60, sessionMaximum: TimeInterval = 8 * 3600,
                secureCookies: Bool = false, failedLoginDelay: Double = 1.0, hasher: PasswordHasher = .standard,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.host = host
        self.port = port
        self.uploadLimit = uploadLimit
        self.sessionIdle = sessionIdle
        self.sessionMaximum = sessionMaximum
        self.secureCookies = secureCookies
        self.failedLoginDelay = failedLoginDelay
        self.hasher = hasher
        self.clock = clock
    }

    /// Whether `host` only listens on this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.")
    }
}
#endif

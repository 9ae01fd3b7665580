import Foundation
import BewaarModel
import BewaarStore
import BewaarDigest

/// A signed-in (or about to sign in) account of the web interface.
public struct Account: Sendable, Hashable {
    public var name: String
    public var role: AccountRole

    public init(name: String, role: AccountRole) {
        self.name = name
        self.role = role
    }
}

/// Why a login did not succeed.
public enum LoginFailure: Error, Sendable, Equatable {
    /// Wrong name or password (never says which; a disabled account or one without a password
    /// answers the same).
    case wrongCredentials
    /// Too many failures; try again after this time.
    case locked(until: Date)
}

/// A one-time code with which an account's owner sets their own password, made by a beheerder
/// (new account, forced reset). Shown once; the store keeps only its SHA-256.
public struct SetupCode: Sendable, Hashable {
    public var code: String
    public var validUntil: Date
}

/// Accounts kept in the case store: adding them and checking logins, with a lock-out after
/// repeated failures that parallel guesses cannot undo.
public struct Accounts: Sendable {
    public let store: CaseStore
    public var hasher: PasswordHasher
    /// Failures in a row before the account is locked.
    public var lockThreshold = 5
    /// How long a lock lasts.
    public var lockSeconds: TimeInterval = 15 * 60
    /// How long a set-password code stays valid.
    public var setupCodeSeconds: TimeInterval = 72 * 3600

    public init(store: CaseStore, hasher: PasswordHasher = .standard) {
        self.store = store
        self.hasher = hasher
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10
    /// The longest password accepted (scrypt takes any length; this bounds the work per request).
    public static let maximumPasswordLength = 1_000

    static func checkStrength(_ password: String) throws {
        guard password.count >= Self.minimumPasswordLength else {
            throw AccountError(nl: "Het wachtwoord is te kort: kies er een van minstens \(Self.minimumPasswordLength) tekens.",
                               en: "The password is too short: choose one of at least \(Self.minimumPasswordLength) characters.")
        }
        guard password.utf8.count <= Self.maximumPasswordLength else {
            throw AccountError(nl: "Het wachtwoord is te lang: hoogstens \(Self.maximumPasswordLength) tekens.",
                               en: "The password is too long: at most \(Self.maximumPasswordLength) characters.")
        }
    }

    /// Adds (or resets) an account with a password: `bewaar user add`, run by whoever runs the
    /// server. Resetting ends the account's sessions.
    public func add(name: String, role: AccountRole, password: String, actor: String) throws {
        try Self.checkStrength(password)
        try store.saveAccount(name: name, role: role.rawValue, passwordHash: try hasher.hash(password), actor: actor)
    }

    /// Adds an account without a password (the beheerder in the web): returns the code with which
    /// its owner sets one.
    public func create(name: String, role: AccountRole, actor: String) throws -> SetupCode {
        let code = SetupCode(code: Self.newCode(), validUntil: store.clock().addingTimeInterval(setupCodeSeconds))
        try store.createAccount(name: name, role: role.rawValue, setupCodeSHA256: Self.digest(code.code), until: code.validUntil, actor: actor)
        return code
    }

    /// Forces a new password: the old one stops working, sessions end, and the returned code lets
    /// the owner choose a new one. The beheerder never learns or sets the password.
    public func forceReset(name: String, actor: String) throws -> SetupCode {
        let code = SetupCode(code: Self.newCode(), validUntil: store.clock().addingTimeInterval(setupCodeSeconds))
        try store.forcePasswordReset(name: name, setupCodeSHA256: Self.digest(code.code), until: code.validUntil, actor: actor)
        return code
    }

    /// The owner sets their password with a set-password code. False when the name and code do not
    /// belong together, the code expired or was used, or the account is disabled.
    public func completeSetup(name: String, code: String, password: String) throws -> Bool {
        try Self.checkStrength(password)
        let normalised = code.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard !normalised.isEmpty, normalised.count <= 64 else { return false }
        return try store.completePasswordSetup(name: name, setupCodeSHA256: Self.digest(normalised), passwordHash: try hasher.hash(password))
    }

    /// The owner changes their own password (knowing the current one); every other session of
    /// theirs ends.
    public func changePassword(name: String, current: String, new: String, keepSession: String?) throws {
        guard let stored = try store.account(named: name), PasswordHasher.verify(current, against: stored.passwordHash) else {
            throw AccountError(nl: "Het huidige wachtwoord klopt niet.", en: "The current password is not right.")
        }
        try Self.checkStrength(new)
        try store.changePassword(name: stored.name, passwordHash: try hasher.hash(new), keepSession: keepSession)
    }

    /// Checks a login. Unknown names cost a hash as well, so timing does not tell which names
    /// exist. The lock is checked before the hash and again, atomically, when the success is
    /// recorded, so guesses running in parallel with the one that locked never get in.
    public func login(name: String, password: String, source: String) throws -> Result<Account, LoginFailure> {
        let now = store.clock()
        guard name.count <= CaseStore.accountNameLimit, password.utf8.count <= Self.maximumPasswordLength,
              let stored = try store.account(named: name) else {
            _ = PasswordHasher.verify(password, against: hasher.decoy)
            try store.recordSecurity(kind: "login-unknown-name", account: nil, source: source, detail: nil)
            return .failure(.wrongCredentials)
        }
        if let locked = stored.lockedUntil, locked > now {
            try store.recordSecurity(kind: "login-while-locked", account: stored.name, source: source, detail: nil)
            return .failure(.locked(until: locked))
        }
        guard stored.disabledAt == nil, let role = AccountRole(rawValue: stored.role),
              PasswordHasher.verify(password, against: stored.passwordHash) else {
            if stored.disabledAt != nil || stored.passwordHash == "!" {
                try store.recordSecurity(kind: stored.disabledAt != nil ? "login-disabled" : "login-no-password", account: stored.name,
                                         source: source, detail: nil)
                return .failure(.wrongCredentials)
            }
            if let until = try store.recordFailedLogin(name: stored.name, threshold: lockThreshold, lockSeconds: lockSeconds, source: source) {
                return .failure(.locked(until: until))
            }
            return .failure(.wrongCredentials)
        }
        guard try store.recordLogin(name: stored.name, source: source) else {
            let until = try store.account(named: stored.name)?.lockedUntil ?? now.addingTimeInterval(lockSeconds)
            try store.recordSecurity(kind: "login-refused-locked", account: stored.name, source: source,
                                     detail: "right password after the account was locked")
            return .failure(.locked(until: until))
        }
        if hasher.isWeaker(stored.passwordHash) {
            try store.upgradePasswordHash(name: stored.name, from: stored.passwordHash, to: try hasher.hash(password))
            try store.recordSecurity(kind: "password-rehashed", account: stored.name, source: source,
                                     detail: "scrypt N=\(hasher.rounds)")
        }
        return .success(Account(name: stored.name, role: role))
    }

    /// 20 characters from an alphabet without look-alikes (100 bits), in groups of four.
    static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        var out = ""
        for i in 0..<20 {
            if i > 0 && i % 4 == 0 { out.append("-") }
            out.append(alphabet[Int(UInt8.random(in: 0...31, using: &rng))])
        }
        return out
    }

    static func digest(_ code: String) -> String {
        StreamingSHA256.digest(utf8: code.uppercased().filter { !$0.isWhitespace && $0 != "-" }).hex
    }
}

/// An account problem, in Dutch and English, saying what to do.
public struct AccountError: BilingualError {
    public let dutch: String
    public let english: String
    public init(nl: String, en: String) { dutch = nl; english = en }
}

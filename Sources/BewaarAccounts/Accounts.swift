import Foundation
import BewaarModel
import BewaarStore

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
    /// Wrong name or password (never says which).
    case wrongCredentials
    /// Too many failures; try again after this time.
    case locked(until: Date)
}

/// Accounts kept in the case store: adding them and checking logins, with a lock-out after
/// repeated failures.
public struct Accounts: Sendable {
    public let store: CaseStore
    public var hasher: PasswordHasher
    /// Failures in a row before the account is locked.
    public var lockThreshold = 5
    /// How long a lock lasts.
    public var lockSeconds: TimeInterval = 15 * 60

    public init(store: CaseStore, hasher: PasswordHasher = .standard) {
        self.store = store
        self.hasher = hasher
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10

    /// Adds (or resets) an account.
    public func add(name: String, role: AccountRole, password: String, actor: String) throws {
        guard password.count >= Self.minimumPasswordLength else {
            throw AccountError(nl: "Het wachtwoord is te kort: kies er een van minstens \(Self.minimumPasswordLength) tekens.",
                               en: "The password is too short: choose one of at least \(Self.minimumPasswordLength) characters.")
        }
        try store.saveAccount(name: name, role: role.rawValue, passwordHash: try hasher.hash(password), actor: actor)
    }

    /// Checks a login. Unknown names cost a hash as well, so timing does not tell which names exist.
    public func login(name: String, password: String, source: String) throws -> Result<Account, LoginFailure> {
        let stored = try store.account(named: name)
        if let locked = stored?.lockedUntil, locked > store.clock() {
            return .failure(.locked(until: locked))
        }
        guard let stored, let role = AccountRole(rawValue: stored.role),
              PasswordHasher.verify(password, against: stored.passwordHash) else {
            if stored == nil { _ = PasswordHasher.verify(password, against: Self.decoy) }
            if let until = try store.recordFailedLogin(name: stored?.name ?? name, threshold: lockThreshold,
                                                       lockSeconds: lockSeconds, source: source) {
                return .failure(.locked(until: until))
            }
            return .failure(.wrongCredentials)
        }
        try store.recordLogin(name: stored.name, source: source)
        return .success(Account(name: stored.name, role: role))
    }

    /// A hash of nothing in particular, verified for unknown names.
    static let decoy = "scrypt$32768$8$1$00000000000000000000000000000000$" + String(repeating: "0", count: 64)
}

/// An account problem, in Dutch and English, saying what to do.
public struct AccountError: Error, Sendable, LocalizedError, CustomStringConvertible {
    public let dutch: String
    public let english: String
    public init(nl: String, en: String) { dutch = nl; english = en }
    public var errorDescription: String? { dutch }
    public var description: String { english }
}

import Foundation
import Crypto
import _CryptoExtras

/// Password hashes with scrypt (swift-crypto's extras, BoringSSL underneath). The encoded
/// form carries its parameters and salt: `scrypt$N$r$p$salt-hex$hash-hex`, so stronger
/// parameters later still verify old hashes.
public struct PasswordHasher: Sendable {
    /// scrypt's cost parameter N (a power of two).
    public var rounds: Int
    public var blockSize: Int
    public var parallelism: Int

    /// The default: N = 2^17, r = 8, p = 1 (OWASP's current minimum for scrypt; 128 MiB of
    /// memory per hash, so the web interface runs at most a few at once).
    public static let standard = PasswordHasher(rounds: 1 << 17, blockSize: 8, parallelism: 1)
    /// Cheap parameters for tests only.
    public static let forTests = PasswordHasher(rounds: 1 << 10, blockSize: 8, parallelism: 1)

    public init(rounds: Int, blockSize: Int, parallelism: Int) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// Hashes `password` with a fresh 16-byte random salt.
    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        let key = try Self.derive(password, salt: salt, n: rounds, r: blockSize, p: parallelism)
        return "scrypt$\(rounds)$\(blockSize)$\(parallelism)$\(Hex.encode(salt))$\(Hex.encode(key))"
    }

    /// Whether `encoded` was made with weaker parameters than these (then it is replaced at the
    /// next successful login).
    public func isWeaker(_ encoded: String) -> Bool {
        let parts = encoded.split(separator: "$")
        guard parts.count == 6, let n = Int(parts[1]), let r = Int(parts[2]) else { return false }
        return n < rounds || (n == rounds && r < blockSize)
    }

    /// A hash of nothing in particular with these parameters, verified for unknown names so that
    /// they cost as much as known ones.
    public var decoy: String {
        "scrypt$\(rounds)$\(blockSize)$\(parallelism)$00000000000000000000000000000000$" + String(repeating: "0", count: 64)
    }

    /// Whether `password` matches `encoded` (constant-time comparison). A malformed hash never matches.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
              n >= 2, n & (n - 1) == 0, n <= 1 << 20, (1...32).contains(r), (1...16).contains(p),
              let salt = Hex.decode(parts[4]), let expected = Hex.decode(parts[5]), expected.count == 32,
              let key = try? derive(password, salt: salt, n: n, r: r, p: p) else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(key, expected) { diff |= a ^ b }
        return diff == 0
    }

    static func derive(_ password: String, salt: [UInt8], n: Int, r: Int, p: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 32,
                                           rounds: n, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Array($0) }
    }
}

/// Lower-case hex for salts and hashes.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            default: return nil
            }
        }
        var out = [UInt8]()
        var i = 0
        while i < u.count {
            guard let h = v(u[i]), let l = v(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }
}

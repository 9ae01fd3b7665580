#if canImport(Glibc)
import Glibc
#endif
import Crypto
import _CryptoExtras
import Foundation

/// Where the store's master key comes from: a key file kept outside the store folder, or a
/// passphrase given at start (stretched with scrypt and the store's salt).
public enum StoreKeySource: Sendable, Equatable {
    case keyFile(String)
    case passphrase(String)

    /// The key file a store uses when none is named: beside the store folder, never in it
    /// (`/srv/bewaar` → `/srv/bewaar.sleutel`).
    public static func defaultKeyFile(forStore path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p + ".sleutel"
    }
}

/// The store's master key: it wraps every case key and nothing else.
public struct MasterKey: Sendable {
    let key: SymmetricKey

    /// The first line of a key file.
    static let fileHeader = "bewaar-hoofdsleutel-1"
    /// scrypt's parameters for a passphrase: N = 2^17, r = 8, p = 1 (as for passwords).
    static let scryptRounds = 1 << 17

    init(key: SymmetricKey) { self.key = key }

    /// A new random master key.
    static func random() -> MasterKey { MasterKey(key: SymmetricKey(size: .bits256)) }

    /// Writes a new key file (mode 0600, never over an existing file).
    func write(toFile path: String) throws {
        let text = Self.fileHeader + "\n" + key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(
                .writeFailed,
                nl:
                    "Kan het sleutelbestand \(path) niet maken: \(String(cString: strerror(errno))). Bestaat het al? Kies dan een andere plek met --key-file.",
                en:
                    "Cannot create the key file \(path): \(String(cString: strerror(errno))). Does it exist already? Then choose another place with --key-file."
            )
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            unlink(path)
            throw StoreError(
                .writeFailed, nl: "Het sleutelbestand \(path) kon niet worden geschreven.",
                en: "The key file \(path) could not be written.")
        }
    }

    /// Reads a key file; refuses one that others may read.
    static func read(file path: String) throws -> MasterKey {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw StoreError(
                .keyMissing,
                nl:
                    "Deze opslag is versleuteld en het sleutelbestand \(path) ontbreekt. Geef het juiste bestand met --key-file (of BEWAAR_KEY_FILE), of de wachtwoordzin met BEWAAR_PASSPHRASE.",
                en:
                    "This store is encrypted and the key file \(path) is missing. Name the right file with --key-file (or BEWAAR_KEY_FILE), or give the passphrase in BEWAAR_PASSPHRASE."
            )
        }
        if st.st_mode & 0o077 != 0 {
            throw StoreError(
                .keyMissing,
                nl: "Het sleutelbestand \(path) is leesbaar voor anderen. Maak het privé: chmod 600 \(path).",
                en: "The key file \(path) can be read by others. Make it private: chmod 600 \(path).")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StoreError(.keyMissing, nl: "Het sleutelbestand \(path) is niet te lezen.", en: "The key file \(path) cannot be read.")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count >= 2, lines[0] == fileHeader, let raw = Data(base64Encoded: lines[1]), raw.count == 32 else {
            throw StoreError(.keyMissing, nl: "\(path) is geen Bewaar-sleutelbestand.", en: "\(path) is not a Bewaar key file.")
        }
        return MasterKey(key: SymmetricKey(data: raw))
    }

    /// The key a passphrase gives with this store's salt.
    static func derive(passphrase: String, salt: [UInt8], rounds: Int) throws -> MasterKey {
        guard passphrase.count >= 12 else {
            throw StoreError(.invalidValue, nl: "Een wachtwoordzin heeft minstens 12 tekens.", en: "A passphrase needs at least 12 characters.")
        }
        let key = try KDF.Scrypt.deriveKey(
            from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: 8,
            parallelism: 1)
        return MasterKey(key: key)
    }

    /// What the store keeps to recognise its master key: HMAC of a fixed text (it reveals nothing
    /// of the key).
    var check: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("bewaar hoofdsleutel controle".utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    private var wrapping: SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data("bewaar 1 wrapping".utf8), outputByteCount: 32)
    }

    /// A case key wrapped for `case_keys` (AES-256-GCM, the case id as associated data).
    func wrap(_ caseKey: CaseKey, caseID: String) -> [UInt8] {
        let box = caseKey.material.withUnsafeBytes { raw in
            try? AES.GCM.seal(raw, using: wrapping, authenticating: Data(caseID.utf8))
        }
        guard let combined = box?.combined else { preconditionFailure("AES-GCM failed to wrap a 32-byte key") }
        return [UInt8](combined)
    }

    /// The case key in `wrapped`, or nil when this master key does not open it.
    func unwrap(_ wrapped: [UInt8], caseID: String) -> CaseKey? {
        guard let box = try? AES.GCM.SealedBox(combined: wrapped),
            let raw = try? AES.GCM.open(box, using: wrapping, authenticating: Data(caseID.utf8)), raw.count == 32
        else { return nil }
        return CaseKey(material: SymmetricKey(data: raw))
    }
}

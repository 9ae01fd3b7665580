import Foundation
import GRDB

/// Opens many sealed values on one thread, for the record paths (the timeline, an item's
/// records, a bundle's JSON): the key of the case it opened last and libcrypto's contexts for it
/// are kept between values (see ``RecordCipher``), as the connection's `bw_open` kept them. Made
/// for one read and used by one thread; in a plain store every value is read as it is.
final class SealedOpener {
    private let keyring: CaseKeyring?
    private var reference: DatabaseValue = .null
    private var key: CaseKey?
    private let ciphers = ConnectionOpener()

    init(_ sealer: Sealer) { keyring = sealer.keyring }

    /// Whether the store seals (has keys).
    var seals: Bool { keyring != nil }

    /// The text of column `index` of `row`, for case `reference`: opened when sealed, as it is
    /// when TEXT, nil for NULL.
    func text(_ row: Row, _ index: Int, case reference: @autoclosure () -> DatabaseValue) throws -> String? {
        guard keyring != nil else { return row[index] }
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .null: return nil
        case .string(let s): return s
        case .blob(let data):
            guard data.withUnsafeBytes(SealedValue.isSealed) else { return String(decoding: data, as: UTF8.self) }
            return String(decoding: try data.withUnsafeBytes { try open($0, case: reference()) }, as: UTF8.self)
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        }
    }

    /// The plain bytes of the sealed value `bytes` (``SealedValue/isSealed(_:)``) of case `reference`.
    func open(_ bytes: UnsafeRawBufferPointer, case reference: @autoclosure () -> DatabaseValue) throws -> [UInt8] {
        guard let keyring else { throw Sealer.noKeyError }
        let ref = reference()
        let key: CaseKey
        if let known = self.key, ref == self.reference {
            key = known
        } else {
            key = try Sealer.key(keyring, ref)
            self.key = key
            self.reference = ref
        }
        guard let plain = ciphers.cipher(key)?.open(bytes) ?? SealedValue.open(bytes, with: key) else { throw Sealer.notOpening(ref) }
        return plain
    }
}

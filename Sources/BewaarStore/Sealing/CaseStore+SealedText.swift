import Foundation
import BewaarModel

extension CaseStore {
    /// `text` as a module keeps it outside the store's own SQL (a table in a database file of its
    /// own): sealed with case `id`'s key in an encrypted store (the bytes of ``SealedValue``), its
    /// UTF-8 bytes in a plain one. Destroying the case destroys its key, so what was sealed with
    /// it no longer opens anywhere.
    package func sealedText(_ text: String, case id: CaseID) throws -> Data {
        guard let key = try caseKey(id) else { return Data(text.utf8) }
        return Data(SealedValue.seal(text, with: key))
    }

    /// The text of ``sealedText(_:case:)``'s bytes; nil when they do not open (the case's key is
    /// gone, or they are not of this store).
    package func openedText(_ bytes: Data, case id: CaseID) -> String? {
        guard bytes.withUnsafeBytes(SealedValue.isSealed) else {
            return isEncrypted ? nil : String(decoding: bytes, as: UTF8.self)
        }
        guard let key = try? caseKey(id), let plain = bytes.withUnsafeBytes({ SealedValue.open($0, with: key) }) else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }
}

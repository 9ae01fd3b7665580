import Crypto
import Foundation

/// A case's own key and the keys derived from it (HKDF-SHA256, one label each): one seals the
/// case's text and originals (AES-256-GCM), one picks a sealed text's nonce from the text itself,
/// one names the case's search terms. Destroying a case destroys its key and with it every
/// copy of the case's text, wherever a backup of the store went (crypto-shredding).
public struct CaseKey: Sendable {
    /// The 32 random bytes stored (wrapped by the master key) in `case_keys`.
    let material: SymmetricKey
    let sealing: SymmetricKey
    /// HMAC over a text gives its nonce: equal texts of one case seal to equal bytes, so lookups
    /// by name and unique constraints keep working on sealed columns (what that lets a reader of
    /// the file learn is in the README: that two sealed values of one case are equal).
    let nonces: HMAC<SHA256>
    /// The key of ``nonces`` (for ``RecordCipher``, which keeps its own HMAC context).
    let nonceKey: SymmetricKey
    /// HMAC over a folded word gives the term the search index holds instead of the word.
    let terms: HMAC<SHA256>

    init(material: SymmetricKey) {
        self.material = material
        sealing = Self.derive(material, "bewaar 1 sealing")
        nonceKey = Self.derive(material, "bewaar 1 nonces")
        nonces = HMAC<SHA256>(key: nonceKey)
        terms = HMAC<SHA256>(key: Self.derive(material, "bewaar 1 search terms"))
    }

    /// A new random case key.
    static func random() -> CaseKey { CaseKey(material: SymmetricKey(size: .bits256)) }

    private static func derive(_ key: SymmetricKey, _ label: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(label.utf8), outputByteCount: 32)
    }
}

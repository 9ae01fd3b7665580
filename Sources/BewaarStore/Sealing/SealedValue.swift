import Crypto
import Foundation

/// The stored form of a sealed text: two marker bytes (`0xB5 0x01`: Bewaar, version 1), then
/// AES-256-GCM's nonce (12 bytes), ciphertext and tag (16 bytes). Stored as a BLOB; a column
/// that holds TEXT holds plain text (a store without encryption, or a value from before it).
public enum SealedValue {
    static let marker: [UInt8] = [0xB5, 0x01]
    /// Bytes a sealed value adds to its text.
    public static let overhead = 2 + 12 + 16

    /// Seals `plain` with the case's key; its nonce comes from the text (see ``CaseKey/nonces``).
    static func seal(_ plain: UnsafeRawBufferPointer, with key: CaseKey) -> [UInt8] {
        var mac = key.nonces
        mac.update(data: plain)
        let digest = mac.finalize()
        let nonceBytes = digest.withUnsafeBytes { Array($0.prefix(12)) }
        // The nonce is 12 bytes and the key 32: neither call can fail.
        guard let nonce = try? AES.GCM.Nonce(data: nonceBytes),
            let box = try? AES.GCM.seal(plain, using: key.sealing, nonce: nonce)
        else { preconditionFailure("AES-GCM refused a 12-byte nonce") }
        var out = marker
        out.reserveCapacity(overhead + plain.count)
        out.append(contentsOf: nonceBytes)
        out.append(contentsOf: box.ciphertext)
        out.append(contentsOf: box.tag)
        return out
    }

    static func seal(_ text: String, with key: CaseKey) -> [UInt8] {
        var t = text
        return t.withUTF8 { seal(UnsafeRawBufferPointer($0), with: key) }
    }

    /// Whether these stored bytes are a sealed value.
    static func isSealed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= overhead && bytes[0] == marker[0] && bytes[1] == marker[1]
    }

    /// The plain bytes of a sealed value, or nil when it is not one or the key does not open it.
    static func open(_ bytes: UnsafeRawBufferPointer, with key: CaseKey) -> [UInt8]? {
        guard isSealed(bytes), let nonce = try? AES.GCM.Nonce(data: bytes[2..<14]),
            let box = try? AES.GCM.SealedBox(nonce: nonce, ciphertext: bytes[14..<(bytes.count - 16)], tag: bytes[(bytes.count - 16)...]),
            let plain = try? AES.GCM.open(box, using: key.sealing)
        else { return nil }
        return [UInt8](plain)
    }
}

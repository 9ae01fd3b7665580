import CBewaarLibcrypto
import Crypto

/// Seals texts exactly as ``SealedValue/seal(_:with:)`` does — the same AES-256-GCM, the same
/// nonce (HMAC-SHA256 of the text), the same bytes — through OpenSSL's libcrypto with the key
/// schedules kept between calls. swift-crypto sets both keys up again for every value, which made
/// sealing half of an encrypted ingest's reading thread. One per thread (the contexts are not
/// shared); the tests check its output against ``SealedValue`` byte for byte.
final class RecordCipher {
    private let gcm: OpaquePointer
    private let gcmOpen: OpaquePointer
    private let mac: OpaquePointer
    /// The HMAC of the text being sealed (its first 12 bytes are the nonce).
    private let digest = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)

    /// Nil when libcrypto cannot set up either key (the caller then seals with swift-crypto).
    init?(key: CaseKey) {
        let gcm = key.sealing.withUnsafeBytes { k in k.baseAddress.flatMap { bw_gcm_new($0.assumingMemoryBound(to: UInt8.self), 1) } }
        let mac = key.nonceKey.withUnsafeBytes { k in
            k.baseAddress.flatMap { bw_hmac_new($0.assumingMemoryBound(to: UInt8.self), k.count) }
        }
        let gcmOpen = key.sealing.withUnsafeBytes { k in k.baseAddress.flatMap { bw_gcm_new($0.assumingMemoryBound(to: UInt8.self), 0) } }
        guard let gcm, let gcmOpen, let mac else {
            if let gcm { EVP_CIPHER_CTX_free(gcm) }
            if let gcmOpen { EVP_CIPHER_CTX_free(gcmOpen) }
            if let mac { EVP_MAC_CTX_free(mac) }
            return nil
        }
        self.gcm = gcm
        self.gcmOpen = gcmOpen
        self.mac = mac
    }

    deinit {
        EVP_CIPHER_CTX_free(gcm)
        EVP_CIPHER_CTX_free(gcmOpen)
        EVP_MAC_CTX_free(mac)
        digest.deallocate()
    }

    /// Appends the sealed form of `plain` (``SealedValue``'s layout) to `out`; false, with `out`
    /// as it was, when libcrypto refused (the caller then seals with swift-crypto).
    func seal(_ plain: UnsafeRawBufferPointer, appendingTo out: inout [UInt8]) -> Bool {
        guard plain.count <= Int(Int32.max) - SealedValue.overhead else { return false }
        let start = out.count
        let n = plain.count
        out.append(contentsOf: repeatElement(0, count: SealedValue.overhead + n))
        let done = out.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress?.advanced(by: start) else { return false }
            base[0] = SealedValue.marker[0]
            base[1] = SealedValue.marker[1]
            let input = plain.baseAddress?.assumingMemoryBound(to: UInt8.self)
            // The nonce: the first 12 bytes of the text's HMAC.
            guard bw_hmac_sha256(mac, input, n, digest) == 1 else { return false }
            (base + 2).update(from: digest, count: 12)
            return bw_gcm_seal(gcm, base + 2, input, Int32(n), base + 14, base + 14 + n) == 1
        }
        if !done { out.removeSubrange(start...) }
        return done
    }

    /// The plain bytes of a sealed value (``SealedValue``'s layout), or nil when it is not one or
    /// its tag does not check out with this key.
    func open(_ sealed: UnsafeRawBufferPointer) -> [UInt8]? {
        guard SealedValue.isSealed(sealed), let base = sealed.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let n = sealed.count - SealedValue.overhead
        guard n <= Int(Int32.max) else { return nil }
        var plain = [UInt8](repeating: 0, count: n)
        let ok = plain.withUnsafeMutableBufferPointer { out in
            // An empty text has no bytes to write: any address will do.
            bw_gcm_open(gcmOpen, base + 2, base + 14, Int32(n), base + 14 + n, out.baseAddress ?? digest) == 1
        }
        return ok ? plain : nil
    }
}

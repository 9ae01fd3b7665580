import CBewaarLibcrypto

/// An incremental SHA-512 on the system's OpenSSL (libcrypto EVP), which uses the CPU's vector
/// units where swift-crypto's BoringSSL falls back to generic code. Owns its EVP context.
final class FastSHA512 {
    private let context: OpaquePointer

    init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha512(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The digest as 128 lower-case hex digits.
    func finalizeHex() -> String {
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &out, &length)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(128)
        for b in out.prefix(Int(length)) { hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 0x0F)]) }
        return String(decoding: hex, as: UTF8.self)
    }
}

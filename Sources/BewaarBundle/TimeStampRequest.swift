import BewaarModel

/// An RFC 3161 `TimeStampReq` in DER for a SHA-256 digest: version 1, the message imprint,
/// `certReq` TRUE and no nonce (so the same bag always gives the same request). The same
/// bytes as `openssl ts -query -digest HEX -sha256 -cert -no_nonce`.
public enum TimeStampRequest {
    public static func der(sha256: SHA256Digest) -> [UInt8] {
        var digest: [UInt8] = []
        var it = Array(sha256.hex.utf8).makeIterator()
        func nibble(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : c - 0x61 + 10 }
        while let hi = it.next(), let lo = it.next() { digest.append(nibble(hi) << 4 | nibble(lo)) }
        let sha256OID: [UInt8] = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
        let algorithm: [UInt8] = [0x30, UInt8(sha256OID.count + 2)] + sha256OID + [0x05, 0x00]
        let imprintBody = algorithm + [0x04, 0x20] + digest
        let imprint: [UInt8] = [0x30, UInt8(imprintBody.count)] + imprintBody
        let body: [UInt8] = [0x02, 0x01, 0x01] + imprint + [0x01, 0x01, 0xFF]
        return [0x30, UInt8(body.count)] + body
    }
}

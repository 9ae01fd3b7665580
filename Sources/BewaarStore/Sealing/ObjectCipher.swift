#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Foundation

/// How an encrypted store keeps an original: a 32-byte header (`BWOBJ`, version, chunk size,
/// the file's nonce prefix, the plain size), then the bytes in chunks of 64 KiB, each sealed with
/// AES-256-GCM under the original's own random key (nonce: the prefix and the chunk's number;
/// associated data: the prefix and whether it is the last chunk, so a cut-off or reordered file
/// does not open). The original's key is wrapped by the key of every case that holds it
/// (`object_keys`): destroying the last such case destroys the original's key too.
enum ObjectCipher {
    static let magic: [UInt8] = [0x42, 0x57, 0x4F, 0x42, 0x4A, 0xB5, 0x01, 0x00]
    static let headerSize = 32
    static let chunkSize = 64 * 1024
    static let tagSize = 16

    static func header(prefix: [UInt8], plainSize: UInt64) -> [UInt8] {
        var h = magic
        withUnsafeBytes(of: UInt32(chunkSize).bigEndian) { h.append(contentsOf: $0) }
        h.append(contentsOf: prefix)
        withUnsafeBytes(of: plainSize.bigEndian) { h.append(contentsOf: $0) }
        h.append(contentsOf: [0, 0, 0, 0])
        return h
    }

    /// Whether the file open in `fd` starts with an encrypted original's header (read from its
    /// start; the position is left after the header).
    static func startsSealed(_ fd: Int32) -> Bool {
        var head = [UInt8](repeating: 0, count: headerSize)
        lseek(fd, 0, SEEK_SET)
        return readFully(fd, &head, headerSize) == headerSize && head.withUnsafeBytes(isSealed)
    }

    /// Whether a file's first bytes are an encrypted original's header.
    static func isSealed(_ first: UnsafeRawBufferPointer) -> Bool {
        first.count >= headerSize && first.prefix(magic.count).elementsEqual(magic)
    }

    static func nonce(_ prefix: [UInt8], _ index: UInt32) -> AES.GCM.Nonce {
        var n = prefix
        withUnsafeBytes(of: index.bigEndian) { n.append(contentsOf: $0) }
        guard let nonce = try? AES.GCM.Nonce(data: n) else { preconditionFailure("a 12-byte nonce") }
        return nonce
    }

    static func associated(_ prefix: [UInt8], final: Bool) -> [UInt8] { prefix + [final ? 1 : 0] }

    /// Opens the encrypted original in `fd` (read from its start) and hands its plain bytes to
    /// `body`, chunk by chunk; throws when a chunk does not open (damaged, or the wrong key).
    static func open(fd: Int32, key: SymmetricKey, name: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var head = [UInt8](repeating: 0, count: headerSize)
        guard readFully(fd, &head, headerSize) == headerSize, head.withUnsafeBytes(isSealed) else { throw damaged(name) }
        let prefix = Array(head[12..<20])
        let stride = chunkSize + tagSize
        var buffer = [UInt8](repeating: 0, count: stride + 1)
        var carried = 0  // the byte read past a full chunk, to know whether it was the last
        var index: UInt32 = 0
        while true {
            let n = carried + readFully(fd, &buffer, stride + 1 - carried, at: carried)
            let final = n <= stride
            let length = final ? n : stride
            guard length >= tagSize else { throw damaged(name) }
            let box = try? AES.GCM.SealedBox(
                nonce: nonce(prefix, index), ciphertext: buffer[0..<(length - tagSize)],
                tag: buffer[(length - tagSize)..<length])
            guard let box, let plain = try? AES.GCM.open(box, using: key, authenticating: associated(prefix, final: final)) else {
                throw damaged(name)
            }
            try plain.withUnsafeBytes { try body($0) }
            if final { return }
            buffer[0] = buffer[stride]
            carried = 1
            index += 1
        }
    }

    static func damaged(_ name: String) -> StoreError {
        StoreError(
            .damagedRow,
            nl: "Het versleutelde origineel \(name) gaat niet open: het is beschadigd of hoort niet bij deze sleutel. Voer `bewaar check` uit.",
            en: "The encrypted original \(name) does not open: it is damaged or does not belong to this key. Run `bewaar check`.")
    }

    /// Reads up to `count` bytes into `buffer` from `offset` on; fewer only at the end of the file.
    static func readFully(_ fd: Int32, _ buffer: inout [UInt8], _ count: Int, at offset: Int = 0) -> Int {
        var done = 0
        buffer.withUnsafeMutableBytes { b in
            while done < count {
                let r = read(fd, b.baseAddress! + offset + done, count - done)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                done += r
            }
        }
        return done
    }
}

/// Seals an original as it is written (see ``ObjectCipher``): full chunks as they fill, the last
/// one at ``finish()``.
struct ObjectSealer {
    let key: SymmetricKey
    private let prefix: [UInt8]
    private var pending: [UInt8] = []
    private var index: UInt32 = 0
    private(set) var plainSize: UInt64 = 0

    init(key: SymmetricKey) {
        self.key = key
        var rng = SystemRandomNumberGenerator()
        prefix = (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
        pending.reserveCapacity(ObjectCipher.chunkSize)
    }

    /// The header, written before the first chunk (its size field is filled in at the end).
    var header: [UInt8] { ObjectCipher.header(prefix: prefix, plainSize: plainSize) }

    /// Takes plain bytes; gives the sealed chunks that are complete (a full chunk is kept until
    /// more bytes show it is not the last).
    mutating func add(_ bytes: UnsafeRawBufferPointer, _ emit: ([UInt8]) throws -> Void) rethrows {
        plainSize += UInt64(bytes.count)
        var rest = bytes[...]
        while !rest.isEmpty {
            if pending.count == ObjectCipher.chunkSize {
                try emit(seal(final: false))
            }
            let take = min(ObjectCipher.chunkSize - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
        }
    }

    /// The last chunk (possibly empty).
    mutating func finish() -> [UInt8] { seal(final: true) }

    private mutating func seal(final: Bool) -> [UInt8] {
        let box = try? AES.GCM.seal(
            pending, using: key, nonce: ObjectCipher.nonce(prefix, index),
            authenticating: ObjectCipher.associated(prefix, final: final))
        guard let box else { preconditionFailure("AES-GCM failed to seal a chunk") }
        pending.removeAll(keepingCapacity: true)
        index += 1
        return [UInt8](box.ciphertext) + [UInt8](box.tag)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarDigest

/// The staging thread's work on one staged file: SHA-256, SHA-512 and CRC-32 of its bytes, and
/// raw deflate into its staging file — at level 1 once the file passes 64 KiB (known as soon
/// as its first full piece arrives), at the writer's level for a smaller file (known when it
/// ends). Used on the staging thread only.
final class StagedCompression: @unchecked Sendable {
    private let path: String
    private var fd: Int32
    private var h256 = StreamingSHA256()
    private let h512 = FastSHA512()
    private var crc = CRC32()
    private var deflater: Deflater?
    private let smallFileLevel: Int32
    private var size: Int64 = 0
    private var compressed: Int64 = 0

    init(path: String, smallFileLevel: Int32) throws {
        self.path = path
        self.smallFileLevel = smallFileLevel
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BundleError.io(path, errno, writing: true) }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// One piece of the file, in order; `last` with the file's whole size.
    func consume(_ piece: [UInt8], last: Bool, totalIfLast total: Int64) throws {
        if deflater == nil {
            // The level ``BundleBuilder`` chose when it deflated staged files itself.
            let whole = last ? total : Int64.max
            deflater = try Deflater(level: whole >= 1 << 16 ? BundleBuilder.originalsLevel : smallFileLevel)
        }
        try piece.withUnsafeBytes { b in
            h256.update(b)
            h512.update(b)
            crc.update(b)
            size += Int64(b.count)
            try deflater!.compress(b, finish: last) { out in
                try writeAll(fd, out, path: path)
                compressed += Int64(out.count)
            }
        }
    }

    /// Closes the staging file and says what it holds.
    func finish() throws -> PayloadStaging.Staged {
        guard fd >= 0 else { throw BundleError.io(path, EBADF, writing: true) }
        Glibc.close(fd)
        fd = -1
        return PayloadStaging.Staged(file: path, size: size, sha256: h256.finalize().hex, sha512: h512.finalizeHex(),
                                     crc: crc.value, compressedSize: compressed)
    }

    /// Closes and deletes the staging file of a write that failed.
    func abandon() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        unlink(path)
    }
}

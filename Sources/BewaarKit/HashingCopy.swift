#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel
import BewaarDigest
import BewaarStore

/// Copies one file byte for byte, hashing on the way: written to `to + ".tmp"`, fsynced, given
/// its mode and renamed into place, so a copy exists whole or not at all. Never interprets the
/// bytes (an object may be encrypted).
enum HashingCopy {
    /// Copies `from` to `to` (which must not exist) and returns the SHA-256 and size of the bytes copied.
    static func copy(from: String, to: String, mode: mode_t) throws -> (digest: SHA256Digest, size: Int64) {
        let tmp = to + ".tmp"
        unlink(tmp)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(writing: tmp) }
        var hash = StreamingSHA256()
        do {
            defer { close(fd) }
            let reader = try FileReader(path: from)
            try reader.forEachChunk { chunk in
                hash.update(chunk)
                var done = 0
                while done < chunk.count {
                    guard let base = chunk.baseAddress else { break }
                    let n = write(fd, base + done, chunk.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw failure(writing: tmp)
                    }
                    done += n
                }
            }
            guard fsync(fd) == 0 else { throw failure(writing: tmp) }
        } catch {
            unlink(tmp)
            if let e = error as? KitError { throw e }
            throw KitError(nl: "\(from) kan niet worden gelezen (\(error)).", en: "\(from) cannot be read (\(error)).")
        }
        fchmodat(AT_FDCWD, tmp, mode, 0)
        guard rename(tmp, to) == 0 else {
            unlink(tmp)
            throw failure(writing: to)
        }
        return (hash.finalize(), hash.byteCount)
    }

    /// Makes the folder that will hold `path` (0700) and fsyncs it after.
    static func folder(of path: String) throws {
        try PrivateMode.makeFolder((path as NSString).deletingLastPathComponent)
    }

    /// Makes a directory's entries durable.
    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    static func failure(writing path: String) -> KitError {
        let reason = String(cString: strerror(errno))
        return KitError(nl: "Kan niet schrijven naar \(path): \(reason).", en: "Cannot write to \(path): \(reason).")
    }
}

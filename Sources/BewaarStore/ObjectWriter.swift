#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import BewaarModel
import BewaarDigest

/// Writes one object: bytes go to a temporary file while they are hashed; ``commit()`` fsyncs
/// and renames it to its content address.
public final class ObjectWriter {
    private let store: ObjectStore
    private let tmpPath: String
    private var fd: Int32
    private var hash = StreamingSHA256()
    /// Seals the bytes in an encrypted store.
    private var sealer: ObjectSealer?

    init(store: ObjectStore) throws {
        self.store = store
        if store.keys.isEncrypted { sealer = ObjectSealer(key: SymmetricKey(size: .bits256)) }
        self.tmpPath = store.tmp + "/obj-" + UUID().uuidString
        fd = open(tmpPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(
                .writeFailed, nl: "Kan niet schrijven in \(store.tmp): \(String(cString: strerror(errno))).",
                en: "Cannot write in \(store.tmp): \(String(cString: strerror(errno))).")
        }
    }

    deinit {
        if fd >= 0 { close(fd); unlink(tmpPath) }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= Self.hashedAlongside else {
            hash.update(bytes)
            return try writeOut(bytes)
        }
        // A large chunk (an original copied in): hashed on a second core while it goes out.
        // The two halves touch different fields (`hash`; `sealer` and the file), and both are
        // done when `concurrentPerform` returns, while `bytes` is still valid.
        let failure = Failure()
        nonisolated(unsafe) let writer = self
        nonisolated(unsafe) let chunk = bytes
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                writer.hash.update(chunk)
            } else {
                do { try writer.writeOut(chunk) } catch { failure.error = error }
            }
        }
        if let error = failure.error { throw error }
    }

    /// Chunks from this size on are hashed beside their writing (``write(_:)``): the original's
    /// 1 MB chunks, not the small pieces of archive members.
    static let hashedAlongside = 256 * 1024

    /// What the writing half of ``write(_:)`` threw.
    private final class Failure: @unchecked Sendable { var error: (any Error)? }

    /// Writes bytes already hashed: sealed in an encrypted store.
    private func writeOut(_ bytes: UnsafeRawBufferPointer) throws {
        if sealer != nil {
            if sealer?.plainSize == 0, let header = sealer?.header { try header.withUnsafeBytes { try writeRaw($0) } }
            try sealer?.add(bytes) { chunk in try chunk.withUnsafeBytes { try writeRaw($0) } }
            return
        }
        try writeRaw(bytes)
    }

    private func writeRaw(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(
                    .writeFailed, nl: "Schrijven in de opslag mislukt: \(String(cString: strerror(errno))).",
                    en: "Writing to the store failed: \(String(cString: strerror(errno))).")
            }
            done += n
        }
    }

    /// Makes the object durable under its digest and returns digest and size. When the object
    /// already exists, the new copy is dropped (same bytes, same name).
    public func commit() throws -> (digest: BewaarModel.SHA256Digest, size: Int64) {
        let digest = hash.finalize()
        let size = hash.byteCount
        if var sealer {
            if sealer.plainSize == 0 { try sealer.header.withUnsafeBytes { try writeRaw($0) } }
            try sealer.finish().withUnsafeBytes { try writeRaw($0) }
            let header = sealer.header
            guard pwrite(fd, header, header.count, 0) == header.count else {
                throw StoreError(.writeFailed, nl: "Schrijven in de opslag mislukt.", en: "Writing to the store failed.")
            }
            self.sealer = sealer
        }
        guard fsync(fd) == 0 else {
            throw StoreError(
                .writeFailed, nl: "De opslag kon het bestand niet veilig wegschrijven (fsync).",
                en: "The store could not make the file durable (fsync).")
        }
        let final = store.path(for: digest)
        let dir = (final as NSString).deletingLastPathComponent
        if mkdir(dir, 0o700) != 0 && errno != EEXIST {
            abandon()
            throw StoreError(.writeFailed, nl: "Kan map \(dir) niet maken.", en: "Cannot create folder \(dir).")
        }
        if let key = sealer?.key {
            try placeSealed(digest, key: key, at: final)
        } else if FileManager.default.fileExists(atPath: final) {
            abandon()
        } else {
            close(fd)
            fd = -1
            try place(at: final)
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
        return (digest, size)
    }

    /// Renames the temporary file to its content address.
    private func place(at final: String) throws {
        chmod(tmpPath, 0o400)
        guard rename(tmpPath, final) == 0 else {
            unlink(tmpPath)
            throw StoreError(
                .writeFailed, nl: "Kan het origineel niet op zijn plaats zetten in \((final as NSString).deletingLastPathComponent).",
                en: "Cannot move the original into place in \((final as NSString).deletingLastPathComponent).")
        }
    }

    /// Puts a sealed copy in place unless the store can already open the one it has. Every
    /// server and process sharing the folder decides under one lock (``ObjectKeys/placing(_:_:)``),
    /// and a placed copy stays locked (`flock`) until the ingest that made it has recorded its key
    /// or failed: a copy found without a recorded key is either still being recorded (wait for
    /// its lock) or left by a writer that stopped (replace it). So two ingests of the same bytes
    /// at once never leave the file sealed with a key that no case records.
    private func placeSealed(_ digest: BewaarModel.SHA256Digest, key: SymmetricKey, at final: String) throws {
        let deadline = Date().addingTimeInterval(ObjectKeys.placingPatience)
        while true {
            let decision = try store.keys.placing(digest, lockFile: store.tmp + "/plaatsen.lock") { claims -> ObjectKeys.Placing in
                let exists = FileManager.default.fileExists(atPath: final)
                if let claim = claims[digest] {
                    if exists {
                        claims[digest]?.holders += 1
                        return .drop
                    }
                    // A claim whose copy is gone (its case was destroyed): forgotten, and this copy placed.
                    close(claim.lock)
                    claims[digest] = nil
                }
                if exists {
                    if store.keys.recorded(digest) { return .drop }
                    // Without a recorded key: is its writer still at work?
                    let other = open(final, O_RDONLY | O_CLOEXEC)
                    if other >= 0 {
                        defer { close(other) }
                        if flock(other, LOCK_EX | LOCK_NB) != 0 { return .wait }
                    }
                }
                guard flock(fd, LOCK_SH) == 0 else { return .wait }
                try place(at: final)
                claims[digest] = ObjectKeys.Claim(key: key, lock: fd)
                fd = -1
                return .placed
            }
            switch decision {
            case .placed: return
            case .drop:
                abandon()
                return
            case .wait:
                guard Date() < deadline else {
                    abandon()
                    throw StoreError(
                        .writeFailed,
                        nl:
                            "Hetzelfde bestand wordt op dit moment door een ander proces opgeslagen. Probeer het over een minuut opnieuw; er is niets vastgelegd.",
                        en: "Another process is storing the same file right now. Try again in a minute; nothing was recorded.")
                }
                usleep(50_000)
            }
        }
    }

    /// Drops the temporary file.
    public func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(tmpPath)
    }
}

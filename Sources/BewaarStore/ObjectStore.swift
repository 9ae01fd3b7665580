#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel
import BewaarDigest

/// The content-addressed folder of originals: `objects/ab/cdef…` by SHA-256. Bytes are written
/// to a temporary file, fsynced and renamed into place, so an object either exists whole or not
/// at all. Nothing ever rewrites an object.
public struct ObjectStore: Sendable {
    public let root: String
    let tmp: String

    init(root: String, tmp: String) {
        self.root = root
        self.tmp = tmp
    }

    /// The path of the object with this digest (whether or not it exists).
    public func path(for digest: SHA256Digest) -> String {
        let hex = digest.hex
        return root + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    public func contains(_ digest: SHA256Digest) -> Bool {
        FileManager.default.fileExists(atPath: path(for: digest))
    }

    /// Copies a file into the store, hashing it on the way; returns its digest and size.
    public func put(file: String) throws -> (digest: SHA256Digest, size: Int64) {
        let w = try ObjectWriter(store: self)
        do {
            let reader = try FileReader(path: file)
            try reader.forEachChunk { try w.write($0) }
            return try w.commit()
        } catch {
            w.abandon()
            throw error
        }
    }

    /// Starts a new object written in chunks (archive members, attachments).
    public func writer() throws -> ObjectWriter { try ObjectWriter(store: self) }

    /// Every object digest present on disk (for orphan checks).
    public func allDigests() -> [SHA256Digest] {
        let fm = FileManager.default
        var out: [SHA256Digest] = []
        for dir in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where dir.count == 2 {
            for file in (try? fm.contentsOfDirectory(atPath: root + "/" + dir)) ?? [] {
                if let d = SHA256Digest(hex: dir + file) { out.append(d) }
            }
        }
        return out.sorted()
    }
}

/// Writes one object: bytes go to a temporary file while they are hashed; ``commit()`` fsyncs
/// and renames it to its content address.
public final class ObjectWriter {
    private let store: ObjectStore
    private let tmpPath: String
    private var fd: Int32
    private var hash = StreamingSHA256()

    init(store: ObjectStore) throws {
        self.store = store
        self.tmpPath = store.tmp + "/obj-" + UUID().uuidString
        fd = open(tmpPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(.writeFailed, nl: "Kan niet schrijven in \(store.tmp): \(String(cString: strerror(errno))).",
                             en: "Cannot write in \(store.tmp): \(String(cString: strerror(errno))).")
        }
    }

    deinit {
        if fd >= 0 { close(fd); unlink(tmpPath) }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        hash.update(bytes)
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(.writeFailed, nl: "Schrijven in de opslag mislukt: \(String(cString: strerror(errno))).",
                                 en: "Writing to the store failed: \(String(cString: strerror(errno))).")
            }
            done += n
        }
    }

    /// Makes the object durable under its digest and returns digest and size. When the object
    /// already exists, the new copy is dropped (same bytes, same name).
    public func commit() throws -> (digest: SHA256Digest, size: Int64) {
        let digest = hash.finalize()
        let size = hash.byteCount
        guard fsync(fd) == 0 else {
            throw StoreError(.writeFailed, nl: "De opslag kon het bestand niet veilig wegschrijven (fsync).",
                             en: "The store could not make the file durable (fsync).")
        }
        close(fd)
        fd = -1
        let final = store.path(for: digest)
        if FileManager.default.fileExists(atPath: final) {
            unlink(tmpPath)
            return (digest, size)
        }
        let dir = (final as NSString).deletingLastPathComponent
        if mkdir(dir, 0o700) != 0 && errno != EEXIST {
            unlink(tmpPath)
            throw StoreError(.writeFailed, nl: "Kan map \(dir) niet maken.", en: "Cannot create folder \(dir).")
        }
        chmod(tmpPath, 0o400)
        guard rename(tmpPath, final) == 0 else {
            unlink(tmpPath)
            throw StoreError(.writeFailed, nl: "Kan het origineel niet op zijn plaats zetten in \(dir).",
                             en: "Cannot move the original into place in \(dir).")
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
        return (digest, size)
    }

    /// Drops the temporary file.
    public func abandon() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(tmpPath)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import BewaarModel
import BewaarDigest

/// The content-addressed folder of originals: `objects/ab/cdef…` by SHA-256. Bytes are written
/// to a temporary file, fsynced and renamed into place, so an object either exists whole or not
/// at all. Nothing ever rewrites an object.
///
/// In an encrypted store each object is sealed with a key of its own (``ObjectCipher``); its name
/// stays the SHA-256 of the plain bytes. Read one through ``CaseStore/withOriginal(_:_:)``.
public struct ObjectStore: Sendable {
    public let root: String
    let tmp: String
    let keys: ObjectKeys

    init(root: String, tmp: String, keys: ObjectKeys = ObjectKeys(sealing: SealFunctions(keyring: nil))) {
        self.root = root
        self.tmp = tmp
        self.keys = keys
    }

    /// The path of the object with this digest (whether or not it exists).
    public func path(for digest: BewaarModel.SHA256Digest) -> String {
        let hex = digest.hex
        return root + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    public func contains(_ digest: BewaarModel.SHA256Digest) -> Bool {
        FileManager.default.fileExists(atPath: path(for: digest))
    }

    /// Copies a file into the store, hashing it on the way; returns its digest and size.
    public func put(file: String) throws -> (digest: BewaarModel.SHA256Digest, size: Int64) {
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

    /// Writes a sealed copy of a plain object beside the store's files (in `tmp/`); returns its
    /// path and the key it was sealed with (see ``CaseStore/encrypt(with:actor:)``).
    func sealCopy(of digest: BewaarModel.SHA256Digest) throws -> (path: String, key: SymmetricKey) {
        let key = SymmetricKey(size: .bits256)
        return (try sealCopy(ofFile: path(for: digest), key: key), key)
    }

    /// Writes a sealed copy of the file at `source` into `tmp/` and returns its path.
    func sealCopy(ofFile source: String, key: SymmetricKey) throws -> String {
        var sealer = ObjectSealer(key: key)
        let out = tmp + "/sealed-" + UUID().uuidString
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(.writeFailed, nl: "Kan niet schrijven in \(tmp).", en: "Cannot write in \(tmp).")
        }
        defer { close(fd) }
        func put(_ bytes: [UInt8]) throws {
            guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
                unlink(out)
                throw StoreError(.writeFailed, nl: "Schrijven in de opslag mislukt.", en: "Writing to the store failed.")
            }
        }
        try put(sealer.header)
        let reader = try FileReader(path: source)
        try reader.forEachChunk { bytes in try sealer.add(bytes) { try put($0) } }
        try put(sealer.finish())
        let header = sealer.header
        guard pwrite(fd, header, header.count, 0) == header.count, fsync(fd) == 0 else {
            unlink(out)
            throw StoreError(.writeFailed, nl: "Schrijven in de opslag mislukt.", en: "Writing to the store failed.")
        }
        return out
    }

    /// Puts a sealed copy in the place of its object.
    func replace(_ digest: BewaarModel.SHA256Digest, with sealed: String) throws {
        chmod(sealed, 0o400)
        guard rename(sealed, path(for: digest)) == 0 else {
            throw StoreError(
                .writeFailed, nl: "Kan het versleutelde origineel niet op zijn plaats zetten.",
                en: "Cannot move the encrypted original into place.")
        }
    }

    /// Every object digest present on disk (for orphan checks).
    public func allDigests() -> [BewaarModel.SHA256Digest] {
        let fm = FileManager.default
        var out: [BewaarModel.SHA256Digest] = []
        for dir in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where dir.count == 2 {
            for file in (try? fm.contentsOfDirectory(atPath: root + "/" + dir)) ?? [] {
                if let d = BewaarModel.SHA256Digest(hex: dir + file) { out.append(d) }
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
    /// Seals the bytes in an encrypted store.
    private var sealer: ObjectSealer?

    init(store: ObjectStore) throws {
        self.store = store
        if store.keys.isEncrypted { sealer = ObjectSealer(key: SymmetricKey(size: .bits256)) }
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
                throw StoreError(.writeFailed, nl: "Schrijven in de opslag mislukt: \(String(cString: strerror(errno))).",
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
            throw StoreError(.writeFailed, nl: "De opslag kon het bestand niet veilig wegschrijven (fsync).",
                             en: "The store could not make the file durable (fsync).")
        }
        close(fd)
        fd = -1
        let final = store.path(for: digest)
        // An encrypted store drops the new copy only when it can open the one it has.
        let exists = FileManager.default.fileExists(atPath: final)
        let place = sealer.map { store.keys.claim(digest, key: $0.key, fileExists: exists) } ?? !exists
        if !place {
            unlink(tmpPath)
            return (digest, size)
        }
        let dir = (final as NSString).deletingLastPathComponent
        // A copy that could not be put in place gives its claim back.
        if mkdir(dir, 0o700) != 0 && errno != EEXIST {
            unlink(tmpPath)
            if sealer != nil { store.keys.settle([digest]) }
            throw StoreError(.writeFailed, nl: "Kan map \(dir) niet maken.", en: "Cannot create folder \(dir).")
        }
        chmod(tmpPath, 0o400)
        guard rename(tmpPath, final) == 0 else {
            unlink(tmpPath)
            if sealer != nil { store.keys.settle([digest]) }
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

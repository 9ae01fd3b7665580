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

    /// Writes a copy of the file at `source`, byte for byte, into `tmp/` (fsynced) and returns
    /// its path: an original sealed by another store of the same keys (``CaseStore/moveIn(from:actor:hooks:)``).
    func copy(ofFile source: String) throws -> String {
        let out = tmp + "/copy-" + UUID().uuidString
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(.writeFailed, nl: "Kan niet schrijven in \(tmp).", en: "Cannot write in \(tmp).")
        }
        defer { close(fd) }
        do {
            let reader = try FileReader(path: source)
            try reader.forEachChunk { bytes in
                guard Glibc.write(fd, bytes.baseAddress, bytes.count) == bytes.count else {
                    throw StoreError(.writeFailed, nl: "Schrijven in \(tmp) mislukt.", en: "Writing in \(tmp) failed.")
                }
            }
            guard fsync(fd) == 0 else {
                throw StoreError(.writeFailed, nl: "Schrijven in \(tmp) mislukt.", en: "Writing in \(tmp) failed.")
            }
        } catch {
            unlink(out)
            throw error
        }
        return out
    }

    /// Puts a copy written into `tmp/` (``copy(ofFile:)``, ``sealCopy(ofFile:key:)``) in the place
    /// of object `digest`, read-only, and makes its folder's entry durable.
    func place(_ staged: String, as digest: BewaarModel.SHA256Digest) throws {
        let final = path(for: digest)
        let folder = (final as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try replace(digest, with: staged)
        let dfd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
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

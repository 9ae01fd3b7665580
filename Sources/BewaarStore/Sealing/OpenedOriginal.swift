#if canImport(Glibc)
import Glibc
#endif
import CBewaarMemoryFile
import Foundation
import BewaarModel

/// The plain bytes of an original, at ``path``: the object file itself in a plain store; in an
/// encrypted store a file in memory (never on a disk) holding the opened bytes, gone once this
/// is released and no descriptor opened on ``path`` remains.
public final class OpenedOriginal {
    /// Where the plain bytes can be read (opened, mapped, handed to a reader).
    public let path: String
    private let fd: Int32?

    init(path: String, fd: Int32?) {
        self.path = path
        self.fd = fd
    }

    deinit { if let fd { close(fd) } }
}

extension CaseStore {
    /// Opens an original for reading (see ``OpenedOriginal``).
    public func openOriginal(_ digest: SHA256Digest) throws -> OpenedOriginal {
        let path = objects.path(for: digest)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StoreError(
                .unreadable, nl: "Het origineel \(digest.hex.prefix(12))… ontbreekt in de opslag. Voer `bewaar check` uit.",
                en: "The original \(digest.hex.prefix(12))… is missing from the store. Run `bewaar check`.")
        }
        defer { close(fd) }
        guard ObjectCipher.startsSealed(fd) else { return OpenedOriginal(path: path, fd: nil) }
        guard let key = try reading({ try objects.keys.key($0, digest) }) else {
            throw StoreError(
                .wrongKey, nl: "Het origineel \(digest.hex.prefix(12))… is versleuteld en geen zaak in deze opslag heeft er nog een sleutel voor.",
                en: "The original \(digest.hex.prefix(12))… is encrypted and no case in this store still holds a key for it.")
        }
        lseek(fd, 0, SEEK_SET)
        let memory = bewaar_memory_file("bewaar-origineel")
        guard memory >= 0 else {
            throw StoreError(
                .writeFailed, nl: "Geen geheugenbestand om het origineel in te openen: \(String(cString: strerror(errno))).",
                en: "No memory file to open the original in: \(String(cString: strerror(errno))).")
        }
        let opened = OpenedOriginal(path: "/proc/self/fd/\(memory)", fd: memory)
        try ObjectCipher.open(fd: fd, key: key, name: digest.hex) { bytes in
            var done = 0
            while done < bytes.count {
                let w = Glibc.write(memory, bytes.baseAddress! + done, bytes.count - done)
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else {
                    throw StoreError(.writeFailed, nl: "Het origineel past niet in het geheugen.", en: "The original does not fit in memory.")
                }
                done += w
            }
        }
        return opened
    }

    /// Runs `body` with the path of an original's plain bytes (see ``openOriginal(_:)``).
    public func withOriginal<T>(_ digest: SHA256Digest, _ body: (String) throws -> T) throws -> T {
        let o = try openOriginal(digest)
        return try withExtendedLifetime(o) { try body(o.path) }
    }

    /// ``withOriginal(_:_:)`` for asynchronous work.
    public func withOriginal<T>(_ digest: SHA256Digest, _ body: (String) async throws -> T) async throws -> T {
        let o = try openOriginal(digest)
        let result = try await body(o.path)
        withExtendedLifetime(o) {}
        return result
    }
}

extension CaseStore {
    /// Up to `count` plain bytes of an original from `offset` (all of it when `count` is nil).
    public func originalBytes(_ digest: SHA256Digest, offset: Int64 = 0, count: Int? = nil) throws -> Data {
        try withOriginal(digest) { path in
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw StoreError(
                    .unreadable, nl: "Het origineel \(digest.hex.prefix(12))… is niet te lezen.",
                    en: "The original \(digest.hex.prefix(12))… cannot be read.")
            }
            defer { try? h.close() }
            if offset > 0 { try h.seek(toOffset: UInt64(offset)) }
            return try (count.map { try h.read(upToCount: $0) } ?? h.readToEnd()) ?? Data()
        }
    }
}

extension CaseStore {
    /// The first `count` plain bytes of an original (an encrypted one is opened only as far as
    /// needed): enough to tell its type.
    public func originalHead(_ digest: SHA256Digest, count: Int) throws -> [UInt8] {
        let path = objects.path(for: digest)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StoreError(
                .unreadable, nl: "Het origineel \(digest.hex.prefix(12))… ontbreekt in de opslag.",
                en: "The original \(digest.hex.prefix(12))… is missing from the store.")
        }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: max(count, ObjectCipher.headerSize))
        let n = ObjectCipher.readFully(fd, &head, head.count)
        guard n >= ObjectCipher.headerSize, head.withUnsafeBytes(ObjectCipher.isSealed) else { return Array(head.prefix(min(n, count))) }
        guard let key = try reading({ try objects.keys.key($0, digest) }) else { return [] }
        lseek(fd, 0, SEEK_SET)
        var out: [UInt8] = []
        struct Enough: Error {}
        do {
            try ObjectCipher.open(fd: fd, key: key, name: digest.hex) { bytes in
                out.append(contentsOf: bytes.prefix(count - out.count))
                if out.count >= count { throw Enough() }
            }
        } catch is Enough {}
        return out
    }
}

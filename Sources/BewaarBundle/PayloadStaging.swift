import Foundation
import BewaarDigest

/// The payload files Bewaar writes itself (records, `case.json`, the custody log…), staged in a
/// temporary folder beside the bundle while their size and digests are computed, then streamed
/// into the zip. Memory stays bounded whatever the case holds: a case with hundreds of chats
/// never has all its records in memory. The folder is removed when the export ends.
final class PayloadStaging {
    /// One staged file: where it lies and what the manifests need.
    struct Staged {
        let file: String
        let size: Int64
        let sha256: String
        let sha512: String
    }

    let folder: String
    private(set) var files: [String: Staged] = [:]

    /// Makes the staging folder beside `output` (same file system, same permissions).
    init(beside output: String) throws {
        let dir = (output as NSString).deletingLastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/." + (output as NSString).lastPathComponent + ".staging-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BundleError.io(output, errno, writing: true)
        }
        folder = String(cString: made)
    }

    deinit { remove() }

    /// Removes the folder and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Stages a file held in memory.
    func add(_ bagPath: String, bytes: [UInt8]) throws {
        try write(bagPath) { w in try bytes.withUnsafeBytes { try w.append($0) } }
    }

    /// Stages a file written piece by piece by `body`.
    func write(_ bagPath: String, _ body: (StagedWriter) throws -> Void) throws {
        let file = folder + "/" + String(files.count)
        let w = try StagedWriter(path: file)
        do {
            try body(w)
            files[bagPath] = try w.close()
        } catch {
            w.abandon()
            throw error
        }
    }
}

/// Writes one staged file through a 1 MiB buffer, hashing SHA-256 and SHA-512 as it goes.
final class StagedWriter {
    private let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var h256 = StreamingSHA256()
    private let h512 = FastSHA512()
    private var size: Int64 = 0
    private static let flushAt = 1 << 20

    fileprivate init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BundleError.io(path, errno, writing: true) }
        buffer.reserveCapacity(Self.flushAt + 64 * 1024)
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushAt { try flush() }
    }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    func append(_ text: String) throws {
        var t = text
        try t.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { b in
            h256.update(b)
            h512.update(b)
            try writeAll(fd, b, path: path)
        }
        size += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    fileprivate func close() throws -> PayloadStaging.Staged {
        try flush()
        Glibc.close(fd)
        fd = -1
        return PayloadStaging.Staged(file: path, size: size, sha256: h256.finalize().hex, sha512: h512.finalizeHex())
    }

    fileprivate func abandon() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
        unlink(path)
    }
}

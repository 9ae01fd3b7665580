#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel

/// The payload files made ready before the zip is written: the files Bewaar writes itself
/// (records, `case.json`, the custody log…) and the originals that are deflated or small. Each
/// is made or read once, hashed (SHA-256, SHA-512, CRC-32) and deflated (or, for a stored
/// original, copied) into a staging folder beside the bundle, and later copied into the zip as
/// it is. The files are staged by a few workers at once (as many as there are cores, two to
/// four), each file whole on one worker, biggest first; every worker appends to its own staging
/// file. What a file becomes depends only on its bytes, never on the worker or the order, so the
/// bundle stays byte-identical. Memory stays bounded whatever the case holds: a 1 MiB piece and a
/// compressor per worker, never a whole chat's records. The folder is removed when the export ends.
final class PayloadStaging {
    /// One staged file: where its bytes lie (as they go into the zip) and what the manifests need.
    struct Staged: Sendable {
        /// Index of the staging file (the worker's) that holds its bytes.
        let sink: Int
        /// Where its bytes start in that staging file.
        let offset: Int64
        /// Uncompressed size.
        let size: Int64
        let sha256Digest: SHA256Digest
        let sha512: String
        let crc: UInt32
        /// Size of its bytes in the staging file (deflated, or `size` when stored).
        let compressedSize: Int64
        let method: ZipMethod

        var sha256: String { sha256Digest.hex }
    }

    /// One file to stage.
    struct Job: Sendable {
        enum Work: Sendable {
            /// A file Bewaar writes, piece by piece.
            case written(@Sendable (StagedWriter) throws -> Void)
            /// An original from the store, refused when its bytes no longer match its address.
            case original(EvidenceItem, path: String)
        }

        let bagPath: String
        /// About how much work it is (bytes to hash and deflate): the biggest start first, so
        /// the workers end together.
        let weight: Int64
        let work: Work
    }

    let folder: String
    /// zlib level for written files under 64 KiB; bigger ones and deflated originals are
    /// deflated at level 1 (see ``BundleBuilder/originalsLevel``).
    let smallFileLevel: Int32
    private let sinks: [StagingSink]
    /// Every file staged so far.
    private(set) var staged: [String: Staged] = [:]

    /// Makes the staging folder beside `output` (same file system, same permissions) and one
    /// staging file per worker.
    init(beside output: String, smallFileLevel: Int32, workers: Int = PayloadStaging.defaultWorkers) throws {
        let dir = (output as NSString).deletingLastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/." + (output as NSString).lastPathComponent + ".staging-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BundleError.io(output, errno, writing: true)
        }
        let folder = String(cString: made)
        self.folder = folder
        self.smallFileLevel = smallFileLevel
        var sinks: [StagingSink] = []
        do {
            for k in 0..<max(workers, 1) { sinks.append(try StagingSink(path: folder + "/" + String(k))) }
        } catch {
            for s in sinks { s.close() }
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        self.sinks = sinks
    }

    /// Two workers at least (reading and hashing overlap even on one core), four at most (the
    /// memory each one takes is small, but more rarely helps: the zip is written by one).
    static var defaultWorkers: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 2), 4) }

    deinit { remove() }

    /// Removes the folder and everything in it.
    func remove() {
        for s in sinks { s.close() }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Stages `jobs` on the workers and waits for all of them; rethrows the first error (the
    /// other workers then stop after the file they are on).
    func run(_ jobs: [Job]) throws {
        let order = jobs.indices.sorted { jobs[$0].weight != jobs[$1].weight ? jobs[$0].weight > jobs[$1].weight : $0 < $1 }.map { jobs[$0] }
        let queue = StagingQueue(order)
        let sinks = sinks, smallFileLevel = smallFileLevel
        DispatchQueue.concurrentPerform(iterations: min(sinks.count, order.count)) { k in
            let sink = sinks[k]
            while let job = queue.next() {
                do {
                    let s: Staged
                    switch job.work {
                    case .written(let body):
                        let w = StagedWriter(compression: StagedCompression(sink: sink, index: k, level: .bySize(smallFile: smallFileLevel)))
                        try body(w)
                        s = try w.close()
                    case .original(let item, let path):
                        s = try Self.stageOriginal(item, path: path, sink: sink, index: k)
                    }
                    queue.done(job.bagPath, s)
                } catch {
                    queue.fail(error)
                }
            }
        }
        staged.merge(try queue.results()) { _, new in new }
    }

    /// Copies a staged file's bytes into the zip as one entry (already deflated, or stored).
    func copy(_ s: Staged, into zip: ZipWriter, name: String) throws {
        let sink = sinks[s.sink]
        try zip.begin(name: name, method: s.method, sizeHint: UInt64(s.size), compressing: false)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var copied: Int64 = 0
        while copied < s.compressedSize {
            let want = Int(min(Int64(chunk.count), s.compressedSize - copied))
            let n = pread(sink.fd, chunk.baseAddress, want, off_t(s.offset + copied))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw BundleError(
                    .writeFailed, nl: "Een tijdelijk bestand van de bundel (\(sink.path)) is veranderd tijdens het schrijven.",
                    en: "A temporary file of the bundle (\(sink.path)) changed while the bundle was written.")
            }
            try zip.writePrepared(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            copied += Int64(n)
        }
        try zip.finish(crc: s.crc, uncompressed: UInt64(s.size))
    }
}

/// A worker's staging file: staged files are appended one after the other.
final class StagingSink: @unchecked Sendable {
    let path: String
    private(set) var fd: Int32
    /// Where the next bytes go.
    private(set) var end: Int64 = 0

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BundleError.io(path, errno, writing: true) }
    }

    deinit { close() }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(fd, bytes, path: path)
        end += Int64(bytes.count)
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}

/// The jobs not yet taken, what the workers staged, and the first error; shared by the workers.
private final class StagingQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let jobs: [PayloadStaging.Job]
    private var nextIndex = 0
    private var files: [String: PayloadStaging.Staged] = [:]
    private var error: (any Error)?

    init(_ jobs: [PayloadStaging.Job]) { self.jobs = jobs }

    /// The next job, or nil when all are taken or one failed.
    func next() -> PayloadStaging.Job? {
        lock.withLock {
            guard error == nil, nextIndex < jobs.count else { return nil }
            nextIndex += 1
            return jobs[nextIndex - 1]
        }
    }

    func done(_ path: String, _ staged: PayloadStaging.Staged) { lock.withLock { files[path] = staged } }
    func fail(_ e: any Error) { lock.withLock { if error == nil { error = e } } }

    func results() throws -> [String: PayloadStaging.Staged] {
        try lock.withLock {
            if let error { throw error }
            return files
        }
    }
}

/// Gathers one written file in 1 MiB pieces and hashes and deflates each full piece on the
/// worker's own thread.
final class StagedWriter {
    private let compression: StagedCompression
    private var buffer: [UInt8] = []
    private var size: Int64 = 0
    private static let flushAt = 1 << 20

    init(compression: StagedCompression) {
        self.compression = compression
        buffer.reserveCapacity(Self.flushAt + 64 * 1024)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushAt { try hand(last: false) }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try append(UnsafeRawBufferPointer(bytes))
    }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    func append(_ text: String) throws {
        var t = text
        try t.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    private func hand(last: Bool) throws {
        size += Int64(buffer.count)
        try buffer.withUnsafeBytes { try compression.consume($0, last: last, totalIfLast: size) }
        buffer.removeAll(keepingCapacity: true)
    }

    fileprivate func close() throws -> PayloadStaging.Staged {
        try hand(last: true)
        return try compression.finish()
    }
}

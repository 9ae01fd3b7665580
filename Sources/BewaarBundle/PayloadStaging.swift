import Foundation
import BewaarDigest

/// The payload files Bewaar writes itself (records, `case.json`, the custody log…), staged in a
/// temporary folder beside the bundle already deflated, with their size, digests and CRC-32, then
/// copied into the zip as they are. The hashing and compression run on a thread of their own
/// (``StagedCompression``) while the next records are read from the store. Memory stays bounded
/// whatever the case holds: a few 1 MiB pieces in flight, never a whole chat's records. The
/// folder is removed when the export ends.
final class PayloadStaging {
    /// One staged file: where its deflated bytes lie and what the manifests and the zip need.
    struct Staged: Sendable {
        let file: String
        /// Uncompressed size.
        let size: Int64
        let sha256: String
        let sha512: String
        let crc: UInt32
        /// Size of the deflated bytes in `file`.
        let compressedSize: Int64
    }

    let folder: String
    /// zlib level for staged files under 64 KiB; bigger ones are deflated at level 1 (see
    /// ``BundleBuilder/originalsLevel``).
    let smallFileLevel: Int32
    private let queue = DispatchQueue(label: "bewaar.bundle.staging")
    /// Pieces handed to the staging thread and not yet done with (bounds memory).
    private let inFlight = DispatchSemaphore(value: 4)
    private let results = StagingResults()
    private var count = 0

    /// Makes the staging folder beside `output` (same file system, same permissions).
    init(beside output: String, smallFileLevel: Int32) throws {
        let dir = (output as NSString).deletingLastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/." + (output as NSString).lastPathComponent + ".staging-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BundleError.io(output, errno, writing: true)
        }
        folder = String(cString: made)
        self.smallFileLevel = smallFileLevel
    }

    deinit { remove() }

    /// Removes the folder and everything in it (after the staging thread is done with it).
    func remove() {
        queue.sync {}
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Every file staged so far, once the staging thread has finished them; rethrows its first error.
    func finished() throws -> [String: Staged] {
        try queue.sync { try results.get() }
    }

    /// Stages a file held in memory.
    func add(_ bagPath: String, bytes: [UInt8]) throws {
        try write(bagPath) { w in try bytes.withUnsafeBytes { try w.append($0) } }
    }

    /// Stages a file written piece by piece by `body`.
    func write(_ bagPath: String, _ body: (StagedWriter) throws -> Void) throws {
        let file = folder + "/" + String(count)
        count += 1
        let compression = try StagedCompression(path: file, smallFileLevel: smallFileLevel)
        let w = StagedWriter(staging: self, compression: compression)
        do {
            try body(w)
            try w.close(as: bagPath)
        } catch {
            enqueue { compression.abandon() }
            throw error
        }
    }

    /// Runs `work` on the staging thread, after what was handed over before; waits while four
    /// pieces are still in flight.
    fileprivate func enqueue(_ work: @escaping @Sendable () throws -> Void) {
        inFlight.wait()
        let results = results, inFlight = inFlight
        queue.async {
            do { try results.ifFine(work) } catch { results.fail(error) }
            inFlight.signal()
        }
    }

    fileprivate func record(_ bagPath: String, _ compression: StagedCompression) {
        let results = results
        enqueue { results.add(bagPath, try compression.finish()) }
    }
}

/// What the staging thread produced, touched only on that thread.
private final class StagingResults: @unchecked Sendable {
    private var files: [String: PayloadStaging.Staged] = [:]
    private var error: (any Error)?

    func ifFine(_ work: () throws -> Void) rethrows { if error == nil { try work() } }
    func fail(_ e: any Error) { if error == nil { error = e } }
    func add(_ path: String, _ staged: PayloadStaging.Staged) { files[path] = staged }
    func get() throws -> [String: PayloadStaging.Staged] {
        if let error { throw error }
        return files
    }
}

/// Gathers one staged file in 1 MiB pieces and hands each full piece to the staging thread.
final class StagedWriter {
    private unowned let staging: PayloadStaging
    private let compression: StagedCompression
    private var buffer: [UInt8] = []
    private var size: Int64 = 0
    private static let flushAt = 1 << 20

    fileprivate init(staging: PayloadStaging, compression: StagedCompression) {
        self.staging = staging
        self.compression = compression
        buffer.reserveCapacity(Self.flushAt + 64 * 1024)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushAt { hand(last: false) }
    }

    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    func append(_ text: String) throws {
        var t = text
        try t.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    private func hand(last: Bool) {
        let piece = buffer
        size += Int64(piece.count)
        let total = size, compression = compression
        buffer = []
        if !last { buffer.reserveCapacity(Self.flushAt + 64 * 1024) }
        staging.enqueue { try compression.consume(piece, last: last, totalIfLast: total) }
    }

    fileprivate func close(as bagPath: String) throws {
        hand(last: true)
        staging.record(bagPath, compression)
    }
}

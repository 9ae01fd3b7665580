import Foundation
import BewaarDigest

/// A worker's work on one staged file: SHA-256, SHA-512 and CRC-32 of its bytes, and raw
/// deflate (or a plain copy, for a stored original) into the worker's staging file. Used by one
/// worker at a time.
final class StagedCompression {
    /// How the bytes are kept.
    enum Level {
        /// Deflated at level 1 once the file passes 64 KiB (known as soon as its first full
        /// piece arrives), at `smallFile` for a smaller file (known when it ends): the files
        /// Bewaar writes.
        case bySize(smallFile: Int32)
        /// Deflated at this level whatever the size: deflated originals.
        case fixed(Int32)
        /// Copied as they are: stored originals.
        case stored
    }

    private let sink: StagingSink
    private let index: Int
    private let level: Level
    private let start: Int64
    private var h256 = StreamingSHA256()
    private let h512 = FastSHA512()
    private var crc = CRC32()
    private var deflater: Deflater?
    private(set) var size: Int64 = 0
    private var compressed: Int64 = 0

    init(sink: StagingSink, index: Int, level: Level) {
        self.sink = sink
        self.index = index
        self.level = level
        start = sink.end
    }

    /// One piece of the file, in order; `last` with the file's whole size.
    func consume(_ b: UnsafeRawBufferPointer, last: Bool, totalIfLast total: Int64) throws {
        h256.update(b)
        h512.update(b)
        crc.update(b)
        size += Int64(b.count)
        let lvl: Int32
        switch level {
        case .stored:
            try sink.append(b)
            compressed += Int64(b.count)
            return
        case .fixed(let l): lvl = l
        // The level ``BundleBuilder`` chose when it deflated staged files itself.
        case .bySize(let small): lvl = (last ? total : Int64.max) >= 1 << 16 ? BundleBuilder.originalsLevel : small
        }
        if deflater == nil { deflater = try Deflater(level: lvl) }
        try deflater!.compress(b, finish: last) { out in
            try sink.append(out)
            compressed += Int64(out.count)
        }
    }

    /// What the staged file holds and where.
    func finish() throws -> PayloadStaging.Staged {
        let method: ZipMethod
        if case .stored = level { method = .stored } else { method = .deflated }
        return PayloadStaging.Staged(
            sink: index, offset: start, size: size, sha256Digest: h256.finalize(), sha512: h512.finalizeHex(),
            crc: crc.value, compressedSize: compressed, method: method)
    }
}

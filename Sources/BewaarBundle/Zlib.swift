import CBewaarZlib
import CBewaarCRCFold

/// CRC-32 as zip uses it: folded with carry-less multiplication where the CPU has it
/// (`CBewaarCRCFold`, about ten times zlib's table speed), finished and otherwise computed by zlib.
struct CRC32 {
    private(set) var value: UInt32 = 0
    private static let folds = bewaar_crc_fold_available() != 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return }
        var left = bytes.count
        var crc = UInt(value)
        if Self.folds && left >= 256 {
            var folded: (UInt64, UInt64) = (0, 0)
            let used = withUnsafeMutableBytes(of: &folded) { bewaar_crc_fold(value, p, left, $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
            if used > 0 {
                crc = withUnsafeBytes(of: &folded) { crc32(0xFFFF_FFFF, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), 16) }
                p += used
                left -= used
            }
        }
        while left > 0 {
            let n = min(left, Int(UInt32.max >> 1))
            crc = crc32(crc, p, UInt32(n))
            p += n
            left -= n
        }
        value = UInt32(truncatingIfNeeded: crc)
    }

    /// The CRC of A followed by B, from the CRC of A, the CRC of B and B's length.
    static func combine(_ a: UInt32, _ b: UInt32, lengthOfB: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_combine(UInt(a), UInt(b), off_t(lengthOfB)))
    }
}

/// A raw-deflate compressor (no zlib header, as zip stores it). Owns its z_stream.
final class Deflater {
    private var stream = z_stream()
    private var output: UnsafeMutablePointer<UInt8>
    private let outputSize = 1 << 18
    private var finished = false

    /// `level` 1 (fast) to 9 (small). The same zlib at the same level gives the same bytes.
    init(level: Int32) throws(BundleError) {
        output = .allocate(capacity: outputSize)
        let rc = deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                               Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            output.deallocate()
            throw BundleError(.writeFailed, nl: "zlib kon niet starten (code \(rc)).", en: "zlib could not start (code \(rc)).")
        }
    }

    deinit {
        deflateEnd(&stream)
        output.deallocate()
    }

    /// Compresses `input` (or, with `finish`, flushes the rest) and hands each produced piece to `sink`.
    func compress(_ input: UnsafeRawBufferPointer, finish: Bool,
                  sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        repeat {
            stream.next_out = output
            stream.avail_out = UInt32(outputSize)
            let rc = deflate(&stream, flush)
            guard rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR else {
                throw BundleError(.writeFailed, nl: "Inpakken met zlib mislukt (code \(rc)).", en: "zlib compression failed (code \(rc)).")
            }
            let produced = outputSize - Int(stream.avail_out)
            if produced > 0 { try sink(UnsafeRawBufferPointer(start: output, count: produced)) }
            if rc == Z_STREAM_END { finished = true; break }
        } while stream.avail_out == 0 || (finish && !finished)
    }
}

/// A raw-inflate decompressor with a hard limit on output: it stops the moment more bytes
/// come out than the zip declared (a zip bomb), instead of filling the disk or memory.
final class Inflater {
    private var stream = z_stream()
    private var output: UnsafeMutablePointer<UInt8>
    private let outputSize = 1 << 18
    private(set) var ended = false

    init() throws(BundleError) {
        output = .allocate(capacity: outputSize)
        let rc = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            output.deallocate()
            throw BundleError(.unreadable, nl: "zlib kon niet starten (code \(rc)).", en: "zlib could not start (code \(rc)).")
        }
    }

    deinit {
        inflateEnd(&stream)
        output.deallocate()
    }

    /// Inflates `input`, handing each piece to `sink`. Returns false on corrupt data.
    func inflate(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        while !ended {
            stream.next_out = output
            stream.avail_out = UInt32(outputSize)
            let rc = CBewaarZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = outputSize - Int(stream.avail_out)
            if produced > 0 { try sink(UnsafeRawBufferPointer(start: output, count: produced)) }
            if rc == Z_STREAM_END { ended = true; break }
            if rc == Z_BUF_ERROR { break }
            guard rc == Z_OK else { return false }
            if stream.avail_in == 0 && stream.avail_out != 0 { break }
        }
        return true
    }
}

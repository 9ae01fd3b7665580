import Foundation
import BewaarDigest

extension BundleBuilder {
    /// Streams a big stored original (media) into the zip: read once, straight into a ring of
    /// buffers; SHA-256 + CRC-32 + the first part of each chunk's write run on one core and
    /// SHA-512 + the rest of the write on the other. The zip region is reserved up front (the
    /// size is known) and both lanes write their part at its place (`pwrite`), so writing into
    /// the page cache, which costs as much as a hash here, is shared. Refuses an original whose
    /// bytes no longer match their address. Returns the SHA-512.
    static func streamOriginal(_ file: OriginalFile, into zip: ZipWriter, name: String, buffers: PipelineBuffers) throws -> String {
        let item = file.item
        var h256 = StreamingSHA256()
        let h512 = FastSHA512()
        var crc = CRC32()
        try zip.begin(name: name, method: .stored, sizeHint: UInt64(max(item.size, 0)))
        let chunkSize = UInt64(buffers.chunkSize)
        // The entry's bytes go to a reserved region, each lane writing its part.
        let base = try zip.reserve(UInt64(max(item.size, 0)))
        let end = base + UInt64(max(item.size, 0))
        // Lane A's share of each chunk's write (lane B's SHA-512 is slower than SHA-256 + CRC).
        func split(_ n: Int) -> Int { n * 11 / 16 }
        func place(_ c: UnsafeRawBufferPointer, _ index: Int, _ range: Range<Int>) throws {
            let at = base + UInt64(index) * chunkSize + UInt64(range.lowerBound)
            // An original longer than recorded is refused below; never write past its region.
            guard at < end else { return }
            let piece = UnsafeRawBufferPointer(rebasing: c[range.lowerBound..<(range.lowerBound + Int(min(UInt64(range.count), end - at)))])
            try zip.write(piece, at: at)
        }
        let pipeline = LanePipeline(
            buffers: buffers,
            laneA: { c, index in
                h256.update(c)
                crc.update(c)
                try place(c, index, 0..<split(c.count))
            },
            laneB: { c, index in
                h512.update(c)
                try place(c, index, split(c.count)..<c.count)
                zip.startWriteback(upTo: min(end, base + UInt64(index) * chunkSize))
            })
        do { try pipeline.pump(file.readNext) } catch {
            try? pipeline.finish()
            throw error
        }
        try pipeline.finish()
        try zip.finish(crc: crc.value)
        try file.check(sha256: h256.finalize(), size: h256.byteCount)
        return h512.finalizeHex()
    }
}

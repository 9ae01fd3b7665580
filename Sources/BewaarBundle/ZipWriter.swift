#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CBewaarWriteback

/// How an entry's bytes are kept in the zip.
enum ZipMethod: UInt16, Sendable {
    case stored = 0
    case deflated = 8
}

/// A streaming, deterministic zip writer: entries are written in the order given, every entry
/// has the same fixed time (1980-01-01 00:00), mode 0644, no extra fields unless ZIP64 is
/// needed, and no data descriptors (sizes and CRC are patched into the local header once
/// the entry is complete, so the output must be a regular file). ZIP64 records are written
/// only when an entry, an offset or the entry count passes the classic limits.
final class ZipWriter {
    private struct Central {
        var name: [UInt8]
        var method: ZipMethod
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: UInt64
        var zip64Local: Bool
    }

    let path: String
    private var fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0
    private(set) var offset: UInt64 = 0
    private var central: [Central] = []
    private var current: (index: Int, deflater: Deflater?)?
    /// Compression level for deflated entries.
    let level: Int32
    /// Fixed DOS date 1980-01-01 and time 00:00.
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    private static let dosTime: UInt16 = 0

    /// Creates (truncates) the file at `path`.
    /// Writes ZIP64 records for every entry and the end record (tests use it to exercise the
    /// ZIP64 path without writing 4 GiB).
    let forceZip64: Bool

    init(path: String, level: Int32 = 6, forceZip64: Bool = false) throws(BundleError) {
        self.path = path
        self.level = level
        self.forceZip64 = forceZip64
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BundleError.io(path, errno, writing: true) }
        fchmod(fd, 0o600)   // a bundle holds data about minors: its owner only, also when it existed
        buffer = .allocate(byteCount: 1 << 20, alignment: 16)
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
        buffer.deallocate()
    }

    // MARK: Raw output

    private func flush() throws(BundleError) {
        try writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<buffered]), path: path)
        buffered = 0
        startWriteback(upTo: offset)
    }

    /// Where the kernel was last asked to start writing to disk.
    private var writebackFrom: UInt64 = 0
    /// How much written data to gather before asking for its writeback.
    private static let writebackStep: UInt64 = 16 << 20

    /// Asks the kernel to start writing everything before `end` to disk (without waiting), in
    /// steps of 16 MiB, so that ``close()``'s fsync has little left: the disk works while the
    /// hashes are computed. Called from one thread at a time.
    func startWriteback(upTo end: UInt64) {
        guard end >= writebackFrom + Self.writebackStep else { return }
        _ = bewaar_start_writeback(fd, Int64(writebackFrom), Int64(end - writebackFrom))
        writebackFrom = end
    }

    /// Claims the next `count` bytes of the file for the current (stored) entry's data and
    /// returns where they start. The caller fills them with ``write(_:at:)`` in any order and
    /// from any thread; the entry is then finished as usual. The data's size must be known.
    func reserve(_ count: UInt64) throws -> UInt64 {
        guard let cur = current, cur.deflater == nil else { preconditionFailure("reserve needs a stored entry") }
        try flush()
        let start = offset
        // Appends go on after the region; its bytes come by position.
        guard lseek(fd, off_t(count), SEEK_CUR) == off_t(start + count) else { throw BundleError.io(path, errno, writing: true) }
        central[cur.index].uncompressed += count
        central[cur.index].compressed += count
        offset += count
        return start
    }

    /// Writes bytes at a position inside a region from ``reserve(_:)``. Safe to call from
    /// several threads for different positions.
    func write(_ bytes: UnsafeRawBufferPointer, at position: UInt64) throws(BundleError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, min(bytes.count - done, writePiece), off_t(position) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw BundleError.io(path, errno, writing: true)
            }
            done += n
        }
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) throws(BundleError) {
        if bytes.count >= buffer.count {
            try flush()
            try writeAll(fd, bytes, path: path)
        } else {
            if buffered + bytes.count > buffer.count { try flush() }
            (buffer.baseAddress! + buffered).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            buffered += bytes.count
        }
        offset += UInt64(bytes.count)
    }

    private func emit(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try emit($0) }
    }

    // MARK: Entries

    /// Starts an entry. `sizeHint` is the expected uncompressed size; an entry that may pass
    /// 4 GiB gets a ZIP64 local header.
    /// With `compressing` false the entry's bytes come prepared (already deflated, or as they
    /// are for a stored entry) through ``writePrepared(_:)``, and ``finish(crc:uncompressed:)``
    /// gives its size.
    func begin(name: String, method: ZipMethod, sizeHint: UInt64, level: Int32? = nil, compressing: Bool = true) throws {
        precondition(current == nil, "previous entry not finished")
        let nameBytes = Array(name.utf8)
        let zip64 = forceZip64 || sizeHint >= 0xFFFF_0000 || offset >= 0xFFFF_FFFF
        var h = LittleEndianBytes()
        h.u32(0x0403_4b50)
        h.u16(zip64 ? 45 : 20)
        h.u16(0)  // flags: no data descriptor, names are ASCII
        h.u16(method.rawValue)
        h.u16(Self.dosTime)
        h.u16(Self.dosDate)
        h.u32(0)  // CRC, patched
        h.u32(zip64 ? 0xFFFF_FFFF : 0)  // compressed size, patched
        h.u32(zip64 ? 0xFFFF_FFFF : 0)  // uncompressed size, patched
        h.u16(UInt16(nameBytes.count))
        h.u16(zip64 ? 20 : 0)
        h.bytes(nameBytes)
        if zip64 {
            h.u16(0x0001)
            h.u16(16)
            h.u64(0)
            h.u64(0)
        }
        central.append(Central(name: nameBytes, method: method, crc: 0, compressed: 0, uncompressed: 0,
                               offset: offset, zip64Local: zip64))
        try emit(h.data)
        current = (central.count - 1, method == .deflated && compressing ? try Deflater(level: level ?? self.level) : nil)
    }

    /// Appends uncompressed bytes of the current entry (compressing them when deflated).
    func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard let cur = current else { preconditionFailure("no entry") }
        central[cur.index].uncompressed += UInt64(chunk.count)
        if let d = cur.deflater {
            try d.compress(chunk, finish: false) { piece in try self.emitData(piece, index: cur.index) }
        } else {
            try emitData(chunk, index: cur.index)
        }
    }

    private func emitData(_ bytes: UnsafeRawBufferPointer, index: Int) throws(BundleError) {
        central[index].compressed += UInt64(bytes.count)
        try emit(bytes)
    }

    /// Appends bytes the caller prepared (raw deflate, or the bytes themselves for a stored
    /// entry) to the current entry, begun with `compressing: false`.
    func writePrepared(_ chunk: UnsafeRawBufferPointer) throws {
        guard let cur = current, cur.deflater == nil else { preconditionFailure("no entry taking prepared bytes") }
        try emitData(chunk, index: cur.index)
    }

    /// Finishes the current entry with its CRC-32 and patches the local header; `uncompressed`
    /// gives the size of an entry whose bytes came already deflated.
    func finish(crc: UInt32, uncompressed: UInt64? = nil) throws {
        guard let cur = current else { preconditionFailure("no entry") }
        if let uncompressed { central[cur.index].uncompressed = uncompressed }
        if let d = cur.deflater {
            try d.compress(UnsafeRawBufferPointer(start: nil, count: 0), finish: true) { piece in
                try self.emitData(piece, index: cur.index)
            }
        }
        current = nil
        central[cur.index].crc = crc
        let e = central[cur.index]
        if !e.zip64Local && (e.compressed >= 0xFFFF_FFFF || e.uncompressed >= 0xFFFF_FFFF) {
            throw BundleError(.writeFailed, nl: "Een bestand werd groter dan verwacht tijdens het schrijven van de bundel.",
                              en: "A file grew larger than expected while the bundle was written.")
        }
        try flush()
        var p = LittleEndianBytes()
        p.u32(crc)
        if e.zip64Local {
            try pwriteAll(p.data, at: e.offset + 14)
            var z = LittleEndianBytes()
            z.u64(e.uncompressed)
            z.u64(e.compressed)
            try pwriteAll(z.data, at: e.offset + 30 + UInt64(e.name.count) + 4)
        } else {
            p.u32(UInt32(e.compressed))
            p.u32(UInt32(e.uncompressed))
            try pwriteAll(p.data, at: e.offset + 14)
        }
    }

    /// Writes a whole entry from memory.
    func add(name: String, bytes: [UInt8], method: ZipMethod) throws {
        try begin(name: name, method: method, sizeHint: UInt64(bytes.count))
        var crc = CRC32()
        try bytes.withUnsafeBytes { p in
            crc.update(p)
            try write(p)
        }
        try finish(crc: crc.value)
    }

    private func pwriteAll(_ bytes: [UInt8], at position: UInt64) throws(BundleError) {
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(position)) }
        guard n == bytes.count else { throw BundleError.io(path, errno, writing: true) }
    }

    /// Writes the central directory and end records, fsyncs and closes the file.
    func close() throws {
        let cdStart = offset
        for e in central {
            let big = e.zip64Local || e.compressed >= 0xFFFF_FFFF || e.uncompressed >= 0xFFFF_FFFF
            let farOffset = forceZip64 || e.offset >= 0xFFFF_FFFF
            var extra = LittleEndianBytes()
            if big || farOffset {
                var fields = LittleEndianBytes()
                if big { fields.u64(e.uncompressed); fields.u64(e.compressed) }
                if farOffset { fields.u64(e.offset) }
                extra.u16(0x0001)
                extra.u16(UInt16(fields.data.count))
                extra.bytes(fields.data)
            }
            let v: UInt16 = (big || farOffset) ? 45 : 20
            var h = LittleEndianBytes()
            h.u32(0x0201_4b50)
            h.u16((3 << 8) | v)  // made by: Unix
            h.u16(v)
            h.u16(0)
            h.u16(e.method.rawValue)
            h.u16(Self.dosTime)
            h.u16(Self.dosDate)
            h.u32(e.crc)
            h.u32(big ? 0xFFFF_FFFF : UInt32(e.compressed))
            h.u32(big ? 0xFFFF_FFFF : UInt32(e.uncompressed))
            h.u16(UInt16(e.name.count))
            h.u16(UInt16(extra.data.count))
            h.u16(0)  // comment
            h.u16(0)  // disk
            h.u16(0)  // internal attributes
            h.u32(UInt32(0o100644) << 16)  // regular file, rw-r--r--
            h.u32(farOffset ? 0xFFFF_FFFF : UInt32(e.offset))
            h.bytes(e.name)
            h.bytes(extra.data)
            try emit(h.data)
        }
        let cdSize = offset - cdStart
        let count = UInt64(central.count)
        let needs64 = forceZip64 || count >= 0xFFFF || cdSize >= 0xFFFF_FFFF || cdStart >= 0xFFFF_FFFF
        if needs64 {
            let z64 = offset
            var r = LittleEndianBytes()
            r.u32(0x0606_4b50)
            r.u64(44)
            r.u16((3 << 8) | 45)
            r.u16(45)
            r.u32(0)
            r.u32(0)
            r.u64(count)
            r.u64(count)
            r.u64(cdSize)
            r.u64(cdStart)
            r.u32(0x0706_4b50)
            r.u32(0)
            r.u64(z64)
            r.u32(1)
            try emit(r.data)
        }
        var end = LittleEndianBytes()
        end.u32(0x0605_4b50)
        end.u16(0)
        end.u16(0)
        end.u16(needs64 ? 0xFFFF : UInt16(count))
        end.u16(needs64 ? 0xFFFF : UInt16(count))
        end.u32(needs64 ? 0xFFFF_FFFF : UInt32(cdSize))
        end.u32(needs64 ? 0xFFFF_FFFF : UInt32(cdStart))
        end.u16(0)
        try emit(end.data)
        try flush()
        guard fsync(fd) == 0 else { throw BundleError.io(path, errno, writing: true) }
        Glibc.close(fd)
        fd = -1
    }
}

/// Little-endian byte building for zip and DER headers.
struct LittleEndianBytes {
    var data: [UInt8] = []
    mutating func u16(_ v: UInt16) { data.append(UInt8(v & 0xFF)); data.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { data.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { data.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
    mutating func bytes(_ b: [UInt8]) { data += b }
}

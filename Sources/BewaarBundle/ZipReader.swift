#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel

/// Reads a zip without unpacking it: the central directory is checked first and a zip that
/// could harm the reader is refused (names that climb out of the folder, absolute names,
/// links and special files, encryption, duplicate names, overlapping entries, compression
/// ratios only a bomb has). Entries are then streamed straight from the zip, inflated
/// with a hard limit at their declared size and checked against their CRC-32.
final class ZipReader {
    struct Entry: Sendable {
        var name: String
        var method: UInt16
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var localOffset: UInt64
        var dataOffset: UInt64 = 0
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    let path: String
    private let fd: Int32
    let size: UInt64
    private(set) var entries: [Entry] = []

    /// Limits that no evidence bag comes near, but a hostile zip does.
    static let maxEntries = 2_000_000
    static let maxCentralDirectory: UInt64 = 512 << 20
    /// Deflate cannot expand more than about 1032:1; a higher declared ratio is a bomb.
    static let maxRatio: UInt64 = 1100

    init(path: String) throws(BundleError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.io(path, errno, writing: false) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BundleError.io(path, errno, writing: false) }
        size = UInt64(st.st_size)
        do { try readDirectory() } catch let e as BundleError { throw e } catch { throw Self.refuse("\(error)", "\(error)") }
    }

    deinit { close(fd) }

    static func refuse(_ nl: String, _ en: String) -> BundleError {
        BundleError(.hostile, nl: "Zip geweigerd: \(nl). Er is niets uitgepakt.", en: "Zip refused: \(en). Nothing was unpacked.")
    }

    func readAt(_ offset: UInt64, _ count: Int) throws -> [UInt8] {
        guard offset <= size, UInt64(count) <= size - offset else {
            throw Self.refuse("verwijzing buiten het bestand (offset \(offset))", "reference outside the file (offset \(offset))")
        }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if n < 0 { if errno == EINTR { continue }; throw BundleError.io(path, errno, writing: false) }
            if n == 0 { throw Self.refuse("het bestand is afgekapt", "the file is truncated") }
            done += n
        }
        return out
    }

    private func readDirectory() throws {
        // End of central directory: within the last 64 KiB + 22 bytes.
        let tail = Int(min(size, 65_557))
        guard tail >= 22 else { throw Self.refuse("geen zip (te kort)", "not a zip (too short)") }
        let buf = try readAt(size - UInt64(tail), tail)
        var eocd = -1
        var i = tail - 22
        while i >= 0 {
            if buf[i] == 0x50, buf[i + 1] == 0x4B, buf[i + 2] == 0x05, buf[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw Self.refuse("geen zip (einde van de inhoudsopgave niet gevonden)", "not a zip (no end of central directory)") }
        var r = ByteReader(Array(buf[eocd...]))
        _ = r.u32()
        let disk = r.u16(), cdDisk = r.u16()
        var count = UInt64(r.u16())
        _ = r.u16()
        var cdSize = UInt64(r.u32())
        var cdOffset = UInt64(r.u32())
        guard disk == 0, cdDisk == 0 else { throw Self.refuse("zip in meerdere delen", "multi-part zip") }
        let eocdAbs = size - UInt64(tail) + UInt64(eocd)
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF, eocdAbs >= 20 {
            var loc = ByteReader(try readAt(eocdAbs - 20, 20))
            if loc.u32() == 0x0706_4b50 {
                _ = loc.u32()
                let z64 = loc.u64()
                var z = ByteReader(try readAt(z64, 56))
                guard z.u32() == 0x0606_4b50 else { throw Self.refuse("ZIP64-gegevens beschadigd", "damaged ZIP64 record") }
                _ = z.u64(); _ = z.u16(); _ = z.u16(); _ = z.u32(); _ = z.u32(); _ = z.u64()
                count = z.u64()
                cdSize = z.u64()
                cdOffset = z.u64()
            }
        }
        guard count <= UInt64(Self.maxEntries), cdSize <= Self.maxCentralDirectory else {
            throw Self.refuse("te veel items (\(count))", "too many entries (\(count))")
        }
        guard cdOffset <= size, cdSize <= size - cdOffset else {
            throw Self.refuse("inhoudsopgave buiten het bestand", "central directory outside the file")
        }
        var cd = ByteReader(try readAt(cdOffset, Int(cdSize)))
        var seen = Set<String>()
        var seenFolded = Set<String>()
        for _ in 0..<count {
            guard cd.remaining >= 46, cd.u32() == 0x0201_4b50 else { throw Self.refuse("inhoudsopgave beschadigd", "damaged central directory") }
            let madeBy = cd.u16()
            _ = cd.u16()
            let flags = cd.u16()
            let method = cd.u16()
            _ = cd.u16(); _ = cd.u16()
            let crc = cd.u32()
            var compressed = UInt64(cd.u32())
            var uncompressed = UInt64(cd.u32())
            let nameLen = Int(cd.u16()), extraLen = Int(cd.u16()), commentLen = Int(cd.u16())
            _ = cd.u16(); _ = cd.u16()
            let external = cd.u32()
            var local = UInt64(cd.u32())
            guard cd.remaining >= nameLen + extraLen + commentLen else { throw Self.refuse("inhoudsopgave beschadigd", "damaged central directory") }
            let nameBytes = cd.bytes(nameLen)
            var extra = ByteReader(cd.bytes(extraLen))
            _ = cd.bytes(commentLen)
            while extra.remaining >= 4 {
                let tag = extra.u16(), len = Int(extra.u16())
                guard extra.remaining >= len else { break }
                var f = ByteReader(extra.bytes(len))
                if tag == 0x0001 {
                    if uncompressed == 0xFFFF_FFFF, f.remaining >= 8 { uncompressed = f.u64() }
                    if compressed == 0xFFFF_FFFF, f.remaining >= 8 { compressed = f.u64() }
                    if local == 0xFFFF_FFFF, f.remaining >= 8 { local = f.u64() }
                }
            }
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                throw Self.refuse("een naam is geen geldige UTF-8", "a name is not valid UTF-8")
            }
            let shown = String(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
            if !MemberPath.isSafe(name, .zipEntry) {
                throw Self.refuse("'\(shown)' zou buiten de map terechtkomen of is geen gewone naam", "'\(shown)' would land outside the folder or is not a plain name")
            }
            if flags & 0x0001 != 0 { throw Self.refuse("'\(shown)' is versleuteld", "'\(shown)' is encrypted") }
            if method != 0 && method != 8 { throw Self.refuse("'\(shown)' gebruikt een onbekende compressie (\(method))", "'\(shown)' uses an unknown compression (\(method))") }
            if madeBy >> 8 == 3 {
                let type = (external >> 16) & 0o170000
                if type != 0 && type != 0o100000 && type != 0o040000 {
                    throw Self.refuse("'\(shown)' is een link of speciaal bestand", "'\(shown)' is a link or special file")
                }
            }
            if !seen.insert(name).inserted || !seenFolded.insert(name.lowercased()).inserted {
                throw Self.refuse("'\(shown)' staat er twee keer in", "'\(shown)' appears twice")
            }
            if method == 0 && compressed != uncompressed {
                throw Self.refuse("'\(shown)' heeft tegenstrijdige groottes", "'\(shown)' has contradicting sizes")
            }
            if uncompressed > 65_536 && uncompressed / max(compressed, 1) > Self.maxRatio {
                throw Self.refuse("'\(shown)' pakt uit tot \(uncompressed) bytes uit \(compressed) (zip-bom)",
                                  "'\(shown)' expands to \(uncompressed) bytes from \(compressed) (zip bomb)")
            }
            entries.append(Entry(name: name, method: method, crc: crc, compressed: compressed, uncompressed: uncompressed,
                                 localOffset: local))
        }
        // Local headers: same name, data inside the file, no two entries sharing bytes.
        for i in entries.indices {
            var h = ByteReader(try readAt(entries[i].localOffset, 30))
            guard h.u32() == 0x0403_4b50 else { throw Self.refuse("'\(entries[i].name)': lokale kop ontbreekt", "'\(entries[i].name)': local header missing") }
            _ = h.bytes(22)
            let n = UInt64(h.u16()), x = UInt64(h.u16())
            let localName = try readAt(entries[i].localOffset + 30, Int(n))
            guard localName == Array(entries[i].name.utf8) else {
                throw Self.refuse("'\(entries[i].name)' heeft een andere naam in de lokale kop", "'\(entries[i].name)' has another name in its local header")
            }
            entries[i].dataOffset = entries[i].localOffset + 30 + n + x
            guard entries[i].dataOffset <= cdOffset, entries[i].compressed <= cdOffset - entries[i].dataOffset else {
                throw Self.refuse("'\(entries[i].name)' loopt buiten de gegevens", "'\(entries[i].name)' runs outside the data")
            }
        }
        let sorted = entries.sorted { $0.localOffset < $1.localOffset }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.dataOffset + a.compressed > b.localOffset {
            throw Self.refuse("'\(a.name)' en '\(b.name)' delen bytes (overlappende items)", "'\(a.name)' and '\(b.name)' share bytes (overlapping entries)")
        }
    }

    /// Streams an entry's uncompressed bytes to `body`. Throws when the bytes are damaged:
    /// inflation fails, more or fewer bytes than declared, or a CRC-32 mismatch.
    func stream(_ e: Entry, chunkSize: Int = 2 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var crc = CRC32()
        var produced: UInt64 = 0
        let inflater = e.method == 8 ? try Inflater() : nil
        var position = e.dataOffset
        let end = e.dataOffset + e.compressed
        let damaged = BundleError(.unreadable, nl: "'\(e.name)' is beschadigd in de zip", en: "'\(e.name)' is damaged in the zip")
        func deliver(_ piece: UnsafeRawBufferPointer) throws {
            produced += UInt64(piece.count)
            if produced > e.uncompressed {
                throw Self.refuse("'\(e.name)' pakt uit tot meer dan de opgegeven \(e.uncompressed) bytes (zip-bom)",
                                  "'\(e.name)' expands beyond its declared \(e.uncompressed) bytes (zip bomb)")
            }
            crc.update(piece)
            try body(piece)
        }
        while position < end {
            let want = Int(min(UInt64(chunkSize), end - position))
            let n = pread(fd, buffer.baseAddress, want, off_t(position))
            if n < 0 { if errno == EINTR { continue }; throw BundleError.io(path, errno, writing: false) }
            if n == 0 { throw damaged }
            position += UInt64(n)
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            if let inflater {
                guard try inflater.inflate(chunk, sink: deliver) else { throw damaged }
            } else {
                try deliver(chunk)
            }
        }
        if let inflater, !inflater.ended { throw damaged }
        guard produced == e.uncompressed, crc.value == e.crc else { throw damaged }
    }
}

/// Little-endian reading over bytes; reading past the end yields zeros (callers check
/// `remaining` where it matters).
struct ByteReader {
    let data: [UInt8]
    var at = 0
    init(_ data: [UInt8]) { self.data = data }
    var remaining: Int { data.count - at }
    mutating func u8() -> UInt8 { defer { at += 1 }; return at < data.count ? data[at] : 0 }
    mutating func u16() -> UInt16 { UInt16(u8()) | UInt16(u8()) << 8 }
    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }
    mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }
    mutating func bytes(_ n: Int) -> [UInt8] {
        let s = min(at, data.count), e = min(at + n, data.count)
        at += n
        return Array(data[s..<e])
    }
}

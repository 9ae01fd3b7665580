/// A reader for the Compound File Binary format ([MS-CFB]): the container of Outlook `.msg`
/// files. Reads the header, the FAT (with DIFAT), the directory and the mini stream from a
/// buffer; every chain is bounded so a hostile file cannot loop.
public struct CompoundFile {
    /// One directory entry: a storage (folder) or a stream (file).
    public struct Entry: Sendable, Hashable {
        public var name: String
        /// 1 storage, 2 stream, 5 root.
        public var type: UInt8
        public var left: UInt32
        public var right: UInt32
        public var child: UInt32
        public var start: UInt32
        public var size: UInt64

        public var isStorage: Bool { type == 1 || type == 5 }
        public var isStream: Bool { type == 2 }
    }

    /// Why the file is not a readable compound file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let free: UInt32 = 0xFFFF_FFFF
    static let noStream: UInt32 = 0xFFFF_FFFF

    let b: UnsafeBufferPointer<UInt8>
    let sectorSize: Int
    let miniSectorSize: Int
    let miniCutoff: UInt64
    var fat: [UInt32] = []
    var miniFat: [UInt32] = []
    public private(set) var entries: [Entry] = []
    /// The mini stream's bytes (the root entry's stream), gathered once.
    var miniStream: [UInt8] = []
    /// Problems met while reading (cut chains, bad entries).
    public private(set) var problems: [String] = []

    @inline(__always) func u16(_ o: Int) -> UInt16 { o + 2 <= b.count ? UInt16(b[o]) | UInt16(b[o + 1]) << 8 : 0 }
    @inline(__always) func u32(_ o: Int) -> UInt32 {
        o + 4 <= b.count ? UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24 : 0
    }

    public init(_ b: UnsafeBufferPointer<UInt8>) throws(Failure) {
        self.b = b
        guard b.count >= 512, Array(b[0..<8]) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] else {
            throw Failure(description: "no compound file signature")
        }
        let shift = Int(UInt16(b[0x1E]) | UInt16(b[0x1F]) << 8)
        guard shift == 9 || shift == 12 else { throw Failure(description: "sector shift \(shift) not supported") }
        sectorSize = 1 << shift
        let miniShift = Int(UInt16(b[0x20]) | UInt16(b[0x21]) << 8)
        miniSectorSize = 1 << min(max(miniShift, 6), 12)
        miniCutoff = 4096
        let numFat = Int(u32(0x2C))
        let firstDir = u32(0x30)
        let firstMiniFat = u32(0x3C)
        var difatNext = u32(0x44)
        let maxSectors = max(0, b.count / sectorSize)

        // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
        var fatSectors: [UInt32] = []
        for k in 0..<109 {
            let s = u32(0x4C + 4 * k)
            if s != CompoundFile.free && s != CompoundFile.endOfChain { fatSectors.append(s) }
        }
        var guardCount = 0
        while difatNext != CompoundFile.endOfChain && difatNext != CompoundFile.free && guardCount < maxSectors {
            guardCount += 1
            let off = sectorOffset(difatNext)
            guard off + sectorSize <= b.count else { problems.append("DIFAT sector out of range"); break }
            for k in 0..<(sectorSize / 4 - 1) {
                let s = u32(off + 4 * k)
                if s != CompoundFile.free && s != CompoundFile.endOfChain { fatSectors.append(s) }
            }
            difatNext = u32(off + sectorSize - 4)
        }
        if fatSectors.count > numFat && numFat > 0 { fatSectors = Array(fatSectors.prefix(numFat)) }
        fat.reserveCapacity(fatSectors.count * sectorSize / 4)
        for s in fatSectors {
            let off = sectorOffset(s)
            guard off + sectorSize <= b.count else { problems.append("FAT sector out of range"); continue }
            for k in 0..<(sectorSize / 4) { fat.append(u32(off + 4 * k)) }
        }

        // Directory.
        let dirChain = chain(firstDir)
        for s in dirChain {
            let off = sectorOffset(s)
            var e = off
            while e + 128 <= off + sectorSize && e + 128 <= b.count {
                let nameLen = Int(u16(e + 0x40))
                var units: [UInt16] = []
                for k in 0..<max(0, min(32, nameLen / 2) - 1) { units.append(u16(e + 2 * k)) }
                let size = UInt64(u32(e + 0x78)) | (sectorSize == 512 ? 0 : UInt64(u32(e + 0x7C)) << 32)
                entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: b[e + 0x42], left: u32(e + 0x44),
                                     right: u32(e + 0x48), child: u32(e + 0x4C), start: u32(e + 0x74), size: size))
                e += 128
            }
        }
        guard let root = entries.first, root.type == 5 else { throw Failure(description: "no root entry") }

        // Mini FAT and mini stream.
        for s in chain(firstMiniFat) {
            let off = sectorOffset(s)
            for k in 0..<(sectorSize / 4) { miniFat.append(u32(off + 4 * k)) }
        }
        var ms: [UInt8] = []
        ms.reserveCapacity(Int(min(root.size, UInt64(b.count))))
        for s in chain(root.start) {
            let off = sectorOffset(s)
            ms.append(contentsOf: UnsafeBufferPointer(rebasing: b[off..<min(off + sectorSize, b.count)]))
        }
        if UInt64(ms.count) > root.size { ms.removeLast(ms.count - Int(root.size)) }
        miniStream = ms
    }

    @inline(__always) func sectorOffset(_ s: UInt32) -> Int { (Int(s) + 1) * sectorSize }

    /// The sectors of a FAT chain, stopping at its end, at a bad link, or at a loop.
    func chain(_ start: UInt32) -> [UInt32] {
        var out: [UInt32] = []
        var s = start
        let limit = fat.count
        while s != CompoundFile.endOfChain && s != CompoundFile.free && Int(s) < limit && out.count <= limit {
            guard sectorOffset(s) < b.count else { break }
            out.append(s)
            s = fat[Int(s)]
        }
        return out
    }

    /// The entry ids of a storage's children, in directory order (the sibling tree walked
    /// in order; cycles and bad ids are cut).
    public func children(of storage: Int) -> [Int] {
        guard storage < entries.count else { return [] }
        var out: [Int] = []
        var seen = Set<Int>()
        var stack: [(Int, Bool)] = []
        if entries[storage].child != CompoundFile.noStream { stack.append((Int(entries[storage].child), false)) }
        while let (id, expanded) = stack.popLast() {
            guard id < entries.count else { continue }
            if expanded { out.append(id); continue }
            guard seen.insert(id).inserted else { continue }
            let e = entries[id]
            if e.right != CompoundFile.noStream { stack.append((Int(e.right), false)) }
            stack.append((id, true))
            if e.left != CompoundFile.noStream { stack.append((Int(e.left), false)) }
        }
        return out
    }

    /// The child of `storage` named `name` (case-insensitive), if any.
    public func child(_ storage: Int, named name: String) -> Int? {
        let n = name.uppercased()
        return children(of: storage).first { entries[$0].name.uppercased() == n }
    }

    /// Streams the bytes of a stream entry in order, at most `size` bytes.
    public func stream(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard id < entries.count else { return }
        let e = entries[id]
        var left = Int(min(e.size, UInt64(b.count) * 2))
        if e.size < miniCutoff && id != 0 {
            var s = e.start
            var steps = 0
            try miniStream.withUnsafeBufferPointer { ms in
                while left > 0 && s != CompoundFile.endOfChain && Int(s) < miniFat.count && steps <= miniFat.count {
                    let off = Int(s) * miniSectorSize
                    guard off < ms.count else { break }
                    let n = min(left, miniSectorSize, ms.count - off)
                    try body(UnsafeBufferPointer(rebasing: ms[off..<(off + n)]))
                    left -= n
                    s = miniFat[Int(s)]
                    steps += 1
                }
            }
            return
        }
        for s in chain(e.start) where left > 0 {
            let off = sectorOffset(s)
            let n = min(left, sectorSize, b.count - off)
            guard n > 0 else { break }
            try body(UnsafeBufferPointer(rebasing: b[off..<(off + n)]))
            left -= n
        }
    }

    /// The whole stream as bytes.
    public func read(_ id: Int) -> [UInt8] {
        var out: [UInt8] = []
        stream(id) { out.append(contentsOf: $0) }
        return out
    }
}

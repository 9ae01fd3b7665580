import Foundation

/// Test support: writes Compound File Binary files ([MS-CFB], version 3, 512-byte sectors)
/// with a mini stream for small streams, so `.msg` fixtures can be made in the tests.
struct CompoundFileWriter {
    indirect enum Node {
        case stream(String, [UInt8])
        case storage(String, [Node])

        var name: String {
            switch self {
            case .stream(let n, _), .storage(let n, _): return n
            }
        }
    }

    private struct Entry {
        var name: String
        var type: UInt8
        var children: [Int] = []
        var data: [UInt8] = []
        var left: UInt32 = 0xFFFF_FFFF
        var right: UInt32 = 0xFFFF_FFFF
        var child: UInt32 = 0xFFFF_FFFF
        var start: UInt32 = 0xFFFF_FFFE
        var size: UInt32 = 0
    }

    static let end: UInt32 = 0xFFFF_FFFE
    static let free: UInt32 = 0xFFFF_FFFF

    static func write(_ top: [Node]) -> [UInt8] {
        var entries: [Entry] = [Entry(name: "Root Entry", type: 5)]
        func add(_ nodes: [Node], parent: Int) {
            for n in nodes {
                let id = entries.count
                switch n {
                case .stream(let name, let data):
                    entries.append(Entry(name: name, type: 2, data: data, size: UInt32(data.count)))
                    entries[parent].children.append(id)
                case .storage(let name, let kids):
                    entries.append(Entry(name: name, type: 1))
                    entries[parent].children.append(id)
                    add(kids, parent: id)
                }
            }
        }
        add(top, parent: 0)
        // Siblings as a sorted chain of right links (length, then upper-case name).
        for k in entries.indices {
            let sorted = entries[k].children.sorted {
                let a = entries[$0].name, b = entries[$1].name
                return a.utf16.count != b.utf16.count ? a.utf16.count < b.utf16.count : a.uppercased() < b.uppercased()
            }
            guard let first = sorted.first else { continue }
            entries[k].child = UInt32(first)
            for (i, id) in sorted.enumerated() where i + 1 < sorted.count { entries[id].right = UInt32(sorted[i + 1]) }
        }
        // Mini stream for streams under 4096 bytes.
        var mini: [UInt8] = []
        var miniFat: [UInt32] = []
        var big: [Int] = []
        for k in entries.indices where entries[k].type == 2 {
            let d = entries[k].data
            if d.isEmpty { entries[k].start = end; continue }
            if d.count < 4096 {
                let first = miniFat.count
                let n = (d.count + 63) / 64
                for i in 0..<n { miniFat.append(i == n - 1 ? end : UInt32(first + i + 1)) }
                entries[k].start = UInt32(first)
                mini.append(contentsOf: d)
                mini.append(contentsOf: [UInt8](repeating: 0, count: n * 64 - d.count))
            } else {
                big.append(k)
            }
        }
        let dirSectors = (entries.count + 3) / 4
        let miniFatSectors = (miniFat.count + 127) / 128
        let miniSectors = (mini.count + 511) / 512
        let bigSectors = big.map { (entries[$0].data.count + 511) / 512 }
        let nonFat = dirSectors + miniFatSectors + miniSectors + bigSectors.reduce(0, +)
        var fatCount = 1
        while fatCount * 128 < nonFat + fatCount { fatCount += 1 }
        var fat = [UInt32](repeating: free, count: fatCount * 128)
        for i in 0..<fatCount { fat[i] = 0xFFFF_FFFD }
        var next = fatCount
        func chain(_ count: Int) -> UInt32 {
            guard count > 0 else { return end }
            let s = next
            for i in 0..<count { fat[s + i] = i == count - 1 ? end : UInt32(s + i + 1) }
            next += count
            return UInt32(s)
        }
        let firstDir = chain(dirSectors)
        let firstMiniFat = chain(miniFatSectors)
        let firstMini = chain(miniSectors)
        entries[0].start = miniSectors > 0 ? firstMini : end
        entries[0].size = UInt32(mini.count)
        for (i, k) in big.enumerated() { entries[k].start = chain(bigSectors[i]) }

        var out = [UInt8](repeating: 0, count: 512)
        func put16(_ v: UInt16, _ o: Int) { out[o] = UInt8(v & 0xFF); out[o + 1] = UInt8(v >> 8) }
        func put32(_ v: UInt32, _ o: Int) { for i in 0..<4 { out[o + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) } }
        out.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        put16(0x003E, 0x18); put16(0x0003, 0x1A); put16(0xFFFE, 0x1C); put16(9, 0x1E); put16(6, 0x20)
        put32(UInt32(fatCount), 0x2C); put32(firstDir, 0x30); put32(4096, 0x38)
        put32(firstMiniFat, 0x3C); put32(UInt32(miniFatSectors), 0x40); put32(end, 0x44); put32(0, 0x48)
        for i in 0..<109 { put32(i < fatCount ? UInt32(i) : free, 0x4C + 4 * i) }

        func sector(_ bytes: [UInt8]) { out.append(contentsOf: bytes); out.append(contentsOf: [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)) }
        func le32(_ v: [UInt32]) -> [UInt8] { v.flatMap { x in (0..<4).map { UInt8((x >> (8 * UInt32($0))) & 0xFF) } } }
        sector(le32(fat))
        var dir: [UInt8] = []
        for e in entries {
            var d = [UInt8](repeating: 0, count: 128)
            let units = Array(e.name.utf16.prefix(31))
            for (i, u) in units.enumerated() { d[2 * i] = UInt8(u & 0xFF); d[2 * i + 1] = UInt8(u >> 8) }
            let nl = UInt16((units.count + 1) * 2)
            d[0x40] = UInt8(nl & 0xFF); d[0x41] = UInt8(nl >> 8)
            d[0x42] = e.type; d[0x43] = 1
            for (o, v) in [(0x44, e.left), (0x48, e.right), (0x4C, e.child), (0x74, e.start), (0x78, e.size)] {
                for i in 0..<4 { d[o + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) }
            }
            dir.append(contentsOf: d)
        }
        while dir.count % 512 != 0 {
            var d = [UInt8](repeating: 0, count: 128)
            for o in [0x44, 0x48, 0x4C] { for i in 0..<4 { d[o + i] = 0xFF } }
            dir.append(contentsOf: d)
        }
        out.append(contentsOf: dir)
        if miniFatSectors > 0 { sector(le32(miniFat + [UInt32](repeating: free, count: miniFatSectors * 128 - miniFat.count))) }
        if miniSectors > 0 { sector(mini) }
        for k in big { sector(entries[k].data) }
        return out
    }
}

/// Test support: the MAPI property streams of an Outlook message ([MS-OXMSG]).
struct MsgBuilder {
    var strings: [UInt16: String] = [:]
    var binaries: [UInt16: [UInt8]] = [:]
    var times: [UInt16: UInt64] = [:]
    var recipients: [(name: String, address: String, type: UInt32)] = []
    var attachments: [(name: String, mime: String, data: [UInt8])] = []
    var embedded: [(name: String, message: Boxed)] = []

    /// Holds an embedded message (a struct cannot hold itself inline).
    final class Boxed {
        let message: MsgBuilder
        init(_ m: MsgBuilder) { message = m }
    }

    static func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0] }
    static func hex4(_ v: UInt16) -> String { let h = String(v, radix: 16, uppercase: true); return String(repeating: "0", count: 4 - h.count) + h }

    /// FILETIME for a Unix time.
    static func filetime(_ unix: Int) -> UInt64 { UInt64(unix + 11_644_473_600) * 10_000_000 }

    static func props(headerSize: Int, fixed: [(UInt32, UInt64)]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: headerSize)
        for (tag, value) in fixed {
            out += (0..<4).map { UInt8((tag >> (8 * UInt32($0))) & 0xFF) } + [6, 0, 0, 0]
            out += (0..<8).map { UInt8((value >> (8 * UInt64($0))) & 0xFF) }
        }
        return out
    }

    func nodes(top: Bool) -> [CompoundFileWriter.Node] {
        var n: [CompoundFileWriter.Node] = []
        var fixed: [(UInt32, UInt64)] = times.map { (UInt32($0.key) << 16 | 0x0040, $0.value) }
        fixed.sort { $0.0 < $1.0 }
        n.append(.stream("__properties_version1.0", MsgBuilder.props(headerSize: top ? 32 : 24, fixed: fixed)))
        for (id, s) in strings { n.append(.stream("__substg1.0_\(MsgBuilder.hex4(id))001F", MsgBuilder.utf16(s))) }
        for (id, b) in binaries { n.append(.stream("__substg1.0_\(MsgBuilder.hex4(id))0102", b)) }
        for (i, r) in recipients.enumerated() {
            n.append(.storage(String(format: "__recip_version1.0_#%08X", i), [
                .stream("__properties_version1.0", MsgBuilder.props(headerSize: 8, fixed: [(0x0C15_0003, UInt64(r.type))])),
                .stream("__substg1.0_3001001F", MsgBuilder.utf16(r.name)),
                .stream("__substg1.0_39FE001F", MsgBuilder.utf16(r.address)),
            ]))
        }
        for (i, a) in attachments.enumerated() {
            n.append(.storage(String(format: "__attach_version1.0_#%08X", i), [
                .stream("__properties_version1.0", MsgBuilder.props(headerSize: 8, fixed: [(0x3705_0003, 1)])),
                .stream("__substg1.0_3707001F", MsgBuilder.utf16(a.name)),
                .stream("__substg1.0_370E001F", MsgBuilder.utf16(a.mime)),
                .stream("__substg1.0_37010102", a.data),
            ]))
        }
        for (k, e) in embedded.enumerated() {
            n.append(.storage(String(format: "__attach_version1.0_#%08X", attachments.count + k), [
                .stream("__properties_version1.0", MsgBuilder.props(headerSize: 8, fixed: [(0x3705_0003, 5)])),
                .stream("__substg1.0_3001001F", MsgBuilder.utf16(e.name)),
                .storage("__substg1.0_3701000D", e.message.message.nodes(top: false)),
            ]))
        }
        return n
    }

    func file() -> [UInt8] { CompoundFileWriter.write(nodes(top: true)) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The authors of a chat, interned: each name is decoded and hashed once, then found again by
/// comparing bytes with the few names seen last (chats alternate between few people).
struct AuthorTable {
    private(set) var names: [String] = []
    private(set) var counts: [Int] = []
    private var byName: [String: Int] = [:]
    private var recent: [(bytes: [UInt8], index: Int)] = []
    private var nextSlot = 0
    static let recentSize = 16

    /// The index of the author written in `b[start..<end]`; `decode` makes the name when new.
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decode: () -> String) -> Int {
        let n = end - start
        for r in recent where r.bytes.count == n {
            let same = r.bytes.withUnsafeBytes { rb in memcmp(rb.baseAddress!, b.baseAddress! + start, n) == 0 }
            if same { return r.index }
        }
        let name = decode()
        let index: Int
        if let i = byName[name] {
            index = i
        } else {
            index = names.count
            names.append(name)
            counts.append(0)
            byName[name] = index
        }
        let entry = (Array(UnsafeBufferPointer(rebasing: b[start..<end])), index)
        if recent.count < Self.recentSize { recent.append(entry) } else { recent[nextSlot] = entry }
        nextSlot = (nextSlot + 1) % Self.recentSize
        return index
    }

    mutating func count(_ index: Int) { counts[index] += 1 }

    /// Every author with their record count, in order of first appearance (authors left with 0 omitted).
    var participants: [(String, Int)] {
        zip(names, counts).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
    }
}

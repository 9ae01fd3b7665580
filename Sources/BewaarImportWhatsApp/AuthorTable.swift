#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BewaarModel
import BewaarJSON

/// The authors of a chat, interned: each name is decoded and hashed once, then found again by
/// comparing bytes with the few names seen last (chats alternate between few people).
struct AuthorTable {
    private(set) var names: [String] = []
    /// Whether each name's bytes are valid UTF-8 (an invalid one reads with U+FFFD).
    private(set) var valid: [Bool] = []
    /// Each name as a JSON string value (quoted, escaped), made once.
    private(set) var json: [[UInt8]] = []
    private(set) var counts: [Int] = []
    private var byName: [String: Int] = [:]
    private var recent: [(bytes: [UInt8], index: Int)] = []
    private var nextSlot = 0
    static let recentSize = 16

    /// The index of the author written in `b[start..<end]`.
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let n = end - start
        for r in recent where r.bytes.count == n {
            let same = r.bytes.withUnsafeBytes { rb in n == 0 || memcmp(rb.baseAddress!, b.baseAddress! + start, n) == 0 }
            if same { return r.index }
        }
        let bytes = UnsafeBufferPointer(rebasing: b[start..<end])
        let isValid = UTF8Check.isValid(bytes)
        // Invalid bytes get their own entry: two different invalid names must not merge via U+FFFD.
        let name = String(decoding: bytes, as: UTF8.self)
        let key = isValid ? name : "\u{0}" + bytes.map { String($0) }.joined(separator: ",")
        let index: Int
        if let i = byName[key] {
            index = i
        } else {
            index = names.count
            names.append(name)
            valid.append(isValid)
            json.append(JSONValue.string(name).serializedBytes())
            counts.append(0)
            byName[key] = index
        }
        let entry = (Array(bytes), index)
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

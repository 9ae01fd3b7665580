import Testing
import BewaarModel
import BewaarJSON

/// ``UTF8Check`` gives the standard library's verdict on every short byte sequence and on long
/// mixed runs (the eight-byte ASCII steps at every alignment).
@Suite struct UTF8CheckTests {
    static func stdlib(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    static func ours(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
    }

    @Test func everyOneAndTwoByteSequence() {
        var disagree: [[UInt8]] = []
        for a in 0...255 {
            if Self.ours([UInt8(a)]) != Self.stdlib([UInt8(a)]) { disagree.append([UInt8(a)]) }
            for b in 0...255 {
                let s = [UInt8(a), UInt8(b)]
                if Self.ours(s) != Self.stdlib(s) { disagree.append(s) }
            }
        }
        #expect(disagree.isEmpty, "\(disagree.prefix(5))")
    }

    @Test func threeAndFourByteSequencesAroundTheBoundaries() {
        // Lead bytes with every second byte and the edge values for the rest: overlong forms,
        // surrogates (ED A0..BF), above U+10FFFF (F4 90.., F5..), truncated sequences.
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE2, 0xF0, 0xFF]
        var disagree: [[UInt8]] = []
        for a in 0xC0...0xFF {
            for b in 0...255 {
                for c in edges {
                    let three = [UInt8(a), UInt8(b), c]
                    if Self.ours(three) != Self.stdlib(three) { disagree.append(three) }
                    for d in edges where a >= 0xF0 {
                        let four = three + [d]
                        if Self.ours(four) != Self.stdlib(four) { disagree.append(four) }
                    }
                }
            }
        }
        #expect(disagree.isEmpty, "\(disagree.prefix(5))")
    }

    @Test func longTextsAtEveryAlignment() {
        let text = Array("Sanne de Vries: zie je morgen? 👩‍👩‍👧 café ☕️ — oké!".utf8)
        for cut in 0..<17 {
            var bytes = Array(repeating: UInt8(0x61), count: cut) + text + Array(repeating: UInt8(0x62), count: 17 - cut)
            #expect(Self.ours(bytes) && Self.stdlib(bytes))
            for i in stride(from: 0, to: bytes.count, by: 5) {
                let keep = bytes[i]
                bytes[i] = 0xFF
                #expect(!Self.ours(bytes))
                bytes[i] = 0x80
                #expect(Self.ours(bytes) == Self.stdlib(bytes))
                bytes[i] = keep
            }
        }
        #expect(Self.ours([]))
    }
}

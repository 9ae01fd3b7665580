import Foundation
import Testing
@testable import BewaarBundle
import BewaarTestSupport

/// Hostile zips are refused before anything is read from them, and ZIP64 works both ways.
@Suite struct ZipSafetyTests {
    static func makeZip(_ path: String, _ entries: [(String, [UInt8], ZipMethod)], forceZip64: Bool = false) throws {
        let w = try ZipWriter(path: path, forceZip64: forceZip64)
        for (name, bytes, method) in entries { try w.add(name: name, bytes: bytes, method: method) }
        try w.close()
    }

    /// Offsets of every central directory header.
    static func centralHeaders(_ bytes: [UInt8]) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i + 4 <= bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 { out.append(i) }
            i += 1
        }
        return out
    }

    static func refusal(_ path: String) -> String? {
        do { _ = try ZipBagSource(path: path); return nil } catch { return error.dutch }
    }

    @Test(arguments: ["bag/../../evil.txt", "/etc/cron.d/evil", "bag/a\\..\\b.txt", "bag/./x", "C:/evil.txt", "bag//x"])
    func namesThatClimbOutAreRefused(_ name: String) throws {
        let dir = TempDir()
        let z = dir.file("t.zip")
        try Self.makeZip(z, [("bag/bagit.txt", Array("x".utf8), .stored), (name, Array("boe".utf8), .stored)])
        let why = Self.refusal(z)
        #expect(why?.contains("geweigerd") == true, "\(name): \(why ?? "accepted")")
        let r = BagVerifier.verify(path: z)
        #expect(!r.intact)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/../evil.txt"))
    }

    @Test func linksAreRefused() throws {
        let dir = TempDir()
        let z = dir.file("t.zip")
        try Self.makeZip(z, [("bag/bagit.txt", Array("x".utf8), .stored), ("bag/data/link", Array("/etc/passwd".utf8), .stored)])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: z)))
        let h = Self.centralHeaders(bytes)[1]
        let mode = UInt32(0o120777) << 16
        for k in 0..<4 { bytes[h + 38 + k] = UInt8((mode >> (8 * UInt32(k))) & 0xFF) }
        try Data(bytes).write(to: URL(fileURLWithPath: z))
        #expect(Self.refusal(z)?.contains("link") == true)
    }

    @Test func bombsAreRefused() throws {
        let dir = TempDir()
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        // Declared size smaller than what comes out: inflation stops at the declared size.
        let liar = dir.file("liar.zip")
        try Self.makeZip(liar, [("bag/bagit.txt", Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8), .stored),
                                ("bag/data/zeros", zeros, .deflated)])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: liar)))
        let h = Self.centralHeaders(bytes)[1]
        // Declared uncompressed size := compressed size (a harmless-looking ratio).
        for k in 0..<4 { bytes[h + 24 + k] = bytes[h + 20 + k] }
        try Data(bytes).write(to: URL(fileURLWithPath: liar))
        let source = try ZipBagSource(path: liar)
        var delivered = 0
        #expect(throws: BundleError.self) { try source.stream("data/zeros") { delivered += $0.count } }
        #expect(delivered <= 1 << 20)
        let r = BagVerifier.verify(path: liar)
        #expect(r.problems.contains { $0.dutch.contains("zip-bom") }, "\(r.problems)")
        // A declared ratio no deflate stream can reach is refused up front.
        let huge = dir.file("huge.zip")
        try Self.makeZip(huge, [("bag/data/zeros", zeros, .deflated)])
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: huge)))
        let h2 = Self.centralHeaders(bytes)[0]
        for k in 0..<4 { bytes[h2 + 24 + k] = 0xF0 }
        try Data(bytes).write(to: URL(fileURLWithPath: huge))
        #expect(Self.refusal(huge)?.contains("zip-bom") == true)
    }

    @Test func duplicatesEncryptionAndSeveralTopFoldersAreRefused() throws {
        let dir = TempDir()
        let dup = dir.file("dup.zip")
        try Self.makeZip(dup, [("bag/a.txt", [1], .stored), ("bag/A.txt", [2], .stored)])
        #expect(Self.refusal(dup)?.contains("twee keer") == true)
        let tops = dir.file("tops.zip")
        try Self.makeZip(tops, [("bag/a.txt", [1], .stored), ("other/b.txt", [2], .stored)])
        #expect(Self.refusal(tops)?.contains("bovenste map") == true)
        let enc = dir.file("enc.zip")
        try Self.makeZip(enc, [("bag/a.txt", [1, 2, 3], .stored)])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: enc)))
        bytes[Self.centralHeaders(bytes)[0] + 8] |= 1
        try Data(bytes).write(to: URL(fileURLWithPath: enc))
        #expect(Self.refusal(enc)?.contains("versleuteld") == true)
        let junk = dir.file("junk.zip")
        try Data("dit is geen zip".utf8).write(to: URL(fileURLWithPath: junk))
        #expect(Self.refusal(junk) != nil)
        #expect(!BagVerifier.verify(path: junk).intact)
    }

    @Test func zip64RecordsAreWrittenAndRead() throws {
        let dir = TempDir()
        let z = dir.file("z64.zip")
        let text = Array(String(repeating: "Sanne, Daan en Lotte zitten in 2B.\n", count: 5000).utf8)
        try Self.makeZip(z, [("bag/a.txt", text, .deflated), ("bag/b.bin", Array(0..<255), .stored)], forceZip64: true)
        let source = try ZipBagSource(path: z)
        var out: [UInt8] = []
        try source.stream("a.txt") { out.append(contentsOf: $0) }
        #expect(out == text)
        let raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: z)))
        #expect(raw.suffix(22).prefix(4) == [0x50, 0x4B, 0x05, 0x06])
        #expect(raw.suffix(22 + 20).prefix(4) == [0x50, 0x4B, 0x06, 0x07])  // ZIP64 locator
        if let unzip = ["/usr/bin/unzip", "/bin/unzip"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let (code, text) = TimeStampCheck.run(unzip, ["-t", z])
            #expect(code == 0, "\(text)")
        }
    }

    @Test func moreThan65535EntriesUseZip64() throws {
        let dir = TempDir()
        let z = dir.file("many.zip")
        let w = try ZipWriter(path: z)
        for i in 0..<70_000 { try w.add(name: "bag/data/f\(i)", bytes: [UInt8(i & 0xFF)], method: .stored) }
        try w.close()
        let r = try ZipReader(path: z)
        #expect(r.entries.count == 70_000)
        let source = try ZipBagSource(path: z)
        var b: [UInt8] = []
        try source.stream("data/f69999") { b.append(contentsOf: $0) }
        #expect(b == [UInt8(69_999 & 0xFF)])
    }
}

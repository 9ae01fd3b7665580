import Foundation
import Testing
@testable import BewaarBundle
import BewaarDigest
import BewaarModel
import BewaarStore
import BewaarTestSupport

/// A police officer or lawyer checks a bag; every kind of tampering is found and named.
@Suite struct BagVerifierTests {
    /// A fresh bag unpacked into a folder, plus the zip.
    static func freshBag(_ dir: TempDir, badOrigin: Bool = false, hugeOrigin: Bool = false) throws -> (zip: String, folder: String, files: [String]) {
        let (store, id) = try Fixture.makeStore(at: dir.file("store"), badOrigin: badOrigin, hugeOrigin: hugeOrigin)
        let zip = dir.file("bag.zip")
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: zip))
        let folder = try Fixture.unpack(zip, into: dir.file("unpacked"))
        let files = try ZipBagSource(path: zip).readingOrder
        return (zip, folder, files)
    }

    @Test func anUnpackedBagVerifiesToo() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        let r = BagVerifier.verify(path: bag.folder)
        #expect(r.intact, "\(Fixture.problemsText(r))")
        #expect(r.events > 5)
        // The folder the zip was unpacked into works too.
        let parent = (bag.folder as NSString).deletingLastPathComponent
        #expect(BagVerifier.verify(path: parent).intact)
    }

    @Test func flippingOneByteInAnySingleFileIsFoundAndNamed() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        #expect(bag.files.count == 14)
        for file in bag.files {
            let path = bag.folder + "/" + file
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let at = bytes.count / 2
            let saved = bytes[at]
            bytes[at] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let r = BagVerifier.verify(path: bag.folder)
            #expect(!r.intact, "flip in \(file) not found")
            #expect(Fixture.problemsText(r).contains(file), "flip in \(file) not named:\n\(Fixture.problemsText(r))")
            bytes[at] = saved
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        #expect(BagVerifier.verify(path: bag.folder).intact)
    }

    @Test func flippingOneByteInsideTheZipIsFoundAndNamed() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        let zip = try ZipReader(path: bag.zip)
        for entry in zip.entries where entry.compressed > 8 {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: bag.zip)))
            bytes[Int(entry.dataOffset + entry.compressed / 2)] ^= 0x10
            let copy = dir.file("flipped.zip")
            try Data(bytes).write(to: URL(fileURLWithPath: copy))
            let r = BagVerifier.verify(path: copy)
            #expect(!r.intact)
            let rel = String(entry.name.split(separator: "/", maxSplits: 1)[1])
            #expect(Fixture.problemsText(r).contains(rel), "\(entry.name): \(Fixture.problemsText(r))")
        }
    }

    @Test func deletingAnyFileIsFoundAndNamed() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        for file in bag.files {
            let path = bag.folder + "/" + file
            let saved = try Data(contentsOf: URL(fileURLWithPath: path))
            try FileManager.default.removeItem(atPath: path)
            let r = BagVerifier.verify(path: bag.folder)
            #expect(!r.intact, "deleting \(file) not found")
            #expect(Fixture.problemsText(r).contains(file), "deleting \(file) not named:\n\(Fixture.problemsText(r))")
            try saved.write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func addingAFileAnywhereIsFoundAndNamed() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        for added in ["data/originals/extra.txt", "data/nieuw.txt", "extra-tag.txt", "fetch.txt"] {
            let path = bag.folder + "/" + added
            try Data("toegevoegd\n".utf8).write(to: URL(fileURLWithPath: path))
            let r = BagVerifier.verify(path: bag.folder)
            #expect(!r.intact, "adding \(added) not found")
            #expect(Fixture.problemsText(r).contains(added), "adding \(added) not named:\n\(Fixture.problemsText(r))")
            try FileManager.default.removeItem(atPath: path)
        }
        #expect(BagVerifier.verify(path: bag.folder).intact)
    }

    /// Rewrites a custody.jsonl and every manifest so that only the chain can betray the edit
    /// (the strongest forger short of rewriting the chain).
    static func rewrite(_ folder: String, custody: [String]) throws {
        let custodyPath = folder + "/data/custody.jsonl"
        try Data((custody.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: custodyPath))
        func hashes(_ p: String) throws -> (String, String) {
            let d = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + p))
            var h = StreamingSHA512()
            d.withUnsafeBytes { h.update($0) }
            return (StreamingSHA256.digest(d).hex, h.finalizeHex())
        }
        for alg in [0, 1] {
            let m = folder + (alg == 0 ? "/manifest-sha256.txt" : "/manifest-sha512.txt")
            let lines = try String(contentsOfFile: m, encoding: .utf8).split(separator: "\n").map { line -> String in
                let path = String(line.split(separator: " ", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
                let h = try hashes(path)
                return "\(alg == 0 ? h.0 : h.1)  \(path)"
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: m))
        }
        for alg in [0, 1] {
            let m = folder + (alg == 0 ? "/tagmanifest-sha256.txt" : "/tagmanifest-sha512.txt")
            let lines = try ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"].map { p in
                let h = try hashes(p)
                return "\(alg == 0 ? h.0 : h.1)  \(p)"
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: m))
        }
    }

    @Test func editingOrRemovingACustodyLineBreaksTheChainEvenWithFreshManifests() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        let original = try String(contentsOfFile: bag.folder + "/data/custody.jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        // Plain edit (manifests left alone): the file's digest and the line are named.
        var edited = original
        edited[2] = edited[2].replacingOccurrences(of: "\"actor\":\"", with: "\"actor\":\"X")
        #expect(edited[2] != original[2])
        try Data((edited.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: bag.folder + "/data/custody.jsonl"))
        var r = BagVerifier.verify(path: bag.folder)
        #expect(!r.intact)
        #expect(r.problems.contains { $0.file == "data/custody.jsonl" && $0.line == 3 }, "\(Fixture.problemsText(r))")
        // The same edit with every manifest recomputed: the chain still finds line 3.
        try Self.rewrite(bag.folder, custody: edited)
        r = BagVerifier.verify(path: bag.folder)
        #expect(!r.intact)
        #expect(r.problems.contains { $0.file == "data/custody.jsonl" && $0.line == 3 }, "\(Fixture.problemsText(r))")
        // A removed line, manifests recomputed.
        var removed = original
        removed.remove(at: 4)
        try Self.rewrite(bag.folder, custody: removed)
        r = BagVerifier.verify(path: bag.folder)
        #expect(!r.intact)
        #expect(Fixture.problemsText(r).contains("data/custody.jsonl"))
        #expect(Fixture.problemsText(r).contains("gebeurtenis 5 ontbreekt"), "\(Fixture.problemsText(r))")
        // The last line (the export) removed: the anchor in bag-info and the export check catch it.
        var tail = original
        tail.removeLast()
        try Self.rewrite(bag.folder, custody: tail)
        r = BagVerifier.verify(path: bag.folder)
        #expect(!r.intact)
        #expect(Fixture.problemsText(r).contains("data/custody.jsonl"))
        // Restored: intact again (the rewrite itself is faithful).
        try Self.rewrite(bag.folder, custody: original)
        r = BagVerifier.verify(path: bag.folder)
        #expect(r.intact, "\(Fixture.problemsText(r))")
    }

    @Test func aRecordPointingOutsideItsOriginalIsNamed() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir, badOrigin: true)
        let r = BagVerifier.verify(path: bag.zip)
        #expect(!r.intact)
        #expect(r.problems.contains { $0.file.hasPrefix("data/records/item-0001") && $0.dutch.contains("bericht 3") }, "\(Fixture.problemsText(r))")
    }

    @Test func anOriginWhoseEndPassesTheLargestNumberIsNamedNotATrap() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir, hugeOrigin: true)
        let r = BagVerifier.verify(path: bag.zip)
        #expect(!r.intact)
        let named = r.problems.contains {
            $0.file.hasPrefix("data/records/item-0001") && $0.dutch.contains("bericht 3") && $0.dutch.contains("9223372036854775805")
        }
        #expect(named, "\(Fixture.problemsText(r))")
    }

    /// A HEIC's header gives its size before libheif turns it (irot): a box of the turned picture
    /// is in bounds either way round; a PNG's box is held to its one size.
    @Test func aHEICsBoxMayLieInItsTurnedPicture() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let heic = root.appendingPathComponent("BewaarImageTests/Fixtures/chat.heic").path  // 780 × 600
        let (digest, size) = try store.objects.put(file: heic)
        // Inside 600 × 780 (the picture turned a quarter), outside 780 × 600.
        let record = Message(
            timestamp: nil, author: "Daan Jansen", text: "ga weg",
            origin: Origin(line: nil, offset: 0, length: size, box: PixelRect(x: 10, y: 700, width: 100, height: 50)))
        _ = try store.recordIngest(
            NewEvidence(
                name: "foto.heic", size: size, sha256: digest, mediaType: "image/heic", format: "image", collectedBy: "J. Bakker (mentor)",
                messages: [record]), in: id)
        let zip = dir.file("bag.zip")
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: zip))
        let r = BagVerifier.verify(path: zip)
        #expect(!r.problems.contains { $0.dutch.contains("pixels") }, "\(Fixture.problemsText(r))")
    }

    @Test func aPixelBoxOutsideItsScreenshotIsNamedAndOneInsideIsNot() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        // The sample screenshot is 780 × 1688 pixels.
        let png = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/evidence/schermafbeelding-groepsapp.png").path
        let (digest, size) = try store.objects.put(file: png)
        let read = { (text: String, box: PixelRect) in
            Message(timestamp: nil, author: "Daan Jansen", text: text, origin: Origin(line: nil, offset: 0, length: size, box: box))
        }
        let records = [
            read("niemand wil jou erbij", PixelRect(x: 40, y: 300, width: 280, height: 60)),
            read("ga weg", PixelRect(x: 700, y: 1650, width: 200, height: 60)),
        ]
        let evidence = NewEvidence(
            name: "schermafbeelding 2.png", size: size, sha256: digest, mediaType: "image/png", format: "image",
            collectedBy: "J. Bakker (mentor)", messages: records)
        _ = try store.recordIngest(evidence, in: id)
        let zip = dir.file("bag.zip")
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: zip))
        let r = BagVerifier.verify(path: zip)
        let pixels = r.problems.filter { $0.dutch.contains("pixels") }
        #expect(pixels.count == 1, "\(Fixture.problemsText(r))")
        #expect(pixels.first?.dutch.contains("bericht 2 wijst naar pixels 200×60+700+1650, buiten de afbeelding (780×1688)") == true)
        #expect(r.recordsChecked >= 2)
    }

    @Test func anOriginalSwappedWithFreshManifestsIsStillCaught() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        let originals = try FileManager.default.contentsOfDirectory(atPath: bag.folder + "/data/originals").sorted()
        let target = bag.folder + "/data/originals/" + originals[0]
        try Data("iets heel anders\n".utf8).write(to: URL(fileURLWithPath: target))
        let custody = try String(contentsOfFile: bag.folder + "/data/custody.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        try Self.rewrite(bag.folder, custody: custody)  // every manifest made to match the swap
        let r = BagVerifier.verify(path: bag.folder)
        #expect(!r.intact)
        #expect(r.problems.contains { $0.file == "data/originals/" + originals[0] }, "\(Fixture.problemsText(r))")
        #expect(r.problems.contains { $0.file == "data/custody.jsonl" && $0.dutch.contains("exportgebeurtenis") })
    }

    @Test func strictWhereBagitPythonIsLenient() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        // Tag manifests removed.
        let tag = bag.folder + "/tagmanifest-sha512.txt"
        let saved = try Data(contentsOf: URL(fileURLWithPath: tag))
        try FileManager.default.removeItem(atPath: tag)
        #expect(Fixture.problemsText(BagVerifier.verify(path: bag.folder)).contains("tagmanifest-sha512.txt"))
        try saved.write(to: URL(fileURLWithPath: tag))
        // A payload file missing from one of the two manifests.
        let m = bag.folder + "/manifest-sha512.txt"
        let m512 = try String(contentsOfFile: m, encoding: .utf8)
        try Data(m512.split(separator: "\n").filter { !$0.contains("LEESMIJ") }.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: m))
        let r = BagVerifier.verify(path: bag.folder)
        #expect(r.problems.contains { $0.file == "data/LEESMIJ.txt" && $0.dutch.contains("manifest-sha512.txt") }, "\(Fixture.problemsText(r))")
        try Data(m512.utf8).write(to: URL(fileURLWithPath: m))
        // BagIt 0.97 header.
        let b = bag.folder + "/bagit.txt"
        try Data("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n".utf8).write(to: URL(fileURLWithPath: b))
        #expect(Fixture.problemsText(BagVerifier.verify(path: bag.folder)).contains("bagit.txt"))
    }

    @Test func linksInAnUnpackedBagAreRefusedNotFollowed() throws {
        let dir = TempDir()
        let bag = try Self.freshBag(dir)
        try FileManager.default.createSymbolicLink(atPath: bag.folder + "/data/link.txt", withDestinationPath: "/etc/passwd")
        let r = BagVerifier.verify(path: bag.folder)
        #expect(!r.intact)
        #expect(Fixture.problemsText(r).contains("link"))
    }
}

import Foundation
import Testing
@testable import BewaarBundle
import BewaarDigest
import BewaarModel
import BewaarJSON
import BewaarStore
import BewaarTestSupport

@Suite struct BundleBuilderTests {
    @Test func theAfdelingsleiderExportsACaseAsABagThatVerifies() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let out = dir.file("2026-0001.zip")
        let r = try BundleBuilder.build(store: store, options: Fixture.options(id, out: out))
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: dir.file(".2026-0001.zip.part")))
        let report = BagVerifier.verify(path: out)
        #expect(report.intact, "\(Fixture.problemsText(report))")
        #expect(report.files == r.payloadFiles)
        #expect(report.recordsChecked == 4)
        #expect(report.tagManifestSHA256 == r.tagManifestSHA256)

        let bag = try ZipBagSource(path: out)
        #expect(bag.name == id.description)
        let names = Set(bag.files.keys)
        for required in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt",
                         "tagmanifest-sha512.txt", "data/case.json", "data/custody.jsonl", "data/LEESMIJ.txt", "data/provenance/case.jsonld"] {
            #expect(names.contains(required), "\(required) missing")
        }
        for n in names { #expect(BagNames.isSafePath(n), "\(n)") }
        let originals = names.filter { $0.hasPrefix("data/originals/") }
        #expect(originals.count == 2)
        for item in try store.items(id) {
            #expect(originals.contains { $0.contains(item.sha256.hex) })
            var bytes: [UInt8] = []
            try bag.stream(originals.first { $0.contains(item.sha256.hex) }!) { bytes.append(contentsOf: $0) }
            #expect(StreamingSHA256.digest(bytes) == item.sha256, "original not byte-identical")
        }
        let info = BagInfo.parse(String(decoding: try bag.read("bag-info.txt")!, as: UTF8.self)).info
        for label in ["Source-Organization", "Contact-Name", "External-Identifier", "Bagging-Date", "Bag-Software-Agent", "Payload-Oxum",
                      "Bag-Size", "Internal-Sender-Description", "Bewaar-Custody-Head", "Bewaar-Custody-Events", "Bewaar-Timezone-Assumed"] {
            #expect(info.values(label).count == 1, "\(label)")
        }
        #expect(info.values("External-Identifier") == [id.description])
        #expect(info.values("Bewaar-Custody-Head") == ["sha256:\(r.exportEvent.hash)"])
        #expect(info.values("Bagging-Date") == [String(Timestamp(date: r.exportEvent.time, in: TimeZone(identifier: "Europe/Amsterdam")!).rfc3339.prefix(10))])
        #expect(String(decoding: try bag.read("bagit.txt")!, as: UTF8.self) == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        // The pupil's own file name lives in the JSON.
        let caseJSON = String(decoding: try bag.read("data/case.json")!, as: UTF8.self)
        #expect(caseJSON.contains("WhatsApp-chat met Lotte Visser & Daan.txt"))
        let leesmij = String(decoding: try bag.read("data/LEESMIJ.txt")!, as: UTF8.self)
        #expect(leesmij.contains("sha256sum -c manifest-sha256.txt") && leesmij.contains("bagit.py --validate"))
    }

    @Test func mediaAreStoredAndTextIsDeflated() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let out = dir.file("b.zip")
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: out))
        let zip = try ZipReader(path: out)
        let png = zip.entries.first { $0.name.hasSuffix(".png") }!
        let chat = zip.entries.first { $0.name.contains("originals") && $0.name.hasSuffix(".txt") }!
        #expect(png.method == 0)
        #expect(chat.method == 8)
        #expect(zip.entries.map(\.name) == zip.entries.map(\.name).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test func bigOriginalsGoThroughTheTwoCorePipelineIntact() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        // A 9 MB "video" (stored) and a 6.5 MB chat (deflated): several pipeline buffers each.
        var video: [UInt8] = [0, 0, 0, 0x18] + Array("ftypmp42".utf8)
        var x: UInt64 = 88172645463325252
        while video.count < 9_000_001 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; video.append(UInt8(truncatingIfNeeded: x)) }
        let chat = Array(String(repeating: "13-03-2026 07:45 - Daan Jansen: morgen weer, Sanne\n", count: 130_000).utf8)
        for (name, bytes, type) in [("VID-0001.mp4", video, "video/mp4"), ("grote chat.txt", chat, "text/plain")] {
            let tmp = dir.file(name)
            try Data(bytes).write(to: URL(fileURLWithPath: tmp))
            let (d, size) = try store.objects.put(file: tmp)
            _ = try store.recordIngest(NewEvidence(name: name, size: size, sha256: d, mediaType: type, format: "unknown",
                                                   collectedBy: "J. Bakker (mentor)"), in: id)
        }
        let out = dir.file("groot.zip")
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: out))
        let report = BagVerifier.verify(path: out)
        #expect(report.intact, "\(Fixture.problemsText(report))")
        let bag = try ZipBagSource(path: out)
        for bytes in [video, chat] {
            let sha = StreamingSHA256.digest(bytes)
            let path = bag.files.keys.first { $0.contains(sha.hex) }!
            var h = StreamingSHA256()
            try bag.stream(path) { h.update($0) }
            #expect(h.finalize() == sha)
        }
        let zip = try ZipReader(path: out)
        #expect(zip.entries.first { $0.name.hasSuffix("VID-0001.mp4") }?.method == 0)
        #expect(zip.entries.first { $0.name.hasSuffix("grote-chat.txt") }?.method == 8)
        // A flipped byte deep inside the big stored original is found and named.
        let entry = zip.entries.first { $0.name.hasSuffix("VID-0001.mp4") }!
        var raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        raw[Int(entry.dataOffset) + 7_000_000] ^= 0x80
        try Data(raw).write(to: URL(fileURLWithPath: dir.file("kapot.zip")))
        let bad = BagVerifier.verify(path: dir.file("kapot.zip"))
        #expect(!bad.intact)
        #expect(Fixture.problemsText(bad).contains("VID-0001.mp4"))
    }

    @Test func libcryptoSHA512AgreesWithSwiftCrypto() {
        for n in [0, 1, 111, 128, 1 << 20] {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let fast = FastSHA512()
            var reference = StreamingSHA512()
            bytes.withUnsafeBytes { p in
                fast.update(UnsafeRawBufferPointer(rebasing: p.prefix(n / 3)))
                fast.update(UnsafeRawBufferPointer(rebasing: p.dropFirst(n / 3)))
                reference.update(p)
            }
            #expect(fast.finalizeHex() == reference.finalizeHex())
        }
    }

    @Test func randomBytesOfUnknownKindAreStoredNotDeflated() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        let random: [UInt8] = (0..<(1 << 18)).map { _ in
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            return UInt8(truncatingIfNeeded: x)
        }
        #expect(!BundleBuilder.worthDeflating(random))
        #expect(BundleBuilder.worthDeflating(Array(String(repeating: "Daan: hou op\n", count: 20_000).utf8)))
        #expect(BundleBuilder.worthDeflating([1, 2, 3]))  // too small to judge: deflate
    }

    @Test func twoExportsOfTheSameStoreAtTheSameTimeAreByteIdentical() throws {
        let dir = TempDir()
        let clock = Fixture.stepClock()
        _ = try Fixture.makeStore(at: dir.file("a/store"), clock: clock)
        try FileManager.default.copyItem(atPath: dir.file("a"), toPath: dir.file("b"))
        let t = clock.now
        let storeA = try CaseStore(path: dir.file("a/store"), create: false, clock: { t })
        let storeB = try CaseStore(path: dir.file("b/store"), create: false, clock: { t })
        let id = try storeA.cases()[0].id
        try FileManager.default.createDirectory(atPath: dir.file("outA"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("outB"), withIntermediateDirectories: true)
        let ra = try BundleBuilder.build(store: storeA, options: Fixture.options(id, out: dir.file("outA/zaak.zip")))
        let rb = try BundleBuilder.build(store: storeB, options: Fixture.options(id, out: dir.file("outB/zaak.zip")))
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("outA/zaak.zip")))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir.file("outB/zaak.zip")))
        #expect(a == b)
        #expect(ra.tagManifestSHA256 == rb.tagManifestSHA256)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("outA/zaak.tsq"))) == Data(contentsOf: URL(fileURLWithPath: dir.file("outB/zaak.tsq"))))
        // A later export differs (new time, one more event).
        let later = Date(timeIntervalSince1970: t.timeIntervalSince1970 + 60)
        let storeC = try CaseStore(path: dir.file("b/store"), create: false, clock: { later })
        _ = try BundleBuilder.build(store: storeC, options: Fixture.options(id, out: dir.file("outB/later.zip")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("outB/later.zip"))) != a)
    }

    @Test func theExportClosesTheCustodyCircle() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let out = dir.file("z.zip")
        let r = try BundleBuilder.build(store: store, options: Fixture.options(id, out: out))
        let events = try store.events(chain: id.description)
        #expect(events.last?.action == .exportSealed)
        #expect(events.last?.details["tagManifestSha256"] == r.tagManifestSHA256)
        #expect(events[events.count - 2] == r.exportEvent)
        #expect(try store.verifyChain(id.description).intact)
        // In the bag the last event is the export itself, with the payload digest.
        let bag = try ZipBagSource(path: out)
        let lines = String(decoding: try bag.read("data/custody.jsonl")!, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == events.count - 1)
        #expect(String(lines.last!) == r.exportEvent.jsonLine)
        #expect(r.exportEvent.details["payloadDigestExcludingCustody"] == r.payloadDigest)
        var tag: [UInt8] = []
        try bag.stream("tagmanifest-sha256.txt") { tag.append(contentsOf: $0) }
        #expect(StreamingSHA256.digest(tag).hex == r.tagManifestSHA256)
        // An existing file is never overwritten.
        #expect(throws: BundleError.self) { try BundleBuilder.build(store: store, options: Fixture.options(id, out: out)) }
    }

    @Test func theTimeStampRequestIsWhatOpenSSLWouldWrite() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let r = try BundleBuilder.build(store: store, options: Fixture.options(id, out: dir.file("z.zip")))
        let ours = try Data(contentsOf: URL(fileURLWithPath: r.timeStampRequestPath))
        #expect(ours.count == 59)
        #expect(ours.suffix(35).prefix(32) == Data(SHA256Digest(hex: r.tagManifestSHA256)!.hex.hexBytes))
        guard let openssl = TimeStampCheck.openssl() else { return }
        let theirs = dir.file("openssl.tsq")
        let (code, _) = TimeStampCheck.run(openssl, ["ts", "-query", "-digest", r.tagManifestSHA256, "-sha256", "-cert", "-no_nonce", "-out", theirs])
        #expect(code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: theirs)) == ours)
    }

    @Test func pseudonymisedBundlesHideBystandersAndLeaveOriginalsOut() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let out = dir.file("p.zip")
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: out, pseudonymise: true))
        let report = BagVerifier.verify(path: out)
        #expect(report.intact, "\(Fixture.problemsText(report))")
        #expect(!report.notes.isEmpty)
        let bag = try ZipBagSource(path: out)
        #expect(!bag.files.keys.contains { $0.hasPrefix("data/originals/") })
        var all = ""
        for p in bag.readingOrder { all += String(decoding: try bag.read(p)!, as: UTF8.self) }
        #expect(!all.contains("Lotte"))
        #expect(!all.contains("Marieke"))
        #expect(all.contains("Getuige-1"))
        #expect(all.contains("Ouder-1"))
        #expect(all.contains("Sanne de Vries") && all.contains("Daan Jansen"))  // victim and suspect keep their names
        let info = BagInfo.parse(String(decoding: try bag.read("bag-info.txt")!, as: UTF8.self)).info
        #expect(info.values("Bewaar-Pseudonymised") == ["ja"])
        #expect(info.values("Bewaar-Originals-Included") == ["nee"])
        // Stable: a second pseudonymised export uses the same pseudonyms.
        _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: dir.file("p2.zip"), pseudonymise: true))
        let again = try ZipBagSource(path: dir.file("p2.zip"))
        #expect(try again.read("data/case.json") .map { String(decoding: $0, as: UTF8.self).contains("Getuige-1") } == true)
    }

    @Test func namesAreSafeAndCarryTheHash() {
        #expect(BagNames.safe("WhatsApp-chat met Klas 2B.txt") == "WhatsApp-chat-met-Klas-2B.txt")
        #expect(BagNames.safe("Zoë's foto's (1).jpg") == "Zoe-s-foto-s-1-.jpg" || BagNames.safe("Zoë's foto's (1).jpg") == "Zoe-s-foto-s-1.jpg")
        #expect(BagNames.safe("../../etc/passwd") == "etc-passwd")
        #expect(BagNames.safe("%25.txt") == "25.txt")
        #expect(BagNames.safe("") == "bestand")
        #expect(BagNames.safe(String(repeating: "a", count: 200) + ".jpeg").utf8.count <= 40)
        #expect(BagNames.safe(String(repeating: "a", count: 200) + ".jpeg").hasSuffix(".jpeg"))
        let d = SHA256Digest(hex: String(repeating: "ab", count: 32))!
        #expect(BagNames.original(sha256: d, name: "x y.txt") == "data/originals/\(d.hex)-x-y.txt")
        #expect(!BagNames.isSafePath("data/../x") && !BagNames.isSafePath("/data/x") && !BagNames.isSafePath("data/a%25b"))
    }
}

extension String {
    var hexBytes: [UInt8] {
        var out: [UInt8] = []
        var it = utf8.makeIterator()
        func v(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : c - 0x61 + 10 }
        while let a = it.next(), let b = it.next() { out.append(v(a) << 4 | v(b)) }
        return out
    }
}

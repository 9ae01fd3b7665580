import Foundation
import Testing
@testable import BewaarBundle
import BewaarModel
import BewaarStore
import BewaarTestSupport

/// An original whose bytes changed in the store after it was saved is never exported: not a
/// small chat (staged before the zip) and not a big video (streamed into the zip).
@Suite struct ChangedOriginalTests {
    /// Flips one byte of the stored original at `offset`.
    static func tamper(_ store: CaseStore, _ item: EvidenceItem, at offset: Int) throws {
        let path = store.objects.path(for: item.sha256)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func expectRefusal(_ store: CaseStore, _ id: CaseID, _ dir: TempDir, naming name: String) {
        let out = dir.file("zaak.zip")
        #expect {
            _ = try BundleBuilder.build(store: store, options: Fixture.options(id, out: out))
        } throws: { error in
            guard let e = error as? BundleError else { return false }
            return e.code == .originalChanged && e.dutch.contains(name) && e.english.contains("was changed in the store")
        }
        // Nothing is left beside it: no zip, no part, no staging folder.
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        #expect(!left.contains { $0.contains("zaak.zip") }, "\(left)")
    }

    @Test func aChatChangedInTheStoreIsRefused() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        let chat = try store.items(id).first { $0.format == "whatsapp" }!
        try Self.tamper(store, chat, at: 10)
        Self.expectRefusal(store, id, dir, naming: chat.name)
    }

    @Test func aBigVideoChangedInTheStoreIsRefused() throws {
        let dir = TempDir()
        let (store, id) = try Fixture.makeStore(at: dir.file("store"))
        var video: [UInt8] = [0, 0, 0, 0x18] + Array("ftypmp42".utf8)
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        while video.count < 3_000_000 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; video.append(UInt8(truncatingIfNeeded: x)) }
        let tmp = dir.file("VID-0002.mp4")
        try Data(video).write(to: URL(fileURLWithPath: tmp))
        let (d, size) = try store.objects.put(file: tmp)
        _ = try store.recordIngest(
            NewEvidence(
                name: "VID-0002.mp4", size: size, sha256: d, mediaType: "video/mp4", format: "unknown",
                collectedBy: "J. Bakker (mentor)"), in: id)
        let item = try store.items(id).first { $0.name == "VID-0002.mp4" }!
        try Self.tamper(store, item, at: 2_500_000)
        Self.expectRefusal(store, id, dir, naming: "VID-0002.mp4")
    }
}

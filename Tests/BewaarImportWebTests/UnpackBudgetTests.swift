import Foundation
import Testing
import BewaarModel
import BewaarImport
import BewaarImportWeb

/// A saved page and a data export uploaded together share one unpack budget (issue 19): the
/// member past it stays in its zip with a warning that names both, never a read error.
@Suite struct UnpackBudgetTests {
    /// 900 000 bytes that deflate to a few KB (below the ratio check's 1 MiB floor).
    static let bigImage = [UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Array(repeating: 0x41, count: 900_000 - 8)

    static func read(_ importer: any EvidenceImporter, _ url: URL, limits: ImportLimits) throws -> ImportResult {
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        return try importer.importFile(ImportSource(path: url.path, name: url.lastPathComponent, size: size, sha256: nil),
                                context: ImportContext(sink: HashingSink(), limits: limits))
    }

    @Test func aSavedPageAndAnExportShareOneBudget() throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try Fixtures.zip([
            ("Klas2B.html", Array(SavedPageTests.completePage.utf8)),
            ("Klas2B_files/foto 1.png", Self.bigImage),
        ], to: dir.appendingPathComponent("opgeslagen.zip"))
        let export = try Fixtures.zip([
            ("your_instagram_activity/messages/inbox/daanj_123/message_1.json", Array(MetaExportTests.thread2.utf8)),
            ("your_instagram_activity/messages/inbox/daanj_123/photos/991.jpg", Self.bigImage),
        ], to: dir.appendingPathComponent("instagram-sanne.zip"))
        var limits = ImportLimits()
        limits.unpackBudget = UnpackBudget(bytes: 1 << 20)

        let first = try Self.read(SavedPageImporter(), page, limits: limits)
        #expect(first.contained.count == 2)
        #expect(first.warnings.allSatisfy { $0.code != "unpack-budget-spent" })
        let second = try Self.read(PlatformExportImporter(), export, limits: limits)
        #expect(second.messages.map(\.text) == ["hoi"])
        #expect(second.contained.map(\.pathInParent) == ["your_instagram_activity/messages/inbox/daanj_123/message_1.json"])
        let spent = second.warnings.filter { $0.code == "unpack-budget-spent" }
        #expect(spent.count == 1)
        #expect(spent.first?.message.hasPrefix("Zip-onderdeel your_instagram_activity/messages/inbox/daanj_123/photos/991.jpg uit instagram-sanne.zip") == true,
                "\(spent)")
        #expect(second.warnings.allSatisfy { $0.code != "member-unreadable" })
        // A budget left whole reads everything.
        #expect(try Self.read(PlatformExportImporter(), export, limits: ImportLimits()).contained.count == 2)
    }
}

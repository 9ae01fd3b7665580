import BewaarImage
import Foundation

/// The committed chat screenshots in Tests/Fixtures/screenshots.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screenshots")

    static func image(_ name: String) throws -> PixelImage {
        try ImageDecoder().decode(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
    }
}

import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportMail

/// A temporary folder removed when released.
final class TempFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bewaar-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns the path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
}

/// Where the package's fixtures live.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/BewaarImportMailTests/Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// Imports a file with the e-mail importer through a hashing sink.
func importMail(path: String) throws -> ImportResult {
    let attrs = try FileManager.default.attributesOfItem(atPath: path)
    let size = (attrs[.size] as? NSNumber)?.int64Value ?? 0
    let source = ImportSource(path: path, name: (path as NSString).lastPathComponent, size: size, sha256: nil)
    return try EmailImporter().importFile(source, context: ImportContext(sink: HashingSink()))
}

/// Imports bytes written to a temporary file.
func importMail(bytes: [UInt8], name: String = "bericht.eml") throws -> ImportResult {
    let t = try TempFolder()
    let p = try t.write(name, bytes)
    return try importMail(path: p)
}

func importMail(_ text: String, name: String = "bericht.eml") throws -> ImportResult {
    try importMail(bytes: Array(text.utf8), name: name)
}

extension ImportResult {
    var email: JSONValue? { messages.first?.extra["email"] }
}

/// The SHA-256 of bytes, in hex.
func sha256Hex(_ bytes: [UInt8]) -> String {
    BewaarDigestBridge.hex(bytes)
}

import Foundation
import ZIPFoundation
import BewaarImport
import BewaarModel
import BewaarKit

/// Temporary folders and real zip files for the tests.
enum Fixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func tempDir() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("bewaar-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }

    @discardableResult
    static func write(_ text: String, to url: URL) throws -> URL {
        try write(Array(text.utf8), to: url)
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    /// A real zip with the given members (path → bytes), deflated.
    static func zip(_ members: [(String, [UInt8])], to url: URL) throws -> URL {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in members {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return url
    }

    /// Imports a file the way `inspect` does: detection, then the chosen importer.
    static func inspect(_ url: URL) throws -> Inspection {
        try Inspector.inspect(path: url.path)
    }

    /// The bytes of a record's origin in the given bytes.
    static func slice(_ bytes: [UInt8], _ o: Origin) -> String {
        String(decoding: bytes[Int(o.offset)..<Int(o.offset + o.length)], as: UTF8.self)
    }
}

import BewaarDigest
enum BewaarModelTestsSHA {
    static func hex(_ b: [UInt8]) -> String { StreamingSHA256.digest(b).hex }
}

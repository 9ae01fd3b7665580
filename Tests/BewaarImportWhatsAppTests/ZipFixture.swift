import Foundation
import ZIPFoundation

/// Builds real zip files for tests, hostile members included.
struct ZipFixture {
    enum Member {
        case file(String, [UInt8], deflate: Bool = true)
        case symlink(String, target: String)
        case directory(String)
    }

    /// Writes a zip with `members` (in order) to `url`.
    static func write(_ members: [Member], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let when = Date(timeIntervalSince1970: 1_700_000_000)
        for m in members {
            switch m {
            case .file(let path, let bytes, let deflate):
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: when,
                                     compressionMethod: deflate ? .deflate : .none) { (pos: Int64, size: Int) -> Data in
                    data.subdata(in: Int(pos)..<(Int(pos) + size))
                }
            case .symlink(let path, let target):
                let data = Data(target.utf8)
                try archive.addEntry(with: path, type: .symlink, uncompressedSize: Int64(data.count), modificationDate: when) { (pos: Int64, size: Int) -> Data in
                    data.subdata(in: Int(pos)..<(Int(pos) + size))
                }
            case .directory(let path):
                try archive.addEntry(with: path, type: .directory, uncompressedSize: 0, modificationDate: when) { (_: Int64, _: Int) -> Data in Data() }
            }
        }
    }
}

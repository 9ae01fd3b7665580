#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarDigest

/// A bag to verify: its files (paths relative to the bag's top folder, with sizes) and a
/// way to stream each one. Either a zip read in place or an unpacked folder.
protocol BagSource {
    /// The bag's name (its top folder).
    var name: String { get }
    /// Every regular file, relative path → size.
    var files: [String: Int64] { get }
    /// The order to read files in (the zip's order, for locality).
    var readingOrder: [String] { get }
    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws
}

/// Stops a stream once enough was read.
private struct EnoughRead: Error {}

extension BagSource {
    /// The first `count` bytes of a file (fewer when it is shorter); nil when it is not in the bag.
    func head(_ path: String, count: Int) throws -> [UInt8]? {
        guard files[path] != nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        do {
            try stream(path) { chunk in
                out.append(contentsOf: chunk.prefix(count - out.count))
                if out.count >= count { throw EnoughRead() }
            }
        } catch is EnoughRead {}
        return out
    }

    /// A whole small file (tag files, JSON), refused above `limit` bytes.
    func read(_ path: String, limit: Int64 = 256 << 20) throws -> [UInt8]? {
        guard let size = files[path], size <= limit else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Int(size))
        try stream(path) { out.append(contentsOf: $0) }
        return out
    }
}

/// A bag inside a zip: exactly one top folder, every entry below it.
struct ZipBagSource: BagSource {
    let reader: ZipReader
    let name: String
    let files: [String: Int64]
    let readingOrder: [String]
    private let entries: [String: ZipReader.Entry]

    init(path: String) throws(BundleError) {
        reader = try ZipReader(path: path)
        var tops = Set<String>()
        var files: [String: Int64] = [:]
        var entries: [String: ZipReader.Entry] = [:]
        var order: [String] = []
        for e in reader.entries {
            let parts = e.name.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            tops.insert(String(parts[0]))
            if e.isDirectory { continue }
            guard parts.count == 2 else {
                throw ZipReader.refuse("'\(e.name)' staat niet in de bovenste map van de bag", "'\(e.name)' is not inside the bag's top folder")
            }
            let rel = String(parts[1])
            files[rel] = Int64(e.uncompressed)
            entries[rel] = e
            order.append(rel)
        }
        guard tops.count == 1, let top = tops.first else {
            throw ZipReader.refuse("een bag-zip heeft precies één bovenste map, deze heeft er \(tops.count)",
                                   "a bag zip has exactly one top folder, this one has \(tops.count)")
        }
        name = top
        self.files = files
        self.entries = entries
        readingOrder = order
    }

    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let e = entries[path] else { return }
        try reader.stream(e, body)
    }
}

/// An unpacked bag folder. Links and special files are refused, never followed.
struct FolderBagSource: BagSource {
    let root: String
    let name: String
    let files: [String: Int64]
    var readingOrder: [String] { files.keys.sorted() }

    init(path: String) throws(BundleError) {
        root = path.hasSuffix("/") ? String(path.dropLast()) : path
        name = (root as NSString).lastPathComponent
        var files: [String: Int64] = [:]
        var stack = [""]
        while let rel = stack.popLast() {
            let dir = rel.isEmpty ? root : root + "/" + rel
            guard let d = opendir(dir) else { throw BundleError.io(dir, errno, writing: false) }
            defer { closedir(d) }
            while let ent = readdir(d) {
                let n = withUnsafeBytes(of: ent.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
                if n == "." || n == ".." { continue }
                let childRel = rel.isEmpty ? n : rel + "/" + n
                var st = stat()
                guard lstat(root + "/" + childRel, &st) == 0 else { throw BundleError.io(root + "/" + childRel, errno, writing: false) }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: stack.append(childRel)
                case S_IFREG: files[childRel] = Int64(st.st_size)
                default:
                    throw BundleError(.hostile, nl: "Map geweigerd: \(childRel) is een link of speciaal bestand. Er is niets gevolgd.",
                                      en: "Folder refused: \(childRel) is a link or special file. Nothing was followed.")
                }
            }
        }
        self.files = files
    }

    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let r = try FileReader(path: root + "/" + path, bufferSize: 2 << 20)
        try r.forEachChunk(body)
    }
}

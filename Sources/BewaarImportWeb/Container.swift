import Foundation
import ZIPFoundation
import BewaarImport
import BewaarModel

/// The members of an original that holds files: a zip archive or a folder given unpacked.
/// Members are read in place (never unpacked to disk), bounded by ``ImportLimits``; symbolic
/// links in folders are not followed.
final class Container {
    struct Member: Hashable {
        /// Path inside the container, `/`-separated.
        var path: String
        var size: Int64
        var compressedSize: Int64
        var name: String { path.split(separator: "/").last.map(String.init) ?? path }
        var lowercasedPath: String { path.lowercased() }
    }

    enum Kind { case zip(Archive), folder(String) }

    let kind: Kind
    /// The original's own name, for warnings (the path may be the store's copy).
    let name: String
    private(set) var members: [Member] = []
    /// Members skipped while listing (too many, links, unsafe names), for a warning.
    private(set) var skipped: [String] = []
    private var entries: [String: Entry] = [:]

    /// Opens a zip file or a folder; `name` is the original's own name.
    init(path: String, name: String, isDirectory: Bool, limits: ImportLimits) throws {
        self.name = name
        if isDirectory {
            kind = .folder(path)
            let root = URL(fileURLWithPath: path)
            let fm = FileManager.default
            guard let e = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey],
                                        options: []) else {
                throw WebImportError.unreadable(path, "map niet leesbaar")
            }
            let prefix = root.standardizedFileURL.path
            for case let url as URL in e {
                let v = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
                var rel = url.standardizedFileURL.path
                if rel.hasPrefix(prefix) { rel = String(rel.dropFirst(prefix.count)) }
                while rel.hasPrefix("/") { rel.removeFirst() }
                if v?.isSymbolicLink == true { skipped.append(rel + " (link)"); e.skipDescendants(); continue }
                guard v?.isRegularFile == true else { continue }
                if members.count >= limits.maxMembers { skipped.append(rel); continue }
                let size = Int64(v?.fileSize ?? 0)
                members.append(Member(path: rel, size: size, compressedSize: size))
            }
            members.sort { $0.path < $1.path }
        } else {
            let archive: Archive
            do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
                throw WebImportError.unreadable((path as NSString).lastPathComponent, "geen leesbaar zip-archief: \(error)")
            }
            kind = .zip(archive)
            for entry in archive {
                guard entry.type == .file else {
                    if entry.type == .symlink { skipped.append(entry.path + " (link)") }
                    continue
                }
                if members.count >= limits.maxMembers { skipped.append(entry.path); continue }
                let m = Member(path: entry.path, size: Int64(clamping: entry.uncompressedSize),
                               compressedSize: Int64(clamping: entry.compressedSize))
                if entries[m.path] != nil { skipped.append(m.path + " (dubbel)"); continue }
                entries[m.path] = entry
                members.append(m)
            }
        }
    }

    /// Member names only, cheaply, for recognition; nil when the file is no readable zip.
    static func listZip(path: String, max: Int = 50_000) -> [String]? {
        guard let a = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) else { return nil }
        var out: [String] = []
        for e in a where e.type == .file {
            out.append(e.path)
            if out.count >= max { break }
        }
        return out
    }

    struct TooLarge: Error {}

    /// Streams a member's bytes in chunks, refusing sizes and compression ratios past the limits
    /// and, from a zip, members past the upload's unpack budget (``UnpackBudgetSpent``).
    func stream(_ m: Member, limits: ImportLimits, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if m.size > limits.maxMemberBytes { throw WebImportError.tooLarge(m.path, m.size) }
        switch kind {
        case .zip(let archive):
            guard let entry = entries[m.path] else { throw WebImportError.unreadable(m.path, "niet in het archief") }
            if m.compressedSize > 0 && m.size / max(m.compressedSize, 1) > limits.maxCompressionRatio && m.size > 1 << 20 {
                throw WebImportError(nl: "\(m.path) pakt uit tot \(m.size) bytes uit \(m.compressedSize): verdacht (zip-bom); niet uitgepakt.",
                                     en: "\(m.path) expands to \(m.size) bytes from \(m.compressedSize): suspicious (zip bomb); not unpacked.")
            }
            try limits.reserveUnpacked(m.size, zip: name, member: m.path)
            var total: Int64 = 0
            _ = try archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: false) { data in
                total += Int64(data.count)
                if total > m.size || total > limits.maxMemberBytes { throw WebImportError.tooLarge(m.path, total) }
                try data.withUnsafeBytes { try body($0) }
            }
        case .folder(let root):
            let full = (root as NSString).appendingPathComponent(m.path)
            guard let h = FileHandle(forReadingAtPath: full) else { throw WebImportError.unreadable(m.path, "niet te openen") }
            defer { try? h.close() }
            while true {
                let d = try h.read(upToCount: 256 * 1024) ?? Data()
                if d.isEmpty { break }
                try d.withUnsafeBytes { try body($0) }
            }
        }
    }

    /// Reads a whole member into memory.
    func read(_ m: Member, limits: ImportLimits) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(m.size, 1 << 30)))
        try stream(m, limits: limits) { out.append(contentsOf: $0) }
        return out
    }

    /// Keeps a member via the sink; returns its bytes too when `capture` (one pass).
    func keep(_ m: Member, sink: any OriginalSink, limits: ImportLimits, capture: Bool) throws -> (ContainedOriginal, [UInt8]) {
        var bytes: [UInt8] = []
        let kept = try sink.keep(name: m.name, pathInParent: m.path, mediaType: MediaType.forName(m.name)) { writer in
            try stream(m, limits: limits) { chunk in
                try writer.write(chunk)
                if capture { bytes.append(contentsOf: chunk) }
            }
        }
        return (kept, bytes)
    }
}

extension Container {
    /// The warning for a member that could not be read or kept.
    static func warning(_ m: Member, _ error: any Error) -> ImportWarning {
        if let spent = error as? UnpackBudgetSpent { return spent.warning }
        return ImportWarning("\(m.path): \(WebImportError.describe(error))", code: "member-unreadable")
    }
}

extension WebImportError {
    static func tooLarge(_ name: String, _ size: Int64) -> WebImportError {
        WebImportError(nl: "\(name) is te groot (\(size) bytes) om te lezen; het staat wel in het origineel.",
                       en: "\(name) is too large (\(size) bytes) to read; it is still in the original.")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel

/// An original in the store, open for one read from start to end: how it goes into the zip,
/// and the refusal when its bytes no longer match their address.
final class OriginalFile {
    let item: EvidenceItem
    let path: String
    let fd: Int32

    init(_ item: EvidenceItem, path: String) throws {
        self.item = item
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw BundleError(
                .originalChanged, nl: "Origineel \(item.sha256.hex) (\(item.name)) ontbreekt in de opslag. Voer `bewaar check` uit.",
                en: "Original \(item.sha256.hex) (\(item.name)) is missing from the store. Run `bewaar check`.")
        }
    }

    deinit { Glibc.close(fd) }

    /// Up to `count` bytes from the start (without moving the read position).
    func head(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        return Array(out.prefix(max(n, 0)))
    }

    /// The next bytes into `buffer`; 0 at the end.
    func readNext(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw BundleError.io(path, errno, writing: false) }
        }
    }

    /// Stored or deflated: by media type and magic bytes, and for a larger file of unknown kind
    /// by a trial deflate of its start (see ``BundleBuilder/worthDeflating(_:)``).
    func zipMethod() -> ZipMethod {
        let method = BundleBuilder.method(for: item, head: head(16))
        if method == .deflated, item.size >= 1 << 16, !BundleBuilder.worthDeflating(head(1 << 18)) { return .stored }
        return method
    }

    /// Refuses the original unless the bytes read hash to its address and have its size.
    func check(sha256 actual: SHA256Digest, size: Int64) throws {
        guard actual == item.sha256, size == item.size else {
            throw BundleError(
                .originalChanged,
                nl:
                    "Origineel \(item.sha256.hex) (\(item.name)) is in de opslag gewijzigd (hash nu \(actual.hex)). Er is geen bundel gemaakt. Voer `bewaar check` uit en meld dit aan de beheerder.",
                en:
                    "Original \(item.sha256.hex) (\(item.name)) was changed in the store (it now hashes to \(actual.hex)). No bundle was made. Run `bewaar check` and tell the administrator."
            )
        }
    }
}

extension PayloadStaging {
    /// Stages an original: read once, hashed, deflated at level 1 (or copied, when stored), and
    /// refused when it no longer matches its address.
    static func stageOriginal(_ item: EvidenceItem, path: String, sink: StagingSink, index: Int) throws -> Staged {
        let file = try OriginalFile(item, path: path)
        let compression = StagedCompression(
            sink: sink, index: index, level: file.zipMethod() == .stored ? .stored : .fixed(BundleBuilder.originalsLevel))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try file.readNext(buffer)
            try compression.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n]), last: n == 0, totalIfLast: compression.size)
            if n == 0 { break }
        }
        let staged = try compression.finish()
        try file.check(sha256: staged.sha256Digest, size: staged.size)
        return staged
    }
}

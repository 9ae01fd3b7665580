#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory: its pages come from the page cache as they are read
/// and can be handed back (``release(before:)``) so a long read does not keep them all resident.
/// The one owner of the `mmap` / `munmap` pair.
final class MappedText {
    private let base: UnsafeMutableRawPointer?
    let count: Int
    private var released = 0
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps `count` bytes of the file at `path` (an empty file maps nothing).
    init(path: String, count: Int) throws {
        self.count = count
        guard count > 0 else {
            base = nil
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WhatsAppError.unreadableFile(name: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { throw WhatsAppError.unreadableFile(name: path, reason: String(cString: strerror(errno))) }
        madvise(p, count, MADV_SEQUENTIAL)
        base = p
    }

    deinit { if let base { munmap(base, count) } }

    /// The bytes, valid while `body` runs.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Drops the resident pages wholly before `offset` (they are read again from the file if
    /// touched). An offset below the last one starts over: a new pass over the text.
    func release(before offset: Int) {
        guard let base else { return }
        let end = min(offset, count) / Self.page * Self.page
        if end < released { released = 0 }
        guard end > released else { return }
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}

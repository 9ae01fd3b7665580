#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory: the one owner of the `mmap` / `munmap` pair. Pages
/// are read on demand and belong to the page cache, so a large mbox or chat costs address
/// space, not resident memory; a long front-to-back read can hand pages back as it goes
/// (``release(before:)``). Unmaps when released.
public final class MappedFile {
    /// Why a file could not be mapped.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let errno: Int32
        public var description: String { "\(path): \(String(cString: strerror(errno)))" }
    }

    private let base: UnsafeMutableRawPointer?
    /// The number of bytes mapped (the file's size).
    public let count: Int
    private var released = 0
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the file at `path`. `sequential` tells the kernel the bytes will be read front to
    /// back (read ahead, and drop pages behind).
    public init(path: String, sequential: Bool = false) throws(Failure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, errno: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure(path: path, errno: errno) }
        count = Int(st.st_size)
        if count == 0 {
            base = nil
            return
        }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw Failure(path: path, errno: errno)
        }
        if sequential { madvise(p, count, MADV_SEQUENTIAL) }
        base = p
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Calls `body` with the mapped bytes (an empty buffer for an empty file); they are valid
    /// while `body` runs.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Drops the resident pages wholly before `offset` (they are read again from the file if
    /// touched). An offset below the last one starts over: a new pass over the bytes.
    public func release(before offset: Int) {
        guard let base else { return }
        let end = min(offset, count) / Self.page * Self.page
        if end < released { released = 0 }
        guard end > released else { return }
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory. Pages are read on demand and belong to the page cache,
/// so a large mbox costs address space, not resident memory. Owns the mapping and unmaps it
/// when released.
public final class MappedFile {
    /// Why a file could not be mapped.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let errno: Int32
        public var description: String { "\(path): \(String(cString: strerror(errno)))" }
    }

    private let base: UnsafeMutableRawPointer?
    public let count: Int

    /// Maps the file at `path`.
    public init(path: String) throws(Failure) {
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
        base = p
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// Calls `body` with the mapped bytes (an empty buffer for an empty file).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BewaarModel

/// Reads a file front to back through one reused buffer, never holding it whole in memory.
/// Owns its file descriptor and closes it when released.
public final class FileReader {
    /// Why a file could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let errno: Int32
        public var description: String { "\(path): \(String(cString: strerror(errno)))" }
    }

    public let path: String
    private let fd: Int32
    private var buffer: UnsafeMutableRawBufferPointer

    /// Opens `path` for reading with a buffer of `bufferSize` bytes.
    public init(path: String, bufferSize: Int = 1 << 20) throws(Failure) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, errno: errno) }
        self.fd = fd
        self.buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// Calls `body` with each chunk until the end of the file.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, errno: errno)
            }
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Reads up to `count` bytes from `offset` (for showing a record's original bytes).
    public func read(at offset: Int64, count: Int) throws(Failure) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { p in pread(fd, p.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if n < 0 { if errno == EINTR { continue }; throw Failure(path: path, errno: errno) }
            if n == 0 { break }
            done += n
        }
        return Array(out[0..<done])
    }

    /// The SHA-256 and size of a whole file, streamed.
    public static func sha256(path: String) throws -> (digest: SHA256Digest, size: Int64) {
        let r = try FileReader(path: path)
        var h = StreamingSHA256()
        try r.forEachChunk { h.update($0) }
        return (h.finalize(), h.byteCount)
    }
}

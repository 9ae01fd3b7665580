import Foundation

/// Largest piece handed to one write: on the 2-core benchmark machine a write of more than
/// 1 MiB costs the kernel several times more per byte (1.1 s of system time for 540 MB in 4 MiB
/// writes, 0.15 s in 1 MiB writes), so big buffers go out in pieces.
let writePiece = 1 << 20

/// Writes all of `bytes` to `fd` (in pieces of at most ``writePiece``, retrying short writes
/// and interruptions); a failure names `path`.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(BundleError) {
    var done = 0
    while done < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + done, min(bytes.count - done, writePiece))
        if n < 0 {
            if errno == EINTR { continue }
            throw BundleError.io(path, errno, writing: true)
        }
        done += n
    }
}

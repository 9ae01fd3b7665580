import Foundation

/// Writes all of `bytes` to `fd` (retrying short writes and interruptions); a failure names `path`.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(BundleError) {
    var done = 0
    while done < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
        if n < 0 {
            if errno == EINTR { continue }
            throw BundleError.io(path, errno, writing: true)
        }
        done += n
    }
}

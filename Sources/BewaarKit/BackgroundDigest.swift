import Foundation
import BewaarDigest
import BewaarModel

/// The SHA-256 of a file, computed on a thread of its own from the moment it is made, so a
/// reader can go through the same file meanwhile; ``wait()`` gives the digest or the read error.
final class BackgroundDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<SHA256Digest, any Error>?
    /// Touched only by the thread that waits.
    private var waited = false

    init(path: String) {
        let thread = Thread { [self] in
            result = Result { try FileReader.sha256(path: path).digest }
            done.signal()
        }
        thread.start()
    }

    /// Blocks until the digest is known (only the first call waits).
    func wait() throws -> SHA256Digest {
        if !waited {
            done.wait()
            waited = true
        }
        return try result!.get()
    }
}

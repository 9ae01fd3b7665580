#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The modes of what Bewaar writes: files 0600, folders 0700 (originals are 0400, read-only).
/// Evidence about minors is for the account that runs Bewaar only, whatever the umask. The
/// `bewaar` executable also sets its umask to 077; these helpers make the same true when the
/// store is used as a library.
public enum PrivateMode {
    /// A file only its owner may read and write.
    public static let file: mode_t = 0o600
    /// A folder only its owner may enter.
    public static let folder: mode_t = 0o700

    /// Makes the folder `path` and any missing folder above it, each new one 0700 (set
    /// explicitly: `mkdir` modes pass through the umask). Folders that exist are left as they are.
    public static func makeFolder(_ path: String) throws {
        var missing: [String] = []
        var p = path
        while !p.isEmpty && p != "/" && !FileManager.default.fileExists(atPath: p) {
            missing.append(p)
            p = (p as NSString).deletingLastPathComponent
        }
        for dir in missing.reversed() {
            if mkdir(dir, folder) != 0 && errno != EEXIST {
                throw StoreError(.writeFailed, nl: "Kan map \(dir) niet maken: \(String(cString: strerror(errno))).",
                                 en: "Cannot create folder \(dir): \(String(cString: strerror(errno))).")
            }
            chmod(dir, folder)
        }
    }

    /// Creates an empty file with mode 0600 unless something exists at `path` already; true
    /// when it made one.
    @discardableResult
    public static func createFile(_ path: String) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw StoreError(.writeFailed, nl: "Kan \(path) niet maken: \(String(cString: strerror(errno))).",
                             en: "Cannot create \(path): \(String(cString: strerror(errno))).")
        }
        fchmod(fd, file)
        close(fd)
        return true
    }

    /// Sets a file Bewaar wrote to 0600 (a file written through an API that does not take a
    /// mode: Foundation's `Data.write`, cairo).
    public static func restrict(file path: String) {
        chmod(path, file)
    }

    /// Sets a folder Bewaar made to 0700.
    public static func restrict(folder path: String) {
        chmod(path, folder)
    }
}

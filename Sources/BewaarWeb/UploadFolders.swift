#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The folders under the store's `tmp/` in which uploads are received (`upload-…`, `trace-…`,
/// `verify-…`), and the removal of those a stopped server left behind. A killed server never
/// runs its clean-up, and what it was receiving is the pupil's evidence in plain, also in an
/// encrypted store.
///
/// A live folder holds `.in-gebruik`, locked (`flock`) by the process receiving into it for as
/// long as it does. The folder is made under another name with its lock taken, then renamed into
/// place, so no other server ever sees it unlocked. Any server may remove such a folder whose
/// lock it can take: its owner is gone (the kernel drops a dead process's locks; on NFS the lock
/// manager does). Every server sweeps when it starts and before each upload.
enum UploadFolders {
    /// What a folder receives: evidence, a trace's mail and logs, a bundle to verify.
    static let kinds = ["upload", "trace", "verify"]
    static let lockName = ".in-gebruik"

    /// A folder that is held for as long as this value lives (``release()`` ends it).
    final class Held {
        let path: String
        private var fd: Int32

        fileprivate init(path: String, fd: Int32) {
            self.path = path
            self.fd = fd
        }

        /// Removes the folder and lets the lock go.
        func release() {
            try? FileManager.default.removeItem(atPath: path)
            if fd >= 0 { close(fd) }
            fd = -1
        }

        deinit { release() }
    }

    /// Makes a new folder `KIND-…` under `tmp`, mode 0700, held by this process.
    static func make(in tmp: String, kind: String) throws -> Held {
        let name = Random.hex(12)
        let building = tmp + "/.nieuw-" + name
        let path = tmp + "/" + kind + "-" + name
        try FileManager.default.createDirectory(atPath: building, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(building + "/" + lockName, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0, flock(fd, LOCK_EX) == 0, rename(building, path) == 0 else {
            if fd >= 0 { close(fd) }
            try? FileManager.default.removeItem(atPath: building)
            throw UploadError.unwritable(path)
        }
        return Held(path: path, fd: fd)
    }

    /// Removes every `KIND-…` folder under `tmp` that no live process holds, and `.nieuw-…`
    /// folders older than an hour (a process stopped between making and renaming one). Returns
    /// the names removed.
    @discardableResult
    static func sweep(_ tmp: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp) else { return [] }
        var removed: [String] = []
        for name in names {
            let path = tmp + "/" + name
            if kinds.contains(where: { name.hasPrefix($0 + "-") }) {
                let fd = open(path + "/" + lockName, O_RDONLY | O_CLOEXEC)
                if fd < 0 {
                    // A folder without its lock file is from before the lock existed, or damaged.
                    guard isOld(path) else { continue }
                } else {
                    defer { close(fd) }
                    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
                }
                if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(name) }
            } else if name.hasPrefix(".nieuw-"), isOld(path), (try? FileManager.default.removeItem(atPath: path)) != nil {
                removed.append(name)
            }
        }
        return removed.sorted()
    }

    private static func isOld(_ path: String) -> Bool {
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return false }
        return Date().timeIntervalSince(modified) > 3600
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Foundation
import BewaarModel

/// The originals of a store moving in, as they were copied (``CaseStore/moveIn(from:actor:hooks:)``).
struct MovedOriginals {
    /// Every original now in this store's folder.
    var copied: [BewaarModel.SHA256Digest] = []
    /// The new keys of the plain originals sealed on the way.
    var newKeys: [BewaarModel.SHA256Digest: SymmetricKey] = [:]
    /// Originals the source's rows name and its folder does not hold.
    var missing: [BewaarModel.SHA256Digest] = []
}

extension CaseStore {
    /// Copies every original the source's items name (in its snapshot `s`) into this store's
    /// folder, before any row:
    /// a sealed one byte for byte (its key, wrapped by its cases' keys, comes along with the
    /// rows), a plain one sealed on the way with a new key of its own. Each is written to `tmp/`,
    /// fsynced and renamed into place, as an ingest writes one.
    func copyOriginals(from source: CaseStore, _ s: any StoreConnection) throws -> MovedOriginals {
        let held = try s.fetch("SELECT DISTINCT sha256 FROM items ORDER BY sha256").compactMap {
            $0[0].text.flatMap(BewaarModel.SHA256Digest.init(hex:))
        }
        var moved = MovedOriginals()
        for digest in held {
            let from = source.objects.path(for: digest)
            let fd = open(from, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                if errno == ENOENT {
                    moved.missing.append(digest)
                    continue
                }
                throw StoreError(
                    .unreadable, nl: "Het origineel \(from) is niet te lezen: \(String(cString: strerror(errno))). Er is niets verhuisd.",
                    en: "The original \(from) cannot be read: \(String(cString: strerror(errno))). Nothing was moved.")
            }
            let sealed = ObjectCipher.startsSealed(fd)
            close(fd)
            let staged: String
            if sealed {
                staged = try objects.copy(ofFile: from)
            } else {
                let key = SymmetricKey(size: .bits256)
                staged = try objects.sealCopy(ofFile: from, key: key)
                moved.newKeys[digest] = key
            }
            try objects.place(staged, as: digest)
            moved.copied.append(digest)
        }
        return moved
    }
}

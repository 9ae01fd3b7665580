#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Foundation
import BewaarModel

/// Files Bewaar makes from a case and keeps in the store folder for downloading later (the web's
/// packets and bundles): in an encrypted store sealed in place with a key derived from the case's
/// key, so they are shredded with the case like everything else of it.
extension CaseStore {
    /// Seals every file in `folder` that is not sealed yet (nothing in a plain store).
    public func sealGeneratedFiles(in folder: String, of id: CaseID) throws {
        guard let key = try generatedFileKey(id) else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            guard try !isSealedFile(path) else { continue }
            let sealed = try objects.sealCopy(ofFile: path, key: key)
            guard rename(sealed, path) == 0 else {
                unlink(sealed)
                throw StoreError(.writeFailed, nl: "Kan \(name) niet versleuteld wegzetten.", en: "Cannot store \(name) encrypted.")
            }
        }
    }

    /// The plain bytes of a file ``sealGeneratedFiles(in:of:)`` kept (a plain file as it is).
    public func generatedFileBytes(_ path: String, of id: CaseID) throws -> Data {
        guard try isSealedFile(path) else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError(.unreadable, nl: "\(path) is niet te lezen.", en: "\(path) cannot be read.")
            }
            return data
        }
        guard let key = try generatedFileKey(id) else { throw ObjectCipher.damaged(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.unreadable, nl: "\(path) is niet te lezen.", en: "\(path) cannot be read.") }
        defer { close(fd) }
        var out = Data()
        try ObjectCipher.open(fd: fd, key: key, name: path) { out.append(contentsOf: $0) }
        return out
    }

    private func generatedFileKey(_ id: CaseID) throws -> SymmetricKey? {
        guard let key = try caseKey(id) else { return nil }
        return HKDF<SHA256>.deriveKey(inputKeyMaterial: key.material, info: Data("bewaar 1 generated files".utf8), outputByteCount: 32)
    }

    private func isSealedFile(_ path: String) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(.unreadable, nl: "\(path) is niet te lezen.", en: "\(path) cannot be read.") }
        defer { close(fd) }
        return ObjectCipher.startsSealed(fd)
    }
}

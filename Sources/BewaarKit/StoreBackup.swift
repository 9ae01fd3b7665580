import Foundation
import BewaarModel
import BewaarStore
import BewaarDigest

/// `bewaar backup`: a consistent copy of a store while it is in use. First the database through
/// SQLite's online backup (one read transaction: the state of one moment, writers go on), then
/// every object that copy refers to, byte for byte. Objects are immutable and written before
/// the row that names them commits, so every object the copy names is already on disk — unless
/// it was destroyed since (a missing object is named, never silently skipped). `backup.json`
/// and `manifest-sha256.txt` are written last: a folder without them is no backup.
public struct StoreBackup: Sendable {
    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    /// The settings files a store may hold beside its database, copied as they are: the school's
    /// network file for traces.
    public static let settingsFiles: Set<String> = ["network.toml"]

    /// Makes the backup in `folder` (new, or an empty folder) and returns its manifest. Throws
    /// before writing when the folder holds anything.
    public func make(in folder: String, actor: String) throws -> BackupManifest {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder), !existing.isEmpty {
            throw KitError(
                nl: "De map \(folder) is niet leeg. Een reservekopie komt in een nieuwe of lege map (--out); er wordt niets overschreven.",
                en: "The folder \(folder) is not empty. A backup goes into a new or empty folder (--out); nothing is overwritten.")
        }
        if store.path == folder || folder.hasPrefix(store.path + "/") {
            throw KitError(
                nl: "Een reservekopie kan niet in de opslag zelf (\(store.path)). Kies een map daarbuiten, liefst op een andere schijf.",
                en: "A backup cannot go inside the store itself (\(store.path)). Choose a folder outside it, preferably on another disk.")
        }
        try PrivateMode.makeFolder(folder)
        PrivateMode.restrict(folder: folder)
        let dbCopy = folder + "/" + CaseStore.databaseName
        try store.backupDatabase(to: dbCopy)
        let database = try FileReaderDigest.of(dbCopy)
        var entries: [BackupManifest.Entry] = []
        var missing: [SHA256Digest] = []
        for object in try CaseStore.referencedObjects(inDatabase: dbCopy) {
            let source = store.objects.path(for: object.digest)
            guard fm.fileExists(atPath: source) else {
                missing.append(object.digest)
                continue
            }
            let target = folder + "/" + BackupManifest.objectPath(object.digest)
            try HashingCopy.folder(of: target)
            let (sha, size) = try HashingCopy.copy(from: source, to: target, mode: 0o400)
            // A sealed object (encrypted store) is copied as it is; restore's check opens it.
            if object.isPlain && !store.isEncrypted && (sha != object.digest || size != object.size) {
                throw KitError(
                    nl:
                        "Origineel \(object.digest.hex) in de opslag is gewijzigd (hash \(sha.hex), \(size) bytes). De reservekopie is afgebroken; voer bewaar check uit en meld dit aan de beheerder.",
                    en:
                        "Original \(object.digest.hex) in the store was changed (hash \(sha.hex), \(size) bytes). The backup was stopped; run bewaar check and tell the administrator."
                )
            }
            entries.append(BackupManifest.Entry(digest: object.digest, sha256: sha, size: size))
        }
        // Objects of a case destroyed while the backup was made are not missing: the restore
        // destroys that case again (``BackupManifest/destroyed``).
        let log = try store.destructionLog()
        let destroyedOriginals = Set(log.flatMap(\.originals))
        missing.removeAll { destroyedOriginals.contains($0.hex) }
        for sub in Set(entries.compactMap { $0.digest.map { String(BackupManifest.objectPath($0).prefix(10)) } }) {
            HashingCopy.syncFolder(folder + "/" + sub)
        }
        var manifest = BackupManifest(
            madeAt: store.clock(), madeBy: actor, source: store.path, database: database, objects: entries, missing: missing)
        manifest.destroyed = log.map(\.caseID)
        for name in Self.settingsFiles.sorted() where fm.fileExists(atPath: store.path + "/" + name) {
            let (sha, size) = try HashingCopy.copy(from: store.path + "/" + name, to: folder + "/" + name, mode: 0o600)
            manifest.settings[name] = BackupManifest.Entry(digest: nil, sha256: sha, size: size)
        }
        try write(manifest.checksums, to: folder + "/" + BackupManifest.checksumsName)
        try write(manifest.json.serialized(pretty: true) + "\n", to: folder + "/" + BackupManifest.fileName)
        HashingCopy.syncFolder(folder)
        return manifest
    }

    func write(_ text: String, to path: String) throws {
        let tmp = path + ".tmp"
        do {
            try PrivateMode.createFile(tmp)
            try Data(text.utf8).write(to: URL(fileURLWithPath: tmp))
            PrivateMode.restrict(file: tmp)
            try FileManager.default.moveItem(atPath: tmp, toPath: path)
        } catch {
            throw KitError(nl: "Kan \(path) niet schrijven (\(error)).", en: "Cannot write \(path) (\(error)).")
        }
    }
}

/// The SHA-256 and size of a file as a manifest entry.
enum FileReaderDigest {
    static func of(_ path: String, digest: SHA256Digest? = nil) throws -> BackupManifest.Entry {
        let (sha, size) = try FileReader.sha256(path: path)
        return BackupManifest.Entry(digest: digest, sha256: sha, size: size)
    }
}

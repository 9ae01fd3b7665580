#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel
import BewaarStore

/// What `bewaar restore` did.
public struct RestoreResult: Sendable {
    public var manifest: BackupManifest
    public var store: String
    /// The cases the destruction log destroyed again after restoring.
    public var destroyedAgain: [CaseID]
    public var report: IntegrityReport
    /// Where the replaced store was moved when the swap could not finish (nil when it was removed).
    public var replacedKeptAt: String?
    /// Whether the restored store is encrypted (its key stays outside it).
    public var encrypted = false
}

/// `bewaar restore`: brings a backup back as a store. Every file is copied into a new folder
/// next to the target while its SHA-256 is compared with the manifest; the destruction log is
/// re-applied (``reapplyDestructionLog(to:previous:)``); `check` must be green; only then the
/// folder is renamed into place. A non-empty target is replaced only when asked (`--replace`);
/// until the rename nothing of it is touched.
public struct StoreRestore: Sendable {
    package var modules: [any StoreModule]
    /// The master key of an encrypted backup (nil: the key file beside the target store,
    /// `S.sleutel`). A backup never holds the key: it stays outside the store.
    public var key: StoreKeySource?

    package init(modules: [any StoreModule], key: StoreKeySource? = nil) {
        self.modules = modules
        self.key = key
    }

    /// Restores `backup` as the store `target`. The destruction log re-applied is the backup's
    /// own list, the log of the store being replaced, and that of `logFrom` (another store, for
    /// when the one being restored is lost).
    public func restore(
        from backup: String, to target: String, replace: Bool, allowIncomplete: Bool, logFrom: String? = nil,
        actor: String
    ) throws -> RestoreResult {
        let manifest = try BackupManifest.read(backup)
        if !manifest.complete && !allowIncomplete {
            throw KitError(
                nl:
                    "Deze reservekopie is onvolledig: \(Plural.count(manifest.missing.count, "origineel ontbrak", "originelen ontbraken")) toen zij gemaakt werd (\(manifest.missing.prefix(3).map(\.hex).joined(separator: ", "))). Terugzetten alleen met --allow-incomplete; bewaar check noemt ze daarna als ontbrekend.",
                en:
                    "This backup is incomplete: \(Plural.count(manifest.missing.count, "original was", "originals were")) missing when it was made (\(manifest.missing.prefix(3).map(\.hex).joined(separator: ", "))). Restore only with --allow-incomplete; bewaar check then names them as missing."
            )
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: target, isDirectory: &isDir)
        if exists && !isDir.boolValue {
            throw KitError(nl: "\(target) is een bestand, geen opslagmap.", en: "\(target) is a file, not a store folder.")
        }
        let occupied = exists && !((try? fm.contentsOfDirectory(atPath: target)) ?? []).isEmpty
        if occupied && !replace {
            throw KitError(
                nl: "In \(target) staat al iets. Terugzetten over een bestaande opslag alleen met --replace (stop eerst bewaar serve).",
                en: "\(target) is not empty. Restoring over an existing store only with --replace (stop bewaar serve first).")
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temp = parent + "/." + name + ".terugzetten-" + UUID().uuidString
        try PrivateMode.makeFolder(parent)
        var placed = false
        defer { if !placed { try? Self.removeTree(temp) } }
        try copyVerified(manifest, from: backup, into: temp)
        var destroyed: [CaseID] = []
        var encrypted = false
        var report: IntegrityReport
        do {
            // The temporary folder has no key file beside it: the target's key opens it.
            let key = self.key ?? .keyFile(StoreKeySource.defaultKeyFile(forStore: target))
            let restored = try CaseStore(path: temp, create: false, modules: modules, key: key)
            var logs: [CaseStore] = []
            if occupied, let previous = try? CaseStore(path: target, create: false, modules: modules, key: self.key) { logs.append(previous) }
            if let logFrom {
                do { logs.append(try CaseStore(path: logFrom, create: false, modules: modules)) } catch {
                    throw KitError(
                        nl: "Het vernietigingslogboek in \(logFrom) kan niet worden gelezen (\(error)); er is niets teruggezet.",
                        en: "The destruction log in \(logFrom) cannot be read (\(error)); nothing was restored.")
                }
            }
            destroyed = try Self.reapplyDestructionLog(to: restored, manifest: manifest, logs: logs, actor: actor)
            try restored.recordRestore(
                details: [
                    "backupMadeAt": manifest.madeAt.utcMillisString, "backupSource": manifest.source, "database": manifest.database.sha256.hex,
                    "objects": String(manifest.objects.count), "missing": String(manifest.missing.count),
                    "destroyedAgain": destroyed.map(\.description).joined(separator: ", "),
                ], actor: actor)
            report = try restored.check()
            encrypted = restored.isEncrypted
        }
        guard report.intact || (allowIncomplete && report.problems.allSatisfy { $0.isHarmless || $0.kind == .missingObject }) else {
            let problems = report.problems.filter { !$0.isHarmless }.prefix(5).map(\.dutch).joined(separator: "; ")
            let english = report.problems.filter { !$0.isHarmless }.prefix(5).map(\.english).joined(separator: "; ")
            throw KitError(
                nl: "De teruggezette opslag is niet in orde (\(problems)); er is niets vervangen. Gebruik een andere reservekopie.",
                en: "The restored store is not OK (\(english)); nothing was replaced. Use another backup.")
        }
        var kept: String?
        if exists {
            let old = parent + "/." + name + ".vervangen-" + UUID().uuidString
            guard rename(target, old) == 0 else { throw HashingCopy.failure(writing: target) }
            guard rename(temp, target) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, target)
                throw KitError(
                    nl: "De teruggezette opslag kon niet op zijn plaats worden gezet (\(reason)); de oude staat weer in \(target).",
                    en: "The restored store could not be moved into place (\(reason)); the old one is back in \(target).")
            }
            placed = true
            do { try Self.removeTree(old) } catch { kept = old }
        } else {
            guard rename(temp, target) == 0 else { throw HashingCopy.failure(writing: target) }
            placed = true
        }
        HashingCopy.syncFolder(parent)
        return RestoreResult(
            manifest: manifest, store: target, destroyedAgain: destroyed, report: report, replacedKeptAt: kept, encrypted: encrypted)
    }

    /// Re-applies the destruction log so that a case destroyed after the backup was made never
    /// comes back: the cases of the backup's own list (destroyed while it was made) and of the
    /// destruction log of each store in `logs` (the store being replaced, `--log-from`) are
    /// destroyed in `restored` if it still holds them (``CaseStore/destroyIfPresent(_:actor:reason:)``:
    /// idempotent, a new entry in the restored log naming why). Runs before `check`, in the
    /// temporary folder, before anything is renamed into place. Returns the cases destroyed.
    static func reapplyDestructionLog(to restored: CaseStore, manifest: BackupManifest, logs: [CaseStore], actor: String) throws -> [CaseID] {
        var ids = manifest.destroyed
        for log in logs { ids += try log.destructionLog().map(\.caseID) }
        var seen = Set<CaseID>()
        ids = ids.filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { return [] }
        return try restored.destroyIfPresent(
            ids, actor: actor, reason: "opnieuw toegepast na terugzetten: vernietigd na het maken van de reservekopie"
        ).map(\.caseID)
    }

    /// Copies the database and every object of the manifest into `temp` (a new folder), each
    /// compared with its SHA-256 and size; a mismatch stops everything.
    func copyVerified(_ m: BackupManifest, from backup: String, into temp: String) throws {
        try PrivateMode.makeFolder(temp)
        PrivateMode.restrict(folder: temp)
        for sub in ["/objects", "/tmp"] { try PrivateMode.makeFolder(temp + sub) }
        func copy(_ relative: String, _ expected: BackupManifest.Entry, mode: mode_t) throws {
            let source = backup + "/" + relative
            guard FileManager.default.fileExists(atPath: source) else {
                throw KitError(
                    nl: "De reservekopie mist \(relative). Er is niets teruggezet; gebruik een andere reservekopie.",
                    en: "The backup lacks \(relative). Nothing was restored; use another backup.")
            }
            let target = temp + "/" + relative
            try HashingCopy.folder(of: target)
            let (sha, size) = try HashingCopy.copy(from: source, to: target, mode: mode)
            guard sha == expected.sha256, size == expected.size else {
                throw KitError(
                    nl:
                        "\(relative) in de reservekopie is gewijzigd of beschadigd (hash \(sha.hex), verwacht \(expected.sha256.hex)). Er is niets teruggezet; gebruik een andere reservekopie.",
                    en:
                        "\(relative) in the backup was changed or damaged (hash \(sha.hex), expected \(expected.sha256.hex)). Nothing was restored; use another backup."
                )
            }
        }
        try copy(CaseStore.databaseName, m.database, mode: 0o600)
        for (name, e) in m.settings.sorted(by: { $0.key < $1.key }) { try copy(name, e, mode: 0o600) }
        for e in m.objects {
            guard let digest = e.digest else { continue }
            try copy(BackupManifest.objectPath(digest), e, mode: 0o400)
        }
    }

    /// Removes a folder tree, read-only originals too.
    static func removeTree(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        for sub in (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [] { chmod(path + "/" + sub, 0o700) }
        try FileManager.default.removeItem(atPath: path)
    }
}

import Foundation
import BewaarModel
import BewaarJSON

/// What a backup folder holds (`backup.json`, format `bewaar-backup` version 1): the database
/// copy and every object it refers to, each with the SHA-256 and size of the file as copied,
/// and the objects that were missing from the store. `manifest-sha256.txt` beside it lists the
/// same hashes for `sha256sum -c`.
public struct BackupManifest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The object's name in the store (its digest); nil for the database.
        public var digest: SHA256Digest?
        /// SHA-256 and size of the file as copied.
        public var sha256: SHA256Digest
        public var size: Int64
    }

    public static let fileName = "backup.json"
    public static let checksumsName = "manifest-sha256.txt"
    public static let format = "bewaar-backup"
    public static let version: Int64 = 1

    public var madeAt: Date
    public var madeBy: String
    public var source: String
    public var database: Entry
    public var objects: [Entry]
    /// The store's own settings files beside the database (``StoreBackup/settingsFiles``), by name.
    public var settings: [String: Entry] = [:]
    /// Objects the database refers to that were not in the store when the backup was made.
    public var missing: [SHA256Digest]
    /// The cases in the store's destruction log when the backup was finished: a restore
    /// destroys them again if the database copy still holds them (destroyed while it was made).
    public var destroyed: [CaseID] = []
    public var complete: Bool { missing.isEmpty }

    /// Where an object lives inside a store or backup folder.
    public static func objectPath(_ digest: SHA256Digest) -> String {
        let hex = digest.hex
        return "objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    public var json: JSONValue {
        func entry(_ e: Entry) -> JSONValue {
            .object(["digest": e.digest.map { .string($0.hex) } ?? .null, "sha256": .string(e.sha256.hex), "size": .int(e.size)])
        }
        return .object([
            "format": .string(Self.format), "formatVersion": .int(Self.version), "madeAt": .string(madeAt.utcMillisString),
            "madeBy": .string(madeBy), "source": .string(source), "database": entry(database), "objects": .array(objects.map(entry)),
            "settings": .object(settings.mapValues(entry)),
            "missing": .array(missing.map { .string($0.hex) }), "complete": .bool(complete),
            "destroyed": .array(destroyed.map { .string($0.description) }),
        ])
    }

    /// The `sha256sum -c` lines.
    public var checksums: String {
        let named = settings.keys.sorted().compactMap { name in settings[name].map { ($0.sha256, name) } }
        return ([(database.sha256, "bewaar.sqlite")] + named + objects.compactMap { e in e.digest.map { (e.sha256, Self.objectPath($0)) } })
            .map { "\($0.0.hex)  \($0.1)\n" }.joined()
    }

    /// Reads `backup.json` of the folder `dir`; a clear error when it is missing or not a Bewaar backup.
    public static func read(_ dir: String) throws -> BackupManifest {
        let path = dir + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KitError(
                nl: "\(dir) is geen reservekopie van Bewaar: \(fileName) ontbreekt. Geef met --from de map die bewaar backup maakte.",
                en: "\(dir) is not a Bewaar backup: \(fileName) is missing. Name the folder bewaar backup made with --from.")
        }
        func bad(_ what: String) -> KitError {
            KitError(
                nl: "\(path) is beschadigd of geen manifest van Bewaar (\(what)). Gebruik een andere reservekopie.",
                en: "\(path) is damaged or not a Bewaar manifest (\(what)). Use another backup.")
        }
        guard let v = try? JSONParser.parse(String(decoding: data, as: UTF8.self)) else { throw bad("geen JSON") }
        guard v["format"]?.stringValue == format, case .int(let version)? = v["formatVersion"], version == Self.version else {
            throw bad("format")
        }
        func entry(_ e: JSONValue?) throws -> Entry {
            guard let e, let sha = e["sha256"]?.stringValue.flatMap(SHA256Digest.init(hex:)), case .int(let size)? = e["size"], size >= 0 else {
                throw bad("entry")
            }
            var digest: SHA256Digest?
            if let hex = e["digest"]?.stringValue {
                guard let d = SHA256Digest(hex: hex) else { throw bad("digest") }
                digest = d
            }
            return Entry(digest: digest, sha256: sha, size: size)
        }
        let objects = try (v["objects"]?.arrayValue ?? []).map { try entry($0) }
        guard objects.allSatisfy({ $0.digest != nil }) else { throw bad("object without digest") }
        var settings: [String: Entry] = [:]
        for (name, e) in v["settings"]?.objectValue ?? [:] {
            // Only the names a backup writes: nothing from a manifest reaches outside the store folder.
            guard StoreBackup.settingsFiles.contains(name) else { throw bad("settings file \(name)") }
            settings[name] = try entry(e)
        }
        var m = BackupManifest(
            madeAt: v["madeAt"]?.stringValue.flatMap { Timestamp(rfc3339: $0)?.date } ?? Date(timeIntervalSince1970: 0),
            madeBy: v["madeBy"]?.stringValue ?? "",
            source: v["source"]?.stringValue ?? "", database: try entry(v["database"]), objects: objects,
            missing: try (v["missing"]?.arrayValue ?? []).map { m in
                guard let d = m.stringValue.flatMap(SHA256Digest.init(hex:)) else { throw bad("missing") }
                return d
            })
        m.settings = settings
        m.destroyed = try (v["destroyed"]?.arrayValue ?? []).map { d in
            guard let id = d.stringValue.flatMap(CaseID.init) else { throw bad("destroyed") }
            return id
        }
        return m
    }
}

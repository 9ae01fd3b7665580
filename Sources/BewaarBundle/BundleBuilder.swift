#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest
import BewaarStore

/// What to export and how.
public struct BundleOptions: Sendable {
    public var caseID: CaseID
    /// The zip to write. It must not exist yet.
    public var output: String
    /// Who makes the export (the custody actor, and `Contact-Name`).
    public var actor: String
    /// The school (`Source-Organization`).
    public var organisation: String
    /// Replace bystanders' names by pseudonyms and leave the originals out.
    public var pseudonymiseBystanders: Bool
    /// The zone local times were assumed in, and the zone of `Bagging-Date`.
    public var timeZone: TimeZone
    /// Bewaar's version, for `Bag-Software-Agent` and the provenance graph.
    public var version: String
    /// zlib level for deflated entries (1 fast … 9 small).
    public var compressionLevel: Int32

    public init(caseID: CaseID, output: String, actor: String, organisation: String, pseudonymiseBystanders: Bool = false,
                timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!, version: String, compressionLevel: Int32 = 6) {
        self.caseID = caseID
        self.output = output
        self.actor = actor
        self.organisation = organisation
        self.pseudonymiseBystanders = pseudonymiseBystanders
        self.timeZone = timeZone
        self.version = version
        self.compressionLevel = compressionLevel
    }
}

/// What an export produced.
public struct BundleResult: Sendable {
    public var zipPath: String
    /// The RFC 3161 request for the tag manifest, beside the zip.
    public var timeStampRequestPath: String
    /// The bag's top folder (the case id).
    public var bagName: String
    public var payloadFiles: Int
    public var payloadBytes: Int64
    public var originals: Int
    public var custodyEvents: Int
    /// Hash of the last event in the bag (the export event).
    public var custodyHead: String
    /// SHA-256 over the payload manifest lines without `data/custody.jsonl`.
    public var payloadDigest: String
    /// SHA-256 of `tagmanifest-sha256.txt`: the digest the report quotes.
    public var tagManifestSHA256: String
    public var exportEvent: CustodyEvent
    public var sealedEvent: CustodyEvent
}

/// Builds a case's evidence bundle: a BagIt 1.0 bag in a zip, written in one streaming pass
/// (each original read once, SHA-256 and SHA-512 computed on both cores while it is written),
/// to a temporary file renamed into place when complete. Two exports of the same store state
/// at the same export time are byte-identical.
public enum BundleBuilder {
    /// The name of the custody log inside the bag.
    public static let custodyPath = "data/custody.jsonl"

    public static func build(store: CaseStore, options o: BundleOptions) throws -> BundleResult {
        let fm = FileManager.default
        if fm.fileExists(atPath: o.output) {
            throw BundleError(.invalidArgument, nl: "\(o.output) bestaat al. Kies een andere naam; een bestaande bundel wordt nooit overschreven.",
                              en: "\(o.output) already exists. Choose another name; an existing bundle is never overwritten.")
        }
        let id = o.caseID
        let theCase = try store.case(id)
        let people = try store.people(id)
        let checklist = try store.checklist(id)
        let items = try store.items(id)
        let pseudonyms = Pseudonymiser(people: people, active: o.pseudonymiseBystanders)
        let software = "Bewaar \(o.version)"
        let bagName = id.description

        // Originals: one file per distinct SHA-256, named after the first item that has it.
        var originalPaths: [String: String] = [:]
        var originals: [(path: String, item: EvidenceItem)] = []
        if !o.pseudonymiseBystanders {
            for item in items where originalPaths[item.sha256.hex] == nil {
                let p = BagNames.original(sha256: item.sha256, name: item.name)
                originalPaths[item.sha256.hex] = p
                originals.append((p, item))
            }
        }

        // Staged first, on every core: the payload files Bewaar writes itself and the originals
        // that are deflated or small (each read once, hashed, deflated). Only big stored originals
        // (media) are left, streamed into the zip later with their hashing on two cores.
        let content = BundleContent(store: store, theCase: theCase, people: people, items: items, pseudonyms: pseudonyms,
                                    originalPaths: originalPaths)
        let staging = try PayloadStaging(beside: o.output, smallFileLevel: o.compressionLevel)
        defer { staging.remove() }
        var streamed: [String: EvidenceItem] = [:]
        var jobs: [PayloadStaging.Job] = []
        // The originals' plain bytes, open until the bundle is written (in an encrypted store,
        // files in memory: see ``OpenedOriginal``).
        var opened: [SHA256Digest: OpenedOriginal] = [:]
        func plainPath(_ digest: SHA256Digest) throws -> String {
            if let o = opened[digest] { return o.path }
            let o = try store.openOriginal(digest)
            opened[digest] = o
            return o.path
        }
        defer { withExtendedLifetime(opened) {} }
        for (p, item) in originals {
            let path = try plainPath(item.sha256)
            if item.size >= 1 << 20, try OriginalFile(item, path: path).zipMethod() == .stored {
                streamed[p] = item
            } else {
                jobs.append(.init(bagPath: p, weight: item.size, work: .original(item, path: path)))
            }
        }
        for item in items {
            // A record's JSON is about 300 bytes, made from the store before it is hashed and deflated.
            let path = BagNames.records(itemID: item.id, sha256: item.sha256)
            let weight = 1_000 * Int64(item.messageCount) + 4_096
            jobs.append(.init(bagPath: path, weight: weight, work: .written { try content.writeRecordsFile(item, into: $0) }))
        }
        let caseFile = content.caseFile(checklist: checklist, software: software, timeZone: o.timeZone.identifier)
        let readme = BundleContent.readme(
            caseID: bagName, originals: originals.count, items: items.count, pseudonymised: o.pseudonymiseBystanders, software: software)
        let provenance = Provenance.graph(caseID: id, items: items, names: { pseudonyms.apply($0.name) }, version: o.version, zone: o.timeZone)
        for (p, bytes) in [("data/case.json", caseFile), ("data/LEESMIJ.txt", readme), ("data/provenance/case.jsonld", provenance)] {
            jobs.append(.init(bagPath: p, weight: Int64(bytes.count), work: .written { try $0.append(bytes) }))
        }
        try staging.run(jobs)

        // The in-bag export event records the payload digest without the custody log.
        var sha256 = staging.staged.mapValues(\.sha256)
        for (p, item) in streamed { sha256[p] = item.sha256.hex }
        let payloadDigest = PayloadDigest.compute(sha256)
        let payloadCount = sha256.count + 1
        var details = [
            "bag": bagName,
            "file": (o.output as NSString).lastPathComponent,
            "payloadDigestExcludingCustody": payloadDigest,
            "payloadFiles": String(payloadCount),
            "originals": String(originals.count),
            "pseudonymised": o.pseudonymiseBystanders ? "ja" : "nee",
            "software": software,
        ]
        if o.pseudonymiseBystanders { details["originalsLeftOut"] = String(Set(items.map(\.sha256)).count) }
        let exportEvent = try store.recordExport(id, actor: o.actor, details: details)
        let events = try store.events(chain: id.description)
        let custody = events.map { custodyLine($0, pseudonyms) + "\n" }
        try staging.run([.init(bagPath: custodyPath, weight: 0, work: .written { w in for line in custody { try w.append(line) } })])

        // bag-info.txt: everything it says is known before the first payload byte is written.
        let staged = staging.staged
        let payloadBytes = staged.values.reduce(Int64(0)) { $0 + $1.size } + streamed.values.reduce(Int64(0)) { $0 + $1.size }
        let local = Timestamp(date: exportEvent.time, in: o.timeZone).rfc3339
        var info: [(label: String, value: String)] = [
            ("Source-Organization", o.organisation),
            ("Contact-Name", o.actor),
            ("External-Identifier", bagName),
            ("Bagging-Date", String(local.prefix(10))),
            ("Bag-Software-Agent", software),
            ("Payload-Oxum", "\(payloadBytes).\(payloadCount)"),
            ("Bag-Size", BagInfo.humanSize(payloadBytes)),
            ("Internal-Sender-Description", o.pseudonymiseBystanders
                ? "Bewijs van zaak \(bagName) (cyberpesten), gepseudonimiseerd: berichten, zaakgegevens en logboek, zonder originelen."
                : "Bewijs van zaak \(bagName) (cyberpesten): originelen, gelezen berichten, zaakgegevens en logboek."),
            ("Bewaar-Custody-Head", "sha256:\(exportEvent.hash)"),
            ("Bewaar-Custody-Events", String(events.count)),
            ("Bewaar-Export-Time", local),
            ("Bewaar-Payload-Digest-Excluding-Custody", "sha256:\(payloadDigest)"),
            ("Bewaar-Timezone-Assumed", o.timeZone.identifier),
            ("Bewaar-Pseudonymised", o.pseudonymiseBystanders ? "ja" : "nee"),
            ("Bewaar-Originals-Included", o.pseudonymiseBystanders ? "nee" : "ja"),
            ("Bewaar-Personal-Data", "gegevens over minderjarigen en mogelijk over strafbare feiten; alleen delen met wie ze nodig heeft"),
        ]
        info = info.map { (label: $0.label, value: BagInfo.flatten($0.value)) }
        let bagInfo = Array(BagInfo(entries: info).text.utf8)
        let bagit = Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)

        // Write the zip: sorted entries, originals streamed.
        let dir = (o.output as NSString).deletingLastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/." + (o.output as NSString).lastPathComponent + ".part"
        let zip = try ZipWriter(path: tmp, level: o.compressionLevel)
        var done = false
        defer { if !done { unlink(tmp) } }
        let prefix = bagName + "/"
        try zip.add(name: prefix + "bag-info.txt", bytes: bagInfo, method: .deflated)
        try zip.add(name: prefix + "bagit.txt", bytes: bagit, method: .deflated)
        var sha512: [String: String] = [:]
        let buffers = PipelineBuffers()
        for path in (Array(staged.keys) + Array(streamed.keys)).sorted(by: BagNames.bytewise) {
            if let s = staged[path] {
                try staging.copy(s, into: zip, name: prefix + path)
                sha512[path] = s.sha512
                sha256[path] = s.sha256
            } else if let item = streamed[path] {
                let file = try OriginalFile(item, path: try plainPath(item.sha256))
                sha512[path] = try streamOriginal(file, into: zip, name: prefix + path, buffers: buffers)
            }
        }
        let manifest256 = manifest(sha256)
        let manifest512 = manifest(sha512)
        try zip.add(name: prefix + "manifest-sha256.txt", bytes: manifest256, method: .deflated)
        try zip.add(name: prefix + "manifest-sha512.txt", bytes: manifest512, method: .deflated)
        let tags: [String: [UInt8]] = ["bagit.txt": bagit, "bag-info.txt": bagInfo, "manifest-sha256.txt": manifest256,
                                       "manifest-sha512.txt": manifest512]
        let tag256 = manifest(tags.mapValues { StreamingSHA256.digest($0).hex })
        let tag512 = manifest(tags.mapValues { b in
            var h = StreamingSHA512()
            b.withUnsafeBytes { h.update($0) }
            return h.finalizeHex()
        })
        try zip.add(name: prefix + "tagmanifest-sha256.txt", bytes: tag256, method: .deflated)
        try zip.add(name: prefix + "tagmanifest-sha512.txt", bytes: tag512, method: .deflated)
        try zip.close()
        guard rename(tmp, o.output) == 0 else { throw BundleError.io(o.output, errno, writing: true) }
        done = true
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); Glibc.close(dfd) }

        // The circle closed: the finished bag's tag-manifest digest goes into the store's log.
        let tagDigest = StreamingSHA256.digest(tag256)
        let sealed = try store.recordExportSealed(id, actor: o.actor, details: [
            "bag": bagName,
            "file": (o.output as NSString).lastPathComponent,
            "tagManifestSha256": tagDigest.hex,
            "exportEvent": String(exportEvent.sequence),
            "custodyHead": exportEvent.hash,
        ])
        let tsq = timeStampRequestPath(for: o.output)
        let request = TimeStampRequest.der(sha256: tagDigest)
        guard fm.createFile(atPath: tsq, contents: Data(request), attributes: [.posixPermissions: 0o600]) else {
            throw BundleError(.writeFailed, nl: "De bundel is klaar, maar \(tsq) kon niet worden geschreven.",
                              en: "The bundle is complete, but \(tsq) could not be written.")
        }
        return BundleResult(zipPath: o.output, timeStampRequestPath: tsq, bagName: bagName, payloadFiles: payloadCount,
                            payloadBytes: payloadBytes, originals: originals.count, custodyEvents: events.count,
                            custodyHead: exportEvent.hash, payloadDigest: payloadDigest, tagManifestSHA256: tagDigest.hex,
                            exportEvent: exportEvent, sealedEvent: sealed)
    }

    /// `zaak.zip` → `zaak.tsq` (beside it).
    public static func timeStampRequestPath(for zip: String) -> String {
        (zip.hasSuffix(".zip") ? String(zip.dropLast(4)) : zip) + ".tsq"
    }

    /// One custody line; in a pseudonymised bag an event that names a bystander has those
    /// names replaced and carries `"redacted":true` (its own hash can then not be recomputed).
    static func custodyLine(_ e: CustodyEvent, _ p: Pseudonymiser) -> String {
        let text = e.jsonLine
        guard p.mentionsBystander(text) else { return text }
        return JSONValue.object([
            "chain": .string(e.chain),
            "sequence": .int(Int64(e.sequence)),
            "time": .string(e.time.utcMillisString),
            "actor": .string(p.apply(e.actor)),
            "action": .string(e.action.rawValue),
            "details": .object(e.details.mapValues { .string(p.apply($0)) }),
            "previousHash": .string(e.previousHash),
            "hash": .string(e.hash),
            "redacted": .bool(true),
        ]).serialized()
    }

    static func manifest(_ digests: [String: String]) -> [UInt8] {
        Array(digests.keys.sorted(by: BagNames.bytewise).map { "\(digests[$0]!)  \($0)\n" }.joined().utf8)
    }

    /// Already-compressed media are stored, everything else deflated.
    static func method(for item: EvidenceItem, head: [UInt8]) -> ZipMethod {
        let t = item.mediaType.lowercased()
        let compressedTypes = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/avif",
                               "application/zip", "application/gzip", "application/x-7z-compressed", "application/pdf",
                               "audio/ogg", "audio/opus", "audio/mpeg", "audio/mp4", "audio/aac"]
        if compressedTypes.contains(t) || t.hasPrefix("video/") { return .stored }
        // JPEG, PNG, zip, gzip, GIF, Ogg, 7z, PDF, Matroska/WebM, RIFF (WebP/AVI/WAV), MP3, RAR, xz, bzip2, zstd.
        let magics: [[UInt8]] = [[0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47], [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B],
                                 [0x47, 0x49, 0x46, 0x38], [0x4F, 0x67, 0x67, 0x53], [0x37, 0x7A, 0xBC, 0xAF], [0x25, 0x50, 0x44, 0x46],
                                 [0x1A, 0x45, 0xDF, 0xA3], [0x52, 0x49, 0x46, 0x46], [0x49, 0x44, 0x33], [0xFF, 0xFB],
                                 [0x52, 0x61, 0x72, 0x21], [0xFD, 0x37, 0x7A, 0x58, 0x5A], [0x42, 0x5A, 0x68], [0x28, 0xB5, 0x2F, 0xFD]]
        if magics.contains(where: { head.starts(with: $0) }) { return .stored }
        if head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) { return .stored }
        return .deflated
    }

    /// For a larger file of unknown kind: deflate a sample of its start; when that saves less
    /// than 5%, the bytes are already compressed (or random) and are stored. Depends only on
    /// the bytes, so the choice is deterministic.
    static func worthDeflating(_ sample: [UInt8]) -> Bool {
        guard sample.count >= 1 << 16, let d = try? Deflater(level: 1) else { return true }
        var produced = 0
        do {
            try sample.withUnsafeBytes { p in
                try d.compress(p, finish: true) { produced += $0.count }
            }
        } catch { return true }
        return produced < sample.count - sample.count / 20
    }

    /// zlib level for deflated originals.
    static let originalsLevel: Int32 = 1
}

/// The digest the in-bag export event records: SHA-256 over the `manifest-sha256.txt` lines
/// (`<hex>  <path>\n`, sorted by path) of every payload file except `data/custody.jsonl`.
public enum PayloadDigest {
    public static func compute(_ sha256ByPath: [String: String]) -> String {
        var d = sha256ByPath
        d[BundleBuilder.custodyPath] = nil
        return StreamingSHA256.digest(BundleBuilder.manifest(d)).hex
    }
}

extension BagNames {
    /// Byte-wise order of UTF-8 paths (the order of manifests and zip entries).
    static func bytewise(_ a: String, _ b: String) -> Bool {
        Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }
}

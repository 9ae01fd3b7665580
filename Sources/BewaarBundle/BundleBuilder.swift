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

        // Payload files Bewaar writes itself, staged beside the output with their digests.
        let content = BundleContent(store: store, theCase: theCase, people: people, items: items, pseudonyms: pseudonyms,
                                    originalPaths: originalPaths)
        let staging = try PayloadStaging(beside: o.output, smallFileLevel: o.compressionLevel)
        defer { staging.remove() }
        for item in items {
            try staging.write(BagNames.records(itemID: item.id, sha256: item.sha256)) { try content.writeRecordsFile(item, into: $0) }
        }
        try staging.add("data/case.json", bytes: content.caseFile(checklist: checklist, software: software, timeZone: o.timeZone.identifier))
        try staging.add("data/LEESMIJ.txt", bytes: BundleContent.readme(caseID: bagName, originals: originals.count, items: items.count,
                                                                         pseudonymised: o.pseudonymiseBystanders, software: software))
        try staging.add("data/provenance/case.jsonld", bytes: Provenance.graph(caseID: id, items: items, names: { pseudonyms.apply($0.name) },
                                                                                version: o.version, zone: o.timeZone))

        // The in-bag export event records the payload digest without the custody log.
        var sha256 = try staging.finished().mapValues(\.sha256)
        for (p, item) in originals { sha256[p] = item.sha256.hex }
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
        try staging.write(custodyPath) { w in
            for e in events { try w.append(custodyLine(e, pseudonyms) + "\n") }
        }

        // bag-info.txt: everything it says is known before the first payload byte is written.
        let staged = try staging.finished()
        let payloadBytes = staged.values.reduce(Int64(0)) { $0 + $1.size } + originals.reduce(Int64(0)) { $0 + $1.item.size }
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
        let originalByPath = Dictionary(uniqueKeysWithValues: originals.map { ($0.path, $0.item) })
        let buffers = PipelineBuffers()
        for path in (Array(staged.keys) + Array(originalByPath.keys)).sorted(by: BagNames.bytewise) {
            if let staged = staged[path] {
                try streamStaged(staged, into: zip, name: prefix + path)
                sha512[path] = staged.sha512
                sha256[path] = staged.sha256
            } else if let item = originalByPath[path] {
                sha512[path] = try streamOriginal(item, from: store.objects.path(for: item.sha256), into: zip, name: prefix + path,
                                                   buffers: buffers)
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

    /// Copies a staged file (one Bewaar wrote, already deflated while it was staged: at the
    /// writer's level, or fast — level 1, like the originals — from 64 KiB on, since the records
    /// of a case with hundreds of chats are hundreds of MB of JSON) into the zip as it is.
    static func streamStaged(_ staged: PayloadStaging.Staged, into zip: ZipWriter, name: String) throws {
        let fd = open(staged.file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.io(staged.file, errno, writing: false) }
        defer { Glibc.close(fd) }
        try zip.begin(name: name, method: .deflated, sizeHint: UInt64(staged.size), compressing: false)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var copied: Int64 = 0
        while true {
            let n = Glibc.read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw BundleError.io(staged.file, errno, writing: false)
            }
            if n == 0 { break }
            try zip.writeDeflated(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            copied += Int64(n)
        }
        guard copied == staged.compressedSize else {
            throw BundleError(.writeFailed, nl: "Een tijdelijk bestand van de bundel (\(staged.file)) is veranderd tijdens het schrijven.",
                              en: "A temporary file of the bundle (\(staged.file)) changed while the bundle was written.")
        }
        try zip.finish(crc: staged.crc, uncompressed: UInt64(staged.size))
    }

    /// Streams one original into the zip: read once, straight into a ring of buffers. For a big
    /// stored original (media) SHA-256 + CRC-32 + the first part of each chunk's write run on one
    /// core and SHA-512 + the rest of the write on the other: the zip region is reserved up front
    /// and both lanes write their part at its place (`pwrite`), so writing into the page cache,
    /// which costs as much as a hash here, is shared. For a big deflated original all hashes run
    /// on one core and compression + writing on the other. Refuses an original whose bytes no
    /// longer match their address. Returns the SHA-512.
    static func streamOriginal(_ item: EvidenceItem, from path: String, into zip: ZipWriter, name: String,
                               buffers: PipelineBuffers) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw BundleError(.originalChanged, nl: "Origineel \(item.sha256.hex) (\(item.name)) ontbreekt in de opslag. Voer `bewaar check` uit.",
                              en: "Original \(item.sha256.hex) (\(item.name)) is missing from the store. Run `bewaar check`.")
        }
        defer { Glibc.close(fd) }
        func readAt(_ count: Int) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
            return Array(out.prefix(max(n, 0)))
        }
        func readNext(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            while true {
                let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 { return n }
                if errno != EINTR { throw BundleError.io(path, errno, writing: false) }
            }
        }
        var method = method(for: item, head: readAt(16))
        if method == .deflated, item.size >= 1 << 16, !worthDeflating(readAt(1 << 18)) { method = .stored }
        var h256 = StreamingSHA256()
        let h512 = FastSHA512()
        var crc = CRC32()
        // Originals are deflated fast (level 1): chats compress well at any level, and an
        // export should not wait on the compressor; the JSON Bewaar writes uses the writer's level.
        try zip.begin(name: name, method: method, sizeHint: UInt64(max(item.size, 0)), level: originalsLevel)
        if item.size >= 1 << 20 {
            let stored = method == .stored
            let chunkSize = UInt64(buffers.chunkSize)
            // Stored: the entry's bytes go to a reserved region, each lane writing its part.
            let base = stored ? try zip.reserve(UInt64(item.size)) : 0
            let end = base + UInt64(item.size)
            // Lane A's share of each chunk's write (lane B's SHA-512 is slower than SHA-256 + CRC).
            func split(_ n: Int) -> Int { n * 11 / 16 }
            func place(_ c: UnsafeRawBufferPointer, _ index: Int, _ range: Range<Int>) throws {
                let at = base + UInt64(index) * chunkSize + UInt64(range.lowerBound)
                // An original longer than recorded is refused below; never write past its region.
                guard at < end else { return }
                let piece = UnsafeRawBufferPointer(rebasing: c[range.lowerBound..<(range.lowerBound + Int(min(UInt64(range.count), end - at)))])
                try zip.write(piece, at: at)
            }
            let pipeline = LanePipeline(
                buffers: buffers,
                laneA: { c, index in
                    h256.update(c)
                    crc.update(c)
                    if stored { try place(c, index, 0..<split(c.count)) } else { h512.update(c) }
                },
                laneB: { c, index in
                    if stored {
                        h512.update(c)
                        try place(c, index, split(c.count)..<c.count)
                        zip.startWriteback(upTo: min(end, base + UInt64(index) * chunkSize))
                    } else {
                        try zip.write(c)
                    }
                })
            do { try pipeline.pump(readNext) } catch {
                try? pipeline.finish()
                throw error
            }
            try pipeline.finish()
        } else {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = try readNext(buffer)
                if n == 0 { break }
                let c = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                h256.update(c)
                h512.update(c)
                crc.update(c)
                try zip.write(c)
            }
        }
        try zip.finish(crc: crc.value)
        let actual = h256.finalize()
        guard actual == item.sha256, h256.byteCount == item.size else {
            throw BundleError(.originalChanged,
                              nl: "Origineel \(item.sha256.hex) (\(item.name)) is in de opslag gewijzigd (hash nu \(actual.hex)). Er is geen bundel gemaakt. Voer `bewaar check` uit en meld dit aan de beheerder.",
                              en: "Original \(item.sha256.hex) (\(item.name)) was changed in the store (it now hashes to \(actual.hex)). No bundle was made. Run `bewaar check` and tell the administrator.")
        }
        return h512.finalizeHex()
    }
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

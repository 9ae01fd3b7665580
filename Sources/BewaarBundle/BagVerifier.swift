import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest
import BewaarStore
import BewaarImageFormat
import BewaarImageMetadata

/// One thing wrong with a bag: the file (and line) it concerns and what is wrong, in Dutch
/// and English.
public struct VerifyProblem: Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var dutch: String
    public var english: String

    public init(file: String, line: Int?, dutch: String, english: String) {
        self.file = file
        self.line = line
        self.dutch = dutch
        self.english = english
    }

    /// `file:line: text` for people.
    public func text(dutch d: Bool) -> String {
        (line.map { "\(file):\($0)" } ?? file) + ": " + (d ? dutch : english)
    }
}

/// The outcome of verifying a bag.
public struct VerifyReport: Sendable {
    public var bagName: String = ""
    /// Payload files checked.
    public var files = 0
    public var bytes: Int64 = 0
    /// Custody events checked.
    public var events = 0
    /// Records whose origin range was checked against their original.
    public var recordsChecked = 0
    public var problems: [VerifyProblem] = []
    /// Things worth knowing that are not problems (Dutch, English).
    public var notes: [(nl: String, en: String)] = []
    /// SHA-256 of `tagmanifest-sha256.txt` as found (for RFC 3161 checks and reports).
    public var tagManifestSHA256: String?
    public var tagManifestBytes: [UInt8]?
    /// The last custody event in the bag (the export), as found.
    public var exportEvent: CustodyEvent?
    public var intact: Bool { problems.isEmpty }
}

/// Verifies a Bewaar bag, zipped or unpacked, more strictly than bagit-python: BagIt 1.0
/// header, both payload manifests listing every payload file, tag manifests present and
/// listing exactly the tag files, every digest, Payload-Oxum, nothing missing or extra, no
/// fetch.txt, the custody chain from first to last event, every record's origin range inside
/// its original, and the export event's payload digest.
public enum BagVerifier {
    static let payloadManifests = ["manifest-sha256.txt", "manifest-sha512.txt"]
    static let tagManifests = ["tagmanifest-sha256.txt", "tagmanifest-sha512.txt"]

    /// Verifies the zip or folder at `path`. Never throws: a zip that cannot be read or is
    /// refused gives a report with that one problem.
    public static func verify(path: String) -> VerifyReport {
        var report = VerifyReport()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            report.problems.append(VerifyProblem(file: path, line: nil, dutch: "bestaat niet", english: "does not exist"))
            return report
        }
        var path = path
        let fm = FileManager.default
        if isDir.boolValue, !fm.fileExists(atPath: path + "/bagit.txt"),
           let entries = try? fm.contentsOfDirectory(atPath: path), entries.count == 1,
           fm.fileExists(atPath: path + "/" + entries[0] + "/bagit.txt") {
            path += "/" + entries[0]  // the folder a zip was unpacked into
        }
        do {
            let source: any BagSource = isDir.boolValue ? try FolderBagSource(path: path) : try ZipBagSource(path: path)
            report.bagName = source.name
            try check(source, &report)
        } catch let e as BundleError {
            report.problems.append(VerifyProblem(file: (path as NSString).lastPathComponent, line: nil, dutch: e.dutch, english: e.english))
        } catch {
            report.problems.append(VerifyProblem(file: (path as NSString).lastPathComponent, line: nil,
                                                 dutch: "kan niet worden gelezen (\(error))", english: "cannot be read (\(error))"))
        }
        return report
    }

    struct ManifestEntry { var digest: String; var line: Int }

    static func check(_ bag: any BagSource, _ r: inout VerifyReport) throws {
        func problem(_ file: String, _ line: Int? = nil, _ nl: String, _ en: String) {
            r.problems.append(VerifyProblem(file: file, line: line, dutch: nl, english: en))
        }
        // Structure and header.
        guard let bagit = try bag.read("bagit.txt", limit: 4096) else {
            problem("bagit.txt", nil, "ontbreekt: dit is geen BagIt-bag", "is missing: this is not a BagIt bag")
            return
        }
        if bagit.starts(with: [0xEF, 0xBB, 0xBF]) {
            problem("bagit.txt", 1, "begint met een byte-order mark (niet toegestaan)", "starts with a byte-order mark (not allowed)")
        }
        let bagitText = String(decoding: bagit, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        if bagitText != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n" {
            problem("bagit.txt", nil, "is niet precies 'BagIt-Version: 1.0' en 'Tag-File-Character-Encoding: UTF-8'",
                    "is not exactly 'BagIt-Version: 1.0' and 'Tag-File-Character-Encoding: UTF-8'")
        }
        if bag.files["fetch.txt"] != nil {
            problem("fetch.txt", nil, "aanwezig: een bewijsbundel haalt nooit iets op van buiten", "present: an evidence bag never fetches anything")
        }
        for p in bag.files.keys.sorted() where !BagNames.isSafePath(p) {
            problem(p, nil, "naam met tekens buiten [A-Za-z0-9._-]", "name with characters outside [A-Za-z0-9._-]")
        }
        let payload = Set(bag.files.keys.filter { $0.hasPrefix("data/") })
        let tagFiles = Set(bag.files.keys.filter { !$0.hasPrefix("data/") && !tagManifests.contains($0) })

        // Manifests.
        var manifests: [String: [String: ManifestEntry]] = [:]
        for m in payloadManifests + tagManifests {
            guard let bytes = try bag.read(m, limit: 512 << 20) else {
                problem(m, nil, "ontbreekt (een bewijsbundel heeft sha256- en sha512-manifesten én tag-manifesten)",
                        "is missing (an evidence bag has sha256 and sha512 manifests and tag manifests)")
                continue
            }
            let hexLength = m.contains("sha256") ? 64 : 128
            var entries: [String: ManifestEntry] = [:]
            var n = 0
            for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                n += 1
                var line = String(raw)
                if line.hasSuffix("\r") { line.removeLast() }
                if line.isEmpty { continue }
                guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                    problem(m, n, "regel zonder hash en pad", "line without digest and path"); continue
                }
                let digest = String(line[..<space]).lowercased()
                let path = String(line[space...].drop(while: { $0 == " " || $0 == "\t" }))
                if digest.count != hexLength || !digest.allSatisfy(\.isHexDigit) {
                    problem(m, n, "'\(digest.prefix(20))…' is geen geldige hash", "'\(digest.prefix(20))…' is not a valid digest")
                }
                if !BagNames.isSafePath(path) {
                    problem(m, n, "onveilig of ongeldig pad '\(path.prefix(80))'", "unsafe or invalid path '\(path.prefix(80))'"); continue
                }
                let isTagManifest = tagManifests.contains(m)
                if isTagManifest && (path.hasPrefix("data/") || tagManifests.contains(path)) {
                    problem(m, n, "een tag-manifest mag \(path) niet noemen", "a tag manifest must not list \(path)")
                }
                if !isTagManifest && !path.hasPrefix("data/") {
                    problem(m, n, "\(path) ligt niet onder data/", "\(path) is not under data/")
                }
                if entries[path] != nil { problem(m, n, "\(path) staat er twee keer in", "\(path) is listed twice") }
                entries[path] = ManifestEntry(digest: digest, line: n)
            }
            manifests[m] = entries
        }
        for m in payloadManifests + tagManifests {
            guard let entries = manifests[m] else { continue }
            let expected = payloadManifests.contains(m) ? payload : tagFiles
            for (p, e) in entries.sorted(by: { $0.value.line < $1.value.line }) where bag.files[p] == nil {
                problem(p, nil, "ontbreekt (genoemd in \(m) regel \(e.line))", "is missing (listed in \(m) line \(e.line))")
            }
            for p in expected.sorted() where entries[p] == nil {
                problem(p, nil, payloadManifests.contains(m) ? "staat niet in \(m) (toegevoegd?)" : "tag-bestand staat niet in \(m) (toegevoegd?)",
                        payloadManifests.contains(m) ? "is not in \(m) (added?)" : "tag file is not in \(m) (added?)")
            }
        }

        // Whether the originals were left out (bag-info.txt is read again and hashed below).
        let pseudonymised = (try? bag.read("bag-info.txt")).flatMap { $0 }
            .map { BagInfo.parse(String(decoding: $0, as: UTF8.self)).info.values("Bewaar-Pseudonymised").first == "ja" } ?? false

        // Every file hashed once, both algorithms, on the two cores (``BagFileHashing``); a records
        // file is checked against its original by the worker that read it, then dropped (memory:
        // one file per worker). Findings are merged in reading order, as one core would.
        var actual256: [String: String] = [:]
        var keep: [String: [UInt8]] = [:]
        let kept: (String) -> Bool = { $0 == BundleBuilder.custodyPath || $0 == "bag-info.txt" || $0 == "tagmanifest-sha256.txt"
            || ($0.hasPrefix("data/records/") && $0.hasSuffix(".json")) }
        let files = bag.files
        let hashed = BagFileHashing.hash(bag, order: bag.readingOrder, keep: { kept($0) && (files[$0] ?? 0) <= 256 << 20 }) { p, content, out in
            guard p.hasPrefix("data/records/") else { return true }
            var found = VerifyReport()
            checkRecords(p, content, bag: bag, pseudonymised: pseudonymised, &found)
            out.problems = found.problems
            out.recordsChecked = found.recordsChecked
            return false
        }
        for (p, f) in zip(bag.readingOrder, hashed) {
            if let e = f.otherError { throw e }
            if let e = f.failure {
                problem(p, nil, e.dutch, e.english)
                continue
            }
            let d256 = f.sha256, d512 = f.sha512
            actual256[p] = d256
            r.problems += f.problems
            r.recordsChecked += f.recordsChecked
            if let content = f.content { keep[p] = content }
            let isPayload = p.hasPrefix("data/")
            for (m, d) in isPayload ? [(payloadManifests[0], d256), (payloadManifests[1], d512)]
                                    : [(tagManifests[0], d256), (tagManifests[1], d512)] {
                guard let e = manifests[m]?[p] else { continue }
                if e.digest != d {
                    problem(p, nil, "is gewijzigd: \(m.contains("256") ? "SHA-256" : "SHA-512") klopt niet (\(m) regel \(e.line))",
                            "was changed: its \(m.contains("256") ? "SHA-256" : "SHA-512") does not match (\(m) line \(e.line))")
                }
            }
            if isPayload {
                r.files += 1
                r.bytes += bag.files[p] ?? 0
            }
        }
        r.tagManifestSHA256 = actual256["tagmanifest-sha256.txt"]
        r.tagManifestBytes = keep["tagmanifest-sha256.txt"]

        // bag-info.txt: Payload-Oxum and the custody anchor.
        let infoText = keep["bag-info.txt"].map { String(decoding: $0, as: UTF8.self) }
        let info = infoText.map(BagInfo.parse)
        if info == nil { problem("bag-info.txt", nil, "ontbreekt", "is missing") }
        for l in info?.badLines ?? [] { problem("bag-info.txt", l, "regel zonder 'Label: waarde'", "line without 'Label: value'") }
        let oxum = info?.info.values("Payload-Oxum") ?? []
        let payloadBytes = payload.reduce(Int64(0)) { $0 + (bag.files[$1] ?? 0) }
        if oxum.count != 1 {
            problem("bag-info.txt", nil, "Payload-Oxum moet er precies één keer in staan", "Payload-Oxum must appear exactly once")
        } else if oxum[0] != "\(payloadBytes).\(payload.count)" {
            problem("bag-info.txt", nil, "Payload-Oxum zegt \(oxum[0]), de bag heeft \(payloadBytes) bytes in \(Plural.count(payload.count, "bestand", "bestanden"))",
                    "Payload-Oxum says \(oxum[0]), the bag holds \(payloadBytes) bytes in \(Plural.count(payload.count, "file", "files"))")
        }

        // Every original's name carries its SHA-256: the content must still have it.
        for p in payload.sorted() where p.hasPrefix("data/originals/") {
            let name = p.dropFirst("data/originals/".count)
            guard let actual = actual256[p] else { continue }
            let named = String(name.prefix(64))
            if SHA256Digest(hex: named) == nil || name.dropFirst(64).first != "-" {
                problem(p, nil, "de naam begint niet met de SHA-256 van het origineel", "the name does not start with the original's SHA-256")
            } else if named != actual {
                problem(p, nil, "de inhoud heeft niet de SHA-256 uit de naam (nu \(actual.prefix(12))…)",
                        "the content does not have the SHA-256 in its name (now \(actual.prefix(12))…)")
            }
        }

        // The custody chain.
        checkCustody(keep[BundleBuilder.custodyPath], info: info?.info, payloadDigests: actual256, &r)

        if pseudonymised {
            r.notes.append(("gepseudonimiseerde bundel: de originelen zitten er niet in, dus de berichten zijn niet tegen hun origineel te leggen",
                            "pseudonymised bundle: the originals are left out, so records cannot be checked against them"))
        }
    }

    static func checkCustody(_ bytes: [UInt8]?, info: BagInfo?, payloadDigests: [String: String], _ r: inout VerifyReport) {
        let file = BundleBuilder.custodyPath
        func problem(_ line: Int?, _ nl: String, _ en: String) {
            r.problems.append(VerifyProblem(file: file, line: line, dutch: nl, english: en))
        }
        guard let bytes else { problem(nil, "ontbreekt of is te groot: het logboek kan niet worden gecontroleerd", "is missing or too large: the log cannot be checked"); return }
        var events: [CustodyEvent] = []
        var lineOf: [Int: Int] = [:]
        var redacted = Set<Int>()
        var n = 0
        for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = String(raw)
            if line.isEmpty { continue }
            guard let json = try? JSONParser.parse(line), let e = event(from: json) else {
                problem(n, "regel is geen geldige gebeurtenis (gewijzigd of beschadigd)", "line is not a valid event (changed or damaged)")
                continue
            }
            let isRedacted = json["redacted"] == .bool(true)
            if !isRedacted && line != e.jsonLine {
                problem(n, "regel is niet meer in de oorspronkelijke vorm (gewijzigd)", "line is no longer in its original form (changed)")
            }
            if isRedacted { redacted.insert(e.sequence) }
            lineOf[e.sequence] = n
            events.append(e)
        }
        r.events = events.count
        var head: (Int, String)?
        if let info {
            let h = info.values("Bewaar-Custody-Head").first.map { $0.hasPrefix("sha256:") ? String($0.dropFirst(7)) : $0 }
            let c = info.values("Bewaar-Custody-Events").first.flatMap { Int($0) }
            if let h, let c { head = (c, h) } else {
                r.problems.append(VerifyProblem(file: "bag-info.txt", line: nil, dutch: "Bewaar-Custody-Head of Bewaar-Custody-Events ontbreekt",
                                                english: "Bewaar-Custody-Head or Bewaar-Custody-Events is missing"))
            }
        }
        let chain = ChainVerifier.verify(events: events, head: head)
        for p in chain.problems where !(p.kind == .edited && redacted.contains(p.sequence)) {
            problem(lineOf[p.sequence] ?? p.sequence, p.dutch, p.english)
        }
        if !redacted.isEmpty {
            r.notes.append(("\(redacted.count) logboekregels zijn onleesbaar gemaakt (namen van omstanders); hun eigen hash is niet na te rekenen, de keten wel",
                            "\(redacted.count) log lines are redacted (bystanders' names); their own hash cannot be recomputed, the chain can"))
        }
        // The export event: the last one, recording the payload without this log.
        guard let last = events.last else { problem(nil, "is leeg", "is empty"); return }
        r.exportEvent = last
        guard last.action == .exportMade, let recorded = last.details["payloadDigestExcludingCustody"] else {
            problem(lineOf[last.sequence], "de laatste gebeurtenis is niet de export van deze bundel (weggehaald of toegevoegd?)",
                    "the last event is not this bundle's export (removed or added?)")
            return
        }
        var digests = payloadDigests.filter { $0.key.hasPrefix("data/") }
        digests[file] = nil
        let computed = PayloadDigest.compute(digests)
        if computed != recorded {
            problem(lineOf[last.sequence], "de exportgebeurtenis noemt een andere inhoud dan deze bundel heeft (payload-hash \(recorded.prefix(12))…, berekend \(computed.prefix(12))…)",
                    "the export event names other contents than this bundle has (payload digest \(recorded.prefix(12))…, computed \(computed.prefix(12))…)")
        }
        if let claimed = info?.values("Bewaar-Payload-Digest-Excluding-Custody").first, claimed != "sha256:\(recorded)" {
            r.problems.append(VerifyProblem(file: "bag-info.txt", line: nil, dutch: "Bewaar-Payload-Digest-Excluding-Custody verschilt van de exportgebeurtenis",
                                            english: "Bewaar-Payload-Digest-Excluding-Custody differs from the export event"))
        }
    }

    /// A custody event from one parsed `custody.jsonl` line.
    public static func event(from json: JSONValue) -> CustodyEvent? {
        guard let chain = json["chain"]?.stringValue, let seq = json["sequence"]?.intValue,
              let timeText = json["time"]?.stringValue, let time = Timestamp(rfc3339: timeText),
              let actor = json["actor"]?.stringValue, let action = json["action"]?.stringValue,
              let detailsObject = json["details"]?.objectValue, let previous = json["previousHash"]?.stringValue,
              let hash = json["hash"]?.stringValue else { return nil }
        var details: [String: String] = [:]
        for (k, v) in detailsObject {
            guard let s = v.stringValue else { return nil }
            details[k] = s
        }
        return CustodyEvent(chain: chain, sequence: Int(seq), time: time.date, actor: actor, action: CustodyAction(rawValue: action),
                            details: details, previousHash: previous, hash: hash)
    }

    /// A records file against the bag: its item names an original that is there, with the
    /// size and SHA-256 the item says, and every record's origin range lies inside it. Only the
    /// item is parsed and each record's `origin` read in place; the rest is skimmed once (``JSONSkim``).
    static func checkRecords(_ path: String, _ bytes: [UInt8], bag: any BagSource, pseudonymised: Bool, _ r: inout VerifyReport) {
        func problem(_ nl: String, _ en: String) {
            r.problems.append(VerifyProblem(file: path, line: nil, dutch: nl, english: en))
        }
        bytes.withUnsafeBufferPointer { b in
            let skim = JSONSkim(b)
            var itemRange: Range<Int>?, recordsRange: Range<Int>?
            let outline = skim.members(ofObjectAt: 0) { key, value in
                if key == "item" { itemRange = value } else if key == "records" { recordsRange = value }
            }
            guard outline != nil, let itemRange, let item = skim.parse(itemRange), item.objectValue != nil else {
                problem("is geen geldige JSON met een 'item'", "is not valid JSON with an 'item'"); return
            }
            guard let original = item["original"]?.stringValue else {
                if !pseudonymised { problem("noemt geen origineel", "names no original") }
                return
            }
            guard let size = bag.files[original] else { problem("het origineel \(original) ontbreekt", "the original \(original) is missing"); return }
            if let sha = item["sha256"]?.stringValue, !original.hasPrefix("data/originals/\(sha)-") {
                problem("de record hoort bij origineel \(sha.prefix(12))…, maar wijst naar \(original)",
                        "the record belongs to original \(sha.prefix(12))…, but points at \(original)")
            }
            if let declared = item["size"]?.intValue, declared != size {
                problem("het origineel \(original) is \(size) bytes, de record zegt \(declared)", "the original \(original) is \(size) bytes, the record says \(declared)")
            }
            guard let recordsRange else { return }
            func named(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
                key.count == name.utf8CodeUnitCount && (key.count == 0 || memcmp(key.baseAddress!, name.utf8Start, key.count) == 0)
            }
            var i = 0
            // The pixel size of the original, read from its header the first time a record
            // names a pixel box (a record read from a screenshot); nil inside: not an image.
            var imageSize: (width: Int, height: Int)??
            var headerIsHEIC = false
            func pixels() -> (width: Int, height: Int)? {
                if let known = imageSize { return known }
                let head = try? bag.head(original, count: 512 * 1024)
                let info = head.flatMap { ImageInfo.read($0) }
                headerIsHEIC = info?.format == .heic
                var size: (width: Int, height: Int)?
                if let w = info?.width, let h = info?.height { size = (w, h) }
                // Boxes are in the picture as shown: a JPEG stored sideways (EXIF orientation 5–8) swaps its sides.
                if let s = size, let head, let type = info?.type, !["heic", "heif", "avif"].contains(type),
                    (5...8).contains(ImageMetadata.read(head).orientation ?? 1)
                {
                    size = (s.height, s.width)
                }
                imageSize = .some(size)
                return size
            }
            // One walk per record: its members are skimmed once, only its origin is read.
            let listed = skim.elements(ofArrayAt: recordsRange.lowerBound) { (start: Int) -> Int? in
                i += 1
                var originRange: Range<Int>?
                let end = skim.rawMembers(ofObjectAt: start) { key, value in if named(key, "origin") { originRange = value } }
                    ?? skim.valueEnd(start)
                var offset: Int64?, length: Int64?, inPart = false, boxRange: Range<Int>?
                let origin = originRange.flatMap { range in
                    skim.rawMembers(ofObjectAt: range.lowerBound) { key, value in
                        if named(key, "offset") { offset = skim.integer(value) }
                        else if named(key, "length") { length = skim.integer(value) }
                        else if named(key, "part") { inPart = skim.bytes[value.lowerBound] == 0x22 }
                        if named(key, "box") { boxRange = value }
                    }
                }
                if let boxRange { checkBox(boxRange, record: i) }
                guard origin != nil, let offset, let length else {
                    problem("bericht \(i) heeft geen herkomst (origin)", "record \(i) has no origin"); return end
                }
                if inPart { return end }  // an offset into a part inside the original
                r.recordsChecked += 1
                if offset < 0 || length < 0 || offset > size || length > size - offset {
                    // The numbers come from the bundle: their sum may pass Int64's largest (no trap).
                    let (sum, overflow) = offset.addingReportingOverflow(length)
                    let end = overflow ? "…" : String(sum)
                    problem(
                        "bericht \(i) wijst naar bytes \(offset)…\(end), buiten het origineel (\(size) bytes)",
                        "record \(i) points at bytes \(offset)…\(end), outside the original (\(size) bytes)")
                }
                return end
            }
            if listed == nil { problem("de lijst 'records' is geen geldige JSON", "the 'records' list is not valid JSON") }

            /// A record's pixel box must lie inside its image (as the original's header gives its size).
            func checkBox(_ range: Range<Int>, record i: Int) {
                guard let box = skim.parse(range).flatMap(PixelRect.init(json:)) else {
                    problem(
                        "bericht \(i) heeft een pixelvak (box) dat geen vier gehele getallen is",
                        "record \(i) has a pixel box that is not four integers")
                    return
                }
                guard let size = pixels() else {
                    problem(
                        "bericht \(i) noemt een pixelvak, maar het origineel \(original) is geen afbeelding met leesbare afmetingen",
                        "record \(i) names a pixel box, but the original \(original) is no image whose size can be read")
                    return
                }
                // A HEIC's header gives its size before the turn (irot) its decoder applies: either way round.
                if !box.fits(width: size.width, height: size.height) && !(headerIsHEIC && box.fits(width: size.height, height: size.width)) {
                    problem(
                        "bericht \(i) wijst naar pixels \(box), buiten de afbeelding (\(size.width)×\(size.height))",
                        "record \(i) points at pixels \(box), outside the image (\(size.width)×\(size.height))")
                }
            }
        }
    }
}

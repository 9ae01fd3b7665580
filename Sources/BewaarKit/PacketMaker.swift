import Foundation
import BewaarModel
import BewaarDigest
import BewaarStore
import BewaarReport
import BewaarBundle

/// What `bewaar packet` wrote.
public struct PacketResult: Sendable {
    public var folder: String
    /// File name → SHA-256, in the order written.
    public var files: [(name: String, sha256: String)]
}

/// Builds the police packet of a case: `rapport.pdf` and `rapport.html` from one document
/// description, and `aangifte-checklist.txt`; making it is a custody event.
public struct PacketMaker: Sendable {
    public let store: CaseStore
    public var timeZone: TimeZone
    /// Records shown before and after each marked record.
    public var contextSize = 3
    public var school: String?

    public init(store: CaseStore, timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!, school: String? = nil) {
        self.store = store
        self.timeZone = timeZone
        self.school = school
    }

    /// Gathers everything the packet shows.
    public func content(_ id: CaseID, actor: String, bundle: BundleSummary? = nil) throws -> PacketContent {
        let c = try store.case(id)
        let people = try store.people(id)
        let handles = try store.handles(id)
        var q = TimelineQuery()
        q.onlyMarked = true
        q.limit = 10_000
        let items = try Self.shownItems(store, id)
        let found = try store.timeline(id, q).entries.map {
            MarkedEntry(entry: $0, context: try store.context(around: $0.id, before: contextSize, after: contextSize))
        }
        let suspects = people.filter { $0.role == .vermoedelijkeDader }
        var chartHandles: [Handle] = []
        for s in suspects {
            let own = handles.filter { $0.personID == s.id }
            chartHandles += own.isEmpty ? [Handle(personID: s.id ?? 0, value: s.name, kind: .naam)] : own
        }
        let counts = try store.messagesPerDay(id, authors: chartHandles, zone: timeZone)
        let events = try store.events(chain: id.description)
        let chain = try store.verifyChain(id.description)
        var dated = 0, total = 0
        var offset = 0
        while true {
            var all = TimelineQuery()
            all.limit = 5000
            all.offset = offset
            let page = try store.timeline(id, all)
            total += page.entries.count
            dated += page.entries.filter { $0.message.timestamp != nil }.count
            if !page.hasMore { break }
            offset += 5000
        }
        let step3 = try store.checklist(id).first { $0.step == .daderOpsporen }
        let (screenshots, marked) = try pictures(items, marked: found)
        var content = PacketContent(
            caseInfo: c, school: school, people: people, handles: handles, checklist: try store.checklist(id),
            talks: try store.talks(id), escalations: try store.escalations(id), statements: try store.statements(id),
            observations: try store.observations(id), items: items, marked: marked,
            perDay: Self.fillDays(counts), chartAuthors: suspects.map(\.name), recordCount: total, datedRecordCount: dated,
            custody: CustodySummary(events: events.count, headHash: chain.headHash ?? CustodyEvent.genesisHash, intact: chain.intact,
                                    first: events.first?.time, last: events.last?.time),
            traces: try traceLines(id, fallback: step3?.fields["result"]), bundle: bundle, timeZone: timeZone,
            generatedAt: Date(), generatedBy: actor)
        content.screenshots = screenshots
        return content
    }

    /// The stored sender traces in plain words: the mail, the conclusion, the certainty.
    func traceLines(_ id: CaseID, fallback: String?) throws -> [String] {
        let traces = try store.traces(id)
        if traces.isEmpty { return fallback.map { [$0] } ?? [] }
        return traces.map { t in
            "\(t.mailName): \(t.conclusion) (zekerheid: \(t.certainty)"
                + (t.originatingIP.map { "; herkomstadres \($0)" } ?? "") + "; resultaat sha256 \(t.resultSHA256))"
        }
    }

    /// Every day from the first to the last, with zero where nothing was sent.
    static func fillDays(_ counts: [(day: String, count: Int)]) -> [DayCount] {
        guard let first = counts.first, let last = counts.last,
              let start = Timestamp(rfc3339: first.day + "T12:00:00Z"), let end = Timestamp(rfc3339: last.day + "T12:00:00Z") else { return [] }
        let map = Dictionary(counts.map { ($0.day, $0.count) }, uniquingKeysWith: +)
        var days: [DayCount] = []
        var d = start.date
        while d <= end.date && days.count < 3660 {
            let day = String(Timestamp(date: d, utcOffsetSeconds: 0).rfc3339.prefix(10))
            days.append(DayCount(day: day, count: map[day] ?? 0))
            d = d.addingTimeInterval(86400)
        }
        return days
    }

    /// Writes the packet into `folder` (created if needed, and holding no packet yet): with
    /// `bewaarVersion` set, first the evidence bundle (`bewijsbundel-ID.zip`, whose digests the
    /// report quotes), then the report and the checklist; records a `packet-made` event.
    public func make(_ id: CaseID, folder: String, actor: String, bewaarVersion: String? = nil) throws -> PacketResult {
        for name in ["rapport.pdf", "rapport.html", "aangifte-checklist.txt", "bewijsbundel-\(id).zip"]
        where FileManager.default.fileExists(atPath: folder + "/" + name) {
            throw KitError(nl: "De map \(folder) bevat al een pakket (\(name)). Kies een nieuwe map met --out; een bestaand pakket wordt nooit overschreven.",
                           en: "The folder \(folder) already holds a packet (\(name)). Choose a new folder with --out; an existing packet is never overwritten.")
        }
        var bundle: BundleSummary?
        var bundleFile: (String, String)?
        if let bewaarVersion {
            try makeFolder(folder)
            let zip = folder + "/bewijsbundel-\(id).zip"
            let r = try BundleBuilder.build(store: store, options: BundleOptions(
                caseID: id, output: zip, actor: actor, organisation: school ?? "onbekende school", timeZone: timeZone,
                version: bewaarVersion))
            let digest = try FileReader.sha256(path: r.zipPath).digest.hex
            bundle = BundleSummary(fileName: (r.zipPath as NSString).lastPathComponent, sha256: digest, tagManifestSHA256: r.tagManifestSHA256)
            bundleFile = ((r.zipPath as NSString).lastPathComponent, digest)
        }
        let content = try content(id, actor: actor, bundle: bundle)
        let doc = PacketDocument.build(content)
        try makeFolder(folder)
        var files: [(String, String)] = bundleFile.map { [$0] } ?? []
        func write(_ name: String, _ produce: (String) throws -> Void) throws {
            let final = folder + "/" + name
            let tmp = folder + "/." + name + ".tmp"
            // Made 0600 first (the writers below keep a file's mode) and set again after.
            _ = try? FileManager.default.removeItem(atPath: tmp)
            try PrivateMode.createFile(tmp)
            try produce(tmp)
            PrivateMode.restrict(file: tmp)
            _ = try? FileManager.default.removeItem(atPath: final)
            try FileManager.default.moveItem(atPath: tmp, toPath: final)
            files.append((name, try FileReader.sha256(path: final).digest.hex))
        }
        do {
            try write("rapport.html") { try Data(HTMLRenderer.render(doc).utf8).write(to: URL(fileURLWithPath: $0)) }
            try write("rapport.pdf") { try PDFRenderer.render(doc, to: $0) }
            try write("aangifte-checklist.txt") { try Data(AangifteChecklist.render(content).utf8).write(to: URL(fileURLWithPath: $0)) }
        } catch let e as any BilingualError {
            throw e
        } catch {
            throw KitError(nl: "Het pakket kon niet worden geschreven in \(folder) (\(error)).",
                           en: "The packet could not be written to \(folder) (\(error)).")
        }
        var details = ["folder": folder, "markedEntries": String(content.marked.count)]
        for (name, hash) in files { details["sha256." + name] = hash }
        if let bundle { details["bundle"] = bundle.fileName; details["bundleSha256"] = bundle.sha256 }
        try store.recordPacket(id, details: details, actor: actor)
        return PacketResult(folder: folder, files: files)
    }

    /// Makes the packet folder and any missing folder above it (`pakketten/` in the store),
    /// each new one 0700; a folder that exists is left as it is.
    private func makeFolder(_ folder: String) throws {
        do {
            try PrivateMode.makeFolder(folder)
        } catch {
            throw KitError(nl: "Kan map \(folder) niet maken. Kies een andere map met --out.",
                           en: "Cannot create folder \(folder). Choose another folder with --out.")
        }
    }
}

extension PacketMaker {
    /// The items the report lists: every item but those withdrawn as a wrong upload (they stay in
    /// the store and the custody log says why they were withdrawn).
    static func shownItems(_ store: CaseStore, _ id: CaseID) throws -> [EvidenceItem] {
        let withdrawn = try store.withdrawals(id)
        return try store.items(id).filter { withdrawn[$0.id] == nil }
    }
}

import Foundation
import BewaarModel
import BewaarDigest
import BewaarImport
import BewaarStore

/// What one `ingest` of one file did.
public struct IngestReport: Sendable {
    public var path: String
    public var outcome: IngestOutcome
    /// What was read (empty when the bytes were already in the case), without its records: they
    /// went into the store as they were read, so `result.messages` is empty. ``messageCount``
    /// says how many there are.
    public var result: ImportResult
    /// The records stored from this file (0 when the bytes were already in the case).
    public var messageCount: Int
    /// When the bytes were already in the case and a date order was given that the stored
    /// reading had only assumed: the item read again with it.
    public var reread: RereadOutcome? = nil
    /// For a screenshot: what it shares with earlier screenshots and the case's exports; for an
    /// export: the screenshots it was checked against.
    public var screenshots: [ScreenshotCheck] = []
    /// For an image: the case's other images that look like it (perceptual hash), nearest first.
    public var lookalikes: [(item: EvidenceItem, distance: Int)] = []
}

/// How far an ingest has come, for a progress line on the terminal.
public struct IngestProgress: Sendable {
    /// Records read and written so far.
    public var messages: Int
    /// How far into the original the records written so far reach; 0 when the records do not
    /// point into the file itself (members of a zip, parts of a page).
    public var bytesRead: Int64
    /// The size of the original.
    public var totalBytes: Int64
}

/// Brings a file into a case: the original into the object store, then its records, contained
/// files and a custody event in one transaction.
public struct Ingestion: Sendable {
    public let store: CaseStore
    public let detector: FormatDetector
    /// What every ingest through this value (and its copies) may unpack from archives
    /// together: one upload, one `bewaar ingest` of several files. Nil bounds only each member.
    public let unpackBudget: UnpackBudget?

    /// With `unpackLimit`, all archives ingested through this value unpack at most that many
    /// bytes together; a member past it is not unpacked (its zip is stored all the same).
    public init(store: CaseStore, detector: FormatDetector = Importers.detector, unpackLimit: Int64? = nil) {
        self.store = store
        self.detector = detector
        self.unpackBudget = unpackLimit.map { UnpackBudget(bytes: $0) }
    }

    /// Ingests one file. Nothing is recorded unless everything is; an original written before a
    /// failure is an orphan that `bewaar check` reports and that harms nothing.
    ///
    /// The records go into the store while the importer reads them, inside the one transaction
    /// (a chat is never held whole). `progress` is told how far it has come every so many records.
    public func ingest(path: String, into caseID: CaseID, actor: String, collectedFrom: String? = nil,
                       note: String? = nil, options: ReadOptions = ReadOptions(),
                       progress: ((IngestProgress) -> Void)? = nil) throws -> IngestReport {
        _ = try store.case(caseID)
        var options = options
        if options.owner == nil { options.owner = collectedFrom }
        var source = try Inspector.source(path: path, digest: nil)
        if source.isDirectory {
            throw KitError(nl: "\(path) is een map. Geef de bestanden erin op, of een zip van de map.",
                           en: "\(path) is a folder. Name the files in it, or a zip of the folder.")
        }
        let put: (digest: SHA256Digest, size: Int64)
        do { put = try store.objects.put(file: path) } catch let e as StoreError { throw e } catch {
            throw KitError.unreadableFile(path, String(describing: error))
        }
        source.sha256 = put.digest
        source.size = put.size
        let e = NewEvidence(name: source.name, size: put.size, sha256: put.digest, mediaType: MediaType.forName(source.name),
                            format: "unknown", collectedBy: actor, collectedFrom: collectedFrom, note: note)
        if try store.existingItem(in: caseID, sha256: put.digest) != nil {
            let outcome = try store.recordIngest(e, in: caseID) { _ in
                ReadEvidence(format: e.format, mediaType: e.mediaType)
            }
            var report = IngestReport(path: path, outcome: outcome,
                                      result: ImportResult(format: outcome.item.format, mediaType: outcome.item.mediaType), messageCount: 0)
            // "Confirm with --date-order": the same file again with the order makes it so.
            if let order = options.dateOrder, let question = try DateOrderQuestion.of(outcome.item, store: store), question.order != order
                || !question.confirmed {
                report.reread = try reread(item: outcome.item.id, in: caseID, actor: actor, options: options,
                                           why: DateOrderQuestion.why(from: question.order, to: order))
            }
            return report
        }
        // The importer reads the stored copy: what is recorded is exactly what is kept.
        let opened = try store.openOriginal(put.digest)
        var original = source
        original.path = opened.path
        var summary: (ImportResult, Int)?
        let outcome = try withExtendedLifetime(opened) {
            try store.recordIngest(e, in: caseID) { writer in
                let (read, result) = try readRecords(
                    original, into: caseID, options: options, writer: writer, totalBytes: put.size, progress: progress)
                summary = (result, writer.count)
                return read
            }
        }
        let (result, count) = summary ?? (ImportResult(format: outcome.item.format, mediaType: outcome.item.mediaType), 0)
        var report = IngestReport(path: path, outcome: outcome, result: result, messageCount: count)
        // The evidence is stored; checking screenshots against it is work on top that can be redone.
        if count > 0 {
            // A new screenshot is checked alone; a new export changes what every screenshot shares.
            let checks = try ScreenshotLinking.relink(caseID, store: store, only: outcome.item.format == "image" ? outcome.item.id : nil)
            report.screenshots = checks.filter { c in c.item.id == outcome.item.id || c.exports.contains { $0.export.id == outcome.item.id } }
        }
        report.lookalikes = try ImageLookalikes.of(outcome.item, store: store)
        return report
    }

    /// Reads an item of `caseID` again from its stored original with `options` (a date order the
    /// mentor confirmed): its records, warnings and format fields are replaced in one transaction
    /// with a custody event `item-reread` that says why (see ``CaseStore/rereadItem(_:item:actor:details:reading:)``).
    public func reread(item itemID: Int64, in caseID: CaseID, actor: String, options: ReadOptions,
                       why: [String: String]) throws -> RereadOutcome {
        let item = try store.item(itemID)
        guard item.caseID == caseID, item.parentID == nil else {
            throw KitError(nl: "Bewijsstuk \(itemID) is geen los bestand van zaak \(caseID).",
                           en: "Evidence item \(itemID) is not a file of its own in case \(caseID).")
        }
        let opened = try store.openOriginal(item.sha256)
        let source = ImportSource(path: opened.path, name: item.name, size: item.size, sha256: item.sha256)
        var options = options
        if options.owner == nil { options.owner = item.collectedFrom }
        return try withExtendedLifetime(opened) {
            try store.rereadItem(caseID, item: itemID, actor: actor, details: why) { writer in
                try readRecords(source, into: caseID, options: options, writer: writer, totalBytes: item.size, progress: nil).0
            }
        }
    }

    /// Reads `original` with the importer on a second thread while this one writes its records
    /// through `writer`; returns what the store keeps besides the records, and what was read.
    private func readRecords(_ original: ImportSource, into caseID: CaseID, options: ReadOptions, writer: RecordWriter,
                             totalBytes: Int64, progress: ((IngestProgress) -> Void)?) throws -> (ReadEvidence, ImportResult) {
        let repetition = try RepetitionCheck(in: caseID, store: store, zone: options.timeZone)
        let (objects, detector, unpackBudget) = (store.objects, detector, unpackBudget)
        var staging: RecordStaging?
        let ((result, _), checked) = try RecordPipeline.run(
            repetition: repetition, sealing: writer.sealing,
            { pipe in
                try Inspector.read(
                    original, options: options, sink: StoreSink(objects: objects), detector: detector,
                    unpackBudget: unpackBudget, records: pipe)
            },
            write: { batch in
                switch batch {
                case .records(let rows):
                    try writer.add(rows)
                    progress?(IngestProgress(messages: writer.count, bytesRead: writer.bytesCovered, totalBytes: totalBytes))
                case .placed(let records, let seqs):
                    try writer.add(records, at: seqs)
                    progress?(IngestProgress(messages: writer.count, bytesRead: writer.bytesCovered, totalBytes: totalBytes))
                case .discard:
                    try writer.discard()
                    staging = nil  // the rollback took the staged records too
                case .staged(let rows):
                    if staging == nil { staging = RecordStaging(writer: writer) }
                    try staging?.stage(rows)
                case .place(let order):
                    try (staging ?? RecordStaging(writer: writer)).place(order: order) {
                        progress?(IngestProgress(messages: writer.count, bytesRead: writer.bytesCovered, totalBytes: totalBytes))
                    }
                    staging = nil
                case .dropStaged:
                    try staging?.drop()
                    staging = nil
                }
            })
        var read = result
        if let repetition = checked?.warning { read.warnings.append(repetition) }
        read.extra["timezoneAssumed"] = .string(options.timeZone.identifier)
        let kept = ReadEvidence(format: result.format, mediaType: result.mediaType, warnings: read.warnings,
                                contained: result.contained,
                                extra: read.extra)
        return (kept, read)
    }
}

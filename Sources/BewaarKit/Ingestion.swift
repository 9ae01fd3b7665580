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
            return IngestReport(path: path, outcome: outcome, result: ImportResult(format: outcome.item.format, mediaType: outcome.item.mediaType),
                                messageCount: 0)
        }
        // The importer reads the stored copy: what is recorded is exactly what is kept.
        let original = { var s = source; s.path = store.objects.path(for: put.digest); return s }()
        let repetition = try RepetitionCheck(in: caseID, store: store, zone: options.timeZone)
        var summary: (ImportResult, Int)?
        let (objects, detector, unpackBudget) = (store.objects, detector, unpackBudget)
        let outcome = try store.recordIngest(e, in: caseID) { writer in
            // The importer reads on a second thread while this one writes the records.
            let ((result, _), checked) = try RecordPipeline.run(repetition: repetition, { pipe in
                try Inspector.read(original, options: options, sink: StoreSink(objects: objects), detector: detector,
                                   unpackBudget: unpackBudget, records: pipe)
            }, write: { batch in
                switch batch {
                case .records(let rows):
                    try writer.add(rows)
                    progress?(IngestProgress(messages: writer.count, bytesRead: writer.bytesCovered, totalBytes: put.size))
                case .discard: try writer.discard()
                }
            })
            var warnings = result.warnings
            if let repetition = checked?.warning { warnings.append(repetition) }
            var extra = result.extra
            extra["timezoneAssumed"] = .string(options.timeZone.identifier)
            var read = result
            read.warnings = warnings
            read.extra = extra
            summary = (read, writer.count)
            return ReadEvidence(format: result.format, mediaType: result.mediaType, warnings: warnings,
                                contained: result.contained,
                                extra: extra)
        }
        let (result, count) = summary ?? (ImportResult(format: outcome.item.format, mediaType: outcome.item.mediaType), 0)
        return IngestReport(path: path, outcome: outcome, result: result, messageCount: count)
    }
}

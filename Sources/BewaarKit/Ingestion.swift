import Foundation
import BewaarModel
import BewaarDigest
import BewaarImport
import BewaarStore

/// What one `ingest` of one file did.
public struct IngestReport: Sendable {
    public var path: String
    public var outcome: IngestOutcome
    /// The import as read (empty when the bytes were already in the case).
    public var result: ImportResult
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
    public func ingest(path: String, into caseID: CaseID, actor: String, collectedFrom: String? = nil,
                       note: String? = nil, options: ReadOptions = ReadOptions()) throws -> IngestReport {
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
        if try store.existingItem(in: caseID, sha256: put.digest) != nil {
            let e = NewEvidence(name: source.name, size: put.size, sha256: put.digest, mediaType: MediaType.forName(source.name),
                                format: "", collectedBy: actor, collectedFrom: collectedFrom, note: note)
            let outcome = try store.recordIngest(e, in: caseID)
            return IngestReport(path: path, outcome: outcome, result: ImportResult(format: outcome.item.format, mediaType: outcome.item.mediaType))
        }
        // The importer reads the stored copy: what is recorded is exactly what is kept.
        var stored = source
        stored.path = store.objects.path(for: put.digest)
        let sink = StoreSink(objects: store.objects)
        let (result, _) = try Inspector.read(stored, options: options, sink: sink, detector: detector, unpackBudget: unpackBudget)
        var warnings = result.warnings
        if let repetition = try RepetitionCheck.warning(for: result.messages, in: caseID, store: store, zone: options.timeZone) {
            warnings.append(repetition)
        }
        var extra = result.extra
        extra["timezoneAssumed"] = .string(options.timeZone.identifier)
        let evidence = NewEvidence(
            name: source.name, size: put.size, sha256: put.digest, mediaType: result.mediaType, format: result.format,
            collectedBy: actor, collectedFrom: collectedFrom, note: note, messages: result.messages, warnings: warnings,
            contained: result.contained.map {
                NewEvidence.Contained(name: $0.name, pathInParent: $0.pathInParent, mediaType: $0.mediaType, size: $0.size, sha256: $0.sha256)
            },
            extra: extra)
        let outcome = try store.recordIngest(evidence, in: caseID)
        var reported = result
        reported.warnings = warnings
        return IngestReport(path: path, outcome: outcome, result: reported)
    }
}

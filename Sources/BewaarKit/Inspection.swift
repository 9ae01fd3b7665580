import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest
import BewaarImport

/// Reads a file with the importer that recognises it, without storing anything: what
/// `bewaar inspect` shows and what `ingest` would record.
public struct Inspection: Sendable {
    public var source: ImportSource
    public var result: ImportResult
    /// Why this format was chosen; nil when no importer recognised the file.
    public var recognition: Recognition?

    /// Streams the compact `inspect --json` bytes (the same as `json.serialized()`) in chunks.
    public func writeJSON(emit: ([UInt8]) throws -> Void) rethrows {
        var detection: [String: JSONValue] = [:]
        if let r = recognition {
            detection["detection"] = .object(["confidence": .int(Int64(r.confidence)), "reason": .string(r.reason)])
        }
        try result.writeInspectJSON(source: source, additional: detection, emit: emit)
    }

    /// The `inspect --json` object.
    public var json: JSONValue {
        var j = result.inspectJSON(source: source)
        if case .object(var o) = j, let r = recognition {
            o["detection"] = .object(["confidence": .int(Int64(r.confidence)), "reason": .string(r.reason)])
            j = .object(o)
        }
        return j
    }
}

/// Options for reading evidence.
public struct ReadOptions: Sendable {
    public var timeZone: TimeZone
    public var dateOrder: String?
    /// The person the evidence came from (see ``ImportContext/owner``); `ingest` uses the
    /// `collectedFrom` it is given when this is nil.
    public var owner: String?

    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!, dateOrder: String? = nil, owner: String? = nil) {
        self.timeZone = timeZone
        self.dateOrder = dateOrder
        self.owner = owner
    }
}

public enum Inspector {
    /// Describes the file at `path` (name, size, whether a folder) or says plainly why not.
    static func source(path: String, digest: SHA256Digest?) throws -> ImportSource {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw KitError.missingFile(path) }
        let name = (path as NSString).lastPathComponent
        if isDir.boolValue {
            return ImportSource(path: path, name: name, size: 0, sha256: nil, isDirectory: true)
        }
        guard FileManager.default.isReadableFile(atPath: path) else { throw KitError.unreadableFile(path, "geen leesrechten") }
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attrs?[.size] as? NSNumber)?.int64Value ?? 0
        return ImportSource(path: path, name: name, size: size, sha256: digest)
    }

    /// Runs detection and the chosen importer. An importer that fails completely becomes a
    /// warning: the caller still keeps the original. With `records`, the importer hands each
    /// record to it as soon as it is read (the result has no `messages`); if it then fails, the
    /// records it handed on are dropped, unless it was the store that failed (that is thrown).
    static func read(_ source: ImportSource, options: ReadOptions, sink: any OriginalSink,
                     detector: FormatDetector, unpackBudget: UnpackBudget? = nil,
                     records: RecordPipeline? = nil) throws -> (ImportResult, Recognition?) {
        let probe = try FileProbe(path: source.path, name: source.name, size: source.size, isDirectory: source.isDirectory)
        var limits = ImportLimits()
        limits.unpackBudget = unpackBudget
        let context = ImportContext(timeZone: options.timeZone, dateOrder: options.dateOrder, sink: sink, limits: limits, owner: options.owner)
        guard let (importer, recognition) = detector.detect(probe) else {
            if source.isDirectory {
                throw KitError(nl: "\(source.path) is een map die Bewaar niet herkent. Geef de bestanden erin op, of een zip van de map.",
                               en: "\(source.path) is a folder Bewaar does not recognise. Name the files in it, or a zip of the folder.")
            }
            return (ImportResult(format: "unknown", mediaType: MediaType.forName(source.name)), nil)
        }
        do {
            var result = try records.map { try importer.importFile(source, context: context, records: $0) }
                ?? importer.importFile(source, context: context)
            if result.contained.isEmpty { result.contained = sink.kept }
            return (result, recognition)
        } catch {
            if let records {
                if let failure = records.failure { throw failure }
                try records.discard()
            }
            let why = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
            var r = ImportResult(format: importer.format, mediaType: MediaType.forName(source.name),
                                 warnings: [ImportWarning("Het bestand is als origineel bewaard, maar kon niet worden gelezen: \(why)",
                                                          code: "unreadable")])
            r.contained = sink.kept
            return (r, recognition)
        }
    }

    /// Writes the `inspect --json` object of the file at `path` to `emit` in chunks, letting the
    /// importer stream its records (see ``RecordSink``): the bytes equal
    /// `inspect(path:).writeJSON(emit:)`, but the records are never all held at once.
    public static func writeInspectJSON(path: String, options: ReadOptions = ReadOptions(),
                                        detector: FormatDetector = Importers.detector,
                                        emit: @escaping ([UInt8]) throws -> Void) throws {
        var source = try source(path: path, digest: nil)
        // The digest is hashed on a second thread while the file is read; it is written last.
        let digest = source.isDirectory ? nil : BackgroundDigest(path: path)
        func digested(_ source: ImportSource) throws -> ImportSource {
            var s = source
            do { s.sha256 = try digest?.wait() } catch { throw KitError.unreadableFile(path, String(describing: error)) }
            return s
        }
        let probe = try FileProbe(path: source.path, name: source.name, size: source.size, isDirectory: source.isDirectory)
        guard let (importer, recognition) = detector.detect(probe) else {
            source = try digested(source)
            let (result, _) = try read(source, options: options, sink: HashingSink(), detector: detector)
            try Inspection(source: source, result: result, recognition: nil).writeJSON(emit: emit)
            return
        }
        let detection: [String: JSONValue] = ["detection": .object(["confidence": .int(Int64(recognition.confidence)),
                                                                     "reason": .string(recognition.reason)])]
        let writer = InspectJSONWriter(source: source, additional: detection, emit: emit)
        let sink = HashingSink()
        let context = ImportContext(timeZone: options.timeZone, dateOrder: options.dateOrder, sink: sink)
        let adapter = KeptFilling(writer: writer, sink: sink)
        do {
            var result = try importer.importFile(source, context: context, records: adapter)
            if result.contained.isEmpty { result.contained = sink.kept }
            writer.source = try digested(source)
            try writer.finish(result)
        } catch where !writer.begun {
            writer.source = try digested(source)
            let why = (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
            var r = ImportResult(format: importer.format, mediaType: MediaType.forName(source.name),
                                 warnings: [ImportWarning("Het bestand is als origineel bewaard, maar kon niet worden gelezen: \(why)",
                                                          code: "unreadable")])
            r.contained = sink.kept
            try writer.finish(r)
        }
    }

    /// Inspects a file without storing anything.
    public static func inspect(path: String, options: ReadOptions = ReadOptions(),
                               detector: FormatDetector = Importers.detector) throws -> Inspection {
        var source = try source(path: path, digest: nil)
        if !source.isDirectory {
            do { source.sha256 = try FileReader.sha256(path: path).digest } catch {
                throw KitError.unreadableFile(path, String(describing: error))
            }
        }
        let (result, recognition) = try read(source, options: options, sink: HashingSink(), detector: detector)
        return Inspection(source: source, result: result, recognition: recognition)
    }
}

/// Fills `contained` from the sink at `begin` when the importer left it empty, as ``Inspector`` does.
private final class KeptFilling: RecordJSONSink {
    let writer: InspectJSONWriter
    let sink: HashingSink

    init(writer: InspectJSONWriter, sink: HashingSink) {
        self.writer = writer
        self.sink = sink
    }

    func begin(_ head: ImportResult) throws {
        var h = head
        if h.contained.isEmpty { h.contained = sink.kept }
        try writer.begin(h)
    }

    func record(_ message: Message) throws { try writer.record(message) }

    func record(writing write: (inout [UInt8]) -> Void) throws { try writer.record(writing: write) }
}

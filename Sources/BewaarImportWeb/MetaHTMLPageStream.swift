import Foundation
import BewaarModel
import BewaarImport

extension PlatformExportImporter {
    /// Hands the records on one at a time (see ``RecordSink``). A single Messenger HTML thread
    /// page — the large one, often hundreds of MB — is read as a stream. The page lists its newest
    /// message first and records go oldest first: the store takes each record at its place as it
    /// is read (``PlacingRecordSink``, the blocks counted first), or stages them until the page is
    /// read when the page is not in Meta's order; other sinks get them once the page is read
    /// (``PageOrderRecords``). The result and the records are the same as
    /// ``importFile(_:context:)`` gives. Other files and exports are read whole and then handed on.
    public func importFile(_ source: ImportSource, context: ImportContext, records: any RecordSink) throws -> ImportResult {
        if !source.isDirectory, !((try? FileProbe(path: source.path, name: source.name, size: source.size, isDirectory: false))?.isZip ?? false) {
            let head = try FileReaderHead.read(source.path, count: FileProbe.headLength)
            let kind = ExportLayout.kind(name: source.name, head: head)
            if kind == .metaThreadHTML { return try streamThreadPage(source, head: head, context: context, records: records) }
        }
        return try importFile(source, context: context).handedOn(to: records)
    }

    /// `importSingle` of a Meta thread page, with the records spilled and handed on after the head.
    private func streamThreadPage(_ source: ImportSource, head: [UInt8], context: ImportContext, records: any RecordSink) throws -> ImportResult {
        let p = platform(.metaThreadHTML, head)
        if let placing = records as? any PlacingRecordSink {
            // Meta writes the newest message first: with the blocks counted (beside the reading),
            // each record's place is known as its block is read, and it is written at once.
            let keys = PageOrderRecords<MetaHTMLReader.ReadMessage>()
            let (thread, fits) = try MetaHTMLReader.read(file: source.path, platform: p, zone: context.timeZone, keys: keys, placing: placing)
            if fits {
                let result = threadPageResult(thread, platform: p, source: source)
                try records.begin(result)
                return result
            }
            // Not a page as Meta writes it (or not counted alike): read again, staging the records.
            try placing.dropPlaced()
        }
        if let staging = records as? any StagingRecordSink {
            // Each record goes to the store as it is read; only its order key stays here.
            let keys = PageOrderRecords<MetaHTMLReader.ReadMessage>()
            let (thread, titleHeld) = try MetaHTMLReader.read(file: source.path, platform: p, zone: context.timeZone, keys: keys, staging: staging)
            if titleHeld {
                let result = threadPageResult(thread, platform: p, source: source)
                try records.begin(result)
                try staging.placeStaged(order: keys.order(newestFirst: thread.layout.hasPrefix("meta")))
                return result
            }
            // The title came after messages: read the page again, holding what each block gave.
            try staging.dropStaged()
        }
        let spill = PageOrderRecords<MetaHTMLReader.ReadMessage>()
        let thread = try MetaHTMLReader.read(file: source.path, part: nil, platform: p, zone: context.timeZone, spill: spill)
        let result = threadPageResult(thread, platform: p, source: source)
        let order = spill.order(newestFirst: thread.layout.hasPrefix("meta"))
        try records.begin(result)
        let zone = JSONValue.string(context.timeZone.identifier)
        try spill.replay(into: records, order: order) { MetaHTMLReader.record($0, platform: p, zone: zone, part: nil, thread: thread.title) }
        return result
    }

    /// The result of a thread page read as a stream (its records are handed on separately).
    private func threadPageResult(_ thread: ChatThreadRead, platform p: String, source: ImportSource) -> ImportResult {
        var collected = Collected(platform: p)
        collected.add([thread], folder: "")
        if p != "instagram" { collected.warnings.append(Self.platformGuessed) }
        return collected.result(mediaType: MediaType.forName(source.name), contained: [], isWholeExport: false)
    }
}

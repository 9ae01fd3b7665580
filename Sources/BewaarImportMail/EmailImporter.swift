import BewaarModel
import BewaarMIME
import BewaarImport

/// The e-mail importer (format id `email`) for `.eml` (RFC 5322 + MIME), `.mbox` (mboxo and
/// mboxrd; one record per message) and Outlook `.msg` (Compound File Binary). One importer for
/// the three: they yield the same records; `container` in the result says which it was.
public struct EmailImporter: EvidenceImporter {
    public let format = "email"

    public init() {}

    static let cfbMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let knownHeaders: Set<String> = [
        "received", "from", "to", "cc", "subject", "date", "message-id", "mime-version", "return-path", "delivered-to",
        "content-type", "reply-to", "in-reply-to", "references", "sender", "x-mailer", "dkim-signature", "authentication-results",
        "content-transfer-encoding", "user-agent", "thread-topic", "x-originating-ip", "arc-seal", "x-received",
    ]

    public func recognise(_ probe: FileProbe) -> Recognition? {
        let ext = probe.fileExtension
        if probe.starts(with: EmailImporter.cfbMagic) {
            if ext == "msg" { return Recognition(confidence: 95, reason: "Outlook-bericht (.msg, Compound File)") }
            if probe.head.firstRange(of: Array("__substg1.0_".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil {
                return Recognition(confidence: 90, reason: "Outlook-bericht (Compound File met MAPI-eigenschappen)")
            }
            return nil
        }
        if MboxSplitter.looksLikeMbox(probe.head) {
            return Recognition(confidence: 95, reason: "Mailbox (mbox) met e-mailberichten")
        }
        let known = EmailImporter.knownHeaderCount(probe.head)
        if known >= 2 { return Recognition(confidence: ext == "eml" || ext == "mbox" ? 95 : 85, reason: "E-mailbericht (RFC 5322-headers)") }
        if ext == "eml" { return Recognition(confidence: 40, reason: "E-mailbericht (naar de extensie)") }
        return nil
    }

    /// How many distinct well-known mail headers the first header block holds.
    static func knownHeaderCount(_ head: [UInt8]) -> Int {
        head.withUnsafeBufferPointer { b in
            var w: [MailWarning] = []
            let h = HeaderBlock.parse(b, start: 0, end: b.count, isMessage: true, warnings: &w, inFile: true)
            return Set(h.fields.map(\.key)).intersection(knownHeaders).count
        }
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let file: MappedFile
        do { file = try MappedFile(path: source.path) } catch {
            throw MailImportError.unreadable(source.name, error.description)
        }
        return try file.withBytes { b in try read(b, name: source.name, context: context) }
    }

    /// Reads a message, an mbox or an Outlook .msg held in memory (what ``importFile`` does
    /// after mapping the file; also the fuzz target's entry).
    public func read(_ b: UnsafeBufferPointer<UInt8>, name: String, context: ImportContext) throws -> ImportResult {
        if b.count >= 8, Array(b[0..<8]) == EmailImporter.cfbMagic {
            let source = ImportSource(path: "", name: name, size: Int64(b.count), sha256: nil)
            return try OutlookMessageImporter.read(b, source: source, context: context)
        }
        let head = Array(b[0..<min(b.count, 4096)])
        if MboxSplitter.looksLikeMbox(head) {
            return try readMbox(b, context: context)
        }
        var reader = MailReader(b, sink: context.sink, limits: context.limits)
        try reader.read(start: 0, end: b.count, label: "", depth: 0)
        return EmailImporter.finish(reader, container: "eml", mediaType: "message/rfc822", b: b, context: context, extraWarnings: [])
    }

    func readMbox(_ b: UnsafeBufferPointer<UInt8>, context: ImportContext) throws -> ImportResult {
        let entries = MboxSplitter.split(b)
        var reader = MailReader(b, sink: context.sink, limits: context.limits)
        var extra: [MailWarning] = []
        for (k, e) in entries.enumerated() {
            let label = "bericht \(k + 1)"
            if e.hasEscapedFrom {
                // mboxrd/mboxo: un-escape `>From ` lines, then read the copy; the record still
                // points at the message's bytes in the mbox.
                let copy = MboxSplitter.unescape(b, e.content)
                let origin = Origin(line: nil, offset: Int64(e.range.lowerBound), length: Int64(e.range.count))
                try copy.withUnsafeBufferPointer { cb in
                    var inner = MailReader(cb, sink: context.sink, limits: context.limits, inFile: false)
                    try inner.read(start: 0, end: cb.count, label: label, depth: 0, origin: origin)
                    reader.records.append(contentsOf: inner.records)
                    reader.recordOffsets.append(contentsOf: inner.records.indices.map { $0 == 0 ? e.range.lowerBound : nil })
                    extra.append(contentsOf: inner.warnings.map { var w = $0; w.offset = e.content.lowerBound; w.inFile = true; return w })
                }
            } else {
                let before = reader.records.count
                try reader.read(start: e.content.lowerBound, end: e.content.upperBound, label: label, depth: 0)
                // The origin of an mbox message is its whole span, `From ` line included.
                reader.records[before].origin.offset = Int64(e.range.lowerBound)
                reader.records[before].origin.length = Int64(e.range.count)
                reader.recordOffsets[before] = e.range.lowerBound
            }
        }
        var r = EmailImporter.finish(reader, container: "mbox", mediaType: "application/mbox", b: b, context: context, extraWarnings: extra)
        r.extra["messageCount"] = .int(Int64(entries.count))
        return r
    }

    /// Line numbers for records and warnings, then the result.
    static func finish(_ reader: MailReader, container: String, mediaType: String, b: UnsafeBufferPointer<UInt8>,
                       context: ImportContext, extraWarnings: [MailWarning]) -> ImportResult {
        var counter = LineCounter(b)
        var records = reader.records
        let order = records.indices.sorted { (reader.recordOffsets[$0] ?? Int.max) < (reader.recordOffsets[$1] ?? Int.max) }
        for k in order {
            if let off = reader.recordOffsets[k] { records[k].origin.line = counter.line(at: off) }
        }
        let all = (reader.warnings + extraWarnings).enumerated().sorted { a, b in
            a.element.offset != b.element.offset ? a.element.offset < b.element.offset : a.offset < b.offset
        }.map(\.element)
        var warnings: [ImportWarning] = []
        var seen = Set<String>()
        for w in all {
            let line = w.inFile ? counter.line(at: w.offset) : nil
            let key = "\(w.code)|\(line ?? -1)|\(w.message)"
            if seen.insert(key).inserted { warnings.append(ImportWarning(w.message, line: line, code: w.code)) }
        }
        return ImportResult(format: "email", mediaType: mediaType, messages: records, warnings: warnings,
                            contained: context.sink.kept, extra: ["container": .string(container)])
    }
}

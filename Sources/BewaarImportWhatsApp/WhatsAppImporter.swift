import Foundation
import BewaarModel
import BewaarDigest
import BewaarImport

/// Reads WhatsApp "Export chat" files — Android and iOS, `.txt` or `.zip` with media — into
/// messages with byte-level origins. See `notes/issue-3.md` for every shape it reads.
public struct WhatsAppImporter: EvidenceImporter {
    public let format = "whatsapp"

    public init() {}

    public func recognise(_ probe: FileProbe) -> Recognition? {
        if probe.isDirectory { return nil }
        if probe.isZip {
            guard let zip = try? ChatZip(path: probe.path, name: probe.name),
                  let chat = zip.chatMember(limits: ImportLimits()) else { return nil }
            let rank = ChatZip.chatRank(chat.path)
            guard rank >= 2 || ChatHead.looksLikeChat(zip.head(chat)) else { return nil }
            return Recognition(confidence: 95, reason: "WhatsApp-export (zip met \(chat.path))")
        }
        guard ChatHead.looksLikeChat(probe.head) else { return nil }
        let named = probe.name.lowercased().hasPrefix("whatsapp") || probe.name == "_chat.txt"
        return Recognition(confidence: named ? 95 : 90, reason: "WhatsApp-chatexport (tekst)")
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let head: [UInt8]
        do { head = try FileReader(path: source.path, bufferSize: 4096).read(at: 0, count: 4) } catch {
            throw WhatsAppError.unreadableFile(name: source.name, reason: String(describing: error))
        }
        if head.starts(with: [0x50, 0x4B]) { return try ChatZipImport.read(source, context: context) }
        let bytes: [UInt8]
        do { bytes = try FileReader(path: source.path).read(at: 0, count: Int(source.size)) } catch {
            throw WhatsAppError.unreadableFile(name: source.name, reason: String(describing: error))
        }
        return Self.read(bytes: bytes, context: context)
    }

    /// Streams a plain `.txt` export record by record (see ``RecordSink``), reading the text
    /// through a read-only mapping whose pages are dropped behind the reading; a zip is read
    /// whole and then handed on.
    public func importFile(_ source: ImportSource, context: ImportContext, records: any RecordSink) throws -> ImportResult {
        let head: [UInt8]
        do { head = try FileReader(path: source.path, bufferSize: 4096).read(at: 0, count: 4) } catch {
            throw WhatsAppError.unreadableFile(name: source.name, reason: String(describing: error))
        }
        if head.starts(with: [0x50, 0x4B]) {
            var result = try ChatZipImport.read(source, context: context)
            let messages = result.messages
            result.messages = []
            try records.begin(result)
            for m in messages { try records.record(m) }
            return result
        }
        let text: MappedFile
        do { text = try MappedFile(path: source.path, sequential: true) } catch {
            throw WhatsAppError.unreadableFile(name: source.name, reason: String(describing: error))
        }
        let reading = try text.withBytes { b in
            try ChatReader.stream(b, zone: context.timeZone, forcedOrder: context.dateOrder.flatMap(DateOrder.init(rawValue:)), part: nil,
                                  begin: { try records.begin(ImportResult(format: "whatsapp", mediaType: "text/plain", extra: $0)) },
                                  records: records,
                                  release: { text.release(before: $0) })
        }
        return ImportResult(format: "whatsapp", mediaType: "text/plain", warnings: reading.warnings, extra: reading.extra)
    }

    /// Reads a chat text held in memory (a plain `.txt` export).
    public static func read(bytes: [UInt8], context: ImportContext) -> ImportResult {
        let reading = bytes.withUnsafeBufferPointer {
            ChatReader.read($0, zone: context.timeZone, forcedOrder: context.dateOrder.flatMap(DateOrder.init(rawValue:)), part: nil)
        }
        return ImportResult(format: "whatsapp", mediaType: "text/plain", messages: reading.messages,
                            warnings: reading.warnings, extra: reading.extra)
    }
}

/// Whether the start of a text is a WhatsApp export: its first line is a record header and
/// headers are common. Arbitrary `.txt` files (notes, logs with dates) are not claimed.
enum ChatHead {
    static func headerCount(_ head: [UInt8]) -> Int {
        head.withUnsafeBufferPointer { ChatScanner.scan($0).records.count }
    }

    static func looksLikeChat(_ head: [UInt8]) -> Bool {
        head.withUnsafeBufferPointer { b in
            let scan = ChatScanner.scan(b)
            // Only empty lines may precede the first record.
            guard scan.preamble.allSatisfy({ $0.start == $0.end }), let first = scan.records.first,
                  first.line == scan.preamble.count + 1 else { return false }
            // At least one header in ten lines, and a second record unless the text is one record long.
            let enough = scan.records.count >= 2 || scan.lineCount <= 3
            return enough && scan.records.count * 10 >= scan.lineCount
        }
    }
}

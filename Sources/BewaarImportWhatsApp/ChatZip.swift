import Foundation
import ZIPFoundation
import BewaarModel
import BewaarImport

/// A WhatsApp export as a zip: the chat text (`_chat.txt`, `WhatsApp-chat met X.txt`…) plus media.
/// Every readable member is streamed to the sink (kept as a child original, hashed); the chat
/// text is read from the same stream.
struct ChatZip {
    let archive: Archive
    let name: String
    /// Members in archive order.
    let entries: [Entry]

    /// Opens the zip's directory; throws when it is unreadable (truncated, corrupt).
    init(path: String, name: String) throws {
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WhatsAppError.unreadableZip(name: name, reason: String(describing: error))
        }
        self.name = name
        var list: [Entry] = []
        for e in archive { list.append(e) }
        entries = list
    }

    /// The rank of a member as the chat text: `_chat.txt` 3, `WhatsApp*.txt` 2, another `.txt` 1.
    static func chatRank(_ path: String) -> Int {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let lower = base.lowercased()
        guard lower.hasSuffix(".txt") else { return 0 }
        if lower == "_chat.txt" { return 3 }
        if lower.hasPrefix("whatsapp") { return 2 }
        return 1
    }

    /// The first `limit` bytes of a member.
    func head(_ e: Entry, limit: Int = 16 * 1024) -> [UInt8] {
        struct Enough: Error {}
        var out: [UInt8] = []
        do {
            _ = try archive.extract(e, bufferSize: 16 * 1024, skipCRC32: true) { data in
                out.append(contentsOf: data.prefix(limit - out.count))
                if out.count >= limit { throw Enough() }
            }
        } catch {}
        return out
    }

    /// The member holding the chat text: best rank, then most WhatsApp headers in its head.
    func chatMember(limits: ImportLimits) -> Entry? {
        let candidates = entries.filter {
            $0.type == .file && Self.chatRank($0.path) > 0
                && ZipMemberCheck.refusal(path: $0.path, isSymlink: false, compressed: $0.compressedSize,
                                          uncompressed: $0.uncompressedSize, limits: limits) == nil
        }
        let best = candidates.map { Self.chatRank($0.path) }.max() ?? 0
        let top = candidates.filter { Self.chatRank($0.path) == best }
        if top.count == 1 { return top[0] }
        var choice: (Entry, Int)?
        for e in top {
            let n = ChatHead.headerCount(head(e))
            if n > 0, choice == nil || n > choice!.1 { choice = (e, n) }
        }
        return choice?.0
    }
}

/// Reads a WhatsApp zip export into an ``ImportResult``.
enum ChatZipImport {
    static let maxListedWarnings = 50
    /// Largest chat text read into memory (WhatsApp caps exports far below this).
    static let maxChatBytes: UInt64 = 1 << 30

    static func read(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let zip = try ChatZip(path: source.path, name: source.name)
        var warnings: [ImportWarning] = []
        let limits = context.limits
        var entries = zip.entries
        if entries.count > limits.maxMembers {
            warnings.append(ImportWarning("De zip heeft \(Plural.count(entries.count, "bestand", "bestanden")); alleen de eerste \(limits.maxMembers) zijn gelezen.",
                                          code: "zip-too-many-members"))
            entries = Array(entries.prefix(limits.maxMembers))
        }
        let chat = zip.chatMember(limits: limits)
        var chatBytes: [UInt8] = []
        var kept: [ContainedOriginal] = []
        var chatOriginal: ContainedOriginal?
        for e in entries where e.type != .directory {
            if let (why, code) = ZipMemberCheck.refusal(path: e.path, isSymlink: e.type == .symlink, compressed: e.compressedSize,
                                                        uncompressed: e.uncompressedSize, limits: limits) {
                warnings.append(ImportWarning("Zip-onderdeel \(e.path) is niet gelezen: \(why).", code: code))
                continue
            }
            let isChat = chat.map { $0 == e } ?? false
            if isChat, e.uncompressedSize > maxChatBytes {
                throw WhatsAppError.unreadableChatText(member: e.path, reason: "groter dan \(maxChatBytes) bytes")
            }
            do {
                try limits.reserveUnpacked(Int64(clamping: e.uncompressedSize), zip: zip.name, member: e.path)
            } catch {
                warnings.append(error.warning)
                continue
            }
            let base = e.path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? e.path
            let bound = e.uncompressedSize
            do {
                let c = try context.sink.keep(name: base, pathInParent: e.path, mediaType: MediaType.forName(base)) { writer in
                    var total: UInt64 = 0
                    _ = try zip.archive.extract(e, bufferSize: 256 * 1024, skipCRC32: false) { data in
                        total += UInt64(data.count)
                        // The directory promised `bound` bytes: more is a lie (a bomb), stop.
                        if total > bound { throw ZipBoundExceeded() }
                        try writer.write(contentsOf: data)
                        if isChat { chatBytes.append(contentsOf: data) }
                    }
                }
                kept.append(c)
                if isChat { chatOriginal = c }
            } catch {
                if isChat { throw WhatsAppError.unreadableChatText(member: e.path, reason: String(describing: error)) }
                warnings.append(ImportWarning("Zip-onderdeel \(e.path) kon niet worden uitgepakt (\(error)); het is niet bewaard als los origineel.",
                                              code: "zip-member-unreadable"))
            }
        }
        guard let chatEntry = chat, let chatOriginal else {
            // A chat text left unread for the upload's unpack budget has its own warning above.
            if chat == nil {
                warnings.append(ImportWarning("In deze zip staat geen WhatsApp-chattekst (_chat.txt of WhatsApp…txt). De bestanden zijn wel bewaard.",
                                              code: "no-chat-text"))
            }
            return ImportResult(format: "whatsapp", mediaType: "application/zip", warnings: warnings, contained: kept)
        }
        var reading = chatBytes.withUnsafeBufferPointer {
            ChatReader.read($0, zone: context.timeZone, forcedOrder: context.dateOrder.flatMap(DateOrder.init(rawValue:)),
                            part: chatEntry.path)
        }
        chatBytes = []
        warnings += reading.warnings
        warnings += AttachmentLinker.link(&reading.messages, members: kept.filter { $0.pathInParent != chatEntry.path })
        var extra = reading.extra
        extra["chatText"] = .object(["path": .string(chatEntry.path), "size": .int(chatOriginal.size),
                                     "sha256": .string(chatOriginal.sha256.hex)])
        return ImportResult(format: "whatsapp", mediaType: "application/zip", messages: reading.messages,
                            warnings: warnings, contained: kept, extra: extra)
    }
}

struct ZipBoundExceeded: Error, CustomStringConvertible {
    var description: String { "meer bytes dan de zip-inhoudsopgave aangeeft" }
}

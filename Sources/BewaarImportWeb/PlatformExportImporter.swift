import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest
import BewaarImport

/// A social-media data export ("Download je informatie"): Instagram and Facebook/Messenger
/// (JSON and HTML, every folder root and layout era), TikTok (`user_data` JSON/TXT), Snapchat
/// (`chat_history` JSON/HTML) and the X archive (`data/*.js`). Given as a zip, a folder, or a
/// single file from one. The result's format is the platform: `instagram`, `facebook`,
/// `tiktok`, `snapchat` or `x`; each record's `extra` names the `platform` and `layout`.
///
/// Every member of a zip or folder is kept as an original of its own; the members that hold
/// conversations are parsed; the rest are listed in `otherFiles`. Media a message names are
/// attachments with the kept member's hash when the file is in the export.
public struct PlatformExportImporter: EvidenceImporter {
    public let format = "export"

    public init() {}

    public func recognise(_ probe: FileProbe) -> Recognition? {
        if probe.isDirectory {
            let paths = FileManager.default.subpaths(atPath: probe.path)?.prefix(50_000).map { $0 } ?? []
            guard let p = ExportLayout.platform(of: paths), paths.contains(where: { ExportLayout.kind(of: $0) != .other }) else { return nil }
            return Recognition(confidence: 90, reason: "map met een \(PlatformExportImporter.label(p))-export")
        }
        if probe.isZip {
            guard let names = Container.listZip(path: probe.path), let p = ExportLayout.platform(of: names),
                  names.contains(where: { ExportLayout.kind(of: $0) != .other }) else { return nil }
            return Recognition(confidence: 90, reason: "zip met een \(PlatformExportImporter.label(p))-export")
        }
        let kind = ExportLayout.kind(name: probe.name, head: probe.head)
        guard kind != .other else { return nil }
        return Recognition(confidence: 92, reason: "bestand uit een export van \(PlatformExportImporter.label(platform(kind, probe.head)))")
    }

    static func label(_ p: String) -> String {
        ["instagram": "Instagram", "facebook": "Facebook/Messenger", "tiktok": "TikTok", "snapchat": "Snapchat", "x": "X (Twitter)"][p] ?? p
    }

    /// The platform of a single file by its kind and content.
    func platform(_ kind: ExportFileKind, _ head: [UInt8]) -> String {
        switch kind {
        case .metaThreadJSON, .metaThreadHTML, .metaComments, .metaPosts:
            let t = String(decoding: head.prefix(65536), as: UTF8.self).lowercased()
            return t.contains("instagram") ? "instagram" : "facebook"
        case .tiktokJSON, .tiktokTXT, .tiktokHTML: return "tiktok"
        case .snapchatJSON, .snapchatHTML: return "snapchat"
        case .xData: return "x"
        case .other: return "unknown"
        }
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let isZip = !source.isDirectory && ((try? FileProbe(path: source.path, name: source.name, size: source.size, isDirectory: false))?.isZip ?? false)
        if !source.isDirectory && !isZip {
            return try importSingle(source, context: context)
        }
        let container = try Container(path: source.path, name: source.name, isDirectory: source.isDirectory, limits: context.limits)
        let paths = container.members.map(\.path)
        let platform = ExportLayout.platform(of: paths) ?? "unknown"
        var collected = Collected(platform: platform)
        var kept: [String: ContainedOriginal] = [:]
        var contained: [ContainedOriginal] = []
        // The X owner first: DMs name senders by id only.
        var xOwner: XArchive.Owner?
        if let acc = container.members.first(where: { $0.lowercasedPath.hasSuffix("data/account.js") }) {
            xOwner = (try? container.read(acc, limits: context.limits)).flatMap(XArchive.owner)
        }
        let kinds = container.members.map { ExportLayout.kind(of: $0.path) }
        let threadFolders = Set(zip(container.members, kinds).filter { $0.1 == .metaThreadJSON }.map { folder($0.0.path) })
        let snapJSON = kinds.contains(.snapchatJSON), tiktokJSON = kinds.contains(.tiktokJSON)
        for (m, kind) in zip(container.members, kinds) {
            // A thread given as JSON and HTML: the JSON is read (exact times); the HTML twin is kept.
            let twin = (kind == .metaThreadHTML && threadFolders.contains(folder(m.path)))
                || (kind == .snapchatHTML && snapJSON) || (kind == .tiktokHTML && tiktokJSON)
            let parse = kind != .other && !twin
            // Other HTML pages of a Snapchat/TikTok export without chat JSON: recognised by content.
            let sniff = kind == .other && ((platform == "snapchat" && !snapJSON) || (platform == "tiktok" && !tiktokJSON))
                && (m.lowercasedPath.hasSuffix(".html") || m.lowercasedPath.hasSuffix(".htm"))
            do {
                let (c, bytes) = try container.keep(m, sink: context.sink, limits: context.limits, capture: parse || sniff)
                kept[m.path] = c
                contained.append(c)
                let head = sniff ? String(decoding: bytes.prefix(65536), as: UTF8.self) : ""
                if sniff, head.contains("Chat History with") || head.contains("Saved Chat History"),
                   case let chats = ChatHTMLReader.read(bytes, part: m.path, platform: platform), !chats.isEmpty {
                    collected.add(chats.map { titled($0, m.path) }, folder: folder(m.path))
                } else if parse {
                    collected.add(read(kind, bytes: bytes, name: m.name, part: m.path, platform: platform, zone: context.timeZone, xOwner: xOwner),
                                  folder: folder(m.path))
                } else {
                    collected.others.append(m.path)
                    if twin { collected.twins += 1 }
                }
            } catch {
                collected.warnings.append(Container.warning(m, error))
                collected.others.append(m.path)
            }
        }
        for s in container.skipped { collected.warnings.append(ImportWarning("Overgeslagen: \(s)", code: "member-skipped")) }
        collected.resolveAttachments(kept)
        return collected.result(mediaType: source.isDirectory ? "inode/directory" : "application/zip", contained: contained, isWholeExport: true)
    }

    private func importSingle(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let head = try FileReaderHead.read(source.path, count: FileProbe.headLength)
        let kind = ExportLayout.kind(name: source.name, head: head)
        let p = platform(kind, head)
        var collected = Collected(platform: p)
        if kind == .snapchatHTML || kind == .tiktokHTML {
            // Streamed like the Meta pages; falls back to the generic page reader when no message is found.
            let threads = try ChatHTMLReader.read(file: source.path, part: nil, platform: kind == .tiktokHTML ? "tiktok" : "snapchat")
            if threads.isEmpty {
                guard source.size <= context.limits.maxMemberBytes else { throw WebImportError.tooLarge(source.name, source.size) }
                var bytes: [UInt8] = []
                try FileChunks.forEach(source.path) { bytes.append(contentsOf: $0) }
                collected.add(read(kind, bytes: bytes, name: source.name, part: nil, platform: p, zone: context.timeZone, xOwner: nil), folder: "")
            } else {
                collected.add(threads.map { titled($0, source.name) }, folder: "")
            }
        } else if kind == .metaThreadHTML {
            // Streamed: a Messenger HTML page can be hundreds of MB.
            collected.add([try MetaHTMLReader.read(file: source.path, part: nil, platform: p, zone: context.timeZone)], folder: "")
        } else {
            guard source.size <= context.limits.maxMemberBytes else { throw WebImportError.tooLarge(source.name, source.size) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(source.size))
            try FileChunks.forEach(source.path) { bytes.append(contentsOf: $0) }
            collected.add(read(kind, bytes: bytes, name: source.name, part: nil, platform: p, zone: context.timeZone, xOwner: nil), folder: "")
        }
        if p != "instagram" && (kind == .metaThreadJSON || kind == .metaThreadHTML) { collected.warnings.append(Self.platformGuessed) }
        return collected.result(mediaType: MediaType.forName(source.name), contained: [], isWholeExport: false)
    }

    static let platformGuessed = ImportWarning(
        "Los bestand zonder mapnamen: Instagram of Facebook is afgeleid uit de inhoud (geen 'instagram' gevonden, dus Facebook/Messenger). Lees bij twijfel de hele export als zip in.",
        code: "platform-guessed")

    /// A conversation page without a "Chat History with" heading is titled after its file.
    private func titled(_ t: ChatThreadRead, _ path: String) -> ChatThreadRead {
        guard t.title == nil else { return t }
        var t = t
        let file = path.split(separator: "/").last.map(String.init) ?? path
        t.title = file.split(separator: ".").dropLast().joined(separator: ".")
        return t
    }

    private func folder(_ path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    private func read(_ kind: ExportFileKind, bytes: [UInt8], name: String, part: String?, platform: String, zone: TimeZone,
                      xOwner: XArchive.Owner?) -> [ChatThreadRead] {
        let metaPlatform = platform == "instagram" ? "instagram" : "facebook"
        switch kind {
        case .metaThreadJSON:
            guard let t = MetaJSONThread.read(bytes, part: part, platform: metaPlatform) else {
                var t = ChatThreadRead(platform: metaPlatform, layout: "meta-json")
                t.warnings.append(ImportWarning("\(part ?? name) is geen leesbaar Meta-gesprek (geen \"messages\"); het staat wel in het origineel.", code: "meta-json-invalid"))
                return [t]
            }
            return [t]
        case .metaThreadHTML: return [MetaHTMLReader.read(bytes, part: part, platform: metaPlatform, zone: zone)]
        case .metaComments: return MetaComments.read(bytes, part: part, platform: metaPlatform).map { [$0] } ?? []
        case .metaPosts: return MetaPosts.read(bytes, part: part, platform: metaPlatform).map { [$0] } ?? []
        case .tiktokJSON: return TikTokData.read(json: bytes, part: part)
        case .tiktokTXT: return TikTokData.read(txt: bytes, part: part)
        case .snapchatJSON: return SnapchatChats.read(json: bytes, part: part)
        case .snapchatHTML, .tiktokHTML:
            let chatPlatform = kind == .tiktokHTML ? "tiktok" : "snapchat"
            let chats = ChatHTMLReader.read(bytes, part: part, platform: chatPlatform)
            if !chats.isEmpty { return chats.map { titled($0, part ?? name) } }
            let page = PageExtraction.read(bytes: bytes, part: part)
            var t = ChatThreadRead(platform: chatPlatform, layout: chatPlatform + "-html")
            t.title = page.page["title"]?.stringValue
            t.messages = page.messages.map { m in var m = m; m.extra["platform"] = .string(chatPlatform); m.extra["layout"] = .string(chatPlatform + "-html"); return m }
            t.warnings = page.warnings + [ImportWarning(chatPlatform == "snapchat"
                ? "\(part ?? name): in deze Snapchat-HTML zijn geen berichten (afzender/tijd/tekst) herkend; gelezen als gewone pagina (tekstblokken). De JSON-versie (json/chat_history.json) geeft afzender en tijd exact."
                : "\(part ?? name): in deze TikTok-HTML zijn geen berichten (afzender/tijd/tekst) herkend; gelezen als gewone pagina (tekstblokken). Vraag bij twijfel de JSON-versie aan.",
                                                        code: chatPlatform + "-html-generic")]
            return [t]
        case .xData:
            var threads = XArchive.read(bytes, name: name, part: part, owner: xOwner)
            if threads.isEmpty, name.lowercased() == "account.js", let o = XArchive.owner(bytes) {
                var t = ChatThreadRead(platform: "x", layout: "x-archive")
                t.participants = [o.handle.map { "@" + $0 } ?? "?"]
                threads = [t]
            }
            return threads
        case .other: return []
        }
    }
}

/// Threads, warnings and other files gathered from one export.
struct Collected {
    var platform: String
    var threads: [(folder: String, thread: ChatThreadRead)] = []
    var warnings: [ImportWarning] = []
    var others: [String] = []
    var twins = 0

    mutating func add(_ reads: [ChatThreadRead], folder: String) {
        for r in reads { threads.append((folder, r)) }
    }

    /// Media named by messages, matched to the kept members (paths relative to the export root,
    /// which may sit one folder down in a zip).
    mutating func resolveAttachments(_ kept: [String: ContainedOriginal]) {
        var bySuffix: [String: ContainedOriginal] = kept
        for (p, c) in kept {
            if let slash = p.firstIndex(of: "/") { bySuffix[String(p[p.index(after: slash)...]), default: c] = c }
        }
        var byName: [String: ContainedOriginal] = [:]
        for (p, c) in kept { byName[String(p.split(separator: "/").last ?? ""), default: c] = c }
        let mediaIndex: [String: ContainedOriginal] = {
            var d: [String: ContainedOriginal] = [:]
            for (p, c) in kept where p.contains("chat_media/") { d[String(c.name.split(separator: ".").first ?? "")] = c }
            return d
        }()
        for i in threads.indices {
            for j in threads[i].thread.messages.indices {
                for k in threads[i].thread.messages[j].attachments.indices {
                    let a = threads[i].thread.messages[j].attachments[k]
                    var name = a.name
                    while name.hasPrefix("/") || name.hasPrefix("./") { name.removeFirst(name.hasPrefix("/") ? 1 : 2) }
                    while name.hasPrefix("../") { name.removeFirst(3) }
                    let file = String(name.split(separator: "/").last ?? "")
                    let c = bySuffix[name] ?? mediaIndex.first { $0.key.hasSuffix(name) && !name.isEmpty }?.value
                        ?? (name.contains("chat_media/") ? byName[file] : nil)
                    if let c {
                        threads[i].thread.messages[j].attachments[k] = Attachment(name: c.pathInParent, size: c.size, sha256: c.sha256, mediaType: c.mediaType)
                    }
                }
            }
        }
    }

    func result(mediaType: String, contained: [ContainedOriginal], isWholeExport: Bool) -> ImportResult {
        var warnings = threads.flatMap(\.thread.warnings) + self.warnings
        // Merge a thread split over message_1, message_2, …: one thread per folder.
        var merged: [ChatThreadRead] = []
        var index: [String: Int] = [:]
        for (folder, t) in threads {
            let key = t.layout.hasPrefix("meta") && !folder.isEmpty ? "meta:" + folder : "\(merged.count)"
            if let k = index[key] {
                merged[k].messages += t.messages
                merged[k].participants = Array(Set(merged[k].participants + t.participants)).sorted()
                merged[k].repaired += t.repaired
            } else {
                index[key] = merged.count
                var t = t
                if t.threadPath == nil && !folder.isEmpty && t.layout.hasPrefix("meta") { t.threadPath = folder }
                merged.append(t)
            }
        }
        var messages: [Message] = []
        for t in merged {
            let sorted = t.messages.enumerated().sorted { a, b in
                let ta = a.element.timestamp?.date, tb = b.element.timestamp?.date
                if let ta, let tb, ta != tb { return ta < tb }
                if (a.element.origin.part ?? "") != (b.element.origin.part ?? "") { return (a.element.origin.part ?? "") < (b.element.origin.part ?? "") }
                // Meta lists newest first: equal times keep the page's order reversed.
                return t.layout.hasPrefix("meta") ? a.offset > b.offset : a.offset < b.offset
            }.map(\.element)
            messages += sorted.map { m in
                var m = m
                if let p = t.threadPath { m.extra["threadPath"] = .string(p) }
                if m.extra["thread"] == nil || m.extra["thread"] == .null { m.extra["thread"] = .string(t.title) }
                return m
            }
        }
        let repaired = merged.reduce(0) { $0 + $1.repaired }
        if repaired > 0 {
            warnings.append(ImportWarning("Meta schreef de tekst als losse UTF-8-bytes (\\u00XX); \(repaired) tekst(en) zijn hersteld (bijv. \"ZoÃ«\" → \"Zoë\"). Het origineel is ongewijzigd.",
                                          code: "meta-mojibake-repaired"))
        }
        let zoneSaid = messages.contains {
            $0.extra["timeZoneAssumed"]?.stringValue != nil && $0.extra["layout"]?.stringValue?.hasPrefix("meta-html") == true
        }
        let assumed =
            zoneSaid ? messages.lazy.compactMap { $0.extra["timeZoneAssumed"]?.stringValue }.first : merged.lazy.compactMap(\.zoneAssumed).first
        if let zone = assumed {
            warnings.append(ImportWarning("De HTML-export van Meta toont tijden zonder tijdzone; aangenomen is \(zone). Vraag bij twijfel de JSON-versie van de export aan: die heeft exacte UTC-tijden.",
                                          code: "meta-html-zone-assumed"))
        }
        if twins > 0 {
            warnings.append(ImportWarning("\(twins) HTML-bestand(en) van gesprekken die ook als JSON in de export staan zijn bewaard maar niet gelezen (de JSON heeft exacte tijden).",
                                          code: "meta-html-twin"))
        }
        let platform = merged.first?.platform ?? self.platform
        if isWholeExport && (platform == "facebook" || platform == "instagram") && !merged.contains(where: { $0.layout.hasPrefix("meta") && !$0.messages.isEmpty }) {
            if platform == "facebook" {
                warnings.append(ImportWarning("Deze Facebook-export bevat geen Messenger-gesprekken. Sinds 2024 zijn Messenger-chats end-to-end versleuteld en zitten ze niet meer in 'Download je informatie'. Haal ze apart op in Messenger: Instellingen → Privacy en veiligheid → End-to-end versleutelde chats → Berichtopslag → 'Gegevens van beveiligde opslag downloaden'.",
                                              code: "no-messenger-threads"))
            } else {
                warnings.append(ImportWarning("Deze Instagram-export bevat geen gesprekken (messages/inbox). Vraag bij 'Download je informatie' ook 'Berichten' aan.", code: "no-messages"))
            }
        }
        var extra: [String: JSONValue] = ["platform": .string(platform)]
        extra["layouts"] = .array(Array(Set(merged.map(\.layout))).sorted().map(JSONValue.string))
        extra["threads"] = .array(merged.map(\.json))
        extra["participants"] = .array(Array(Set(merged.flatMap(\.participants))).sorted().map(JSONValue.string))
        if !others.isEmpty {
            extra["otherFiles"] = .array(others.prefix(2000).map(JSONValue.string))
            if others.count > 2000 { extra["otherFilesCount"] = .int(others.count) }
        }
        return ImportResult(format: platform, mediaType: mediaType, messages: messages, warnings: warnings, contained: contained, extra: extra)
    }
}

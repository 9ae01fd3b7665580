import Foundation
import BewaarModel
import BewaarImport

/// A page saved from a browser: "Webpagina, alleen HTML" (.html), "Webpagina, volledig" (.html
/// plus a `…_files` folder, given as a folder or a zip), or a SingleFile page. Format id `html`.
///
/// Records: one per visible block of text in reading order (see ``PageReader``). The page's
/// title, saved address and save date (SingleFile only; Chrome writes none) go into `page`;
/// `platform` is the host of the saved address. Every file of a folder or zip is kept as an
/// original of its own, and images that point into the `_files` folder become attachments.
public struct SavedPageImporter: EvidenceImporter {
    public let format = "html"

    public init() {}

    static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "shtml"]

    static func isPagePath(_ p: String) -> Bool {
        let l = p.lowercased()
        guard let dot = l.lastIndex(of: ".") else { return false }
        return pageExtensions.contains(String(l[l.index(after: dot)...]))
    }

    /// Whether the head of a file looks like HTML.
    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        let s = String(decoding: head.prefix(2048), as: UTF8.self).lowercased()
        return s.contains("<html") || s.contains("<!doctype html") || s.contains("<head") || s.contains("<body")
    }

    public func recognise(_ probe: FileProbe) -> Recognition? {
        if probe.isDirectory {
            let items = (try? FileManager.default.contentsOfDirectory(atPath: probe.path)) ?? []
            if items.contains(where: SavedPageImporter.isPagePath) {
                return Recognition(confidence: 60, reason: "map met een opgeslagen webpagina")
            }
            return nil
        }
        if probe.isZip {
            guard let names = Container.listZip(path: probe.path, max: 5000) else { return nil }
            let pages = names.filter { !$0.contains("/") && SavedPageImporter.isPagePath($0) }
            if !pages.isEmpty && names.contains(where: { $0.contains("_files/") }) {
                return Recognition(confidence: 70, reason: "zip met een volledig opgeslagen webpagina (.html + _files)")
            }
            if !pages.isEmpty && pages.count == names.count {
                return Recognition(confidence: 40, reason: "zip met webpagina's")
            }
            return nil
        }
        let ext = probe.fileExtension
        if SavedPageImporter.pageExtensions.contains(ext) {
            return Recognition(confidence: 80, reason: "webpagina (.\(ext))")
        }
        if SavedPageImporter.looksLikeHTML(probe.head) {
            return Recognition(confidence: 50, reason: "HTML-inhoud")
        }
        return nil
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        if !source.isDirectory && !(source.size >= 4 && (try? FileProbe(path: source.path, name: source.name, size: source.size, isDirectory: false))?.isZip == true) {
            let page = try PageExtraction.read(file: source.path)
            return result(pages: [page], contained: [], others: [], extraWarnings: [])
        }
        let container = try Container(path: source.path, name: source.name, isDirectory: source.isDirectory, limits: context.limits)
        var pages: [PageExtraction] = []
        var kept: [String: ContainedOriginal] = [:]
        var contained: [ContainedOriginal] = []
        var warnings: [ImportWarning] = []
        let pageMembers = container.members.filter { m in
            SavedPageImporter.isPagePath(m.path) && !m.path.split(separator: "/").dropLast().contains { $0.hasSuffix("_files") }
        }
        for m in container.members {
            let isPage = pageMembers.contains(m)
            do {
                let (c, bytes) = try container.keep(m, sink: context.sink, limits: context.limits, capture: isPage)
                kept[m.path] = c
                contained.append(c)
                if isPage { pages.append(PageExtraction.read(bytes: bytes, part: m.path)) }
            } catch {
                warnings.append(Container.warning(m, error))
            }
        }
        for s in container.skipped {
            warnings.append(ImportWarning("Overgeslagen: \(s)", code: "member-skipped"))
        }
        // Images that point into the saved _files folder become attachments with their hash.
        for i in pages.indices {
            let base = (pages[i].page["part"]?.stringValue).map { ($0 as NSString).deletingLastPathComponent } ?? ""
            for j in pages[i].messages.indices {
                for img in pages[i].messages[j].extra["images"]?.arrayValue ?? [] {
                    guard let src = img["src"]?.stringValue?.removingPercentEncoding else { continue }
                    if src.contains(":") { continue }   // absolute URLs and data: URIs name no member
                    let norm = SavedPageImporter.normalise(base.isEmpty ? src : base + "/" + src)
                    if let c = kept[norm] {
                        pages[i].messages[j].attachments.append(Attachment(name: c.pathInParent, size: c.size, sha256: c.sha256, mediaType: c.mediaType))
                    }
                }
            }
        }
        let others = container.members.filter { !pageMembers.contains($0) }.map(\.path)
        return result(pages: pages, mediaType: source.isDirectory ? "inode/directory" : "application/zip",
                      contained: contained, others: others, extraWarnings: warnings)
    }

    /// `a/./b/../c` → `a/c`, without touching the file system.
    static func normalise(_ path: String) -> String {
        var out: [Substring] = []
        for c in path.split(separator: "/") {
            if c == "." || c.isEmpty { continue }
            if c == ".." { _ = out.popLast(); continue }
            out.append(c)
        }
        return out.joined(separator: "/")
    }

    private func result(pages: [PageExtraction], mediaType: String = "text/html", contained: [ContainedOriginal], others: [String], extraWarnings: [ImportWarning]) -> ImportResult {
        var extra: [String: JSONValue] = [:]
        if pages.count == 1 { extra["page"] = .object(pages[0].page) }
        if pages.count > 1 { extra["pages"] = .array(pages.map { .object($0.page) }) }
        if let host = PageExtraction.host(pages.first?.url) { extra["platform"] = .string(host) }
        if !others.isEmpty { extra["otherFiles"] = .array(others.prefix(1000).map(JSONValue.string)) }
        var warnings = pages.flatMap(\.warnings) + extraWarnings
        if pages.isEmpty {
            warnings.append(ImportWarning("Geen webpagina (.html) gevonden; alle bestanden zijn als origineel bewaard.", code: "no-page"))
        }
        let messages = pages.flatMap(\.messages)
        return ImportResult(format: format, mediaType: mediaType, messages: messages,
                            warnings: warnings, contained: contained, extra: extra)
    }
}

extension WebImportError {
    static func describe(_ error: any Error) -> String {
        (error as? WebImportError)?.dutch ?? (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    }
}

import Foundation
import BewaarModel
import BewaarDigest
import BewaarHTML

/// One HTML page read into records plus what the page says about itself.
struct PageExtraction {
    var messages: [Message]
    /// `title`, `url`, `urlSource`, `savedDate`, `saveTool`, `encoding`, `links`, `images`, `dropped`.
    var page: [String: JSONValue]
    var warnings: [ImportWarning]
    var url: String?

    /// Reads a page held in memory; origins are offsets into these bytes, in `part` when given.
    static func read(bytes: [UInt8], part: String?) -> PageExtraction {
        let reader = PageReader(part: part)
        let report = HTMLStreamParser.parse(bytes: bytes, handler: reader)
        return PageExtraction(reader: reader, report: report, part: part)
    }

    /// Reads a page file in chunks (the file is never held whole).
    static func read(file path: String, part: String? = nil) throws -> PageExtraction {
        let reader = PageReader(part: part)
        let fr = try FileReader(path: path, bufferSize: HTMLStreamParser.chunkSize)
        let head = try fr.read(at: 0, count: 4096)
        // A fresh reader per pass: the parser may read the file twice (UTF-8 check, then parse).
        let report = HTMLStreamParser.parse(head: head, handler: reader) { body in
            try FileReader(path: path, bufferSize: HTMLStreamParser.chunkSize).forEachChunk(body)
        }
        return PageExtraction(reader: reader, report: report, part: part)
    }

    init(reader: PageReader, report: HTMLStreamParser.Report, part: String?) {
        messages = reader.messages
        warnings = PageExtraction.warnings(report, where: part)
        if reader.truncatedRecords > 0 {
            warnings.append(ImportWarning("\(reader.truncatedRecords) tekstblok(ken) waren groter dan 8 MB; het record toont het begin, het origineel bevat alles.",
                                          code: "record-truncated"))
        }
        if reader.maxDepth > 1000 {
            warnings.append(ImportWarning("De pagina is \(reader.maxDepth) elementen diep genest (verdacht of kapot); alles is gelezen, DOM-paden zijn ingekort.",
                                          code: "page-deeply-nested"))
        }
        var p: [String: JSONValue] = [:]
        p["title"] = .string(reader.title)
        if let (u, source) = reader.url {
            url = u
            p["url"] = .string(u)
            p["urlSource"] = .string(source)
        }
        p["savedDate"] = .string(reader.header.savedDate?.rfc3339)
        p["saveTool"] = .string(reader.header.tool)
        var enc: [String: JSONValue] = ["name": .string(report.encoding.encoding.rawValue), "reason": .string(report.encoding.reason)]
        if let d = report.encoding.declared { enc["declared"] = .string(d) }
        p["encoding"] = .object(enc)
        p["links"] = .array(reader.links)
        p["images"] = .array(reader.images)
        p["dropped"] = .object(reader.droppedCounts.mapValues { .int(Int64($0)) })
        if let part { p["part"] = .string(part) }
        page = p
    }

    /// Parser findings as warnings.
    static func warnings(_ report: HTMLStreamParser.Report, where part: String?) -> [ImportWarning] {
        var w: [ImportWarning] = []
        let inPart = part.map { " (\($0))" } ?? ""
        for n in report.encoding.notes { w.append(ImportWarning(n + inPart, code: "encoding")) }
        if report.replacedCount > 0 {
            let first = report.replacedOffsets.prefix(5).map(String.init).joined(separator: ", ")
            w.append(ImportWarning("\(report.replacedCount) byte(s) pasten niet in tekenset \(report.encoding.encoding.rawValue)\(inPart) en staan als \u{FFFD} in de tekst (eerste op byte \(first)).",
                                   code: "encoding-invalid-bytes"))
        }
        if report.issueCount > 0 {
            let first = report.issues.prefix(3).map { i in (i.line.map { "regel \($0): " } ?? "") + i.message }.joined(separator: "; ")
            w.append(ImportWarning("libxml2 vond \(report.issueCount) fout(en) in de HTML\(inPart) en las verder (herstelmodus). Eerste: \(first)",
                                   code: "html-recovered"))
        }
        return w
    }

    /// The host of a URL, as the platform of a saved page.
    static func host(_ url: String?) -> String? {
        guard let url, let c = URLComponents(string: url), let h = c.host, !h.isEmpty else { return nil }
        return h.lowercased()
    }
}

import CBewaarLibXML2

/// A problem libxml2 reported while reading a page (recover mode goes on after it).
public struct HTMLParseIssue: Sendable, Hashable {
    public var message: String
    public var line: Int?
    public var code: Int

    public init(message: String, line: Int?, code: Int) {
        self.message = message
        self.line = line
        self.code = code
    }
}

/// Collects libxml2's structured errors, keeping the first few and counting the rest.
final class IssueCollector {
    var issues: [HTMLParseIssue] = []
    var count = 0
    let keep: Int

    init(keep: Int = 50) { self.keep = keep }

    func add(_ e: UnsafePointer<xmlError>) {
        // libxml2 2.9 knows HTML 4 only: "Tag article invalid" on every HTML5 element is noise.
        if e.pointee.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue) { return }
        count += 1
        guard issues.count < keep else { return }
        let text = e.pointee.message.map { String(cString: $0) } ?? "?"
        let msg = text.trimmingCharacters(in: " \n\r\t")
        issues.append(HTMLParseIssue(message: msg, line: e.pointee.line > 0 ? Int(e.pointee.line) : nil, code: Int(e.pointee.code)))
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// The libxml2 version Bewaar is reading with, e.g. "2.9.14".
public var libxml2Version: String { String(cString: bewaar_xml_version()) }

/// The options every parse uses: recover, never touch the network, no libxml2 output on stderr,
/// no depth or text-size limit (evidence below depth 256 or in a text over 10 MB is otherwise
/// dropped silently), and the page's own charset declaration ignored (Bewaar decides the encoding).
let bewaarHTMLOptions: Int32 = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
    | HTML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

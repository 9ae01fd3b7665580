import CBewaarLibXML2

/// A parsed HTML page held as libxml2's tree, for small pages and checks. It owns the tree and
/// frees it when it goes away; nodes are only valid while their document lives (they hold it).
/// Not `Sendable`: keep a document on one task. Large exports use ``HTMLStreamParser``.
public final class HTMLDocument {
    let doc: htmlDocPtr
    /// The encoding chosen and why.
    public let encoding: HTMLEncoding.Choice
    /// Problems libxml2 reported (the first 50) and how many in all.
    public let issues: [HTMLParseIssue]
    public let issueCount: Int
    /// Original offsets of bytes replaced by U+FFFD.
    public let replacedOffsets: [Int64]

    /// Why a page could not be parsed at all.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses `bytes` with `htmlCtxtReadMemory` (recover, no network, no size limits), after
    /// deciding the encoding in Swift and converting to UTF-8.
    public init(bytes: [UInt8]) throws(Failure) {
        guard bytes.count < Int(Int32.max) / 2 else {
            throw Failure(description: "Het bestand is groter dan 1 GiB; libxml2 leest dat niet in één keer. / The file is over 1 GiB.")
        }
        let choice = HTMLEncoding.choose(head: Array(bytes.prefix(4096))) {
            var v = UTF8Transcoder.Validator()
            bytes.withUnsafeBytes { v.scan($0) }
            v.finish()
            return v
        }
        var transcoder = UTF8Transcoder(encoding: choice.encoding, skip: choice.bomLength)
        var utf8: [UInt8] = []
        bytes.withUnsafeBytes { raw in
            transcoder.convert(UnsafeRawBufferPointer(rebasing: raw[min(choice.bomLength, raw.count)...]), final: true, into: &utf8)
        }
        guard let ctxt = htmlNewParserCtxt() else { throw Failure(description: "libxml2 could not start") }
        defer { htmlFreeParserCtxt(ctxt) }
        let collector = IssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee.initialized = XML_SAX2_MAGIC
        ctxt.pointee.sax.pointee.serror = { data, error in
            guard let data, let error else { return }
            let c = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let p = c.pointee._private else { return }
            Unmanaged<IssueCollector>.fromOpaque(p).takeUnretainedValue().add(error)
        }
        if utf8.isEmpty { utf8 = [0x20] }
        let parsed: htmlDocPtr? = utf8.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in
                htmlCtxtReadMemory(ctxt, c.baseAddress, Int32(c.count), nil, "UTF-8", bewaarHTMLOptions)
            }
        }
        guard let parsed else {
            throw Failure(description: "libxml2 kon geen document maken van deze bytes. / libxml2 made no document of these bytes.")
        }
        doc = parsed
        encoding = choice
        issues = collector.issues
        issueCount = collector.count
        replacedOffsets = transcoder.replacedOffsets
    }

    deinit { xmlFreeDoc(doc) }

    /// The root element (`<html>`), when there is one.
    public var root: HTMLNode? {
        xmlDocGetRootElement(doc).map { HTMLNode(document: self, pointer: $0) }
    }
}

/// A node of an ``HTMLDocument``; keeps its document alive.
public struct HTMLNode {
    let document: HTMLDocument
    let pointer: xmlNodePtr

    /// Whether this is an element (not text, a comment…).
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    /// Whether this is character data.
    public var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element name (lower case), or `#text`, `#comment`.
    public var name: String {
        if isText { return "#text" }
        if pointer.pointee.type == XML_COMMENT_NODE { return "#comment" }
        return pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The children in order.
    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var c = pointer.pointee.children
        while let n = c {
            out.append(HTMLNode(document: document, pointer: n))
            c = n.pointee.next
        }
        return out
    }

    /// The value of an attribute, when present.
    public func attribute(_ name: String) -> String? {
        guard let v = xmlGetProp(pointer, name) else { return nil }
        defer { bewaar_xml_free(v) }
        return String(cString: v)
    }

    /// All text below this node, concatenated.
    public var textContent: String {
        guard let v = xmlNodeGetContent(pointer) else { return "" }
        defer { bewaar_xml_free(v) }
        return String(cString: v)
    }

    /// The line libxml2 recorded for the node.
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    /// Every node below this one in document order, walked without recursion.
    public var descendants: [HTMLNode] {
        var out: [HTMLNode] = []
        var stack: [xmlNodePtr] = []
        var c = pointer.pointee.children
        while true {
            if let n = c {
                out.append(HTMLNode(document: document, pointer: n))
                if let first = n.pointee.children {
                    stack.append(n)
                    c = first
                } else {
                    c = n.pointee.next
                }
            } else if let p = stack.popLast() {
                c = p.pointee.next
            } else {
                break
            }
        }
        return out
    }
}

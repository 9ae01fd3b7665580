import CBewaarLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads HTML with libxml2's push parser and SAX callbacks: the page is fed in chunks and
/// never becomes a tree, so memory stays bounded by the chunk size and the handler's own state.
///
/// The bytes are first turned into valid UTF-8 in Swift (see ``HTMLEncoding`` and
/// ``UTF8Transcoder``); libxml2 is told to ignore the page's own charset declaration.
public enum HTMLStreamParser {
    /// What a parse found besides the events.
    public struct Report: Sendable {
        public var encoding: HTMLEncoding.Choice
        /// Problems libxml2 reported (the first 50) and how many in all.
        public var issues: [HTMLParseIssue]
        public var issueCount: Int
        /// Original offsets of bytes that were not valid in the chosen encoding (first 100), and the count.
        public var replacedOffsets: [Int64]
        public var replacedCount: Int
        /// Bytes read from the original.
        public var bytesRead: Int64
    }

    /// The chunk size fed to libxml2.
    public static let chunkSize = 256 * 1024

    /// Parses bytes held in memory.
    public static func parse(bytes: [UInt8], handler: any HTMLEventHandler) -> Report {
        parse(head: Array(bytes.prefix(4096)), handler: handler) { body in
            try bytes.withUnsafeBytes { raw in
                var i = 0
                while i < raw.count {
                    let n = min(chunkSize, raw.count - i)
                    try body(UnsafeRawBufferPointer(rebasing: raw[i..<(i + n)]))
                    i += n
                }
            }
        }
    }

    /// Parses input given as chunks. `head` holds the first bytes (for the BOM and meta scan);
    /// `forEachChunk` yields the whole input in order and may be called twice (once to check
    /// UTF-8 validity when the encoding is not declared).
    public static func parse(
        head: [UInt8], handler: any HTMLEventHandler,
        forEachChunk: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) -> Report {
        let choice = HTMLEncoding.choose(head: head) {
            var v = UTF8Transcoder.Validator()
            try? forEachChunk { v.scan($0) }
            v.finish()
            return v
        }
        let state = ParserState(handler: handler, encoding: choice)
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElement = { ctx, name, atts in ParserState.with(ctx) { $0.start(name, atts) } }
        sax.endElement = { ctx, name in ParserState.with(ctx) { $0.end(name) } }
        sax.characters = { ctx, ch, len in ParserState.with(ctx) { $0.characters(ch, len) } }
        sax.ignorableWhitespace = { ctx, ch, len in ParserState.with(ctx) { $0.characters(ch, len) } }
        sax.cdataBlock = { ctx, ch, len in ParserState.from(ctx).raw(ch, len) }
        sax.comment = { ctx, value in ParserState.from(ctx).comment(value) }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            ParserState.from(ctx).issues.add(error)
        }
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        guard let ctxt = htmlCreatePushParserCtxt(&sax, unmanaged.toOpaque(), nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            return Report(
                encoding: choice, issues: [HTMLParseIssue(message: "libxml2 could not start", line: nil, code: -1)],
                issueCount: 1, replacedOffsets: [], replacedCount: 0, bytesRead: 0)
        }
        defer { htmlFreeParserCtxt(ctxt) }
        _ = htmlCtxtUseOptions(ctxt, bewaarHTMLOptions)
        state.ctxt = ctxt
        state.transcoder = UTF8Transcoder(encoding: choice.encoding, skip: choice.bomLength)
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + chunkSize / 2)
        var skip = choice.bomLength
        var total: Int64 = 0
        // libxml2 2.9's HTML push parser keeps an index where its look-ahead for the end of a tag
        // or text goes on (`checkIndex`); it can go stale when the parser moves its buffer, and the
        // parser then waits for the end of the input before it parses on, holding the whole page
        // in its buffer (seen on a 50 MB Messenger page: stuck after 1 MB). Looking again from the
        // parser's position is always correct: done while few bytes wait unparsed, and when they
        // pile up (a long text or tag), each time they have doubled, so that costs O(n) in all.
        var rescanAt = 0
        func push(_ final: Bool) {
            if let input = ctxt.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end {
                let unparsed = end - cur
                if unparsed <= chunkSize || unparsed >= rescanAt {
                    ctxt.pointee.checkIndex = 0
                    rescanAt = max(2 * unparsed, 2 * chunkSize)
                }
            }
            out.withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { c in
                    _ = htmlParseChunk(ctxt, c.baseAddress, Int32(c.count), final ? 1 : 0)
                }
            }
            out.removeAll(keepingCapacity: true)
        }
        try? forEachChunk { chunk in
            total += Int64(chunk.count)
            var c = chunk
            if skip > 0 {
                let s = min(skip, c.count)
                c = UnsafeRawBufferPointer(rebasing: c[s...])
                skip -= s
            }
            state.transcoder.convert(c, final: false, into: &out)
            push(false)
        }
        state.transcoder.convert(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &out)
        state.inputEnded = true
        push(true)
        state.flushText()
        return Report(
            encoding: choice, issues: state.issues.issues, issueCount: state.issues.count,
            replacedOffsets: state.transcoder.replacedOffsets, replacedCount: state.transcoder.replacedCount, bytesRead: total)
    }
}

/// The Swift side of one parse: turns libxml2's callbacks into ``HTMLEventHandler`` events
/// with original byte offsets.
final class ParserState {
    let handler: any HTMLEventHandler
    let encoding: HTMLEncoding.Choice
    let issues = IssueCollector()
    private static let scannedNames = 48
    private static let commentOpen: [UInt8] = Array("<!--".utf8)

    /// What the callbacks change, behind one pointer this state owns: a class's stored
    /// properties are checked for exclusive access at run time on every use, which cost a
    /// third of this layer's own time on a large page (perf). The parse runs on one thread and
    /// no callback reaches another, so there is nothing for those checks to find.
    private struct Fields {
        var ctxt: htmlParserCtxtPtr?
        var transcoder = UTF8Transcoder(encoding: .utf8, skip: 0)
        /// UTF-8 stream offset where the last event ended.
        var lastEnd: Int64 = 0
        /// Set before the last push: elements closed without an end tag from then on were left open.
        var inputEnded = false
        /// The first names met, looked up by libxml2's interned pointer: a page uses a few dozen
        /// names, and a scan of a short list beats hashing the pointer for every tag. Names past
        /// ``ParserState/scannedNames`` (a page made of made-up tags) go in `moreNames`.
        var nameKeys: [UnsafeRawPointer] = []
        var names: [Name] = []
        var moreNames: [UnsafeRawPointer: Int] = [:]
        var pendingText: [UInt8] = []
    }
    private let fields: UnsafeMutablePointer<Fields>

    var ctxt: htmlParserCtxtPtr? {
        _read { yield fields.pointee.ctxt }
        _modify { yield &fields.pointee.ctxt }
    }
    var transcoder: UTF8Transcoder {
        _read { yield fields.pointee.transcoder }
        _modify { yield &fields.pointee.transcoder }
    }
    var map: OffsetMap { transcoder.map }
    var lastEnd: Int64 {
        _read { yield fields.pointee.lastEnd }
        _modify { yield &fields.pointee.lastEnd }
    }
    var inputEnded: Bool {
        _read { yield fields.pointee.inputEnded }
        _modify { yield &fields.pointee.inputEnded }
    }
    private var nameKeys: [UnsafeRawPointer] {
        _read { yield fields.pointee.nameKeys }
        _modify { yield &fields.pointee.nameKeys }
    }
    private var names: [Name] {
        _read { yield fields.pointee.names }
        _modify { yield &fields.pointee.names }
    }
    private var moreNames: [UnsafeRawPointer: Int] {
        _read { yield fields.pointee.moreNames }
        _modify { yield &fields.pointee.moreNames }
    }
    private var pendingText: [UInt8] {
        _read { yield fields.pointee.pendingText }
        _modify { yield &fields.pointee.pendingText }
    }

    init(handler: any HTMLEventHandler, encoding: HTMLEncoding.Choice) {
        self.handler = handler
        self.encoding = encoding
        fields = .allocate(capacity: 1)
        fields.initialize(to: Fields())
    }

    deinit {
        fields.deinitialize(count: 1)
        fields.deallocate()
    }

    /// Runs `body` on the state behind libxml2's user-data pointer without retain/release traffic
    /// (the parse holds a reference for its whole duration).
    @inline(__always)
    static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (ParserState) -> Void) {
        Unmanaged<ParserState>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
    }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> ParserState {
        Unmanaged<ParserState>.fromOpaque(ctx!).takeUnretainedValue()
    }

    /// An element name with the byte patterns of its start and end tags, made once per name
    /// (libxml2 interns names, so the pointer is the key).
    struct Name {
        var string: String
        var open: [UInt8]
        var close: [UInt8]
    }

    /// The name behind libxml2's pointer `p`: its index in `names` (the short list is scanned
    /// through one access to it, not one per element compared).
    private func name(_ p: UnsafePointer<xmlChar>) -> Int {
        let key = UnsafeRawPointer(p)
        let found = nameKeys.withUnsafeBufferPointer { keys -> Int? in
            var i = 0
            while i < keys.count {
                if keys[i] == key { return i }
                i += 1
            }
            return nil
        }
        if let found { return found }
        if let n = moreNames[key] { return n }
        let s = String(cString: p)
        names.append(Name(string: s, open: [0x3C] + Array(s.utf8), close: [0x3C, 0x2F] + Array(s.utf8)))
        if nameKeys.count < Self.scannedNames {
            nameKeys.append(key)
        } else {
            moreNames[key] = names.count - 1
        }
        return names.count - 1
    }

    /// The parser's position in the UTF-8 stream and the buffer around it.
    private func position() -> (offset: Int64, base: UnsafePointer<xmlChar>?, baseOffset: Int64, cur: UnsafePointer<xmlChar>?) {
        guard let ctxt, let input = ctxt.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur else {
            return (lastEnd, nil, 0, nil)
        }
        let baseOffset = Int64(input.pointee.consumed)
        return (baseOffset + Int64(cur - base), base, baseOffset, cur)
    }

    /// Finds `<` + `name` (ASCII case-insensitive) in the stream from `from` up to `to`.
    private func find(
        _ needle: UnsafeBufferPointer<UInt8>, from: Int64, to: Int64, base: UnsafePointer<xmlChar>, baseOffset: Int64,
        wholeName: Bool = false
    ) -> Int64? {
        let start = max(from, baseOffset)
        guard to - start >= Int64(needle.count) else { return nil }
        var i = start - baseOffset
        let end = to - baseOffset - Int64(needle.count)
        let first = needle[0]
        while i <= end {
            // To the next `first` byte at once (tags are far apart in long texts).
            guard let hit = memchr(base + Int(i), Int32(first), Int(end - i + 1)) else { return nil }
            i = Int64(UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)))
            var ok = true
            for k in 1..<needle.count {
                var c = base[Int(i) + k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != needle[k] { ok = false; break }
            }
            if ok && wholeName {
                // "<p" must not match "<pre": the name ends at a space, "/", ">" or the end.
                let next = Int64(needle.count) + i + baseOffset < to ? base[Int(i) + needle.count] : 0x3E
                let c = next | 0x20
                if (c >= 0x61 && c <= 0x7A) || (next >= 0x30 && next <= 0x39) || next == 0x2D || next == 0x5F || next == 0x3A { ok = false }
            }
            if ok { return baseOffset + i }
            i += 1
        }
        return nil
    }

    func flushText() {
        guard !pendingText.isEmpty else { return }
        pendingText.withUnsafeBufferPointer { handler.text(utf8: $0) }
        pendingText.removeAll(keepingCapacity: true)
    }

    func start(_ namePtr: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let namePtr else { return }
        flushText()
        let nm = name(namePtr)
        let n = names[nm].string
        let attributes = HTMLAttributes(pairs: atts)
        let pos = position()
        var offset = pos.offset
        var length: Int64 = 0
        if let base = pos.base, let cur = pos.cur {
            let from = lastEnd
            let found = names[nm].open.withUnsafeBufferPointer {
                find($0, from: from, to: pos.offset + 1, base: base, baseOffset: pos.baseOffset, wholeName: true)
            }
            if let s = found {
                var e = pos.offset
                if cur.pointee == 0x3E { e += 1 } else if cur.pointee == 0x2F && cur[1] == 0x3E { e += 2 }
                offset = s
                length = e - s
                lastEnd = e
            }
        }
        let o = transcoder.map.original(offset)
        handler.startElement(n, attributes: attributes, offset: o, tagLength: transcoder.map.original(offset + length) - o)
    }

    func end(_ namePtr: UnsafePointer<xmlChar>?) {
        guard let namePtr else { return }
        flushText()
        let nm = name(namePtr)
        let n = names[nm].string
        let pos = position()
        var end = lastEnd
        var explicit = false
        if let base = pos.base, pos.offset > pos.baseOffset, pos.offset > lastEnd || pos.offset == lastEnd,
            base[Int(pos.offset - pos.baseOffset) - 1] == 0x3E
        {
            // An explicit end tag for this element ends right here.
            let found = names[nm].close.withUnsafeBufferPointer { needle in
                let from = max(pos.offset - Int64(needle.count) - 64, pos.baseOffset)
                return find(needle, from: from, to: pos.offset, base: base, baseOffset: pos.baseOffset, wholeName: true)
            }
            if found != nil {
                end = pos.offset
                lastEnd = end
                explicit = true
            }
        }
        if inputEnded && !explicit { handler.elementLeftOpen(n) }
        handler.endElement(n, end: transcoder.map.original(end))
    }

    func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int32) {
        guard let ch, len > 0 else { return }
        pendingText.append(contentsOf: UnsafeBufferPointer(start: ch, count: Int(len)))
        // A huge text node reaches the handler in pieces of about 1 MB, never as one string.
        if pendingText.count >= 1 << 20 { flushText() }
        lastEnd = max(lastEnd, position().offset)
    }

    func raw(_ ch: UnsafePointer<xmlChar>?, _ len: Int32) {
        guard let ch, len > 0 else { return }
        flushText()
        handler.rawText(String(decoding: UnsafeBufferPointer(start: ch, count: Int(len)), as: UTF8.self))
        lastEnd = max(lastEnd, position().offset)
    }

    func comment(_ value: UnsafePointer<xmlChar>?) {
        flushText()
        let pos = position()
        var start = pos.offset
        let from = lastEnd
        if let base = pos.base,
            let s = Self.commentOpen.withUnsafeBufferPointer({ find($0, from: from, to: pos.offset, base: base, baseOffset: pos.baseOffset) })
        {
            start = s
        }
        lastEnd = pos.offset
        let o = transcoder.map.original(start)
        handler.comment(value.map { String(cString: $0) } ?? "", offset: o, length: transcoder.map.original(pos.offset) - o)
    }
}

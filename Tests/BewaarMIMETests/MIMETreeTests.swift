import Testing
import BewaarMIME

/// The one MIME reader both importers use (the e-mail importer and MHTML saved pages): the
/// tree of parts, parameters with quotes and RFC 2231, charsets beyond UTF-8 and Latin-1.
@Suite("MIME, read once for mail and saved pages")
struct MIMETreeTests {
    /// Parses `text` as one message and returns its tree and the warnings.
    func tree(_ text: String) -> (MIMEPart, [MailWarning]) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var p = MIMEParser(b, maxDepth: 8)
            let top = p.parseMessage(start: 0, end: b.count)
            return (top, p.warnings)
        }
    }

    @Test func aBoundaryWithASemicolonInsideItsQuotesSplitsTheParts() {
        let (top, warnings) = tree([
            "Content-Type: multipart/related; boundary=\"a;b=c\"; type=\"text/html\"",
            "",
            "--a;b=c",
            "Content-Type: text/html",
            "",
            "<p>een</p>",
            "--a;b=c",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            "",
            "iVBORw0KGgo=",
            "--a;b=c--",
            "",
        ].joined(separator: "\r\n"))
        #expect(warnings.isEmpty)
        #expect(top.isMultipart)
        #expect(top.contentType["boundary"] == "a;b=c")
        #expect(top.contentType["type"] == "text/html")
        #expect(top.children.map(\.mediaType) == ["text/html", "image/png"])
        #expect(top.children.map(\.path) == ["1", "2"])
        #expect(top.children[1].transferEncoding == "base64")
    }

    @Test func aFileNameWithASemicolonAndAnRFC2231NameAreKeptWhole() {
        let quoted = HeaderParameters.parse(Array("attachment; filename=\"verslag; klas 2B.pdf\"; size=12".utf8))
        #expect(quoted.value == "attachment")
        #expect(quoted["filename"] == "verslag; klas 2B.pdf")
        #expect(quoted["size"] == "12")
        let extended = HeaderParameters.parse(Array("attachment; filename*=iso-8859-2''%AF%F3%B3w.txt".utf8))
        #expect(extended["filename"] == "Żółw.txt")
    }

    @Test func charsetsBeyondUTF8AndLatin1GoThroughIconv() {
        #expect(EncodedWord.decodeText(Array("=?windows-1251?B?z/Do4uXyLCDq6+Dx8SAywQ==?=".utf8)).text == "Привет, класс 2Б")
        #expect(Charset.decode([0xAF, 0xF3, 0xB3, 0x77], label: "ISO-8859-2").text == "Żółw")
        #expect(Charset.decode([0x80], label: "iso-8859-1").text == "€")
        let unknown = Charset.decode(Array("abc".utf8), label: "x-bestaat-niet")
        #expect(unknown.text == "abc")
        #expect(unknown.problem != nil)
    }

    @Test func aPartBodyIsDecodedFromItsTransferEncoding() {
        let qp = Array("Zo=C3=AB is=\r\n weg".utf8)
        let (text, _) = qp.withUnsafeBufferPointer { PartDecoder.decodeAll($0, start: 0, end: $0.count, encoding: "quoted-printable") }
        #expect(String(decoding: text, as: UTF8.self) == "Zoë is weg")
        let b64 = Array("Wm/DqyBpcyB3ZWc=".utf8)
        let (bytes, report) = b64.withUnsafeBufferPointer { PartDecoder.decodeAll($0, start: 0, end: $0.count, encoding: "base64") }
        #expect(String(decoding: bytes, as: UTF8.self) == "Zoë is weg")
        #expect(report.base64Junk == 0 && !report.base64Truncated)
    }

    @Test func aMissingCloseBoundaryIsAWarningAndTheLastPartRunsToTheEnd() {
        let (top, warnings) = tree("Content-Type: multipart/mixed; boundary=x\n\n--x\n\neen\n--x\n\ntwee\n")
        #expect(top.children.count == 2)
        #expect(warnings.map(\.code) == ["boundary-close-missing"])
    }

    @Test func headerBlocksAndMailDatesAreShared() {
        let block = HeaderBlock.parse(Array("Subject: =?utf-8?Q?Klas_2B_=E2=80=93_roddels?=\r\nDate: Mon, 4 Mar 2024 14:07:09 -0000\r\n\r\n".utf8))
        #expect(block.first("subject")?.decoded == "Klas 2B – roddels")
        #expect(block.hadSeparator)
        let date = block.first("date").flatMap { MailDate.parse($0.text) }
        #expect(date?.rfc3339 == "2024-03-04T14:07:09Z")
    }
}

/// One entity of a MIME tree: its headers, what they declare, where its body lies in the
/// buffer it was read from, and its children when it is a multipart.
public struct MIMEPart: Sendable {
    /// The part number as IMAP writes it: "" for the message itself, "1", "2.1"…
    public var path: String
    public var headers: HeaderBlock
    /// Offset of the part's first header byte.
    public var start: Int
    /// The body: `bodyStart..<bodyEnd`.
    public var bodyStart: Int
    public var bodyEnd: Int
    /// Lower-cased `type/subtype` (defaults applied: text/plain, or message/rfc822 in a digest).
    public var mediaType: String
    public var contentType: HeaderParameters
    public var disposition: HeaderParameters?
    /// Lower-cased Content-Transfer-Encoding (`7bit` when absent).
    public var transferEncoding: String
    public var children: [MIMEPart]
    /// A multipart whose boundary never appeared: its body is read as text.
    public var boundaryMissing: Bool

    public var isMultipart: Bool { mediaType.hasPrefix("multipart/") && !boundaryMissing }
    public var isMessage: Bool { mediaType == "message/rfc822" || mediaType == "message/global" }

    /// The file name: Content-Disposition `filename`, else Content-Type `name` (RFC 2231 and
    /// RFC 2047 decoded).
    public var fileName: String? {
        if let f = disposition?["filename"], !f.isEmpty { return f }
        if let n = contentType["name"], !n.isEmpty { return n }
        return nil
    }

    /// The declared charset, lower case, or nil.
    public var charset: String? { contentType["charset"]?.lowercased() }

    /// Whether the part is an attachment: a leaf with a file name or marked `attachment`, or
    /// an attached message.
    public var isAttachment: Bool {
        if isMultipart { return false }
        if mediaType.hasPrefix("message/") { return true }
        return fileName != nil || disposition?.value == "attachment"
    }

    /// Every part, depth first, the part itself first.
    public func walk(_ body: (MIMEPart) throws -> Void) rethrows {
        try body(self)
        for c in children { try c.walk(body) }
    }
}

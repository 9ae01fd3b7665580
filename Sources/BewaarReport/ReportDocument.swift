import BewaarQR

/// A report described once and rendered twice (HTML and PDF), so the two can never disagree.
/// All text is plain text: renderers escape it and isolate its direction; nothing in it is
/// ever interpreted as markup.
public struct ReportDocument: Sendable, Hashable {
    public var title: String
    /// A short line repeated in every page footer (the case id).
    public var footer: String
    public var blocks: [ReportBlock]

    public init(title: String, footer: String, blocks: [ReportBlock] = []) {
        self.title = title
        self.footer = footer
        self.blocks = blocks
    }
}

/// One block of a report.
public enum ReportBlock: Sendable, Hashable {
    case heading(String, level: Int)
    case paragraph(String)
    /// Label–value pairs (case data, a step's fields).
    case facts([Fact])
    case bullets([String])
    /// Steps to follow in order, numbered 1, 2, 3.
    case numbered([String])
    /// A table; `widths` are relative column widths.
    case table(headers: [String], rows: [[String]], widths: [Double])
    case chart(BarChart)
    /// A marked piece of evidence with its context.
    case evidence(EvidenceExcerpt)
    /// A screenshot with the messages read from it beside it.
    case screenshot(ScreenshotFigure)
    /// Monospaced text: hashes, commands.
    case code(String)
    /// A framed note that must stand out (what the packet does not prove).
    case notice(String)
    /// A QR code drawn as vector squares, with a line under it (the text it holds, for those
    /// who cannot scan it).
    case qrCode(QRCode, caption: String)
    case pageBreak
}

/// A label and its value.
public struct Fact: Sendable, Hashable {
    public var label: String
    public var value: String
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// Daily counts drawn as bars.
public struct BarChart: Sendable, Hashable {
    public var title: String
    /// One label per bar (`2026-03-02`).
    public var labels: [String]
    public var values: [Int]
    /// A sentence under the chart saying what it shows.
    public var caption: String

    public init(title: String, labels: [String], values: [Int], caption: String) {
        self.title = title
        self.labels = labels
        self.values = values
        self.caption = caption
    }
}

/// A marked record with the records around it, and where it came from.
public struct EvidenceExcerpt: Sendable, Hashable {
    /// Why it was marked, in Dutch.
    public var reason: String
    public var note: String?
    /// The original it comes from, with its hash.
    public var source: String
    public var sha256: String
    public var lines: [ExcerptLine]
    /// For a message read from a screenshot: the bubble cut out of the picture, quoted as it is.
    public var crop: ReportPicture?
    /// What the cut-out is ("Zo staat het bericht op de afbeelding …, pixels 20,517 580×115 …").
    public var cropCaption: String?

    public init(reason: String, note: String?, source: String, sha256: String, lines: [ExcerptLine]) {
        self.reason = reason
        self.note = note
        self.source = source
        self.sha256 = sha256
        self.lines = lines
    }
}

/// One record in an excerpt.
public struct ExcerptLine: Sendable, Hashable {
    public var time: String
    public var author: String
    public var text: String
    /// Byte range in the original, as `@offset+length`, or a screenshot's pixel box as
    /// `pixels 20,517 580×115`.
    public var origin: String
    /// The marked record itself (the others are context).
    public var isMarked: Bool

    public init(time: String, author: String, text: String, origin: String, isMarked: Bool) {
        self.time = time
        self.author = author
        self.text = text
        self.origin = origin
        self.isMarked = isMarked
    }
}

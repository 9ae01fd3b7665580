/// What an image's own metadata say: EXIF, PNG text chunks and XMP, as plain fields, the raw
/// name/value pairs for display, reading problems (`warnings`) and what the metadata suggest
/// (`findings`: edited, a screenshot). Read by `ImageMetadata.read(_:)`; never throws.
public struct ImageMetadata: Hashable, Sendable {
    /// The container the metadata came from: `jpeg`, `png`, `webp`, `heic`, or nil when unknown.
    public var container: String?
    /// EXIF DateTimeOriginal ("2026:03:12 20:14:55"), as written.
    public var dateTimeOriginal: String?
    /// EXIF DateTime, the modify date, as written.
    public var modifyDate: String?
    /// EXIF DateTimeDigitized, as written.
    public var dateTimeDigitized: String?
    /// EXIF OffsetTime (of DateTime), e.g. "+01:00".
    public var offsetTime: String?
    /// EXIF OffsetTimeOriginal (of DateTimeOriginal).
    public var offsetTimeOriginal: String?
    /// EXIF OffsetTimeDigitized (of DateTimeDigitized).
    public var offsetTimeDigitized: String?
    public var make: String?
    public var model: String?
    public var software: String?
    /// EXIF UserComment, its character-code prefix decoded away (iPhones write "Screenshot").
    public var userComment: String?
    public var imageDescription: String?
    /// EXIF Orientation (1–8).
    public var orientation: Int?
    /// EXIF PixelXDimension.
    public var pixelWidth: Int?
    /// EXIF PixelYDimension.
    public var pixelHeight: Int?
    /// True when the EXIF block points to a GPS IFD (the location itself is not read).
    public var hasGPS = false
    /// PNG tEXt, zTXt and iTXt chunks in file order (keyword, text).
    public var pngText: [MetadataField] = []
    /// The XMP properties read, when the image holds an XMP packet.
    public var xmp: XMPProperties?
    /// Every value read, as "EXIF Model" = "iPhone 13" pairs, in reading order, for display.
    public var fields: [MetadataField] = []
    /// What could not be read, and where.
    public var warnings: [MetadataNote] = []
    /// What the metadata suggest: edited, a screenshot. Pointers, not proof.
    public var findings: [MetadataNote] = []

    public init() {}

    /// True when nothing at all was read.
    public var isEmpty: Bool { fields.isEmpty && xmp == nil }
}

/// One name/value pair as read, for display ("EXIF Software" = "Adobe Photoshop 25.0").
public struct MetadataField: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The few XMP properties Bewaar reads from a packet.
public struct XMPProperties: Hashable, Sendable {
    /// xmp:CreatorTool: the app that made the file.
    public var creatorTool: String?
    /// xmp:CreateDate (ISO 8601).
    public var createDate: String?
    /// xmp:ModifyDate (ISO 8601).
    public var modifyDate: String?
    /// photoshop:DateCreated (ISO 8601).
    public var dateCreated: String?
    /// exif:UserComment or dc:description text, when present (a screenshot marker lives there).
    public var userComment: String?
    /// xmpMM:History events in order.
    public var history: [XMPHistoryEvent] = []

    public init() {}
}

/// One xmpMM:History event: what was done to the file, by which app, when.
public struct XMPHistoryEvent: Hashable, Sendable {
    /// stEvt:action, e.g. "created", "saved", "edited", "converted".
    public var action: String
    /// stEvt:softwareAgent, e.g. "Adobe Photoshop 25.0 (Windows)".
    public var softwareAgent: String?
    /// stEvt:when (ISO 8601).
    public var when: String?

    public init(action: String, softwareAgent: String? = nil, when: String? = nil) {
        self.action = action
        self.softwareAgent = softwareAgent
        self.when = when
    }
}

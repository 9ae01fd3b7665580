/// When the metadata say the picture was taken (a screenshot: when it was made), as the wall
/// clock of the device showed it, with the offset when the file gives one.
public struct CaptureTime: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Minutes east of UTC, when the file says.
    public var offsetMinutes: Int?
    /// Which field it came from (`dateTimeOriginal`, `xmp.dateCreated`, …).
    public var field: String

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int?, field: String) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offsetMinutes
        self.field = field
    }
}

extension ImageMetadata {
    /// The moment the image was made by its metadata: EXIF DateTimeOriginal (with its offset),
    /// else XMP's DateCreated or CreateDate, else EXIF DateTimeDigitized. Never the modify date:
    /// an edit is not when the screen was shown. Nil when none is readable.
    public var captureTime: CaptureTime? {
        let candidates: [(String, String?, String?)] = [
            ("dateTimeOriginal", dateTimeOriginal, offsetTimeOriginal ?? offsetTime),
            ("xmp.dateCreated", xmp?.dateCreated, nil),
            ("xmp.createDate", xmp?.createDate, nil),
            ("dateTimeDigitized", dateTimeDigitized, offsetTimeDigitized ?? offsetTime),
        ]
        for (field, text, offset) in candidates {
            guard let text, let date = MetadataDate(text, offset: offset) else { continue }
            let (y, m, d) = MetadataDate.civil(days: date.localSeconds / 86_400)
            let rest = date.localSeconds % 86_400
            return CaptureTime(
                year: y, month: m, day: d, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60,
                offsetMinutes: date.offsetMinutes, field: field)
        }
        return nil
    }
}

extension MetadataDate {
    /// The civil date of a day count since 0001-01-01 (the inverse of ``days(_:_:_:)``).
    static func civil(days: Int) -> (Int, Int, Int) {
        let era = days / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        let y = yoe + era * 400
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

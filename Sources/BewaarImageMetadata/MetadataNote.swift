import BewaarModel

/// One thing the metadata reader says about an image, in Dutch and English with a stable `code`:
/// either a reading problem (a corrupt EXIF block, a truncated chunk) or a finding about what the
/// metadata claim (edited with an app, a screenshot). A finding is a pointer, never a verdict.
public struct MetadataNote: Hashable, Sendable {
    /// A stable machine id, e.g. `exif-ifd-loop` or `metadata-edited-software`.
    public var code: String
    /// Dutch text: what was seen and what it means.
    public var dutch: String
    /// English text: the same in English.
    public var english: String

    public init(_ code: String, nl dutch: String, en english: String) {
        self.code = code
        self.dutch = dutch
        self.english = english
    }

    /// The text in English when `english` is true, else in Dutch.
    public func text(english: Bool) -> String { english ? self.english : dutch }

    /// The note as an importer warning (Dutch text, the same code).
    public var importWarning: ImportWarning { ImportWarning(dutch, code: code) }
}

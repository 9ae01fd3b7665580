extension ImageMetadata {
    /// Reads the metadata of an image file's bytes (JPEG, PNG, WebP, HEIC/HEIF): EXIF, PNG text
    /// chunks, XMP, then the findings. Never throws and never traps: a corrupt block gives
    /// warnings and whatever was readable; the work is bounded by the input's size.
    public static func read(_ bytes: [UInt8]) -> ImageMetadata {
        let view = ByteView(bytes)
        var meta = ImageMetadata()
        if view.starts(with: PNGMetadata.signature) {
            meta.container = "png"
            PNGMetadata.read(view, into: &meta)
        } else if view.starts(with: [0xFF, 0xD8, 0xFF]) {
            meta.container = "jpeg"
            JPEGMetadata.read(view, into: &meta)
        } else if view.starts(with: Array(ascii: "RIFF")) && view.starts(with: Array(ascii: "WEBP"), at: 8) {
            meta.container = "webp"
            WebPMetadata.read(view, into: &meta)
        } else if HEIFMetadata.recognise(view) {
            meta.container = "heic"
            HEIFMetadata.read(view, into: &meta)
        }
        meta.warnings = capped(meta.warnings)
        meta.findings = MetadataFindings.findings(for: meta)
        return meta
    }

    /// Most warnings kept: a hostile file can say the same wrong thing many times.
    static let maxWarnings = 32

    /// The warnings without repeats, at most `maxWarnings`, and a last one saying more were left out.
    private static func capped(_ warnings: [MetadataNote]) -> [MetadataNote] {
        var seen: Set<MetadataNote> = []
        let unique = warnings.filter { seen.insert($0).inserted }
        guard unique.count > maxWarnings else { return unique }
        let more = unique.count - maxWarnings
        return Array(unique.prefix(maxWarnings)) + [
            MetadataNote(
                "metadata-more-warnings", nl: "En nog \(more) waarschuwingen over de metadata; weggelaten.",
                en: "And \(more) more warnings about the metadata; left out.")
        ]
    }
}

import BewaarImport
import BewaarImportImage
import BewaarImportMail
import BewaarImportWhatsApp
import BewaarImportWeb

/// Every importer Bewaar has, in one list: add a new format here.
public enum Importers {
    public static var all: [any EvidenceImporter] { all(readAhead: nil) }

    /// Every importer, the image importer taking what `readAhead` read from the images.
    public static func all(readAhead: ScreenshotReadAhead?) -> [any EvidenceImporter] {
        [ImageImporter(readAhead: readAhead), EmailImporter(), WhatsAppImporter()] + WebImporters.all
    }

    public static var detector: FormatDetector { FormatDetector(importers: all) }

    /// The detector for an ingest of `paths`: with more than one image among them, the images
    /// are read ahead on the other cores (see ``ScreenshotReadAhead``); `stop` it when done.
    public static func detector(readingAhead paths: [String]) -> (FormatDetector, ScreenshotReadAhead?) {
        guard paths.count > 1 else { return (detector, nil) }
        let ahead = ScreenshotReadAhead(paths: paths)
        return (FormatDetector(importers: all(readAhead: ahead)), ahead)
    }
}

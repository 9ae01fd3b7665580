import BewaarImport
import BewaarImportMail

/// Every importer Bewaar has, in one list: add a new format here.
public enum Importers {
    public static var all: [any EvidenceImporter] {
        [ImageImporter(), EmailImporter()]
    }

    public static var detector: FormatDetector { FormatDetector(importers: all) }
}

import BewaarImport
import BewaarImportImage
import BewaarImportMail
import BewaarImportWhatsApp
import BewaarImportWeb

/// Every importer Bewaar has, in one list: add a new format here.
public enum Importers {
    public static var all: [any EvidenceImporter] {
        [ImageImporter(), EmailImporter(), WhatsAppImporter()] + WebImporters.all
    }

    public static var detector: FormatDetector { FormatDetector(importers: all) }
}

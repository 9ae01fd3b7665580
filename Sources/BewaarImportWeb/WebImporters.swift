import BewaarImport

/// The importers of this module, for `Importers.all`.
public enum WebImporters {
    public static var all: [any EvidenceImporter] {
        [SavedPageImporter(), MHTMLImporter(), PlatformExportImporter()]
    }
}

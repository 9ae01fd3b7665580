import Foundation

/// Why a mail file could not be read at all (content problems are warnings, not errors).
public struct MailImportError: Error, LocalizedError, Sendable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public var errorDescription: String? { nl }

    static func unreadable(_ path: String, _ why: String) -> MailImportError {
        MailImportError(nl: "\(path) kon niet worden geopend (\(why)). Controleer of het bestand bestaat en leesbaar is.",
                        en: "\(path) could not be opened (\(why)). Check that the file exists and is readable.")
    }
}

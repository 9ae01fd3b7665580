import Foundation
import BewaarModel

/// Why a mail file could not be read at all (content problems are warnings, not errors).
public struct MailImportError: BilingualError {
    public let dutch: String
    public let english: String

    public init(nl: String, en: String) {
        self.dutch = nl
        self.english = en
    }

    static func unreadable(_ path: String, _ why: String) -> MailImportError {
        MailImportError(nl: "\(path) kon niet worden geopend (\(why)). Controleer of het bestand bestaat en leesbaar is.",
                        en: "\(path) could not be opened (\(why)). Check that the file exists and is readable.")
    }
}

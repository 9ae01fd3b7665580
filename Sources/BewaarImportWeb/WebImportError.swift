import Foundation
import BewaarModel

/// Why a web save or export could not be read at all (content problems are warnings instead).
public struct WebImportError: BilingualError {
    public let dutch: String
    public let english: String

    public init(nl: String, en: String) {
        self.dutch = nl
        self.english = en
    }


    static func unreadable(_ name: String, _ why: String) -> WebImportError {
        WebImportError(nl: "\(name) kan niet worden gelezen (\(why)). Het origineel is wel bewaard; controleer of het bestand compleet is.",
                       en: "\(name) cannot be read (\(why)). The original is kept; check that the file is complete.")
    }
}

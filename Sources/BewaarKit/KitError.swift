import Foundation
import BewaarModel

/// A failure of a use case, in Dutch and English: what went wrong and what to do.
public struct KitError: BilingualError {
    public let dutch: String
    public let english: String

    public init(nl: String, en: String) {
        self.dutch = nl
        self.english = en
    }


    static func missingFile(_ path: String) -> KitError {
        KitError(nl: "Bestand \(path) bestaat niet. Controleer de naam en de map.",
                 en: "File \(path) does not exist. Check the name and the folder.")
    }

    static func unreadableFile(_ path: String, _ why: String) -> KitError {
        KitError(nl: "Bestand \(path) kan niet worden gelezen (\(why)). Controleer de rechten op het bestand.",
                 en: "File \(path) cannot be read (\(why)). Check the file's permissions.")
    }
}

import Foundation
import BewaarModel

/// Why a report could not be written.
public struct ReportError: BilingualError {
    public let dutch: String
    public let english: String
    public init(nl: String, en: String) {
        dutch = nl
        english = en
    }
}

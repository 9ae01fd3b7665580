import Foundation

/// Why a report could not be written.
public struct ReportError: Error, Sendable, LocalizedError, CustomStringConvertible {
    public let dutch: String
    public let english: String
    public init(nl: String, en: String) {
        dutch = nl
        english = en
    }
    public var errorDescription: String? { dutch }
    public var description: String { english }
}

import Foundation
import BewaarModel

/// Why a bundle could not be written or read, in words for the person at the keyboard
/// (Dutch and English): what went wrong and what to do.
public struct BundleError: BilingualError {
    /// Stable kinds of failure.
    public enum Code: String, Sendable {
        case writeFailed, unreadable, hostile, originalChanged, invalidArgument
    }

    public let code: Code
    public let dutch: String
    public let english: String

    public init(_ code: Code, nl: String, en: String) {
        self.code = code
        self.dutch = nl
        self.english = en
    }


    static func io(_ path: String, _ errno: Int32, writing: Bool) -> BundleError {
        let why = String(cString: strerror(errno))
        return writing
            ? BundleError(.writeFailed, nl: "Kan niet schrijven naar \(path) (\(why)). Controleer de map, de rechten en de vrije ruimte.",
                          en: "Cannot write to \(path) (\(why)). Check the folder, its permissions and the free space.")
            : BundleError(.unreadable, nl: "Kan \(path) niet lezen (\(why)). Controleer de naam en de rechten.",
                          en: "Cannot read \(path) (\(why)). Check the name and the permissions.")
    }
}

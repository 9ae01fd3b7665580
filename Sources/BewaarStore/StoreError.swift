import Foundation
import BewaarModel

/// Why the store could not do what was asked, in words for the person at the keyboard.
public struct StoreError: BilingualError {
    /// Stable kinds of store failure.
    public enum Code: String, Sendable {
        case noStore, unreadable, unknownCase, unknownPerson, unknownItem, invalidValue, writeFailed
        /// A row of the store holds a value that cannot be read (see `StoredRow`).
        case damagedRow
        /// The case was destroyed (see ``DestructionRecord``).
        case destroyedCase
        /// The case may not be destroyed (yet): on legal hold, not past its date, a wrong confirmation.
        case notDestroyable
        /// The store is encrypted and its master key is missing or wrong.
        case keyMissing, wrongKey
        /// The store's database does not do this (a PostgreSQL store refuses `bewaar backup`:
        /// `pg_dump` and the originals folder are its backup).
        case unsupported
    }

    public let code: Code
    /// Dutch text: what went wrong and what to do.
    public let dutch: String
    /// English text.
    public let english: String

    public init(_ code: Code, nl: String, en: String) {
        self.code = code
        self.dutch = nl
        self.english = en
    }

    static func unknownCase(_ id: String) -> StoreError {
        StoreError(.unknownCase, nl: "Zaak \(id) bestaat niet in deze opslag. `bewaar case list` toont de zaken.",
                   en: "Case \(id) does not exist in this store. `bewaar case list` shows the cases.")
    }

    package static func unreadable(_ path: String, _ underlying: any Error) -> StoreError {
        StoreError(.unreadable,
                   nl: "De opslag in \(path) kan niet worden gelezen (\(underlying)). Controleer de map en de rechten, of geef een andere map met --store.",
                   en: "The store in \(path) cannot be read (\(underlying)). Check the folder and its permissions, or name another folder with --store.")
    }
}

import Foundation

/// An error Bewaar explains to the person at the keyboard, in Dutch and in English: what went
/// wrong and what to do about it.
///
/// Every error that can reach a front end conforms, whatever module throws it, so a front end
/// needs one `catch let e as any BilingualError` and picks the text in the user's language in
/// one place (`Language.text(of:)` in BewaarKit, `PageText.choose` in the web interface)
/// instead of a line per error type. Technical failures of the low layers (a JSON offset, an
/// errno) do not conform: the layer above wraps them in a sentence that does.
///
/// The defaults follow what the error types did before they shared this shape:
/// `errorDescription` is the Dutch text (Dutch is Bewaar's first language) and `description`
/// (what `"\(error)"` and logs show) is the English one. A type may override either.
public protocol BilingualError: LocalizedError, CustomStringConvertible, Sendable {
    /// Dutch text: what went wrong and what to do.
    var dutch: String { get }
    /// English text: the same in English.
    var english: String { get }
}

extension BilingualError {
    /// The Dutch text.
    public var errorDescription: String? { dutch }
    /// The English text.
    public var description: String { english }

    /// The text in English when `english` is true, else in Dutch.
    public func text(english: Bool) -> String { english ? self.english : dutch }
}

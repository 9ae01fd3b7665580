import BewaarModel

/// Why a sign-in with the school's accounts (OpenID Connect) did not succeed, or why the
/// provider could not be used at start: in Dutch and English for the person, and a short
/// reason (`nonce-mismatch`, `token-expired`, …) for the security log.
public struct SignOnError: BilingualError, Equatable {
    public let dutch: String
    public let english: String
    /// A short technical reason for the log; never shown as the only explanation.
    public let reason: String

    public init(_ reason: String, nl: String, en: String) {
        self.reason = reason
        dutch = nl
        english = en
    }

    /// The ID token or the provider's answer failed a check: the person is told to start again,
    /// the log gets the reason.
    public static func refused(_ reason: String) -> SignOnError {
        SignOnError(
            reason, nl: "De aanmelding bij uw school kon niet worden gecontroleerd. Begin opnieuw op de inlogpagina.",
            en: "The sign-in at your school could not be checked. Start again on the login page.")
    }

    /// The provider could not be reached or answered something unreadable.
    public static func unreachable(_ reason: String) -> SignOnError {
        SignOnError(
            reason, nl: "De inlogdienst van uw school gaf geen bruikbaar antwoord. Probeer het over een paar minuten opnieuw.",
            en: "Your school's sign-in service gave no usable answer. Try again in a few minutes.")
    }
}

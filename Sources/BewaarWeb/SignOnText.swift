/// The words of the sign-in with the school's accounts (part of ``PageText``; one table per
/// language, checked by the compiler).
protocol SignOnText: Sendable {
    var schoolButton: String { get }
    var orWithPassword: String { get }
    var notConfigured: String { get }
    var failedTitle: String { get }
    var unknownTitle: String { get }
    var unknownPerson: String { get }
    var disabled: String { get }
    var expired: String { get }
    var providerSaidNo: String { get }
    var backToLogin: String { get }
    var signedInTitle: String { get }
    var continueLink: String { get }
    // The unknown person's page: what the beheerder needs to link the account by hand.
    var linkByHandIntro: String { get }
    var issuerLabel: String { get }
    var subjectLabel: String { get }
    var commandLabel: String { get }
    var accountPlaceholder: String { get }
    var accountPlaceholderMeaning: String { get }
    // Signing out at the school's provider too.
    var signedOutTitle: String { get }
    var signingOutAtSchool: String { get }
    var continueToSchool: String { get }
    // Beheer: the account's e-mail address.
    var colEmail: String { get }
    var emailLabel: String { get }
    var emailSave: String { get }
    func emailSaved(name: String) -> String
    var emailInvalid: String { get }
}

struct DutchSignOnText: SignOnText {
    let schoolButton = "Inloggen met uw schoolaccount"
    let orWithPassword = "Of log in met uw naam en wachtwoord in Bewaar:"
    let notConfigured = "Inloggen met een schoolaccount is op deze server niet ingesteld. Log in met uw naam en wachtwoord."
    let failedTitle = "Inloggen met uw schoolaccount is niet gelukt"
    let unknownTitle = "Geen account in Bewaar"
    let unknownPerson = "U bent bij uw school aangemeld, maar heeft geen account in Bewaar; vraag de beheerder."
    let disabled = "U bent bij uw school aangemeld, maar uw account in Bewaar is uitgeschakeld; vraag de beheerder."
    let expired = "Deze aanmelding is verlopen, al gebruikt of in een ander venster begonnen. Begin opnieuw op de inlogpagina."
    let providerSaidNo = "Uw school heeft de aanmelding niet gegeven (misschien hebt u die geweigerd). Begin opnieuw op de inlogpagina."
    let backToLogin = "Terug naar de inlogpagina"
    let signedInTitle = "U bent ingelogd"
    let continueLink = "Verder naar Bewaar"
    let linkByHandIntro =
        "Stuurt uw school geen gecontroleerd e-mailadres mee, dan kan de beheerder uw account met de hand koppelen. Geef hem deze gegevens:"
    let issuerLabel = "Uitgever (issuer)"
    let subjectLabel = "Uw vaste code bij uw school (subject)"
    let commandLabel = "De opdracht voor de beheerder:"
    let accountPlaceholder = "NAAM"
    let accountPlaceholderMeaning = "NAAM is de naam van uw account in Bewaar. De beheerder controleert eerst dat u het bent: de rol komt uit Bewaar."
    let signedOutTitle = "U bent uitgelogd"
    let signingOutAtSchool = "U bent uitgelogd bij Bewaar. U gaat nu naar uw school om daar ook af te melden."
    let continueToSchool = "Verder naar het afmelden bij uw school"
    let colEmail = "E-mailadres"
    let emailLabel = "E-mailadres voor inloggen met het schoolaccount van"
    let emailSave = "E-mailadres opslaan"
    func emailSaved(name: String) -> String { "Het e-mailadres van \(name) is opgeslagen." }
    let emailInvalid = "Dat is geen bruikbaar e-mailadres (één @, geen spaties, hoogstens 255 tekens). Laat het veld leeg om het adres te wissen."
}

struct EnglishSignOnText: SignOnText {
    let schoolButton = "Sign in with your school account"
    let orWithPassword = "Or sign in with your Bewaar name and password:"
    let notConfigured = "Sign-in with a school account is not set up on this server. Sign in with your name and password."
    let failedTitle = "Signing in with your school account did not work"
    let unknownTitle = "No account in Bewaar"
    let unknownPerson = "You are signed in at your school, but you have no account in Bewaar; ask the administrator."
    let disabled = "You are signed in at your school, but your account in Bewaar is disabled; ask the administrator."
    let expired = "This sign-in has expired, was used already or was started in another window. Start again on the login page."
    let providerSaidNo = "Your school did not give the sign-in (perhaps you declined it). Start again on the login page."
    let backToLogin = "Back to the login page"
    let signedInTitle = "You are signed in"
    let continueLink = "Continue to Bewaar"
    let linkByHandIntro =
        "If your school sends no verified e-mail address, the administrator can link your account by hand. Give them these details:"
    let issuerLabel = "Issuer"
    let subjectLabel = "Your fixed id at your school (subject)"
    let commandLabel = "The command for the administrator:"
    let accountPlaceholder = "NAME"
    let accountPlaceholderMeaning =
        "NAME is the name of your account in Bewaar. The administrator first checks that it is you: the role comes from Bewaar."
    let signedOutTitle = "You are signed out"
    let signingOutAtSchool = "You are signed out of Bewaar. You are now taken to your school to sign out there too."
    let continueToSchool = "Continue to signing out at your school"
    let colEmail = "E-mail address"
    let emailLabel = "E-mail address for signing in with the school account of"
    let emailSave = "Save e-mail address"
    func emailSaved(name: String) -> String { "The e-mail address of \(name) was saved." }
    let emailInvalid = "That is no usable e-mail address (one @, no spaces, at most 255 characters). Leave the field empty to clear the address."
}

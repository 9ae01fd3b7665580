/// The words of the access, account and security pages (part of ``PageText``; one table per
/// language, checked by the compiler).
protocol AccessText: Sendable {
    var badRequestTitle: String { get }
    var badRequest: String { get }
    func noSuchCaseOrNoAccess(_ id: String) -> String
    func tooManyLogins(seconds: Int) -> String
    var loginBusy: String { get }
    var hostRefused: String { get }
    // Access to a case.
    var accessHeading: String { get }
    var accessExplain: String { get }
    func accessLine(account: String, role: String, by: String, at: String) -> String
    var revokeAccessButton: String { get }
    var grantAccessLabel: String { get }
    var grantAccessButton: String { get }
    var noAccountsToGrant: String { get }
    var reasonOptional: String { get }
    // Escalation.
    var pickHead: String { get }
    var noHeadAccounts: String { get }
    var undoEscalationButton: String { get }
    var undoReasonLabel: String { get }
    func escalationUndone(by: String, at: String, reason: String) -> String
    // Beheer.
    var createAccountHeading: String { get }
    func setupCodeShown(name: String, code: String, until: String) -> String
    var forceResetButton: String { get }
    var disableButton: String { get }
    var enableButton: String { get }
    var removeButton: String { get }
    func confirmAction(_ action: String, _ name: String) -> String
    var statusDisabled: String { get }
    var statusAwaitingPassword: String { get }
    var colActions: String { get }
    var adminAccessHeading: String { get }
    var adminAccessExplain: String { get }
    var colCaseAccess: String { get }
    var securityLogHeading: String { get }
    var securityLogExplain: String { get }
    var colKind: String { get }
    var colSourceAddress: String { get }
    var colDetail: String { get }
    var fillNameAndRole: String { get }
    // Setting a password with a code, changing one's own.
    var setupTitle: String { get }
    var setupExplain: String { get }
    var codeLabel: String { get }
    var newPassword: String { get }
    var repeatPassword: String { get }
    var setupButton: String { get }
    var setupFailed: String { get }
    var passwordsDiffer: String { get }
    var passwordSetDone: String { get }
    var setupLink: String { get }
    var changePasswordHeading: String { get }
    var currentPassword: String { get }
    var changePasswordButton: String { get }
    var passwordChanged: String { get }
    // The systeembeheerder's view of a mail.
    func hiddenHeader(_ name: String) -> String
    func mailNumber(_ id: Int64) -> String
}

struct DutchAccessText: AccessText {
    let badRequestTitle = "Ongeldig verzoek"
    let badRequest = "Een getal of datum in het adres of formulier is niet geldig. Ga terug en probeer het opnieuw."
    func noSuchCaseOrNoAccess(_ id: String) -> String { "Zaak \(id) bestaat niet, of u hebt er geen toegang toe." }
    func tooManyLogins(seconds: Int) -> String {
        "Te veel inlogpogingen vanaf deze computer. Probeer het over \(seconds) \(seconds == 1 ? "seconde" : "seconden") opnieuw."
    }
    let loginBusy = "Het is even te druk om wachtwoorden te controleren. Probeer het over een minuut opnieuw."
    let hostRefused = "Dit adres hoort niet bij deze Bewaar-server. Gebruik het adres dat de school heeft gegeven."
    let accessHeading = "Toegang"
    let accessExplain = "Alleen deze accounts kunnen de zaak lezen. Namen van leerlingen, ouders of getuigen geven nooit toegang. Elke wijziging komt in het logboek."
    func accessLine(account: String, role: String, by: String, at: String) -> String { "\(account) (\(role)), gegeven door \(by) op \(at)" }
    let revokeAccessButton = "Toegang intrekken"
    let grantAccessLabel = "Account (mentor of ondersteuningscoördinator)"
    let grantAccessButton = "Toegang geven"
    let noAccountsToGrant = "Er zijn geen andere mentor- of ondersteuningscoördinator-accounts."
    let reasonOptional = "Reden (komt in het logboek)"
    let pickHead = "Afdelingsleider"
    let noHeadAccounts = "Er is nog geen afdelingsleider-account. Vraag de beheerder er een te maken."
    let undoEscalationButton = "Escalatie terugdraaien"
    let undoReasonLabel = "Reden van het terugdraaien"
    func escalationUndone(by: String, at: String, reason: String) -> String { "teruggedraaid door \(by) op \(at): \(reason)" }
    let createAccountHeading = "Account aanmaken"
    func setupCodeShown(name: String, code: String, until: String) -> String {
        "Code voor \(name): \(code) (geldig tot \(until)). Geef deze code persoonlijk; de eigenaar kiest er zelf een wachtwoord mee op de pagina ‘Wachtwoord instellen’. De code wordt niet nog eens getoond."
    }
    let forceResetButton = "Nieuw wachtwoord afdwingen"
    let disableButton = "Uitschakelen"
    let enableButton = "Inschakelen"
    let removeButton = "Verwijderen"
    func confirmAction(_ action: String, _ name: String) -> String { "\(action): \(name)? Dit kan niet ongedaan worden gemaakt." }
    let statusDisabled = "uitgeschakeld"
    let statusAwaitingPassword = "wacht op wachtwoord"
    let colActions = "Acties"
    let adminAccessHeading = "Toegang tot zaken"
    let adminAccessExplain = "Per zaaknummer welke accounts toegang hebben. U ziet geen titels, namen of bewijs."
    let colCaseAccess = "Toegang"
    let securityLogHeading = "Beveiligingslogboek"
    let securityLogExplain = "Mislukte en geweigerde inlogpogingen (de nieuwste 100). Dit logboek is begrensd en roteert; getypte namen die bij geen account horen worden nooit bewaard."
    let colKind = "Soort"
    let colSourceAddress = "Vanaf"
    let colDetail = "Toelichting"
    let fillNameAndRole = "Vul een naam in en kies een rol."
    let setupTitle = "Wachtwoord instellen"
    let setupExplain = "Met de code van de beheerder kiest u zelf uw wachtwoord. De beheerder kent het wachtwoord niet."
    let codeLabel = "Code van de beheerder"
    let newPassword = "Nieuw wachtwoord (minstens 10 tekens)"
    let repeatPassword = "Nieuw wachtwoord nog een keer"
    let setupButton = "Wachtwoord instellen"
    let setupFailed = "Naam of code klopt niet, of de code is verlopen of al gebruikt. Vraag de beheerder om een nieuwe code."
    let passwordsDiffer = "De twee nieuwe wachtwoorden verschillen."
    let passwordSetDone = "Uw wachtwoord is ingesteld. U kunt nu inloggen."
    let setupLink = "Code gekregen van de beheerder? Stel hier uw wachtwoord in."
    let changePasswordHeading = "Wachtwoord wijzigen"
    let currentPassword = "Huidig wachtwoord"
    let changePasswordButton = "Wachtwoord wijzigen"
    let passwordChanged = "Uw wachtwoord is gewijzigd. Andere sessies van uw account zijn beëindigd."
    func hiddenHeader(_ name: String) -> String { "(verborgen voor de systeembeheerder: bevat inhoud of namen)" }
    func mailNumber(_ id: Int64) -> String { "e-mail \(id)" }
}

struct EnglishAccessText: AccessText {
    let badRequestTitle = "Bad request"
    let badRequest = "A number or date in the address or form is not valid. Go back and try again."
    func noSuchCaseOrNoAccess(_ id: String) -> String { "Case \(id) does not exist, or you have no access to it." }
    func tooManyLogins(seconds: Int) -> String {
        "Too many login attempts from this computer. Try again in \(seconds) \(seconds == 1 ? "second" : "seconds")."
    }
    let loginBusy = "Too busy to check passwords right now. Try again in a minute."
    let hostRefused = "This address does not belong to this Bewaar server. Use the address the school gave you."
    let accessHeading = "Access"
    let accessExplain = "Only these accounts can read the case. Names of pupils, parents or witnesses never give access. Every change goes into the log."
    func accessLine(account: String, role: String, by: String, at: String) -> String { "\(account) (\(role)), given by \(by) on \(at)" }
    let revokeAccessButton = "Revoke access"
    let grantAccessLabel = "Account (mentor or support coordinator)"
    let grantAccessButton = "Give access"
    let noAccountsToGrant = "There are no other mentor or support-coordinator accounts."
    let reasonOptional = "Reason (goes into the log)"
    let pickHead = "Department head"
    let noHeadAccounts = "There is no department-head account yet. Ask the administrator to make one."
    let undoEscalationButton = "Undo escalation"
    let undoReasonLabel = "Reason for undoing"
    func escalationUndone(by: String, at: String, reason: String) -> String { "undone by \(by) on \(at): \(reason)" }
    let createAccountHeading = "Create an account"
    func setupCodeShown(name: String, code: String, until: String) -> String {
        "Code for \(name): \(code) (valid until \(until)). Hand it over in person; the owner chooses their own password with it on the ‘Set password’ page. The code is not shown again."
    }
    let forceResetButton = "Force a new password"
    let disableButton = "Disable"
    let enableButton = "Enable"
    let removeButton = "Remove"
    func confirmAction(_ action: String, _ name: String) -> String { "\(action): \(name)? This cannot be undone." }
    let statusDisabled = "disabled"
    let statusAwaitingPassword = "awaiting password"
    let colActions = "Actions"
    let adminAccessHeading = "Access to cases"
    let adminAccessExplain = "Per case number, which accounts have access. You see no titles, names or evidence."
    let colCaseAccess = "Access"
    let securityLogHeading = "Security log"
    let securityLogExplain = "Failed and refused logins (the newest 100). This log is bounded and rotates; typed names that match no account are never kept."
    let colKind = "Kind"
    let colSourceAddress = "From"
    let colDetail = "Detail"
    let fillNameAndRole = "Fill in a name and pick a role."
    let setupTitle = "Set password"
    let setupExplain = "With the administrator's code you choose your own password. The administrator does not know it."
    let codeLabel = "Code from the administrator"
    let newPassword = "New password (at least 10 characters)"
    let repeatPassword = "New password again"
    let setupButton = "Set password"
    let setupFailed = "Name or code is not right, or the code expired or was used. Ask the administrator for a new code."
    let passwordsDiffer = "The two new passwords differ."
    let passwordSetDone = "Your password is set. You can log in now."
    let setupLink = "Got a code from the administrator? Set your password here."
    let changePasswordHeading = "Change password"
    let currentPassword = "Current password"
    let changePasswordButton = "Change password"
    let passwordChanged = "Your password was changed. Other sessions of your account were ended."
    func hiddenHeader(_ name: String) -> String { "(hidden from the system administrator: holds content or names)" }
    func mailNumber(_ id: Int64) -> String { "e-mail \(id)" }
}

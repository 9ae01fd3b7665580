import Foundation
import Hummingbird
import BewaarSignOn
import BewaarKit
import BewaarAccounts

/// The pages around a school account that Bewaar does not know yet, and signing out at the
/// school's provider too (OpenID Connect RP-Initiated Logout).
extension WebApp {
    /// The page of a person the provider signed in but Bewaar does not know: what to ask the
    /// beheerder, with the issuer, the subject and the exact `bewaar user subject` command that
    /// links an account to them. Every value is the provider's, so it is escaped for the page and
    /// quoted for the shell.
    func unknownPersonPage(_ language: Language, identity: VerifiedIdentity) -> Response {
        let t = PageTexts.of(language)
        let command =
            "bewaar user subject \(t.signOn.accountPlaceholder) --issuer \(Self.shellQuoted(identity.issuer)) --subject \(Self.shellQuoted(identity.subject))"
        let main: HTML = """
            <p class="melding">\(t.signOn.unknownPerson)</p>
            <p>\(t.signOn.linkByHandIntro)</p>
            <dl><dt>\(t.signOn.issuerLabel)</dt><dd><code id="issuer">\(identity.issuer)</code></dd>\
            <dt>\(t.signOn.subjectLabel)</dt><dd><code id="subject">\(identity.subject)</code></dd></dl>
            <p>\(t.signOn.commandLabel)</p>
            <pre class="bron"><code id="koppelopdracht">\(command)</code></pre>
            <p>\(t.signOn.accountPlaceholderMeaning)</p>
            <p><a href="/inloggen">\(t.back)</a></p>
            """
        let page = Self.signOnDocument(t, title: t.signOn.unknownTitle, main: main)
        var r = html(page, status: .forbidden)
        r.setCookie(Self.clearedSignOnCookie(secure: config.secureCookies))
        return r
    }

    /// `text` in single quotes for a POSIX shell (a `'` inside becomes `'\''`), so pasting the
    /// command runs nothing the provider's values might hold.
    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Keeps the ID token of a session begun with a school account, sealed with the session id,
    /// when the provider has a sign-out page (only then is it needed).
    func keepForSignOut(_ identity: VerifiedIdentity, session: Session, provider: SignOnProvider) throws {
        guard provider.metadata.endSessionEndpoint != nil, let token = identity.idToken,
            let sealed = IDTokenSeal.seal(token, sessionID: session.id)
        else { return }
        try store.saveSignOnSession(sessionSHA256: session.key, sealedIDToken: sealed, created: config.clock())
    }

    /// Where to send the browser to sign out at the school's provider too, when `session` was
    /// begun with a school account and the provider has a sign-out page; nil otherwise. Takes the
    /// kept ID token either way: it is used once.
    func schoolSignOut(_ session: Session) throws -> URL? {
        guard let sealed = try store.takeSignOnSession(sessionSHA256: session.key), let provider = config.signOn,
            let token = IDTokenSeal.open(sealed, sessionID: session.id)
        else { return nil }
        return provider.endSessionURL(idTokenHint: token)
    }

    /// The page after signing out of Bewaar that takes the browser on to the provider's sign-out
    /// page. A page, not a redirect: the sign-out is a form, and the CSP's `form-action 'self'`
    /// would stop a form's redirect to another site.
    func signOutPage(_ language: Language, to target: URL) -> Response {
        let t = PageTexts.of(language)
        let page = Self.signOnDocument(
            t, title: t.signOn.signedOutTitle, refresh: target.absoluteString,
            main: """
                <p>\(t.signOn.signingOutAtSchool)</p>
                <p><a id="afmelden-school" href="\(target.absoluteString)">\(t.signOn.continueToSchool)</a></p>
                """)
        var r = html(page)
        r.setCookie(clearedCookie())
        return r
    }
}

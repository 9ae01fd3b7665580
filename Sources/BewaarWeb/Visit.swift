import BewaarKit
import BewaarStore
import BewaarAccounts

/// A signed-in request: the session, its account, and the words of its language.
struct Visit: Sendable {
    var session: Session
    var account: Account
    var t: any PageText { PageTexts.of(session.language) }
}

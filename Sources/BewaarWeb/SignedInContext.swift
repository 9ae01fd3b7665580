import Hummingbird
import NIOCore
import BewaarModel

/// The context of every staff page: it exists only for a signed-in visit, so a handler that
/// takes it cannot run for someone who is not signed in. Made from a ``WebContext`` after
/// ``SignIn`` looked up the session; without an account in it, making it fails with the
/// redirect to the login page.
struct SignedInContext: ChildRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    /// Who is signed in: the session, its account, their language.
    let visit: Visit
    /// The case of a `/zaken/ID/…` route once ``CaseGate`` let this visit in (nil before, and on
    /// every other route). Read only by ``CaseContext/init(context:)``.
    var checkedCase: CaseID?

    init(context: WebContext) throws {
        guard let visit = context.visit else { throw PageError.redirect("/inloggen") }
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
        self.visit = visit
    }
}

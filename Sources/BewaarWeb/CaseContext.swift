import Hummingbird
import NIOCore
import BewaarModel

/// The context of every `/zaken/ID/…` page: it exists only once ``CaseGate`` found that the
/// signed-in visitor may read the case, so a case handler cannot run without that check. It
/// carries the visit and the checked case number.
struct CaseContext: ChildRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    /// Who is signed in.
    let visit: Visit
    /// The case of the URL, which this visitor may read.
    let caseID: CaseID

    init(context: SignedInContext) throws {
        // Only reachable when a route was added to a case group without its gate: refuse.
        guard let id = context.checkedCase else { throw PageError.notFound(context.visit.t, context.visit.t.noSuchCaseNumber) }
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
        visit = context.visit
        caseID = id
    }
}

import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core context plus the address of the
/// peer, which the login throttle keys on (behind the school's proxy: the forwarded header
/// the configuration names).
///
/// The staff pages never see this context: their handlers get a ``SignedInContext`` (or a
/// ``CaseContext``), which only exists for a signed-in visit.
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer (the proxy, when there is one).
    public let remoteAddress: SocketAddress?
    /// The signed-in visit, filled in by ``SignIn`` on the staff routes (nil everywhere else, and
    /// for anyone not signed in). Read only by ``SignedInContext/init(context:)``.
    var visit: Visit?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

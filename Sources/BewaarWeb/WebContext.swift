import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core context plus the address of the
/// peer, which the login throttle keys on (behind the school's proxy: the forwarded header
/// the configuration names).
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer (the proxy, when there is one).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

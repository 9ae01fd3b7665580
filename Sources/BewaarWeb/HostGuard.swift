import Hummingbird
import HTTPTypes

/// Refuses a request whose `Host` is not this server's name (DNS rebinding: a page elsewhere
/// that points its own name at 127.0.0.1 must not reach the interface).
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    let config: WebConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard config.accepts(authority: request.head.authority) else {
            let t = PageTexts.of(.nl)
            return Response(status: .misdirectedRequest, headers: [.contentType: "text/html; charset=utf-8", .connection: "close"],
                             body: .init(byteBuffer: ByteBuffer(string: Layout.bare(t, title: t.errorTitle(421), message: t.access.hostRefused).raw)))
        }
        return try await next(request, context)
    }
}

import BewaarStore
import Hummingbird

/// Gives each page request (`GET`, `HEAD`) a ``ReadScope``: on PostgreSQL the page's reads share
/// one read transaction (ended by any write, and when the handler is done) instead of one each.
/// Not for `POST`s: an upload or a sign-in may wait long (a body streaming in, a password being
/// hashed) while a transaction would hold a connection of the pool.
struct PageReads<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        let scope = ReadScope()
        defer { scope.end() }
        return try await ReadScope.$current.withValue(scope) { try await next(request, context) }
    }
}

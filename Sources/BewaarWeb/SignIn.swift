import Hummingbird

/// Looks up the session of a staff request and puts its visit in the context; the
/// ``SignedInContext`` the staff group makes next refuses to exist without one (the redirect to
/// the login page). Runs only on the staff routes, never on the login pages, the assets or the
/// pupils' upload pages (their own cookie, path `/aanleveren/`, is never read here).
struct SignIn: RouterMiddleware {
    typealias Context = WebContext
    let app: WebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let session = try app.session(request), let account = session.account {
            context.visit = Visit(session: session, account: account)
        }
        return try await next(request, context)
    }
}

import Hummingbird

/// The gate of a case's closing, reopening and legal hold: only a linked afdelingsleider of the
/// case passes (``AccessPolicy/mayClose(_:_:)``); another reader gets the plain refusal, logged
/// as `access-refused` in the case's chain. Runs after ``CaseGate``.
struct HeadGate: RouterMiddleware {
    typealias Context = CaseContext
    let app: WebApp

    func handle(_ request: Request, context: CaseContext, next: (Request, CaseContext) async throws -> Response) async throws -> Response {
        guard try app.policy.mayClose(context.visit.account, context.caseID) else {
            throw app.refuse(context.visit, chain: context.caseID.description, path: request.uri.path)
        }
        return try await next(request, context)
    }
}

import Hummingbird

/// The gate of a case's management (escalation, access, upload links): only a linked mentor or
/// afdelingsleider of the case passes; another reader of the case gets the plain refusal,
/// logged as `access-refused` in the case's chain. Runs after ``CaseGate``.
struct ManagerGate: RouterMiddleware {
    typealias Context = CaseContext
    let app: WebApp

    func handle(_ request: Request, context: CaseContext, next: (Request, CaseContext) async throws -> Response) async throws -> Response {
        guard try app.policy.mayManageAccess(context.visit.account, context.caseID) else {
            throw app.refuse(context.visit, chain: context.caseID.description, path: request.uri.path)
        }
        return try await next(request, context)
    }
}

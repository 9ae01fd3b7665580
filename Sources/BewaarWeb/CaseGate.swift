import Hummingbird
import BewaarModel

/// The gate of `/zaken/ID/…`: the case number of the URL must name a case this visitor may read
/// (``AccessPolicy``). A missing case and someone else's case get the same 404 (no case-number
/// oracle); the refusal of an existing one is logged in its chain as `access-refused`. Once in,
/// the checked case goes into the context, from which the group makes its ``CaseContext``.
struct CaseGate: RouterMiddleware {
    typealias Context = SignedInContext
    let app: WebApp

    func handle(_ request: Request, context: SignedInContext, next: (Request, SignedInContext) async throws -> Response) async throws -> Response {
        let v = context.visit
        guard let raw = context.parameters.get("id"), raw.utf8.count <= 20, let id = CaseID(raw) else {
            throw PageError.notFound(v.t, v.t.noSuchCaseNumber)
        }
        let exists = (try? app.store.case(id)) != nil
        // A destroyed case: those who had access are told so (staff names, no pupil data); to
        // anyone else it is the same 404 as a number that never existed.
        let name = v.account.name
        if !exists, let r = try? app.store.destruction(of: id), r.accounts.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            let l = v.t.lifecycle
            let notice = l.destroyedNotice(id.description, at: Layout.time(r.time, v.t), by: r.actor, reason: r.reason)
            throw PageError(status: .gone, body: Layout.bare(v.t, title: l.destroyedTitle(id.description), message: notice, back: "/zaken").raw)
        }
        guard exists, try app.policy.mayRead(v.account, id) else {
            if exists {
                _ = try? app.store.recordAccess(chain: id.description, actor: v.account.name, action: "access-refused",
                                                details: ["path": String(request.uri.path.prefix(200)), "role": v.account.role.rawValue])
            }
            throw PageError.notFound(v.t, v.t.access.noSuchCaseOrNoAccess(id.description))
        }
        var context = context
        context.checkedCase = id
        return try await next(request, context)
    }
}

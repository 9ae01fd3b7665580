import Hummingbird
import BewaarAccounts
import BewaarStore

/// Lets through only the roles of a group (`/beheer`, `/herkomst`, the case list); any other
/// signed-in visitor gets the plain refusal, logged as `access-refused` in the store's chain.
struct RoleGate: RouterMiddleware {
    typealias Context = SignedInContext
    let app: WebApp
    let roles: Set<AccountRole>

    func handle(_ request: Request, context: SignedInContext, next: (Request, SignedInContext) async throws -> Response) async throws -> Response {
        guard roles.contains(context.visit.account.role) else {
            throw app.refuse(context.visit, chain: CaseStore.storeChain, path: request.uri.path)
        }
        return try await next(request, context)
    }
}

extension AccountRole {
    /// The roles that read cases (their own): the case list and opening a case.
    static var caseReaders: Set<AccountRole> { Set(allCases.filter(\.readsCases)) }
}
